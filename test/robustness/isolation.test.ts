// Issue 8: a rule that throws, or reports a bad range or a fix outside its range, is isolated by the engine: what it
// got wrong is dropped and reported once as an internal error naming the rule, and every other rule's findings
// and fixes are still delivered. Runs with every built-in rule on a real seed report.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../rules/all-rules';
import { fixText, lint } from '../../rules/engine';
import type { Finding, ReportInput, Rule } from '../../rules/types';

// The report model throws on one sentinel text (to prove the engine's guard around it); otherwise it is the real one.
const SENTINEL = '〔simulated-model-failure〕';
vi.mock('../../rules/model/document', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../rules/model/document')>();
  return {
    ...real,
    buildDocument: (text: string, opts: Parameters<typeof real.buildDocument>[1]) => {
      if (text.includes(SENTINEL)) throw new RangeError('simulated model failure');
      return real.buildDocument(text, opts);
    },
  };
});

const seed = readFileSync(join(__dirname, '..', '..', 'examples', '000_14fc8861097ac680.txt'), 'utf8');
const msg = { zh: '测试', en: 'test' };

function testRule(id: string, check: Rule['check']): Rule {
  return {
    meta: {
      id,
      description: msg,
      severity: 'warning',
      tags: ['test'],
      category: { id: 'test', order: 999, name: msg },
      fixable: true,
      clause: 'test',
      docs: { why: msg, examples: [] },
    },
    check,
  };
}

const key = (f: Finding) => JSON.stringify(f);
const baseline = lint(seed, { filename: 'x.txt' });

