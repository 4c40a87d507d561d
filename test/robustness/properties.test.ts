// Issue 8: never crash, never hang, never lose text. Property tests over the whole engine with every rule
// on, for .txt and .md: no exception, no internal error, ranges inside the document on code-point
// boundaries, fixes inside their finding, one pass of fixes touches only the fixed spans, fix-all twice
// equals once. A few hundred cases here (fixed seed; FC_SEED=n to change it, FC_RUNS=n for more);
// `npm run fuzz` runs 10,000+.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { checkBoth, checkDocument, loadSeeds, mutatedSeedArb, PropertyViolation, randomTextArb, TOKENS, applyMutation, yearArb } from './harness';
import { allRules } from '../../rules/all-rules';
import type { Rule } from '../../rules/types';

const root = join(__dirname, '..', '..');
const seeds = loadSeeds(root);
const SEED = Number(process.env.FC_SEED ?? 8);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: false };

describe('engine properties, every rule on', () => {
  it('has seeds and rules to work with', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    expect(allRules.length).toBeGreaterThanOrEqual(4);
  });

  it('the seeds themselves satisfy every invariant', () => {
    for (const s of seeds) checkBoth(s);
  });

  it('mutated seed reports (insert, delete, duplicate, swap; odd Unicode, ordinals, quotes, dashes, line breaks)', () => {
    fc.assert(fc.property(mutatedSeedArb(seeds), yearArb, (t, y) => checkBoth(t, y)), params);
  });

  it('random Unicode (graphemes, any UTF-16 units, report tokens)', () => {
    fc.assert(fc.property(randomTextArb(), yearArb, (t, y) => checkBoth(t, y)), { ...params, numRuns: RUNS + 50 });
  });

  it('every token inserted at a line start of a seed', () => {
    // deterministic sweep: each odd token meets the heading, enumeration and placeholder readers once
    const base = seeds[0].split('\n').slice(20, 60).join('\n');
    for (const tok of TOKENS) {
      checkBoth(applyMutation(base, { op: 'insert', at: 0.5, token: tok, lineStart: true }));
    }
  });
});

describe('the invariants can fail (the harness is not vacuous)', () => {
  const bad = (id: string, check: Rule['check']): Rule => ({ ...allRules[0], meta: { ...allRules[0].meta, id }, check });
  const msg = { zh: '测试', en: 'test' };

  it('a rule that throws is caught as a violation', () => {
    const boom = bad('boom', () => {
      throw new Error('boom');
    });
    expect(() => checkDocument('一、总结\n', 'x.txt', [boom])).toThrow(/internal errors: rule boom failed: boom/);
  });

  it('a fix that is not idempotent is caught', () => {
    // doubles the first 。 on every pass: fixing twice differs from fixing once
    const grow = bad('grow', ({ doc, report }) => {
      const i = doc.text.indexOf('。');
      if (i >= 0) report({ offset: i, endOffset: i + 1, message: msg, fix: { edits: [{ offset: i, endOffset: i + 1, text: '。。' }] } });
    });
    expect(() => checkDocument('一是推进。', 'x.txt', [grow])).toThrow(/not idempotent/);
  });

  it('a fix outside its range is caught (the engine drops it and reports an internal error)', () => {
    const wide = bad('wide', ({ report }) => report({ offset: 0, endOffset: 1, message: msg, fix: { edits: [{ offset: 0, endOffset: 3, text: '' }] } }));
    expect(() => checkDocument('一、总结', 'x.txt', [wide])).toThrow(PropertyViolation);
  });

  it('a valid, idempotent rule passes', () => {
    const ok = bad('ok', ({ doc, report }) => {
      const i = doc.text.indexOf('，,');
      if (i >= 0) report({ offset: i, endOffset: i + 2, message: msg, fix: { edits: [{ offset: i + 1, endOffset: i + 2, text: '' }] } });
    });
    expect(checkDocument('一是推进，,二是落实。', 'x.txt', [ok])).toMatchObject({ findings: 1, fixes: 1 });
  });
});
