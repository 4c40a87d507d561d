// The report's title, kind and years; the dateline of a speech-style report; section kinds.
import { toAsciiDigits } from './numerals';
import { isBlankOrMask, MASK, type Block } from './prose';

export type ReportKind = 'work-report' | 'government-report' | 'other';
export type SectionKind = 'summary' | 'plan' | 'multi-year' | 'other';
export type YearRole = 'summary' | 'plan' | 'report' | 'other';
/** The period a work report covers inside its year (上半年总结, 一季度报告). */
export type ReportPeriod = 'year' | 'half' | 'quarter' | 'month';

export interface YearMention {
  year: number;
  offset: number;
  endOffset: number;
  role: YearRole;
}

export interface Title {
  /** Offsets of the first and last character of the title (a wrapped title spans several blocks). */
  offset: number;
  endOffset: number;
  /** The title's text with letter-spacing and line wraps removed. */
  text: string;
  blocks: Block[];
  kind: ReportKind;
  period: ReportPeriod;
  years: YearMention[];
}

export interface Dateline {
  offset: number;
  endOffset: number;
  year: number;
}

const SUMMARY_WORDS = /总结|回顾|工作情况|主要成绩|完成情况|工作报告|述职/;
// `建议` only as `(政府)工作的建议`: `意见建议` in a summary is no plan.
// A government report's task part: `重点工作`, `主要工作`, `工作安排`, `主要任务`, `总体要求`, `重点工作任务`,
// `政府工作任务`, `工作重点`. `主要工作` before a summary word is the summary's subject (`主要工作完成情况`).
const PLAN_WORDS = /思路|打算|计划|要点|安排|总体要求|主要任务|重点任务|重点工作(?:任务)?|主要工作|工作任务|工作重点|预期目标|工作的?建议|目标任务|工作部署|总体部署/;
const MULTI_YEAR_WORDS = /过去[五十两三]年|[五十]年来|十[一二三四五六七八九]五|“十[一二三四五六七八九]五”|[一二三四五六七八九十]{2}五[”"]?时期|以来/;
const GOV_REPORT = /政府工作报告/;
const TITLE_END = /(?:工作)?(?:总结|计划|思路|打算|要点|安排|报告|情况)(?:[（(][^）)]{0,12}[)）])?$/;
/** Years written as four digits (ASCII or full-width), 1900–2099, not part of a longer number. */
export const YEAR_RE = /(?<![0-9０-９.．])((?:19|20|１９|２０)[0-9０-９]{2})(?![0-9０-９.．%％])/g;
/** A heading that opens on its time frame (`2024年…`, `今年…`, `对2018年…`, `一年来…`). */
const TIME_FRAME_START = /^(?:对|关于)?(?:(?:19|20|１９|２０)[0-9０-９]{2}|今年|明年|去年|过去一年|一年来|本年|新的一年|上半年|下半年|下一步|下步|第?[一二三四]季度)/;
/** What may follow a heading's kind word: nothing, further items (`总体要求和目标任务`), a bracketed note. */
const KIND_TAIL = /^(?:[和及与暨、][^，。,；;]{0,14}|[（(][^）)]{0,12}[)）])?$/;

/** The plan and summary words a text uses, as a kind word of a section heading or title. */
export const PLAN_NAME_RE = /思路|打算|计划|要点|安排/g;

// Global copies for lastMatch, built once.
const SUMMARY_WORDS_G = new RegExp(SUMMARY_WORDS.source, 'g');
const PLAN_WORDS_G = new RegExp(PLAN_WORDS.source, 'g');

function lastMatch(g: RegExp, s: string): RegExpExecArray | undefined {
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((m = g.exec(s))) last = m;
  return last;
}

/** /[\s\u3000？?！!：:。]/ by code unit: a JS blank (a blank or mask but U+FFFC) or one of the marks. */
const isTrailing = (c: number): boolean =>
  (isBlankOrMask(c) && c !== 0xfffc) || c === 0xff1f || c === 0x3f || c === 0xff01 || c === 0x21 || c === 0xff1a || c === 0x3a || c === 0x3002;

/**
 * The kind of a section from its heading text. Only a heading shaped like a section title counts: it opens
 * on its time frame (`2024年工作打算`, `今年主要任务`) or ends on its kind word (`下一步工作打算`); a heading
 * naming both a summary and a plan, or a body-like heading (`项目计划有序推进`, one with a comma), is 'other'.
 */
