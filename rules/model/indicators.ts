// Statements of the main economic indicators (`地区生产总值增长6.5%`, `一般公共预算收入160亿元`): which indicator,
// for which scope (the words before it in its clause: `全市`, `县域`, `城镇`), for which period (the report part's
// time frame), of which kind (growth or level), as an actual or a target, with its value. Part of the report
// model: indicator-consistency compares them. Only statements whose period and scope are clear are read; a
// sentence that names another period (`上半年`, `年均`, `2020年`, `五年来`) or a part (`其中`) yields none.
import type { ReportDocument } from './document';
import { PhraseIndex, sharedPhraseIndex } from '../lib/phrase-index';

export interface Indicator {
  id: string;
  /** The name as a report writes it, zh and en. */
  zh: string;
  en: string;
  /** The written forms (the longest first where one contains another). */
  names: string[];
  /** Level units a statement of it may take (`元` for money, `人` for people). */
  unit: '元' | '人';
}

export const INDICATORS: Indicator[] = [
  { id: 'gdp', zh: '地区生产总值', en: 'GDP', names: ['地区生产总值', '国内生产总值'], unit: '元' },
  { id: 'budget-revenue', zh: '一般公共预算收入', en: 'general public budget revenue', names: ['一般公共预算收入'], unit: '元' },
  { id: 'new-urban-jobs', zh: '城镇新增就业', en: 'new urban jobs', names: ['城镇新增就业', '新增城镇就业'], unit: '人' },
  { id: 'disposable-income', zh: '居民人均可支配收入', en: 'per-capita disposable income', names: ['居民人均可支配收入'], unit: '元' },
  { id: 'industrial-value-added', zh: '规模以上工业增加值', en: 'value added of industry above designated size', names: ['规模以上工业增加值', '规上工业增加值'], unit: '元' },
  { id: 'fixed-asset-investment', zh: '固定资产投资', en: 'fixed-asset investment', names: ['固定资产投资'], unit: '元' },
  { id: 'retail-sales', zh: '社会消费品零售总额', en: 'retail sales of consumer goods', names: ['社会消费品零售总额'], unit: '元' },
  { id: 'foreign-trade', zh: '进出口总额', en: 'total imports and exports', names: ['进出口总额'], unit: '元' },
];

/** Every name: found with the other phrase lists in one pass (an alternation regex tried at every position cost more). */
const NAME_INDEX = sharedPhraseIndex(() => new PhraseIndex(INDICATORS.flatMap((indicator) => indicator.names.map((wrong) => ({ wrong, indicator })))));

export type MeasureKind = 'growth' | 'level';
/** An actual figure, a target (`预期`, `目标`, a plan part), or a stretch target (`力争`, `争取`). */
export type StatementClass = 'actual' | 'target' | 'stretch';

export interface IndicatorStatement {
  indicator: Indicator;
  /** Where the indicator's name is. */
  nameOffset: number;
  nameEndOffset: number;
  /** The words before the name in its clause that narrow it (`县域`, `城镇`, `全市`); '' for none. */
  scope: string;
  /** The report part and year it is about. */
  frame: 'summary' | 'plan';
  year?: number;
  measure: MeasureKind;
  cls: StatementClass;
  /** `左右`, `以上`, `以内` after the value, or ''. */
  qualifier: string;
  /** The value in base units (元, 人, %), negative for `下降`. */
  value: number;
  /** The value's precision: the unit of its last written digit, in base units (0.1 for `6.5%`, 1e7 for `1.2亿`). */
  step: number;
  /** The value as written (`增长6.5%`, `2215.8亿元`) and where. */
  text: string;
  offset: number;
  endOffset: number;
}

