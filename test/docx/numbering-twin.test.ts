// A .docx whose heading ordinals come from Word's automatic numbering gets the findings of its text twin: the
// reader renders the ordinals as Word shows them, and marks them as numbering.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import { readDocxText } from '../../node/docx/read';
import { seed } from '../helpers/fixtures';
import { buildDocx } from './build';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// three levels as seed 001 writes them: 一、 / (一) / 1.
const LEVELS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 0],
  [/^\([一二三四五六七八九十]+\)/, 1],
  [/^[0-9]+\./, 2],
];
const NUMBERING =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

describe('Word numbering and the text twin', () => {
  it('seed 001 with its heading ordinals as Word numbering: same text, same findings', async () => {
    const twin = seed('001').replace(/\r\n/g, '\n').replace(/\n+$/, '');
    let numbered = 0;
    const body = twin
      .split('\n')
      .map((line) => {
        for (const [re, lvl] of LEVELS) {
          const m = re.exec(line);
          if (!m) continue;
          numbered++;
          return `<w:p><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${esc(line.slice(m[0].length))}</w:t></w:r></w:p>`;
        }
        return `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`;
      })
      .join('');
    expect(numbered).toBeGreaterThan(20);
    const d = await readDocxText(await buildDocx({ body, numbering: NUMBERING }));
    expect(d.text).toBe(twin);
    const strip = (fs: ReturnType<typeof lint>['findings']) => fs.map((f) => ({ rule: f.ruleId, offset: f.offset, endOffset: f.endOffset, message: f.message, fix: f.fix }));
    const fromDocx = lint(d.text, { format: 'text' }).findings;
    const fromText = lint(twin, { format: 'text' }).findings;
    expect(fromDocx.length).toBeGreaterThan(0);
    expect(strip(fromDocx)).toEqual(strip(fromText));
    // the half-width brackets of "(一)" are findings on text that Word's numbering writes
    const onNumbering = fromDocx.filter((f) => d.paragraphs.some((p) => p.pieces.some((x) => x.kind === 'numbering' && x.start <= f.offset && f.endOffset <= x.end)));
    expect(onNumbering.length).toBeGreaterThan(0);
  });
});