export function classifySection(text: string): SectionKind {
  // Trailing blanks and marks trimmed by a loop: `[…]+$` is O(n²) on a long run of blanks inside the text.
  let end = text.length;
  while (end > 0 && isTrailing(text.charCodeAt(end - 1))) end--;
  const t = text.slice(0, end);
  if (MULTI_YEAR_WORDS.test(t)) return compoundReview(t) ? 'summary' : 'multi-year';
  if (t.length > 40 || /[，,；;]/.test(t)) return 'other';
  const s = lastMatch(SUMMARY_WORDS_G, t);
  let p = lastMatch(PLAN_WORDS_G, t);
  // `2023年主要工作回顾`, `重点工作完成情况`: the task word names what the summary is about
  if (s && p && p.index + p[0].length === s.index) p = undefined;
  if (s && p) return 'other';
  const m = s ?? p;
  if (!m) return 'other';
  if (!TIME_FRAME_START.test(t) && !KIND_TAIL.test(t.slice(m.index + m[0].length))) return 'other';
  return p ? 'plan' : 'summary';
}

/**
 * A review of one year and of the plan period it closes: `2023年和“十四五”时期工作回顾`, `“十二五”时期和2015年工作回顾`.
 * Its year is the review year; the years inside it are many (timeFrameAt reads such a section as multi-year).
 */
function compoundReview(t: string): boolean {
  if (t.length > 40 || /[，,；;]/.test(t) || !/回顾$/.test(t)) return false;
  return /^(?:19|20)\d{2}年(?:度)?[和及与暨]|[和及与暨](?:19|20)\d{2}年(?:度)?(?:政府)?工作回顾$/.test(t);
}

/** A review heading that names a plan period besides its year (see compoundReview). */
export function spansYears(text: string): boolean {
  return MULTI_YEAR_WORDS.test(text);
}

/**
 * A section title on a line of its own, without an ordinal (`2023年工作回顾`, `2024年工作安排建议`): short, no
 * sentence marks, opening on its year and of a kind. City reports are often laid out so.
 */
export function bareSectionKind(text: string): 'summary' | 'plan' | undefined {
  if (text.length > 40) return undefined;
  const t = stripBlanks(text);
  if (t.length < 6 || t.length > 30 || /[，,；;。：:！!？?]/.test(t)) return undefined;
  // a shortened year (`23年工作回顾`) still makes the line a section title; date-format reports the year
  if (!/^(?:(?:19|20|１９|２０)[0-9０-９]{2}|[0-9０-９]{2})年/.test(t)) return undefined;
  const k = classifySection(/^[0-9０-９]{2}年/.test(t) ? `20${t}` : t);
  return k === 'summary' || k === 'plan' ? k : undefined;
}

/**
 * What bareSectionKind needs before any slicing: at most 40 units whose first non-blank is a digit (the year).
 * Most blocks fail it on their first characters.
 */
export function mayBeBareSection(prose: string, start: number, end: number): boolean {
  if (end - start > 40) return false;
  let j = start;
  while (j < end && isBlankOrMask(prose.charCodeAt(j))) j++;
  if (j >= end) return false;
  const c = prose.charCodeAt(j);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * The year a section heading is framed by: `2023年工作总结`, `对2018年政府工作的建议`, `“十二五”时期和2015年工作回顾`;
 * not a year inside its content (`实现2020年基本建立…`, `2021年以来…`).
 */
export function sectionYearOf(text: string, base: number): { year: number; offset: number; endOffset: number } | undefined {
  for (const y of yearsIn(text, 0)) {
    const before = text.slice(0, y.offset);
    if (!/^(?:对|关于)?$|[和及暨与]$/.test(before)) continue;
    const after = text.slice(y.endOffset);
    if (/^年?度?(?:以来|以前|之前|前|后|至|到|[—－\-～~、和])/.test(after) && !(/^年度?[和及与暨]/.test(after) && compoundReview(text))) continue;
    return { year: y.year, offset: base + y.offset, endOffset: base + y.endOffset };
  }
  return undefined;
}

/** A block that opens the notes after a report's body (`注释：`, `附注：`, `名词解释`). */
export function isNotesLabel(text: string): boolean {
  // `(?:blanks colon)?` then blanks: the same language as `blanks colon? blanks`, without two adjacent loops over
  // blanks (that was O(n²) on `注释` + a long run of blanks + text).
  return /^[\s\u3000\uFFFC]*(?:注释|附注|注|名词解释|附：名词解释|备注)(?:[\s\u3000]*[:：])?[\s\u3000\uFFFC]*$/.test(text);
}

/** Can the block [start, end) of the prose be a notes label? Its first non-blank opens one (注 附 名 备); no slice, no regex. */
export function mayBeNotesLabel(prose: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isBlankOrMask(prose.charCodeAt(i))) i++;
  const c = prose.charCodeAt(i);
  return i < end && (c === 0x6ce8 || c === 0x9644 || c === 0x540d || c === 0x5907);
}

