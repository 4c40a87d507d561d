// Recall of the consistency checks on the real reports (../shared/corpus/: 24 national and district reports, 143 city
// reports). Each report is changed once per case, as an edited draft would be, and the change must be found at its
// place by the rule, with no other new finding from any rule:
// - count-consistency: a count whose members are found (a run of headings after `…五个方面工作：`, `：一是…`,
//   `：（1）…（2）…` in one paragraph, `…八个方面工作。` ending a paragraph before its headings, a plain
//   、 list after 即/分别为/：) made one more, and one fewer (the first such count of each shape in each report);
// - parts-whole: one term of a 三次产业结构 ratio made 1 larger (the first ratio of each report); the first plain
//   `总数，其中…部分` of each report with the part made twice the total. (The corpus has no `分别占…` shares of
//   parts that cannot overlap — its two are shares of different wholes — so that check is covered by fixtures only.)
// Counts and ratios are found here by plain patterns and the report model, not by the rules under test.
// The figures are printed; each rule must find at least 80 % of its changes.
import { expect } from 'vitest';
import { lint } from '../../rules/engine';
import { bracketItemsAt } from '../../rules/model/enumerations';
import { parseChineseNumeral, toAsciiDigits, toChineseNumeral } from '../../rules/model/numerals';
import type { Finding } from '../../rules/types';
import { city, cityFiles, corpus, corpusFiles, describeCorpus, itCorpus } from '../helpers/fixtures';

interface Change {
  rule: string;
  case: string;
  offset: number;
  endOffset: number;
  text: string;
}

const COUNT_RE = /(?<![一二两三四五六七八九十百千万零〇0-9.第每前后近约数几多])([一二两三四五六七八九十]{1,3}|[0-9]{1,2})(?=(?:大|个|项|方面|件|部分)[\u4e00-\u9fff“”]{0,10}?[”]?(，即|：即|即|分别为|分别是|：))/g;
const PART_RE = /(?<![\d.人户年平亩均每])(\d+(?:\.\d+)?)(亿元|万元|万人|个|家|项)[，,]其中([^，,。；\d]{2,12}?)(\d+(?:\.\d+)?)\2(?=[，。；、,])/g;
const RATIO_RE = /(?:三次产业|三产|产业结构)[^。；\d]{0,14}?(\d+(?:\.\d+)?)[:：∶](\d+(?:\.\d+)?)[:：∶](\d+(?:\.\d+)?)/g;

/** The numeral changed by d, in its own form; undefined below 2 (a count of one counts no list). */
function bump(numeral: string, d: number): string | undefined {
  const v = /^[0-9]+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral.replace(/两/g, '二'));
  if (!v || v + d < 2 || v + d > 30) return undefined;
  return /^[0-9]+$/.test(numeral) ? String(v + d) : toChineseNumeral(v + d);
}

function changes(text: string): Change[] {
  const doc = lint(text, { rules: [] }).doc!;
  const out: Change[] = [];
  const seen = new Set<string>();
  const enumAt = new Map(doc.enumerations.filter((e) => e.style !== 'order-words' && e.items[0].value === 1).map((e) => [e.items[0].offset, e]));
  COUNT_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = COUNT_RE.exec(text)); ) {
    const v = /^[0-9]/.test(m[1]) ? Number(toAsciiDigits(m[1])) : parseChineseNumeral(m[1].replace(/两/g, '二'));
    if (!v || v < 2) continue;
    // the introducer's end
    const rest = text.slice(m.index, m.index + 30);
    const intro = /(，即|：即|即|分别为|分别是|：)/.exec(rest.slice(m[1].length))!;
    const after = m.index + m[1].length + intro.index + intro[0].length;
    let shape: string | undefined;
    if (intro[0] === '：') {
      let s = after;
      while (text[s] === ' ' || text[s] === '\u3000') s++;
      const e = enumAt.get(s);
      const run = doc.headingRunAfter(after);
      const block = doc.blocks.find((b) => b.start <= s && s < b.end);
      const items = block && bracketItemsAt(text, s, block.end);
      if (e && e.items.length === v) shape = 'enumeration 一是…';
      else if (run && run.length === v) shape = 'run of headings';
      else if (items && items.length === v) shape = 'inline （1）…';
    }
    if (!shape && !/^[\s　]*(?:[一二三四五六七八九十]是|（1）|①)/.test(text.slice(after, after + 6))) {
      const seg = /^[：]?([^，。；：\n]*)/.exec(text.slice(after, after + 200))![1];
      if (!/[和及与等（“《]/.test(seg)) {
        const parts = seg.split('、');
        if (parts.length === v && parts.every((p) => p.length >= 2 && p.length <= 20)) shape = '、 list';
      }
    }
    if (!shape || seen.has(shape)) continue;
    seen.add(shape);
    for (const d of [1, -1]) {
      const to = bump(m[1], d);
      if (to) out.push({ rule: 'count-consistency', case: `count ${d > 0 ? '+1' : '−1'}: ${shape}`, offset: m.index, endOffset: m.index + m[1].length, text: to });
    }
  }
  // `重点抓好以下八个方面工作。` ending its paragraph, before the run of headings
  const PERIOD_RE = /(?<![一二两三四五六七八九十百千万零〇0-9.第每前后近约数几多])([一二两三四五六七八九十]{1,3}|[0-9]{1,2})(?=个?方面[^，。；：\n]{0,6}。)/g;
  for (let m: RegExpExecArray | null; (m = PERIOD_RE.exec(text)); ) {
    const v = /^[0-9]/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1].replace(/两/g, '二'));
    const stop = text.indexOf('。', m.index);
    const run = doc.headingRunAfter(stop + 1);
    if (!v || !run || run.length !== v) continue;
    for (const d of [1, -1]) {
      const to = bump(m[1], d);
      if (to) out.push({ rule: 'count-consistency', case: `count ${d > 0 ? '+1' : '−1'}: run of headings after 。`, offset: m.index, endOffset: m.index + m[1].length, text: to });
    }
    break;
  }
  RATIO_RE.lastIndex = 0;
  const r = RATIO_RE.exec(text);
  if (r) {
    const sum = Number(r[1]) + Number(r[2]) + Number(r[3]);
    if (Math.abs(sum - 100) <= 0.2) {
      const at = r.index + r[0].length - r[3].length;
      const dec = r[3].includes('.') ? r[3].split('.')[1].length : 0;
      out.push({ rule: 'parts-whole', case: 'structure ratio: one term +1', offset: at, endOffset: at + r[3].length, text: (Number(r[3]) + 1).toFixed(dec) });
    }
  }
  // a 其中 part made larger than its total (its number: the total's, doubled)
  PART_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = PART_RE.exec(text)); ) {
    if (/均|每|突破|超/.test(m[3]) || Number(m[4]) >= Number(m[1])) continue;
    const at = m.index + m[0].length - m[2].length - m[4].length;
    out.push({ rule: 'parts-whole', case: '其中 part: larger than its total', offset: at, endOffset: at + m[4].length, text: String(Number(m[1]) * 2) });
    break;
  }
  return out;
}

