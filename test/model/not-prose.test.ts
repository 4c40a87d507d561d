// Issue 13 #6: Markdown front matter and data blocks (a CSV or TSV table saved as .txt) are not prose: nothing in
// them is reported or fixed, and the prose around them is read as before, at its own offsets.
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../../rules/engine';
import { buildProse, dataLines, frontMatterLines, MASK } from '../../rules/model/prose';
import { LineIndex } from '../../rules/model/lines';

const findingsIn = (text: string, filename: string, from: number, to: number) =>
  lint(text, { filename }).findings.filter((f) => f.offset < to && f.endOffset > from);

const FRONT_MATTER = ['---', 'title: 某局2023年工作总结', 'date: 2024-01-31', 'tags: [总结, 计划]', 'summary: 全年完成投资X亿元,同比增长5%', '---', ''].join('\n');
const BODY = ['# 某局2023年工作总结', '', '一、2023年工作总结', '', '(一)项目建设', '', '全年完成投资X亿元,同比增长5%。', ''].join('\n');

describe('Markdown front matter', () => {
  for (const [name, eol, bom] of [
    ['LF', '\n', ''],
    ['CRLF with a BOM', '\r\n', '\uFEFF'],
  ] as const) {
    it(`is neither linted nor fixed (${name}), and the text after it is`, () => {
      const text = bom + (FRONT_MATTER + BODY).replace(/\n/g, eol);
      const fmEnd = text.indexOf('# ');
      expect(findingsIn(text, 'r.md', 0, fmEnd)).toEqual([]);
      const fixed = fixText(text, { filename: 'r.md' }).output;
      expect(fixed.slice(0, fmEnd)).toBe(text.slice(0, fmEnd));
      // the same findings in the body as without the front matter, shifted by its length
      const alone = lint(bom + BODY.replace(/\n/g, eol), { filename: 'r.md' }).findings.map((f) => [f.ruleId, f.offset + fmEnd - bom.length]);
      const after = lint(text, { filename: 'r.md' }).findings.map((f) => [f.ruleId, f.offset]);
      expect(after).toEqual(alone);
      expect(after.some(([rule]) => rule === 'placeholder')).toBe(true);
      expect(fixed.slice(fmEnd)).toContain('（一）项目建设');
    });
  }

  it('only at the very start, and only when closed', () => {
    const md = (t: string) => {
      const lines = new LineIndex(t);
      return frontMatterLines(t, lines);
    };
    expect(md('---\na: 1\n---\n正文')).toBe(3);
    expect(md('---\na: 1\n...\n正文')).toBe(3);
    expect(md('---\n标题：没有结束的分隔线\n正文，X亿元。')).toBe(0);
    expect(md('正文\n---\na: 1\n---\n')).toBe(0);
    // unclosed: the text stays prose and is linted
    const open = '---\n全年完成投资X亿元。\n';
    expect(findingsIn(open, 'r.md', 0, open.length).some((f) => f.ruleId === 'placeholder')).toBe(true);
    // a .txt file has no front matter
    const txt = '---\ntitle: 全年完成投资X亿元\n---\n';
    expect(findingsIn(txt, 'r.txt', 0, txt.length).some((f) => f.ruleId === 'placeholder')).toBe(true);
  });
});

describe('data blocks', () => {
  const CSV = ['城市,常住人口（万人）,增长率', '北京,2189,0.5%', '上海,2487,0.3%', '广州,1882,1.2%'].join('\n');
  const TSV = ['项目\t投资（亿元）\t进度', '一号线\t120\t80%', '二号线\t95\t60%'].join('\n');
  const PROSE = '（一）项目建设。全年完成投资X亿元,同比增长5%。';

  for (const [name, filename] of [
    ['.txt', 'data.txt'],
    ['.md', 'data.md'],
  ] as const) {
    it(`CSV and TSV lines in ${name} are neither linted nor fixed; the prose around them is`, () => {
      const text = `${PROSE}\n${CSV}\n\n${TSV}\n\n${PROSE}\n`;
      const dataFrom = PROSE.length + 1;
      const dataTo = text.lastIndexOf(PROSE);
      expect(findingsIn(text, filename, dataFrom, dataTo)).toEqual([]);
      const fixed = fixText(text, { filename }).output;
      expect(fixed).toContain(CSV);
      expect(fixed).toContain(TSV);
      // both prose lines are still checked, at their own offsets
      const placeholders = lint(text, { filename }).findings.filter((f) => f.ruleId === 'placeholder');
      expect(placeholders.map((f) => text.slice(f.offset, f.endOffset))).toEqual(['X', 'X']);
      expect(placeholders[1].offset).toBe(dataTo + PROSE.indexOf('X'));
    });
  }

  it('needs three lines with the same non-zero count, and no 。 or ；', () => {
    const flags = (t: string) => Array.from(dataLines(t, new LineIndex(t)) ?? new Uint8Array(t.split('\n').length));
    expect(flags('a,b\nc,d\ne,f')).toEqual([1, 1, 1]);
    expect(flags('a,b\nc,d')).toEqual([0, 0]); // two lines: prose
    expect(flags('a,b\nc,d,e\nf,g')).toEqual([0, 0, 0]); // counts differ
    expect(flags('a,b\nc,d。\ne,f')).toEqual([0, 0, 0]);
    expect(flags('a,b\nc；d,e\nf,g')).toEqual([0, 0, 0]);
    expect(flags('a,b\nc,d\n\ne,f')).toEqual([0, 0, 0, 0]); // a blank line ends a run
    expect(flags('x\ta\ny\tb\nz\tc\n一、总结')).toEqual([1, 1, 1, 0]);
    expect(flags('a,b\nc,d\ne,f\ng,h,i')).toEqual([1, 1, 1, 0]);
    // two lines of a CSV stay prose, as the rule says
    expect(lint('北京,2189\n上海,2487\n', { filename: 'x.txt' }).findings.length).toBeGreaterThan(0);
  });

  it('keeps offsets: masked, same length, line ends kept', () => {
    const text = `${PROSE}\r\n${CSV.replace(/\n/g, '\r\n')}\r\n${PROSE}`;
    for (const format of ['text', 'markdown'] as const) {
      const p = buildProse(text, format, new LineIndex(text));
      expect(p.text.length).toBe(text.length);
      const csvStart = PROSE.length + 2;
      const csvText = p.text.slice(csvStart, csvStart + CSV.replace(/\n/g, '\r\n').length);
      expect(csvText.replace(/\r\n/g, '')).toBe(MASK.repeat(CSV.replace(/\n/g, '').length));
      expect(p.blocks.every((b) => b.end <= csvStart || b.start >= csvStart + CSV.length + 3)).toBe(true);
    }
  });
});