export function yearsIn(text: string, base: number): { year: number; offset: number; endOffset: number }[] {
  const out: { year: number; offset: number; endOffset: number }[] = [];
  YEAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_RE.exec(text))) {
    out.push({ year: Number(toAsciiDigits(m[1])), offset: base + m.index, endOffset: base + m.index + m[1].length });
  }
  return out;
}

const TITLE_BLANKS = new RegExp(`[\\s\\u3000${MASK}]`, 'g');

// The last characters TITLE_END can match, and those of a title's first line that a second one completes
// (`…和2023年` / `工作思路`: /(?:年|和|及|与|暨|工作)$/ in findTitle).
const TITLE_LAST = new Set([...'结划路算点排告况)）年和及与暨作'].map((ch) => ch.charCodeAt(0)));

/** The last code unit of s that is no blank or mask; -1 when there is none. */
function lastNonBlank(s: string): number {
  let e = s.length;
  while (e > 0 && isBlankOrMask(s.charCodeAt(e - 1))) e--;
  return e > 0 ? s.charCodeAt(e - 1) : -1;
}

/** The text without blanks and masks (TITLE_BLANKS); most lines hold none, and no regex runs on them. */
function stripBlanks(s: string): string {
  for (let i = 0; i < s.length; i++) if (isBlankOrMask(s.charCodeAt(i))) return s.replace(TITLE_BLANKS, '');
  return s;
}

/** Strips letter-spacing, masks and a web page's label ("信息名称: …") from a candidate title line. */
function normalizeTitleLine(s: string): { text: string; labelled: boolean } {
  const t = stripBlanks(s);
  // the label /^[\u4e00-\u9fff]{2,5}[:：]/ by code unit: two to five CJK ideographs, then a colon
  let k = 0;
  while (k < t.length && k <= 5) {
    const c = t.charCodeAt(k);
    if (c < 0x4e00 || c > 0x9fff) break;
    k++;
  }
  const colon = k < t.length ? t.charCodeAt(k) : -1; // in bounds: an access past the end deoptimized
  if (k >= 2 && k <= 5 && (colon === 0x3a || colon === 0xff1a)) return { text: t.slice(k + 1), labelled: true };
  return { text: t, labelled: false };
}

function roleOf(after: string, kind: ReportKind): YearRole {
  if (kind === 'government-report' && GOV_REPORT.test(after)) return 'report';
  const s = SUMMARY_WORDS.exec(after);
  const p = PLAN_WORDS.exec(after);
  if (s && (!p || s.index < p.index)) return 'summary';
  if (p) return 'plan';
  return 'other';
}

export function reportKindOf(text: string): ReportKind {
  if (GOV_REPORT.test(text)) return 'government-report';
  if (SUMMARY_WORDS.test(text) || PLAN_WORDS.test(text)) return 'work-report';
  return 'other';
}

function periodOf(text: string): ReportPeriod {
  if (/上半年|下半年|半年/.test(text)) return 'half';
  if (/季度/.test(text)) return 'quarter';
  if (/[一二三四五六七八九十]{1,2}月份?(?:工作)?(?:总结|计划)/.test(text)) return 'month';
  return 'year';
}

/**
 * Finds the title among the blocks before the first ordinal heading: the last short line that names a
 * report kind (preferring one that names a year), joining a title wrapped over two lines.
 */
