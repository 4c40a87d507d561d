// year-facts: anniversaries, five-year-plan phases and party congresses that do not match the year they are
// written for. The facts are in rules/lib/time-facts.ts.
import type { ReportDocument, Sentence } from '../model/document';
import { parseChineseNumeral, toAsciiDigits, toChineseNumeral } from '../model/numerals';
import { TIME_FACTS, congress, fiveYearPlan } from '../lib/time-facts';
import type { Rule } from '../types';
import { indexesOf, matchAll, msg, positionsIn } from '../util';
import { CATEGORY } from '../categories';

const NAMES = TIME_FACTS.anniversaries.flatMap((a) => a.names.map((n) => ({ n, a }))).sort((x, y) => y.n.length - x.n.length);
const ANNIV_RE = new RegExp(`(${NAMES.map((x) => x.n).join('|')})的?([0-9０-９]{1,3}|[一二三四五六七八九十百零〇]{1,5})周年(?!纪念大会|庆祝大会|大会|讲话|重要讲话|阅兵)`, 'g');
// Only the phases a source ties to one year: 开局/起步/第一年 = the first (STANDARDS.md "Time facts"), 收官/最后一年 =
// the last, 第N年. Words said of many years (关键之年, 攻坚之年, 承上启下) are never checked.
const PHASE_RE = /十([一二三四五六七八九])五[”"]?(?:规划|时期)?(?:实施)?(?:的|期间的)?(开局起步之年|开局之年|开局年|起步之年|第一年|收官之年|收官年|最后一年|第([一二三四五])年)/g;
const CONGRESS_RE = /(?<![一二三四五六七八九十])(二?十[一二三四五六七八九]?)大(?:[^。，；;,]{0,24}?)精神/g;
const YEAR_IN_SENTENCE = /((?:19|20|１９|２０)[0-9０-９]{2})年(?!以来|以前|之前|前|后|至|到|[—～\-－、和与])/g;

/** The year a statement at `offset` is about: a year named before it in its sentence, else its section's year. */
function yearAt(doc: ReportDocument, sentences: Sentence[], offset: number): number | undefined {
  const s = findSentence(sentences, offset);
  if (s) {
    const before = doc.prose.slice(s.start, offset);
    let last: string | undefined;
    for (const m of matchAll(YEAR_IN_SENTENCE, before)) last = m[1];
    if (last) return Number(toAsciiDigits(last));
    // `24年是新中国成立75周年`: a shortened year (date-format reports it) still frames the sentence
    const short = /^[\s\u3000]*([0-9０-９]{2})年[，,]?是/.exec(before);
    const base = doc.years.report ?? doc.years.summary;
    if (short && base !== undefined) {
      let y = Math.floor(base / 100) * 100 + Number(toAsciiDigits(short[1]));
      if (y > base + 10) y -= 100;
      return y;
    }
    // Relative years (`明年是…`, `去年…`) need a date we do not have.
    if (/明年|去年|上年|前年|来年|后年/.test(before)) return undefined;
  }
  const frame = doc.timeFrameAt(offset);
  if (frame.kind === 'multi-year') return undefined;
  return frame.year;
}

function findSentence(ss: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= offset) lo = mid + 1;
    else if (ss[mid].start > offset) hi = mid - 1;
    else return ss[mid];
  }
  return undefined;
}

function numberOf(s: string): number | undefined {
  return /[0-9０-９]/.test(s) ? Number(toAsciiDigits(s)) : parseChineseNumeral(s);
}

