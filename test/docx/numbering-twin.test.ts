// A .docx whose heading ordinals come from Word's automatic numbering gets the findings of its text twin: the
// reader renders the ordinals as Word shows them, and marks them as numbering.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import { readDocxText } from '../../node/docx/read';
import { seed } from '../helpers/fixtures';
import { buildDocx, NUMBERING, numberedBody } from './build';

describe('Word numbering and the text twin', () => {
  it('seed 001 with its heading ordinals as Word numbering: same text, same findings', async () => {
    const twin = seed('001').replace(/\r\n/g, '\n').replace(/\n+$/, '');
    const { body, numbered } = numberedBody(twin);
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