/** Words before a name that do not narrow it (verbs, `全年`); what is left is the scope. */
const NEUTRAL_BEFORE = /^(?:全年|年度|本年|今年|当年|实现|完成|预计|力争|争取|确保|努力|推动|促进|主要指标|主要经济指标|地方|全社会|外贸)+/;
/** Words after the scope that do not narrow it; stripped by a loop (`(?:…)+$` searched from every start is O(n²)). */
const NEUTRAL_AFTER = ['全年', '实现', '完成', '预计', '的'];
function stripNeutralAfter(s: string): string {
  for (let again = true; again; ) {
    again = false;
    for (const w of NEUTRAL_AFTER) {
      if (s.endsWith(w)) {
        s = s.slice(0, s.length - w.length);
        again = true;
      }
    }
  }
  return s;
}
/** Where the clause before a name starts. */
const CLAUSE_BREAK = /[，。；：、,;:！？!?\s（）()“”"]/;
/**
 * Another period, a part or a derived figure named earlier in the sentence (`上半年`, `其中`, `人均`, `比重`): the
 * statement is not the indicator for the frame's year as a whole.
 */
const OTHER_PERIOD = /上半年|下半年|季度|(?<![0-9０-９一二三四五六七八九十])[0-9０-９一二三四五六七八九十]+(?:—[0-9０-９]+)?月|年均|累计|五年|十年|两年|三年|以来|期间|十[一二三四五六七八九]五|过去|近年|近[两三五十]年|前[两三]年|去年|上年|上一年|明年|今后|未来|截至|年末|年底|[到至]20|其中|分别|人均|平均|比重|占比|排名|位居|居全|目标的|超过了/;
/** A place or body other than the report's own named earlier in the sentence (`推动市工业园区…，规上工业增加值增长9%`). */
const OTHER_BODY = /园区|开发区|高新区|新区|经开区|县域|[县镇乡]|企业|板块|片区|城区|集团|公司|口岸|港区|保税区|综保区|示范区|功能区/;
const OWN_BODY = /全[省市区县镇乡州盟旗国]|城镇|城乡|乡村/g;
/** In a review part without a tasks heading (lost in a web copy), where this year's tasks start. */
const TASKS_OPENER = /今年[^。\n]{0,16}(?:总体要求|预期目标)/y;
const YEAR_IN = /(?:19|20)[0-9]{2}(?=年)/g;
const TARGET_WORDS = /预期|目标|计划|确保/;
const STRETCH_WORDS = /力争|争取|努力/;

// After the name: optional comparison and verb, then a growth rate or a level.
const AFTER_NAME = /(?:同比|比上年|较上年)?(?:实现|完成|达到|达|为|总量达到|总量达|总量为|总量)?(?:(增长|增加|提高|上升|下降|减少)([0-9]+(?:\.[0-9]+)?)[%％]|([0-9]+(?:\.[0-9]+)?)(万亿|亿|万)?(美元|元|人))(左右|以上|以内)?/y;
// A second value of the other kind after `、` or `，`: `地区生产总值2215.8亿元，增长6.3%`.
const CONTINUATION = /[，、,](?:同比|比上年|较上年)?(?:(增长|增加|提高|上升|下降|减少)([0-9]+(?:\.[0-9]+)?)[%％]|(?:总量)?(?:达到|达|为)?([0-9]+(?:\.[0-9]+)?)(万亿|亿|万)?(美元|元|人))(左右|以上|以内)?/y;
/** After a value: a digit, a unit or a word that makes it something else (`增长6%的目标`, `5000亿元大关`). */
const NOT_AFTER = /^(?:[0-9.％%～~—\-]|多|余|个百分点|的|大关|台阶|目标|级)/;
/** Before a level: approximate (`约`, `突破`, `超过`, `近`): not the figure itself. */
const APPROX_LEAD = /(?:约|近|超|超过|突破|逾|接近|迈上|跨越|站上)$/;

const MULTIPLIER: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, '': 1 };

function decimals(num: string): number {
  const dot = num.indexOf('.');
  return dot < 0 ? 0 : num.length - dot - 1;
}

const cache = new WeakMap<ReportDocument, IndicatorStatement[]>();

/** The indicator statements of a document, in order (computed once per document). */
export function indicatorStatements(doc: ReportDocument): IndicatorStatement[] {
  let out = cache.get(doc);
  if (!out) {
    out = findStatements(doc);
    cache.set(doc, out);
  }
  return out;
}

function findStatements(doc: ReportDocument): IndicatorStatement[] {
  const prose = doc.prose;
  const hits: { at: number; end: number; indicator: Indicator }[] = [];
  for (const m of NAME_INDEX.find(doc)) hits.push({ at: m.offset, end: m.endOffset, indicator: m.entry.indicator });
  if (hits.length === 0) return [];
  const out: IndicatorStatement[] = [];
  const sentences = doc.sentences;
  for (const h of hits) {
    // a value right after the name first: most names are not followed by one
    AFTER_NAME.lastIndex = h.end;
    const m = AFTER_NAME.exec(prose);
    if (!m) continue;
    const sentence = sentences[sentenceAt(sentences, h.at)];
    if (!sentence || sentence.start > h.at || m.index + m[0].length > sentence.end) continue;
    let frame: { kind: string; year?: number } = doc.timeFrameAt(h.at);
    if (frame.kind !== 'summary' && frame.kind !== 'plan') continue;
    if (frame.kind === 'summary' && doc.kind === 'government-report' && tasksStart(doc, h.at) < h.at) frame = { kind: 'plan', year: doc.expectedYear('plan') };
    // the sentence up to the name: another period or a part makes the statement's period unclear
    const before = prose.slice(sentence.start, h.at);
    if (OTHER_PERIOD.test(before)) continue;
    let otherYear = false;
    for (const m of before.matchAll(YEAR_IN)) if (Number(m[0]) !== frame.year) otherYear = true;
    if (otherYear) continue;
    if (OTHER_BODY.test(before.replace(OWN_BODY, ''))) continue;
    // the clause before the name: its scope
    let c = h.at;
    while (c > sentence.start && !CLAUSE_BREAK.test(prose[c - 1])) c--;
    const clause = prose.slice(c, h.at);
    const scope = stripNeutralAfter(clause.replace(NEUTRAL_BEFORE, ''));
    const target = frame.kind === 'plan' || TARGET_WORDS.test(before);
    const stretch = STRETCH_WORDS.test(clause);
    const cls: StatementClass = stretch ? 'stretch' : target ? 'target' : 'actual';
    const base = { indicator: h.indicator, nameOffset: h.at, nameEndOffset: h.end, scope, frame: frame.kind as 'summary' | 'plan', year: frame.year, cls };
    const first = readValue(prose, m, 1, h.end, h.indicator);
    if (!first) continue;
    out.push({ ...base, ...first });
    // a value of the other kind right after: `2215.8亿元，增长6.3%`, `增长6.0%、总量达4168.5亿元`
    CONTINUATION.lastIndex = m.index + m[0].length;
    const k = CONTINUATION.exec(prose);
    if (k && k.index + k[0].length <= sentence.end) {
      const second = readValue(prose, k, 1, k.index + 1, h.indicator);
      if (second && second.measure !== first.measure) out.push({ ...base, ...second });
    }
  }
  return out;
}

