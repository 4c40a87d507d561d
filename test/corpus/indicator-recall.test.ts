// Recall of indicator-consistency on the 167 real reports (../shared/corpus/: 24 national and district reports, 143
// city reports): in each report that states an indicator the model reads (model/indicators.ts), the sentence of its
// first statement is written again right after itself, inside the same section, with the statement's number changed
// (last digit +1, 9 → 8), as a draft pasted together from two sources would have it; in a second case the copy is
// a paragraph of its own at the end of the innermost section holding the statement. The rule must report the
// changed number in the copy, with no other new finding (a finding in the copy that repeats one in the original
// sentence is not new). The figures are printed; at least 80 % must be found.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import type { Finding } from '../../rules/types';
import { indicatorStatements } from '../../rules/model/indicators';
import { city, cityFiles, corpus, corpusFiles, describeCorpus } from '../helpers/fixtures';

interface Change {
  /** Where the copy is inserted and what it is. */
  at: number;
  copy: string;
  /** The changed number inside the copy (relative to the copy). */
  numberStart: number;
  numberEnd: number;
  /** The copied sentence in the original text: findings in it may repeat in the copy. */
  from: number;
  what: string;
}

function changes(text: string): { case: string; change: Change }[] {
  const c = change(text);
  if (!c) return [];
  const out = [{ case: 'next sentence', change: c }];
  // the same copy as a paragraph of its own at the end of the innermost section
  const doc = lint(text, { rules: [] }).doc!;
  const h = doc.sectionAt(c.from).headings[0];
  if (h && h.sectionEnd > c.at) {
    const end = h.sectionEnd;
    const [at, lead, tail] = end >= text.length ? [text.length, '\n', ''] : [end, '', '\n'];
    out.push({ case: 'end of the section', change: { ...c, at, copy: lead + c.copy + tail, numberStart: c.numberStart + lead.length, numberEnd: c.numberEnd + lead.length } });
  }
  return out;
}

function change(text: string): Change | undefined {
  const doc = lint(text, { rules: [] }).doc!;
  for (const s of indicatorStatements(doc)) {
    if (doc.overlapsPlaceholder(s.offset, s.endOffset)) continue;
    const sentence = doc.sentences.find((x) => x.start <= s.offset && s.offset < x.end);
    if (!sentence) continue;
    // a sentence that is a heading's own text is copied from after its ordinal
    const from = sentence.heading && sentence.start === sentence.block.start ? sentence.heading.textOffset : sentence.start;
    if (from > s.nameOffset) continue;
    // the last digit of the statement's number
    const m = /[0-9](?=[^0-9]*$)/.exec(text.slice(s.offset, s.endOffset));
    if (!m) continue;
    const digitAt = s.offset + m.index;
    const d = Number(text[digitAt]);
    const copy = text.slice(from, digitAt) + String(d === 9 ? 8 : d + 1) + text.slice(digitAt + 1, sentence.end);
    const numberStart = s.offset - from;
    return { at: sentence.end, copy, numberStart, numberEnd: numberStart + (s.endOffset - s.offset), from, what: `${s.indicator.zh}${s.text}` };
  }
  return undefined;
}

const key = (f: Finding, shift = 0) => `${f.ruleId}:${f.offset + shift}:${f.endOffset + shift}`;

