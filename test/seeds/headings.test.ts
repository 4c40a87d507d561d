// The heading-* and enumeration-sequence rows of SEED-FINDINGS.md, as tests on the sample reports.
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import { lineOf, seed, seedPath, type SeedId } from '../helpers/fixtures';

const HEADING_RULES = ['heading-marker', 'heading-sequence', 'heading-hierarchy', 'enumeration-sequence'];
const rules = allRules.filter((r) => HEADING_RULES.includes(r.meta.id));

function findings(id: SeedId, rule?: string) {
  const text = seed(id);
  const r = lint(text, { filename: seedPath(id), rules });
  expect(r.internalErrors).toEqual([]);
  return { text, findings: r.findings.filter((f) => !rule || f.ruleId === rule) };
}

describe('seed headings', () => {
  it('000: every `1、` on lines 33–87 is reported with the fix `1.`', () => {
    const { text, findings: fs } = findings('000', 'heading-marker');
    const dun = fs.filter((f) => /^\d+、$/.test(text.slice(f.offset, f.endOffset)));
    const expectedLines = text
      .split('\n')
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => /^\d+、/.test(l))
      .map(([, n]) => n);
    expect(expectedLines.length).toBe(19);
    expect(dun.map((f) => lineOf(text, f.offset))).toEqual(expectedLines);
    expect(Math.min(...expectedLines)).toBe(33);
    expect(Math.max(...expectedLines)).toBe(87);
    for (const f of dun) {
      expect(f.severity).toBe('error');
      expect(f.fix!.edits).toEqual([{ offset: f.endOffset - 1, endOffset: f.endOffset, text: '.' }]);
    }
  });

  it('000: `(一)` on lines 31, 41, 49 is reported with the fix `（一）`', () => {
    const { text, findings: fs } = findings('000', 'heading-marker');
    const paren = fs.filter((f) => text[f.offset] === '(');
    expect(paren.map((f) => lineOf(text, f.offset))).toEqual([31, 41, 49]);
    const fixed = fixText(text, { rules }).output;
    expect(fixed.split('\n')[30].startsWith('（一）紧扣')).toBe(true);
  });

  it.each([
    ['001', [15, 23, 33, 41, 49, 57, 69, 71, 73]],
    ['004', [3, 7, 10, 15, 18, 22, 26, 31, 39, 41, 43, 45, 47, 49, 51]],
  ] as const)('%s: every half-width bracketed ordinal is reported', (id, lines) => {
    const { text, findings: fs } = findings(id, 'heading-marker');
    expect(fs.map((f) => lineOf(text, f.offset))).toEqual(lines);
    expect(fs.every((f) => text[f.offset] === '(' && f.fix)).toBe(true);
  });

  it('000: the restart of 一、…四、 inside 二、 is reported at line 63 with a demotion suggestion, no renumbering', () => {
    const { text, findings: fs } = findings('000', 'heading-sequence');
    expect(fs).toHaveLength(1);
    const [f] = fs;
    expect(lineOf(text, f.offset)).toBe(63);
    expect(f.severity).toBe('error');
    expect(f.fix).toBeUndefined();
    const edits = f.suggestions![0].edits;
    expect(edits.map((e) => [lineOf(text, e.offset), e.text])).toEqual([
      [63, '（一）'],
      [71, '（二）'],
      [77, '（三）'],
      [83, '（四）'],
    ]);
    // never 三、…六、
    expect(JSON.stringify(f)).not.toMatch(/[三四五六]、"/);
  });

  it('fixing the seeds removes every fixable heading finding, and fixing twice equals once', () => {
    for (const id of ['000', '001', '004'] as const) {
      const text = seed(id);
      const once = fixText(text, { rules });
      expect(once.result.findings.filter((f) => f.fix)).toEqual([]);
      expect(fixText(once.output, { rules }).output).toBe(once.output);
    }
  });

  it('news pages 002 and 003 get no heading or enumeration finding (traps: `(近)零碳`, `□ 记者`, `数说 2023——`)', () => {
    expect(findings('002').findings).toEqual([]);
    expect(findings('003').findings).toEqual([]);
  });

  it('no heading-hierarchy or enumeration-sequence finding on the seeds', () => {
    for (const id of ['000', '001', '002', '003', '004'] as const) {
      expect(findings(id, 'heading-hierarchy').findings).toEqual([]);
      expect(findings(id, 'enumeration-sequence').findings).toEqual([]);
    }
  });
});
