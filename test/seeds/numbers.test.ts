// The seed reports (examples/): every metric-unit and number-range row of SEED-FINDINGS.md, the traps, and the
// fix-all of the number rules (re-lint finds nothing fixable; only characters inside reported ranges change).
import { describe, expect, it } from 'vitest';
import { diffChars } from 'diff';
import { fixText, lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import type { Finding } from '../../rules/types';
import { SEEDS, lineOf, seed, type SeedId } from '../helpers/fixtures';

const IDS = ['metric-unit', 'number-range', 'number-format', 'document-number'];
const rules = allRules.filter((r) => IDS.includes(r.meta.id));

function run(id: SeedId): { text: string; findings: Finding[] } {
  const text = seed(id);
  const r = lint(text, { filename: SEEDS[id], rules });
  expect(r.internalErrors).toEqual([]);
  return { text, findings: r.findings };
}

const show = (text: string, f: Finding) => `${f.ruleId} ${lineOf(text, f.offset)}:${text.slice(f.offset, f.endOffset)}`;

describe('seeds: number rules', () => {
  it('001: 同比增长X%元 (11) — the finding and its fix cover 元 only', () => {
    const { text, findings } = run('001');
    const f = findings.filter((x) => x.ruleId === 'metric-unit' && lineOf(text, x.offset) === 11);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0].offset, f[0].endOffset)).toBe('元');
    expect(text.slice(f[0].offset - 3, f[0].offset)).toBe('长X%');
    expect(f[0].fix?.edits).toEqual([{ offset: f[0].offset, endOffset: f[0].endOffset, text: '' }]);
  });

  it('001: X亿基金 and X亿政策补助资金 (55) — money without 元', () => {
    const { text, findings } = run('001');
    const f = findings.filter((x) => x.ruleId === 'metric-unit' && lineOf(text, x.offset) === 55);
    expect(f.map((x) => text.slice(x.offset, x.endOffset + 6))).toEqual(['亿基金及X亿政', '亿政策补助资金']);
    for (const x of f) expect(x.fix?.edits[0].text).toBe('亿元');
  });

  it('001: metric-unit reports exactly those three', () => {
    const { text, findings } = run('001');
    expect(findings.filter((x) => x.ruleId === 'metric-unit').map((x) => show(text, x))).toEqual([
      'metric-unit 11:元',
      'metric-unit 55:亿',
      'metric-unit 55:亿',
    ]);
  });

  it('001: every 1-9月 (11 … 55) is reported with the fix 1—9月, and nothing else', () => {
    const { text, findings } = run('001');
    const f = findings.filter((x) => x.ruleId === 'number-range');
    expect(f.map((x) => lineOf(text, x.offset))).toEqual([11, 17, 19, 21, 25, 27, 29, 35, 37, 51, 53, 55]);
    for (const x of f) {
      expect(text.slice(x.offset, x.endOffset)).toBe('1-9月');
      expect(x.fix?.edits).toEqual([{ offset: x.offset + 1, endOffset: x.offset + 2, text: '—' }]);
    }
  });

  it('004: x-xx月 (1) — number-range reports and fixes the - alone', () => {
    const { text, findings } = run('004');
    const f = findings.filter((x) => x.ruleId === 'number-range');
    expect(f).toHaveLength(1);
    expect(lineOf(text, f[0].offset)).toBe(1);
    expect(text.slice(f[0].offset - 1, f[0].endOffset + 3)).toBe('x-xx月');
    expect(f[0].endOffset - f[0].offset).toBe(1);
    expect(f[0].fix?.edits).toEqual([{ offset: f[0].offset, endOffset: f[0].endOffset, text: '—' }]);
  });

  it('traps: PM2.5, 220kV, 1—9月, 5G, 中国-中东欧, dates and IDs give no finding', () => {
    for (const id of ['000', '002', '003'] as const) {
      const { text, findings } = run(id);
      expect(findings.map((f) => show(text, f)), id).toEqual([]);
    }
    const { text: t1, findings: f1 } = run('001');
    for (const f of f1) expect(text1Around(t1, f)).not.toMatch(/中东欧/);
    // only the listed findings on 001 and 004
    expect(f1).toHaveLength(15);
    expect(run('004').findings).toHaveLength(1);
  });

  it('no finding range or edit of these rules touches a placeholder character', () => {
    for (const id of Object.keys(SEEDS) as SeedId[]) {
      const text = seed(id);
      const r = lint(text, { filename: SEEDS[id], rules });
      for (const f of r.findings) {
        expect(r.doc!.overlapsPlaceholder(f.offset, f.endOffset), show(text, f)).toBe(false);
        for (const e of f.fix?.edits ?? []) expect(r.doc!.overlapsPlaceholder(e.offset, e.endOffset)).toBe(false);
      }
    }
  });

  it.each(Object.keys(SEEDS) as SeedId[])('%s: fix-all leaves nothing fixable and changes only reported ranges', (id) => {
    const text = seed(id);
    const opts = { filename: SEEDS[id], rules };
    const before = lint(text, opts).findings;
    const fixed = fixText(text, opts);
    expect(fixed.result.findings.filter((f) => f.fix).map((f) => show(fixed.output, f))).toEqual([]);
    expect(fixText(fixed.output, opts).output).toBe(fixed.output);
    // Walk the character diff: every removed run and every insertion point lies inside a reported range.
    let pos = 0;
    let changes = 0;
    for (const part of diffChars(text, fixed.output)) {
      if (part.added) {
        changes++;
        expect(before.some((f) => f.offset <= pos && pos <= f.endOffset), `insertion at ${pos}`).toBe(true);
      } else if (part.removed) {
        changes++;
        const end = pos + part.value.length;
        expect(before.some((f) => f.offset <= pos && end <= f.endOffset), `removal ${pos}-${end}`).toBe(true);
        pos = end;
      } else pos += part.value.length;
    }
    expect(changes > 0).toBe(before.some((f) => f.fix));
  });
});

function text1Around(text: string, f: Finding): string {
  return text.slice(Math.max(0, f.offset - 2), f.endOffset + 3);
}