describeCorpus('recall of indicator-consistency on the corpus', () => {
  it('a second statement of an indicator given another value is found at its place, with no other new finding', () => {
    const reports = [...corpusFiles().map((f) => ({ name: f, text: corpus(f) })), ...cityFiles().map((f) => ({ name: `cities-2024/${f}`, text: city(f) }))];
    const figures = new Map<string, { n: number; found: number; misses: string[] }>();
    for (const { name, text } of reports) {
      const base = lint(text).findings;
      for (const { case: what, change: c } of changes(text)) {
        const fig = figures.get(what) ?? { n: 0, found: 0, misses: [] };
        figures.set(what, fig);
        fig.n++;
        const changed = text.slice(0, c.at) + c.copy + text.slice(c.at);
        const before = new Set<string>();
        const copyStart = c.at + c.copy.indexOf(text.slice(c.from, c.from + 4));
        for (const f of base) {
          before.add(key(f, f.offset >= c.at ? c.copy.length : 0));
          // the same finding repeated in the copy
          if (f.offset >= c.from && f.offset < c.from + c.copy.length) before.add(key(f, copyStart - c.from));
        }
        const fresh = lint(changed).findings.filter((f) => !before.has(key(f)));
        const at = fresh.filter((f) => f.ruleId === 'indicator-consistency' && f.offset === c.at + c.numberStart && f.endOffset === c.at + c.numberEnd);
        const others = fresh.filter((f) => !at.includes(f));
        if (at.length === 1 && others.length === 0) fig.found++;
        else
          fig.misses.push(
            `${name} “${c.what}”: ${at.length ? '' : 'not found'}${others.length ? ` others: ${others.map((f) => `${f.ruleId} “${changed.slice(f.offset, f.endOffset)}”`).join(', ')}` : ''}`,
          );
      }
    }
    let n = 0;
    let found = 0;
    const lines: string[] = [];
    for (const [what, f] of figures) {
      n += f.n;
      found += f.found;
      lines.push(`${what}: ${f.found}/${f.n} (${((100 * f.found) / f.n).toFixed(1)} %)`);
      for (const m of f.misses.slice(0, 10)) lines.push(`    missed: ${m}`);
    }
    lines.unshift(`indicator-consistency recall: ${found}/${n} changes found (${((100 * found) / n).toFixed(1)} %) in ${reports.length} reports`);
    console.log(lines.join('\n'));
    expect(n).toBeGreaterThan(100);
    expect(found / n, lines.join('\n')).toBeGreaterThanOrEqual(0.8);
    for (const [what, f] of figures) expect(f.found / f.n, `${what}: ${f.found}/${f.n}\n${f.misses.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});

describe('indicator-recall change', () => {
  it('copies the sentence of the first statement with its last digit changed', () => {
    const text = '2024年政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长5.9%，经济平稳运行。\n二、2024年工作安排\n稳中求进。';
    const c = change(text)!;
    expect(c.copy).toBe('全年地区生产总值增长5.8%，经济平稳运行。');
    expect(c.copy.slice(c.numberStart, c.numberEnd)).toBe('增长5.8%');
  });
});

// Recall of plausible-values on the same reports: the first share or rate of a whole stated with one decimal
// (`比重达到48.5%`, `森林覆盖率63.2%`; 10 % at least, so that the change passes 100 %) loses its decimal point
// (`485%`), the commonest way such a value goes wrong. An ASCII `%` only: number-format reports a full-width one
// on the changed span too.
const SHARE = /(?:占比|比重|覆盖率|城镇化率|优良率|达标率|合格率)(?:达到|达|为|提高到|提升到|提高至|提升至)?([1-9][0-9])\.([0-9])%/g;

describeCorpus('recall of plausible-values on the corpus', () => {
  it('a share whose decimal point is lost is found at its place, with no other new finding', () => {
    const reports = [...corpusFiles().map((f) => ({ name: f, text: corpus(f) })), ...cityFiles().map((f) => ({ name: `cities-2024/${f}`, text: city(f) }))];
    let n = 0;
    let found = 0;
    const misses: string[] = [];
    for (const { name, text } of reports) {
      SHARE.lastIndex = 0;
      const m = SHARE.exec(text);
      if (!m) continue;
      const start = m.index + m[0].length - m[1].length - m[2].length - 2;
      const doc = lint(text, { rules: [] }).doc!;
      if (doc.overlapsPlaceholder(start, start + 1)) continue;
      n++;
      const changed = text.slice(0, start) + m[1] + m[2] + text.slice(start + m[1].length + 1 + m[2].length);
      const before = new Set(lint(text).findings.map((f) => key(f, f.offset > start ? -1 : 0)));
      const fresh = lint(changed).findings.filter((f) => !before.has(key(f)));
      const at = fresh.filter((f) => f.ruleId === 'plausible-values' && f.offset === start && f.endOffset === start + m[1].length + m[2].length + 1);
      const others = fresh.filter((f) => !at.includes(f));
      if (at.length === 1 && others.length === 0) found++;
      else misses.push(`${name} “${m[0]}”: ${at.length ? '' : 'not found'}${others.length ? ` others: ${others.map((f) => `${f.ruleId} “${changed.slice(f.offset, f.endOffset)}”`).join(', ')}` : ''}`);
    }
    const figure = `plausible-values recall: ${found}/${n} lost decimal points found (${((100 * found) / n).toFixed(1)} %)`;
    console.log([figure, ...misses.slice(0, 10).map((x) => `    missed: ${x}`)].join('\n'));
    expect(n).toBeGreaterThan(50);
    expect(found / n, [figure, ...misses].join('\n')).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});