describe('rule isolation in the engine, every rule on', () => {
  it('the seed has findings and fixes from the built-in rules to compare against', () => {
    expect(baseline.internalErrors).toEqual([]);
    expect(baseline.findings.length).toBeGreaterThan(5);
    expect(baseline.findings.some((f) => f.fix)).toBe(true);
  });

  for (const [label, thrown] of [
    ['an Error', new Error('kaboom')],
    ['a string', 'kaboom'],
    ['undefined', undefined],
  ] as const) {
    it(`a rule that throws ${label} after reporting: one internal error naming it, every other finding kept`, () => {
      const thrower = testRule('test-throws', ({ report }) => {
        report({ offset: 0, endOffset: 1, message: msg });
        throw thrown;
      });
      // in the middle of the list: the rules after it still run
      const rules = [...allRules.slice(0, 3), thrower, ...allRules.slice(3)];
      const r = lint(seed, { filename: 'x.txt', rules });
      expect(r.internalErrors).toHaveLength(1);
      expect(r.internalErrors[0].ruleId).toBe('test-throws');
      expect(r.internalErrors[0].message).toContain('test-throws');
      if (thrown) expect(r.internalErrors[0].message).toContain('kaboom');
      const others = r.findings.filter((f) => f.ruleId !== 'test-throws');
      expect(others.map(key)).toEqual(baseline.findings.map(key));
    });
  }

  it('fix-all still applies the other rules’ fixes when one rule throws', () => {
    const thrower = testRule('test-throws', () => {
      throw new Error('kaboom');
    });
    const withThrower = fixText(seed, { filename: 'x.txt', rules: [thrower, ...allRules] });
    const without = fixText(seed, { filename: 'x.txt' });
    expect(withThrower.output).toBe(without.output);
    expect(withThrower.output).not.toBe(seed);
    expect(withThrower.result.internalErrors.map((e) => e.ruleId)).toEqual(['test-throws']);
  });

  it('out-of-range and surrogate-splitting ranges are dropped, reported once, the valid finding kept', () => {
    const text = `${seed}\n数据😀完成`;
    const emoji = text.indexOf('😀');
    const bad: ReportInput[] = [
      { offset: -1, endOffset: 2, message: msg },
      { offset: 0, endOffset: text.length + 1, message: msg },
      { offset: 5, endOffset: 3, message: msg },
      { offset: 1.5, endOffset: 3, message: msg },
      { offset: NaN, endOffset: 3, message: msg },
      { offset: emoji + 1, endOffset: emoji + 2, message: msg }, // starts inside the surrogate pair
      { offset: emoji, endOffset: emoji + 1, message: msg }, // ends inside it
      { offset: 0, endOffset: 1, message: undefined as unknown as typeof msg },
    ];
    const liar = testRule('test-ranges', ({ report }) => {
      for (const b of bad) report(b);
      report({ offset: emoji, endOffset: emoji + 2, message: msg }); // the whole emoji: valid
    });
    const r = lint(text, { filename: 'x.txt', rules: [...allRules, liar] });
    const mine = r.findings.filter((f) => f.ruleId === 'test-ranges');
    expect(mine.map((f) => [f.offset, f.endOffset])).toEqual([[emoji, emoji + 2]]);
    expect(r.internalErrors).toHaveLength(1);
    expect(r.internalErrors[0]).toMatchObject({ ruleId: 'test-ranges' });
    expect(r.internalErrors[0].message).toContain(`${bad.length} invalid`);
    const base = lint(text, { filename: 'x.txt' });
    expect(r.findings.filter((f) => f.ruleId !== 'test-ranges').map(key)).toEqual(base.findings.map(key));
  });

  it('a fix outside its finding’s range is dropped (the finding stays, without it) and reported', () => {
    const i = seed.indexOf('。');
    const wide = testRule('test-wide-fix', ({ report }) => {
      // the finding is the 。, the fix also deletes the character before it: it must never be applied
      report({ offset: i, endOffset: i + 1, message: msg, fix: { edits: [{ offset: i - 1, endOffset: i + 1, text: '' }] } });
      // overlapping edits inside one fix, and an edit splitting nothing but with a non-string text
      report({ offset: i, endOffset: i + 1, message: msg, fix: { edits: [{ offset: i, endOffset: i + 1, text: 'a' }, { offset: i, endOffset: i + 1, text: 'b' }] } });
      report({ offset: i, endOffset: i + 1, message: msg, fix: { edits: [{ offset: i, endOffset: i + 1, text: 5 as unknown as string }] } });
      // a suggestion with a bad edit is dropped, the good one kept
      report({
        offset: i,
        endOffset: i + 1,
        message: msg,
        suggestions: [
          { title: msg, edits: [{ offset: i, endOffset: seed.length + 5, text: '' }] },
          { title: msg, edits: [{ offset: i, endOffset: i + 1, text: '．' }] },
        ],
      });
    });
    const r = lint(seed, { filename: 'x.txt', rules: [...allRules, wide] });
    const mine = r.findings.filter((f) => f.ruleId === 'test-wide-fix');
    expect(mine).toHaveLength(4);
    expect(mine.every((f) => f.fix === undefined)).toBe(true);
    expect(mine.filter((f) => f.suggestions).map((f) => f.suggestions!.length)).toEqual([1]);
    expect(r.internalErrors).toEqual([{ ruleId: 'test-wide-fix', message: expect.stringContaining('4 invalid') }]);
    expect(r.findings.filter((f) => f.ruleId !== 'test-wide-fix').map(key)).toEqual(baseline.findings.map(key));
    // and fix-all never deletes the character before the 。
    const fixed = fixText(seed, { filename: 'x.txt', rules: [...allRules, wide] }).output;
    expect(fixed).toBe(fixText(seed, { filename: 'x.txt' }).output);
  });

  it('a failure of the report model itself is an internal error and a skipped document, not an exception', () => {
    const r = lint(`一、总结${SENTINEL}`, { filename: 'x.txt' });
    expect(r.findings).toEqual([]);
    expect(r.skipped).toBe('internal error');
    expect(r.internalErrors).toEqual([{ ruleId: 'engine', message: expect.stringContaining('simulated model failure') }]);
    expect(fixText(`一、总结${SENTINEL}`).output).toBe(`一、总结${SENTINEL}`);
  });
});