export function findTitle(prose: string, blocks: Block[], firstHeadingIndex: number): Title | undefined {
  const limit = Math.min(firstHeadingIndex < 0 ? blocks.length : firstHeadingIndex, 40);
  const candidates: { blocks: Block[]; text: string; score: number }[] = [];
  // a review and a tasks part on lines of their own are the report's two sections, neither is its title
  const bareKinds = new Set<SectionKind>();
  for (const b of blocks) {
    const k = mayBeBareSection(prose, b.start, b.end) ? bareSectionKind(prose.slice(b.start, b.end)) : undefined;
    if (k) bareKinds.add(k);
  }
  // after a paragraph of body text (`现在，我代表市人民政府…。`), `2024年工作安排` is a section, not the title
  let bodySeen = false;
  for (let i = 0; i < limit; i++) {
    const b = blocks[i];
    const raw = prose.slice(b.start, b.end);
    if (raw.length > 120) {
      bodySeen = true;
      continue;
    }
    if (raw.length > 30 && raw.includes('。')) bodySeen = true;
    if ((bodySeen || bareKinds.size === 2) && bareSectionKind(raw)) continue;
    // what TITLE_END or a wrapped title's first line (below) needs at the end: most lines fail it, unnormalized
    if (!TITLE_LAST.has(lastNonBlank(raw))) continue;
    const { text, labelled } = normalizeTitleLine(raw);
    if (!text || text.length > 50) continue;
    let joined = text;
    const parts = [b];
    // A title wrapped over two lines: "生态园区2022年工作总结和2023年" / "工作思路".
    if (!TITLE_END.test(text) && i + 1 < limit) {
      const next = blocks[i + 1];
      const nt = normalizeTitleLine(prose.slice(next.start, next.end)).text;
      if (nt.length > 0 && nt.length <= 20 && TITLE_END.test(text + nt) && /(?:年|和|及|与|暨|工作)$/.test(text)) {
        joined = text + nt;
        parts.push(next);
      }
    }
    if (!TITLE_END.test(joined)) continue;
    if (!(SUMMARY_WORDS.test(joined) || PLAN_WORDS.test(joined) || GOV_REPORT.test(joined))) continue;
    YEAR_RE.lastIndex = 0;
    const hasYear = YEAR_RE.test(joined);
    const score = (hasYear ? 2 : 0) + (labelled ? 0 : 1) + (b.mdDepth === 1 ? 4 : 0);
    candidates.push({ blocks: parts, text: joined, score });
  }
  if (candidates.length === 0) return undefined;
  // Highest score; among equals the last one (nearest to the body, after any page header).
  let best = candidates[0];
  for (const c of candidates) if (c.score >= best.score) best = c;
  const kind = reportKindOf(best.text);
  const years: YearMention[] = [];
  for (const b of best.blocks) {
    const s = prose.slice(b.start, b.end);
    for (const y of yearsIn(s, b.start)) years.push({ year: y.year, offset: y.offset, endOffset: y.endOffset, role: 'other' });
  }
  // Each year's role is decided by the words between it and the next year.
  const flat = best.blocks.map((b) => prose.slice(b.start, b.end)).join('');
  const flatYears = yearsIn(flat, 0);
  for (let k = 0; k < years.length && k < flatYears.length; k++) {
    const after = flat.slice(flatYears[k].endOffset, k + 1 < flatYears.length ? flatYears[k + 1].offset : undefined);
    years[k].role = roleOf(after, kind);
  }
  const first = best.blocks[0];
  const last = best.blocks[best.blocks.length - 1];
  return {
    offset: first.start,
    endOffset: last.end,
    text: best.text,
    blocks: best.blocks,
    kind,
    period: periodOf(best.text),
    years,
  };
}

const DATELINE_RE = /^[\s\u3000\uFFFC]*(?:——|—|－－|--+|-)\s*((?:19|20|１９|２０)[0-9０-９]{2})\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*在/;

/** `——2018年3月5日在第十三届全国人民代表大会第一次会议上`: the year a speech was given. */
export function findDateline(prose: string, blocks: Block[], limit: number): Dateline | undefined {
  for (let i = 0; i < Math.min(limit, blocks.length); i++) {
    const b = blocks[i];
    const s = prose.slice(b.start, b.end);
    const m = DATELINE_RE.exec(s);
    if (m) {
      const off = b.start + m.index + m[0].indexOf(m[1]);
      return { offset: off, endOffset: off + m[1].length, year: Number(toAsciiDigits(m[1])) };
    }
  }
  return undefined;
}