const rule: Rule = {
  meta: {
    id: 'year-facts',
    description: msg('周年、五年规划阶段和党代会与年份不符', 'Anniversaries, five-year-plan phases and party congresses that do not match the year'),
    severity: 'warning',
    tags: ['year', 'facts'],
    category: CATEGORY.years,
    fixable: false,
    clause: '公文写作规范：史实与时间要素准确',
    docs: {
      why: msg(
        '由往年文稿改写时，“建党100周年”“十四五开局之年”“贯彻落实党的十九大精神”之类的说法最容易漏改。中国共产党成立于1921年，新中国成立于1949年，改革开放始于1978年，建军于1927年；十三五为2016—2020年，十四五为2021—2025年，十五五为2026—2030年；党的十八大、十九大、二十大分别于2012年11月、2017年10月、2022年10月召开。',
        "Phrases such as 建党100周年, 十四五开局之年 or 贯彻落实党的十九大精神 are the easiest to leave unchanged when a report is written from last year's. The CPC was founded in 1921, the PRC in 1949, reform began in 1978, the PLA in 1927; the 13th/14th/15th five-year plans cover 2016–2020/2021–2025/2026–2030; the 18th/19th/20th congresses met in 2012-11, 2017-10 and 2022-10.",
      ),
      examples: [
        { wrong: '2022年是中国共产党成立100周年。', right: '2022年是中国共产党成立101周年。' },
        { wrong: '2022年是“十四五”开局之年。', right: '2022年是“十四五”承上启下的关键之年。' },
        { wrong: '（2023年工作总结中）深入学习贯彻党的十九大精神', right: '深入学习贯彻党的二十大精神' },
      ],
    },
  },
  check({ doc, report }) {
    if (doc.years.source === 'none') return;
    const sentences = doc.sentences;
    // What each regex cannot match without, found in one pass over the prose each.
    const annivs = indexesOf(doc.prose, '周年');
    const wus = indexesOf(doc.prose, '五');
    const jingshens = indexesOf(doc.prose, '精神');
    if (!annivs.length && !wus.length && !jingshens.length) return;
    for (const b of doc.blocks) {
      const anniv = positionsIn(annivs, b.start, b.end - 1).length > 0;
      const phase = positionsIn(wus, b.start, b.end).length > 0;
      const congressed = positionsIn(jingshens, b.start, b.end - 1).length > 0;
      if (!anniv && !phase && !congressed) continue;
      const s = doc.prose.slice(b.start, b.end);

      if (anniv) for (const m of matchAll(ANNIV_RE, s)) {
        const off = b.start + m.index;
        const end = off + m[0].length;
        if (doc.overlapsPlaceholder(off, end)) continue;
        const n = numberOf(m[2]);
        const fact = NAMES.find((x) => x.n === m[1])!.a;
        const year = yearAt(doc, sentences, off);
        if (n === undefined || year === undefined || fact.year + n === year) continue;
        report({
          offset: off,
          endOffset: end,
          message: msg(
            `${fact.label.zh}于${fact.year}年，${year}年应是${year - fact.year}周年，不是${n}周年`,
            `${fact.label.en} was in ${fact.year}: ${year} is its ${year - fact.year}th anniversary, not the ${n}th`,
          ),
        });
      }

      if (phase) for (const m of matchAll(PHASE_RE, s)) {
        const off = b.start + m.index;
        const end = off + m[0].length;
        if (doc.overlapsPlaceholder(off, end)) continue;
        const plan = fiveYearPlan(10 + parseChineseNumeral(m[1])!);
        const year = yearAt(doc, sentences, off);
        if (!plan || year === undefined) continue;
        const phase = m[2];
        const expect = /收官|最后/.test(phase) ? plan.last : m[3] ? plan.first + parseChineseNumeral(m[3])! - 1 : plan.first;
        if (expect === year) continue;
        report({
          offset: off,
          endOffset: end,
          message: msg(
            `“十${m[1]}五”为${plan.first}—${plan.last}年，“${phase}”是${expect}年，不是${year}年`,
            `the five-year plan runs ${plan.first}–${plan.last}: "${phase}" is ${expect}, not ${year}`,
          ),
        });
      }

      if (congressed) for (const m of matchAll(CONGRESS_RE, s)) {
        const off = b.start + m.index;
        const ord = parseChineseNumeral(m[1]);
        const c = ord === undefined ? undefined : congress(ord);
        if (!c) continue;
        // Only as the guidance being carried out: `贯彻落实党的十九大精神`, not history (`党的十九大以来`).
        const clause = s.slice(Math.max(0, m.index - 14), m.index);
        if (!/贯彻|落实|学习|宣传|领会|践行/.test(clause.slice(Math.max(clause.search(/[^，。；;,]*$/), 0)))) continue;
        const year = yearAt(doc, sentences, off);
        if (year === undefined) continue;
        const newer = TIME_FACTS.congresses.filter((x) => x.ordinal > c.ordinal && x.year < year).pop();
        if (!newer) continue;
        const at = off;
        const numEnd = at + m[1].length + 1;
        report({
          offset: at,
          endOffset: numEnd,
          severity: 'info',
          message: msg(
            `党的${m[1]}大之后已召开党的${toChineseNumeral(newer.ordinal)}大（${newer.year}年${newer.month}月），${year}年的报告仍写“${m[1]}大精神”，可能是旧文字`,
            `the ${newer.ordinal}th congress met in ${newer.year}-${newer.month}; a report for ${year} still refers to the ${c.ordinal}th congress's guidance`,
          ),
        });
      }
    }
  },
};
export default rule;