const key = (f: Finding, shift = 0) => `${f.ruleId}:${f.offset + shift}:${f.endOffset + shift}`;

describeCorpus('recall of the consistency checks on the corpus', () => {
  itCorpus('each change is found at its place, with no other new finding', () => {
    const reports = [...corpusFiles().map((f) => ({ name: f, text: corpus(f) })), ...cityFiles().map((f) => ({ name: `cities-2024/${f}`, text: city(f) }))];
    const figures = new Map<string, { rule: string; n: number; found: number; misses: string[] }>();
    for (const { name, text } of reports) {
      const cs = changes(text);
      if (cs.length === 0) continue;
      const base = lint(text).findings;
      for (const c of cs) {
        const changed = text.slice(0, c.offset) + c.text + text.slice(c.endOffset);
        const delta = c.text.length - (c.endOffset - c.offset);
        const before = new Set(base.map((f) => key(f, f.offset >= c.endOffset ? delta : 0)));
        const fresh = lint(changed).findings.filter((f) => !before.has(key(f)));
        const at = fresh.filter((f) => f.ruleId === c.rule && f.offset <= c.offset + c.text.length + 40 && f.endOffset >= c.offset - 40);
        const others = fresh.filter((f) => !at.includes(f));
        const fig = figures.get(c.case) ?? { rule: c.rule, n: 0, found: 0, misses: [] };
        fig.n++;
        if (at.length > 0 && others.length === 0) fig.found++;
        else
          fig.misses.push(
            `${name} @${c.offset} “${text.slice(Math.max(0, c.offset - 6), c.endOffset + 16).replace(/\s+/g, ' ')}”: ${at.length ? '' : 'not found'}${others.length ? ` others: ${others.map((f) => `${f.ruleId} “${changed.slice(f.offset, f.endOffset)}”`).join(', ')}` : ''}`,
          );
        figures.set(c.case, fig);
      }
    }
    const perRule = new Map<string, { n: number; found: number }>();
    const lines: string[] = [];
    for (const [c, f] of figures) {
      const r = perRule.get(f.rule) ?? { n: 0, found: 0 };
      r.n += f.n;
      r.found += f.found;
      perRule.set(f.rule, r);
      lines.push(`${c}: ${f.found}/${f.n} (${((100 * f.found) / f.n).toFixed(1)} %)`);
      for (const m of f.misses.slice(0, 8)) lines.push(`    missed: ${m}`);
    }
    for (const [r, f] of perRule) lines.push(`${r}: ${f.found}/${f.n} (${((100 * f.found) / f.n).toFixed(1)} %)`);
    console.log(lines.join('\n'));
    for (const rule of ['count-consistency', 'parts-whole']) {
      const f = perRule.get(rule);
      expect(f, `no change made for ${rule}`).toBeDefined();
      expect(f!.found / f!.n, lines.join('\n')).toBeGreaterThanOrEqual(0.8);
    }
  }, 600_000);
});
