// The placeholder rule on the sample reports (SEED-FINDINGS.md), on template-style reports made from real
// text, and on the 24 finished government reports of the corpus.
import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/placeholder';
import { lint } from '../../rules/engine';
import type { Finding } from '../../rules/types';
import { corpus, corpusFiles, describeCorpus, lineOf, seed, type SeedId } from '../helpers/fixtures';

function run(text: string, filename = 'report.txt') {
  const r = lint(text, { filename, rules: [rule] });
  expect(r.internalErrors).toEqual([]);
  return r;
}

/** Offsets of characters matching re that lie in no finding. */
function uncovered(text: string, findings: Finding[], re: RegExp): string[] {
  const out: string[] = [];
  let k = 0;
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  for (let i = 0; i < text.length; i++) {
    if (!re.test(text[i])) continue;
    while (k < sorted.length && sorted[k].endOffset <= i) k++;
    if (!(k < sorted.length && sorted[k].offset <= i)) out.push(`line ${lineOf(text, i)}: …${text.slice(Math.max(0, i - 8), i + 8)}…`);
  }
  return out;
}

const at = (text: string, f: Finding) => ({ line: lineOf(text, f.offset), text: text.slice(f.offset, f.endOffset), after: text.slice(f.endOffset, f.endOffset + 3) });

describe('placeholder on the seeds', () => {
  it('001: every X lies in a placeholder finding, 157 placeholders', () => {
    const text = seed('001');
    const r = run(text);
    expect(uncovered(text, r.findings, /[Xx]/)).toEqual([]);
    expect(r.findings).toHaveLength(157);
    expect(r.placeholders).toBe(157);
    expect(r.findings.every((f) => f.severity === 'error' && !f.fix && /X/.test(text.slice(f.offset, f.endOffset)))).toBe(true);
    const fs = r.findings.map((f) => at(text, f));
    // XGWh (17), DNX and XKV (37): the X alone is the placeholder
    expect(fs).toContainEqual({ line: 17, text: 'X', after: 'GWh' });
    expect(fs).toContainEqual({ line: 37, text: 'X', after: '给水管' });
    expect(fs).toContainEqual({ line: 37, text: 'X', after: 'KV望' });
    // 同比增长X%元 (11): the X, not the % or 元 (those are metric-unit's)
    expect(fs).toContainEqual({ line: 11, text: 'X', after: '%元。' });
    // nothing on the acronyms of 17–45
    for (const f of r.findings) expect(text.slice(f.offset, f.endOffset)).toMatch(/^X+$/);
  });

  it('004: every x lies in a placeholder finding, 126 placeholders (xxx.xx is one, x-xx two)', () => {
    const text = seed('004');
    const r = run(text);
    expect(uncovered(text, r.findings, /[Xx]/)).toEqual([]);
    expect(r.findings).toHaveLength(126);
    expect(r.placeholders).toBe(126);
    const fs = r.findings.map((f) => at(text, f));
    // xxxx年,xx工业园区 … 坚持x“ … 按照xx市委“xxxxx” … 今年x-xx月 … xxx.xx亿元 … xx.xx亿元
    expect(fs.filter((f) => f.line === 1).map((f) => f.text)).toEqual(['xxxx', 'xx', 'x', 'xx', 'xxxxx', 'x', 'xx', 'xxx.xx', 'xx.xx']);
    expect(fs).toContainEqual({ line: 1, text: 'x', after: '-xx' });
    expect(fs).toContainEqual({ line: 1, text: 'xx', after: '月,园' });
    expect(fs).toContainEqual({ line: 1, text: 'xxx.xx', after: '亿元,' });
    // Bx版 (11), x个xxx% (23)
    expect(fs).toContainEqual({ line: 11, text: 'x', after: '版正版' });
    expect(fs.filter((f) => f.line === 23).map((f) => f.text)).toEqual(['x', 'xxx']);
    // the MBA and QQ群 lines keep only their real placeholders
    for (const f of fs) expect(f.text).toMatch(/^[x.]+$/);
  });

  for (const id of ['000', '002', '003'] as SeedId[]) {
    it(`${id}: no placeholder (220kV, WORLD, sunamp, PM2.5, 5G, □ 记者)`, () => {
      const text = seed(id);
      const r = run(text);
      expect(r.findings.map((f) => at(text, f))).toEqual([]);
      expect(r.doc?.placeholders).toEqual([]);
      expect(r.placeholders).toBe(0);
    });
  }
});

// Numbers of a real report, as a template writes them: every digit becomes x (ｘ for full-width digits).
// Digits glued to Latin letters are names (5G, PM2.5, 4S店, C919), except before a unit symbol (220kV).
const NUMBER_RE =
  /(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)*(?=kV|kW|MW|GW|km|mm|cm|kg|[^A-Za-zＡ-Ｚａ-ｚ0-9０-９]|$)/g;

function template(text: string): { text: string; numbers: number } {
  let numbers = 0;
  const out = text.replace(NUMBER_RE, (m) => {
    numbers++;
    return m.replace(/[0-9]/g, 'x').replace(/[０-９]/g, 'ｘ');
  });
  return { text: out, numbers };
}

function fillIn(text: string): string {
  let n = 0;
  return text.replace(/[xｘ]+/g, (m) => String((n++ % 9) + 1).repeat(m.length));
}

describe('placeholder on template-style reports', () => {
  const original = seed('000');
  const t = template(original);

  it('the template of seed 000 reports every number left as x, once each', () => {
    expect(t.numbers).toBeGreaterThan(100);
    expect(t.text).toMatch(/xxxx年工作总结/);
    const r = run(t.text);
    expect(uncovered(t.text, r.findings, /[xｘ]/)).toEqual([]);
    expect(r.findings).toHaveLength(t.numbers);
    expect(r.placeholders).toBe(t.numbers);
    // each finding is one number's x's (x.x and xxx.xx stay one placeholder)
    for (const f of r.findings) expect(t.text.slice(f.offset, f.endOffset)).toMatch(/^x+(?:\.x+)*$/);
  });

  it('the filled-in report reports none', () => {
    expect(run(original).findings).toEqual([]);
    const filled = fillIn(t.text);
    expect(filled).not.toMatch(/x{2}/);
    expect(run(filled).findings.map((f) => at(filled, f))).toEqual([]);
  });

  it('the same holds as Markdown', () => {
    const md = t.text.replace(/^(.+)$/gm, '$1\n');
    const r = run(md, 'draft.md');
    expect(uncovered(md, r.findings, /x/)).toEqual([]);
    expect(r.findings).toHaveLength(t.numbers);
    expect(run(fillIn(md), 'draft.md').findings).toEqual([]);
  });
});

describeCorpus('placeholder on the corpus of finished reports', () => {
  const files = corpusFiles();

  it('has the 24 reports', () => {
    expect(files).toHaveLength(24);
  });

  for (const f of files) {
    it(`${f}: nothing reported; as a template, every number is`, () => {
      const text = corpus(f);
      const r = run(text);
      expect(r.findings.map((x) => at(text, x))).toEqual([]);
      const tpl = template(text);
      const rt = run(tpl.text);
      expect(uncovered(tpl.text, rt.findings, /[xｘ]/)).toEqual([]);
      // a number after a surname-like character is still a value, never a redacted name
      expect(rt.findings.filter((x) => x.severity === 'info').map((x) => at(tpl.text, x))).toEqual([]);
    });
  }
});
