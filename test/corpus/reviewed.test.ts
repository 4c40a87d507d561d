// The reviewed snapshot (docs/reviewed-findings.md): every finding on the seeds and the 167 corpus reports is in
// test/corpus/reviewed-findings.tsv with a verdict given by reading it. A finding that appears or disappears
// fails here until the snapshot is regenerated (npm run snapshot) and the new rows are judged.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeCorpus } from '../helpers/fixtures';
import { compare, excerpt, formatRow, formatTsv, liveFindings, merge, parseTsv, readSnapshot, reports, type Comparison, type LiveFinding, type Report, type Row } from './snapshot-lib';

/** Issue 12: at most this many findings judged false per 10,000 characters over the 167 corpus reports. */
const FALSE_PER_10K = 0.1;
/**
 * Issue 12's rate and exit-code criteria are not met yet on main (67 false findings, 0.24 per 10,000
 * characters; 20 city reports exit 1 on false findings only): the rule fixes of issue 12 are in other branches.
 * Until they land these two are expected to fail (it.fails); when they pass, vitest reports them as failing:
 * then set this to false.
 */
const CRITERIA_PENDING = false;
const criterion = CRITERIA_PENDING ? it.fails : it;

describe('the snapshot machinery', () => {
  it('an excerpt: 4 characters before the finding, the finding and its line, whitespace made one space, at most 20', () => {
    const text = '一、2023年工作回顾\n\n\u3000\u3000全年完成投资12.3亿元,同比增长6.1%，　　超过预期目标。\n下一行';
    const at = text.indexOf(',');
    expect(excerpt(text, at, at + 1)).toBe('.3亿元,同比增长6.1%， 超过预期目');
    expect(excerpt(text, 2, 6)).toBe('一、2023年工作回顾');
    expect([...excerpt(text, text.indexOf('全'), text.indexOf('全') + 2)].length).toBeLessThanOrEqual(20);
  });

  it('merge keeps verdicts of unchanged keys and of findings that only moved, adds the rest as ?, drops the gone', () => {
    const text = '甲,乙\n丙;丁\n戊(己)';
    const report: Report = { file: 'seeds/x.txt', group: 'seed', text };
    const live = liveFindings([report]);
    expect(live.map((l) => [l.row.rule, l.row.line, l.row.excerpt])).toEqual([
      ['punctuation-width', 1, '甲,乙'],
      ['punctuation-width', 2, '丙;丁'],
      ['punctuation-width', 3, '戊(己)'], // ( and ) on one line: the same key twice
      ['punctuation-width', 3, '戊(己)'],
    ]);
    const old = parseTsv(formatTsv([
      { ...live[0].row, verdict: 'true', reason: 'kept' },
      { ...live[1].row, line: 9, verdict: 'true', reason: 'moved' },
      { ...live[2].row, excerpt: 'gone', verdict: 'false', reason: 'gone' },
    ]));
    const m = merge(live, old);
    expect(m.rows.map((r) => [r.line, r.verdict, r.reason])).toEqual([[1, 'true', 'kept'], [2, 'true', 'moved'], [3, '?', ''], [3, '?', '']]);
    expect([m.added.length, m.removed.map((r) => r.reason), m.moved]).toEqual([2, ['gone'], 1]);
  });
});

describeCorpus('the reviewed snapshot of findings on the seeds and the corpus', () => {
  let list: Report[];
  let live: LiveFinding[];
  let snap: Row[];
  let cmp: Comparison;
  beforeAll(() => {
    list = reports();
    live = liveFindings(list);
    snap = readSnapshot();
    cmp = compare(live, snap);
  });

  it('covers the 5 seeds, the 24 national and district reports and the 143 city reports', () => {
    expect(['seed', 'national', 'city'].map((g) => list.filter((r) => r.group === g).length)).toEqual([5, 24, 143]);
  });

  it('lists every finding, and only those (npm run snapshot regenerates it)', () => {
    const added = cmp.added.map((l) => formatRow(l.row));
    const removed = cmp.removed.map(formatRow);
    const msg = [
      added.length ? `new findings, not in the snapshot (run npm run snapshot, judge them):\n${added.join('\n')}` : '',
      removed.length ? `rows in the snapshot no longer found:\n${removed.join('\n')}` : '',
    ].filter(Boolean).join('\n\n');
    if (msg) console.log(msg);
    expect({ added: added.length, removed: removed.length }, msg).toEqual({ added: 0, removed: 0 });
  });

  it('has the severity each finding is reported with, and a verdict and reason for each', () => {
    const wrong = cmp.matched.filter((m) => m.row.severity !== m.live.row.severity).map((m) => `${formatRow(m.row)}  (now ${m.live.row.severity})`);
    expect(wrong, wrong.join('\n')).toEqual([]);
    const open = snap.filter((r) => r.verdict === '?' || !r.reason.trim()).map(formatRow);
    expect(open, `not judged:\n${open.join('\n')}`).toEqual([]);
  });

  it('has no finding judged false on the seeds and the 24 national and district reports', () => {
    const group = new Map(list.map((r) => [r.file, r.group]));
    const bad = cmp.matched.filter((m) => m.row.verdict === 'false' && group.get(m.row.file) !== 'city').map((m) => formatRow(m.row));
    expect(bad, bad.join('\n')).toEqual([]);
  });

  criterion(`has at most ${FALSE_PER_10K} finding judged false per 10,000 characters over the 167 corpus reports`, () => {
    const corpus = list.filter((r) => r.group !== 'seed');
    const chars = corpus.reduce((n, r) => n + r.text.length, 0);
    const files = new Set(corpus.map((r) => r.file));
    const falses = cmp.matched.filter((m) => m.row.verdict === 'false' && files.has(m.row.file)).length;
    expect(corpus).toHaveLength(167);
    expect({ falses, per10k: Number(((falses / chars) * 10_000).toFixed(3)) }).toEqual({ falses, per10k: expect.toSatisfy((x: number) => x <= FALSE_PER_10K) });
  });

  criterion('every corpus report that exits 1 has an error-severity finding judged true', () => {
    const bad: string[] = [];
    for (const r of list.filter((r) => r.group !== 'seed')) {
      const errors = cmp.matched.filter((m) => m.row.file === r.file && m.live.finding.severity === 'error');
      if (errors.length && !errors.some((m) => m.row.verdict === 'true')) bad.push(`${r.file}: ${errors.length} error(s), none judged true`);
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });
});