/** Index of the sentence that ends after offset (sentences are in order and do not overlap). */
function sentenceAt(sentences: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const tasksCache = new WeakMap<ReportDocument, Map<number, number>>();

/**
 * Where a government report's tasks start inside its review part when the tasks heading is missing (a web copy
 * that lost `二、2024年工作安排`): the first `今年…总体要求` / `今年…预期目标` in the review section. Infinity for none.
 */
function tasksStart(doc: ReportDocument, at: number): number {
  const h = doc.timeFrameAt(at).heading;
  if (!h) return Infinity;
  let byHeading = tasksCache.get(doc);
  if (!byHeading) tasksCache.set(doc, (byHeading = new Map()));
  let start = byHeading.get(h.block.start);
  if (start === undefined) {
    start = Infinity;
    for (let p = doc.prose.indexOf('今年', h.block.start); p >= 0 && p < h.sectionEnd; p = doc.prose.indexOf('今年', p + 2)) {
      TASKS_OPENER.lastIndex = p;
      if (TASKS_OPENER.test(doc.prose)) {
        start = p;
        break;
      }
    }
    byHeading.set(h.block.start, start);
  }
  return start;
}

/** The value of a match of AFTER_NAME / CONTINUATION (groups from g: verb, rate, amount, magnitude, unit, qualifier). */
function readValue(
  prose: string,
  m: RegExpExecArray,
  g: number,
  from: number,
  indicator: Indicator,
): Pick<IndicatorStatement, 'measure' | 'qualifier' | 'value' | 'step' | 'text' | 'offset' | 'endOffset'> | undefined {
  const end = m.index + m[0].length;
  if (NOT_AFTER.test(prose.slice(end, end + 4))) return undefined;
  const qualifier = m[g + 5] ?? '';
  if (m[g] !== undefined) {
    const verb = m[g];
    const num = m[g + 1];
    const start = m.index + m[0].indexOf(verb, from - m.index);
    const sign = verb === '下降' || verb === '减少' ? -1 : 1;
    return { measure: 'growth', qualifier, value: sign * Number(num), step: 10 ** -decimals(num), text: prose.slice(start, end), offset: start, endOffset: end };
  }
  const num = m[g + 2];
  const unit = m[g + 4];
  if ((indicator.unit === '人') !== (unit === '人')) return undefined;
  const start = m.index + m[0].indexOf(num, from - m.index);
  if (APPROX_LEAD.test(prose.slice(Math.max(0, start - 2), start))) return undefined;
  const mult = MULTIPLIER[m[g + 3] ?? ''];
  return { measure: 'level', qualifier, value: Number(num) * mult, step: 10 ** -decimals(num) * mult, text: prose.slice(start, end), offset: start, endOffset: end };
}

/** Do two values agree once the finer is rounded (half up) to the coarser's precision (`约4.4万亿元` and `43760.7亿元`)? */
export function sameValue(a: IndicatorStatement, b: IndicatorStatement): boolean {
  const [fine, coarse] = a.step <= b.step ? [a, b] : [b, a];
  const step = coarse.step;
  // in units of the coarser step; a small epsilon for binary fractions (6.35 is 6.3499… as a double)
  const rounded = Math.floor(Math.abs(fine.value) / step + 0.5 + 1e-9) * Math.sign(fine.value);
  return Math.abs(rounded - coarse.value / step) < 1e-6;
}
