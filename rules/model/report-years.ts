// The report's year, weighed from all its evidence: the title, the dateline, the section headings, and for a
// report without any of these, section titles run into the text and `刚刚过去的2023年`. Where they disagree the
// odd one out is the error: a title whose year contradicts the dateline and every section is the finding, not
// the sections. Part of the report model (doc.years); year-consistency reports doc.years.outliers.
import type { Dateline, ReportKind, Title } from './title';
import { parseChineseNumeral, toAsciiDigits } from './numerals';
import { NPC_TERMS, TIME_FACTS } from '../lib/time-facts';

export interface YearEvidence {
  what: 'title' | 'dateline' | 'section' | 'text';
  /** The year as written and where. */
  year: number;
  offset: number;
  endOffset: number;
  /** The report's base year this piece says: a government report's own year, a work report's summary year. */
  base: number;
  /** The year this piece should name when the report's base year is `b`. */
  expect(b: number): number;
  /** How much a piece of the text weighs against the others (a cited fact: 2; a reading of the text: 1). */
  weight?: number;
}

export interface ReportYears {
  /** The year a work report summarises / the year a government report reviews. */
  summary?: number;
  /** The year planned (work report: summary + 1; government report: its own year). */
  plan?: number;
  /** A government report's own year (the year it is delivered). */
  report?: number;
  /** Where the years come from: the title, the dateline, a setting, or the sections (and text) alone. */
  source: 'title' | 'dateline' | 'setting' | 'sections' | 'none';
  /** A title or dateline year that the rest of the evidence contradicts with one voice (at least two pieces). */
  outliers?: YearEvidence[];
}

/** What the weighing reads from a section heading: the outermost heading of a kind, with its year. */
export interface SectionYear {
  kind: 'summary' | 'plan';
  year: number;
  offset: number;
  endOffset: number;
  /** The section: from its heading to the next heading of its rank. */
  start: number;
  end: number;
}

// Speech forms of a government report: `各位代表：`, `我代表市人民政府，向大会报告政府工作`, `下面，我代表行署作工作报告`.
const GOV_SIGNS = /各位代表|向大会(?:作|报告)|报告政府工作|代表(?:[^，。]{0,8})(?:政府|行署|公署)[^。]{0,12}作?(?:政府)?工作报告|政府自身建设|今年政府工作/;

/** Does a report without a title or dateline read as a government report (its speech forms, its parts)? */
export function looksLikeGovernmentReport(prose: string): boolean {
  return GOV_SIGNS.test(prose.length > 20000 ? prose.slice(0, 20000) : prose);
}

const NPC_SESSION = /第([十一二三四五六七八九]{1,3})届全国人民代表大会第([一二三四五])次会议/;
const ANNIVERSARY_BY_NAME = new Map(TIME_FACTS.anniversaries.flatMap((a) => a.names.map((n) => [n, a.year] as const)));
const SENTENCE_STOP = new Set([...'。！？!?\n'].map((c) => c.charCodeAt(0)));
const FULL_YEAR = /(?:19|20|１９|２０)[0-9０-９]{2}年/;
/** Before `周年` (in the 16 characters before it): `新中国成立75`. */
const ANNIVERSARY_BEFORE = new RegExp(`(${[...ANNIVERSARY_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})的?([0-9０-９]{1,3})$`);
/** After `2023年` that opens a line or sentence: a section title run into the text. */
const REVIEW_AFTER = /^(?:政府)?(?:主要)?工作回顾/;
const TASKS_AFTER = /^(?:政府)?(?:主要|重点)?(?:工作安排|重点工作|主要任务|工作任务)/;
const isDigitCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const codes = (s: string): Set<number> => new Set([...s].map((c) => c.charCodeAt(0)));
/** What a sentence or a line starts after. */
const OPENS_AFTER = codes('。！？!?\u3000\uFFFC \t\r\n');
const CN_ORDINAL = codes('一二三四五六七八九十');
/** Before a year that is a comparison, a start or a span, not what a section is about (`较2022年`, `从2019年`). */
const NOT_ABOUT_BEFORE = codes('0123456789０１２３４５６７８９.．较比于过到至从自和与同、—-～');
const NOT_ABOUT_AFTER = /^(?:以来|前|以前|之前|后|[—\-～、和至到])/;

/** The four-digit years before each 年 (ASCII or full-width, 1900–2099, not inside a longer number). */
function yearsBeforeNian(prose: string): { at: number; year: number }[] {
  const out: { at: number; year: number }[] = [];
  for (let p = prose.indexOf('年'); p >= 0; p = prose.indexOf('年', p + 1)) {
    const a = p - 4;
    if (a < 0 || !isDigitCode(prose.charCodeAt(a)) || !isDigitCode(prose.charCodeAt(a + 1)) || !isDigitCode(prose.charCodeAt(a + 2)) || !isDigitCode(prose.charCodeAt(a + 3))) continue;
    if (a > 0 && (isDigitCode(prose.charCodeAt(a - 1)) || prose[a - 1] === '.' || prose[a - 1] === '．')) continue;
    const year = Number(toAsciiDigits(prose.slice(a, p)));
    if (year >= 1900 && year < 2100) out.push({ at: a, year });
  }
  return out;
}

/** An outermost section of a kind, with or without a year: where a sentence's year is a review's or the tasks'. */
export interface SectionFrame {
  kind: 'summary' | 'plan' | 'multi-year';
  start: number;
  /** After the heading's own text. */
  bodyStart: number;
  end: number;
}

function inlineEvidence(prose: string, gov: boolean, next: number, frames: SectionFrame[]): YearEvidence[] {
  const out: YearEvidence[] = [];
  const frameAt = (at: number): SectionFrame | undefined => frames.find((x) => x.start <= at && at < x.end);
  const mode = frames.map(() => new Map<number, number>());
  let first: number | undefined;
  for (const { at, year } of yearsBeforeNian(prose)) {
    const end = at + 4;
    const after = prose.slice(end + 1, end + 12);
    const prev = at > 0 ? prose.charCodeAt(at - 1) : -1;
    const opens = prev < 0 || OPENS_AFTER.has(prev);
    // `一、2023年工作回顾` at the start of a line or after a sentence: a section title run into the text
    const titled = opens || (prev === 0x3001 && CN_ORDINAL.has(prose.charCodeAt(at - 2)) && (at < 3 || OPENS_AFTER.has(prose.charCodeAt(at - 3))));
    if (titled && REVIEW_AFTER.test(after)) out.push(piece('text', year, at, end, 'summary', gov, next));
    else if (titled && TASKS_AFTER.test(after)) out.push(piece('text', year, at, end, 'plan', gov, next));
    else if (prose.slice(Math.max(0, at - 5), at) === '刚刚过去的') out.push(piece('text', year, at, end, 'summary', gov, next));
    else if (opens && /^(?:[，,]|是)/.test(after)) {
      // a sentence that opens on a year: in a review or tasks section, of that kind; in a report without such
      // sections, the review comes first (`2023年，…`) and the tasks on the next year (`2024年是…`)
      if (frames.length) {
        const sec = frameAt(at);
        if (sec && sec.kind !== 'multi-year') out.push(piece('text', year, at, end, sec.kind, gov, next));
      } else {
        first ??= year;
        if (year === first) out.push(piece('text', year, at, end, 'summary', gov, next));
        else if (year === first + 1) out.push(piece('text', year, at, end, 'plan', gov, next));
      }
    }
    // what each section is about: its years that are no comparison, start or span
    if (frames.length && !(prev >= 0 && NOT_ABOUT_BEFORE.has(prev)) && !NOT_ABOUT_AFTER.test(after)) {
      frames.forEach((f, k) => {
        if (f.bodyStart <= at && at < f.end) mode[k].set(year, (mode[k].get(year) ?? 0) + 1);
      });
    }
  }
  // the year a review or tasks section names most often in its body (twice at least, more than any other)
  frames.forEach((sec, k) => {
    if (sec.kind === 'multi-year') return;
    const n = mode[k];
    let best: number | undefined;
    let tie = false;
    for (const [y, c] of n) {
      if (best === undefined || c > n.get(best)!) [best, tie] = [y, false];
      else if (c === n.get(best)) tie = true;
    }
    if (best !== undefined && !tie && n.get(best)! >= 2) out.push(piece('text', best, sec.start, sec.start, sec.kind, gov, next));
  });
  // `在第十届全国人民代表大会第一次会议上` by the dateline: the session meets in the report's year
  const npc = NPC_SESSION.exec(prose.slice(0, 3000));
  if (npc) {
    const term = NPC_TERMS.find((t) => t.ordinal === parseChineseNumeral(npc[1]));
    const session = parseChineseNumeral(npc[2]);
    if (term && session && session <= 5) out.push({ ...piece('text', term.first + session - 1, npc.index, npc.index, 'report', gov, next), weight: 2 });
  }
  // an anniversary the report celebrates: `今年是新中国成立75周年`, or one named in a review or the tasks
  for (let q = prose.indexOf('周年'); q >= 0; q = prose.indexOf('周年', q + 2)) {
    const m = ANNIVERSARY_BEFORE.exec(prose.slice(Math.max(0, q - 16), q));
    if (!m) continue;
    const at = q - m[0].length;
    const fact = ANNIVERSARY_BY_NAME.get(m[1]);
    const n = Number(toAsciiDigits(m[2]));
    if (!fact || !(n > 0)) continue;
    // the sentence up to the anniversary (30 characters at most)
    let from = at;
    while (from > 0 && at - from < 30 && !SENTENCE_STOP.has(prose.charCodeAt(from - 1))) from--;
    const sentence = prose.slice(from, at);
    // a year named in the sentence says which year the anniversary is (year-facts checks that); none: the frame's
    const dated = FULL_YEAR.test(sentence);
    const thisYear = !dated && sentence.includes('今年');
    const sec = thisYear || dated ? undefined : frameAt(at);
    if (thisYear) out.push(piece('text', fact + n, at, at, 'report', gov, next));
    else if (sec && sec.kind !== 'multi-year') out.push(piece('text', fact + n, at, at, sec.kind, gov, next));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A piece of evidence of a kind: a government report of year R reviews R−1 and plans R; a work report of S plans S + next. */
function piece(what: YearEvidence['what'], year: number, offset: number, endOffset: number, kind: 'summary' | 'plan' | 'report', gov: boolean, next: number): YearEvidence {
  const shift = kind === 'report' ? 0 : gov ? (kind === 'summary' ? 1 : 0) : kind === 'summary' ? 0 : -next;
  return { what, year, offset, endOffset, base: year + shift, expect: (b) => b - shift };
}

export function weighYears(
  title: Title | undefined,
  dateline: Dateline | undefined,
  kind: ReportKind,
  sections: SectionYear[],
  prose: string,
  setting?: number,
  frames: SectionFrame[] = sections.map((x) => ({ kind: x.kind, start: x.start, bodyStart: x.endOffset, end: x.end })),
): ReportYears {
  const gov = kind === 'government-report';
  if (setting !== undefined) {
    return gov ? { report: setting, summary: setting - 1, plan: setting, source: 'setting' } : { summary: setting, plan: setting + 1, source: 'setting' };
  }
  // A 上半年总结 / 季度报告 plans the rest of the same year.
  const next = !gov && title && title.period !== 'year' ? 0 : 1;
  const pieces: YearEvidence[] = [];
  const ty = title?.years ?? [];
  if (gov) {
    const t = ty.find((m) => m.role === 'report') ?? ty[0];
    if (t) pieces.push(piece('title', t.year, t.offset, t.endOffset, 'report', gov, next));
  } else {
    const s = ty.find((m) => m.role === 'summary');
    const p = ty.find((m) => m.role === 'plan');
    if (s) pieces.push(piece('title', s.year, s.offset, s.endOffset, 'summary', gov, next));
    if (p) pieces.push(piece('title', p.year, p.offset, p.endOffset, 'plan', gov, next));
    if (!s && !p && ty[0]) pieces.push(piece('title', ty[0].year, ty[0].offset, ty[0].endOffset, 'summary', gov, next));
  }
  if (dateline) pieces.push(piece('dateline', dateline.year, dateline.offset, dateline.endOffset, gov ? 'report' : 'plan', gov, 1));
  for (const s of sections) pieces.push(piece('section', s.year, s.offset, s.endOffset, s.kind, gov, next));
  // The text (section titles run into it, `刚刚过去的2023年`, `今年是…75周年`, the years sentences open on) speaks
  // where nothing else does, and breaks a tie between the others (two sections a year apart, nothing else).
  const text = gov ? inlineEvidence(prose, gov, next, frames).filter((t) => !pieces.some((x) => x.offset === t.offset)) : [];
  const textCount = new Map<number, number>();
  for (const t of text) textCount.set(t.base, (textCount.get(t.base) ?? 0) + (t.weight ?? 1));
  if (pieces.length === 0) pieces.push(...text);
  if (pieces.length === 0) return { source: 'none' };

  // The base year most pieces say; a tie goes to the one the text says more often, then to the earliest piece
  // (title, then dateline, then the sections).
  const count = new Map<number, number>();
  for (const x of pieces) count.set(x.base, (count.get(x.base) ?? 0) + 1);
  const said = (b: number): number => textCount.get(b) ?? 0;
  let base = pieces[0].base;
  for (const x of pieces) if (count.get(x.base)! > count.get(base)! || (count.get(x.base) === count.get(base) && said(x.base) > said(base))) base = x.base;
  // One piece alone against the text: the text decides (`一、2024年工作回顾` over a review of 2023 in a 2024 report).
  if (count.get(base) === 1 && said(base) === 0) {
    let tb = base;
    for (const [b, c] of textCount) if (c > said(tb)) tb = b;
    if (said(tb) >= 2) base = tb;
  }
  // A title or dateline year alone against two pieces that agree, or against the text, is the odd one out.
  const odd = (x: YearEvidence): boolean =>
    count.get(x.base) === 1 && ((count.get(base) ?? 0) >= 2 || (said(base) >= 2 && said(x.base) === 0));
  const outliers = pieces.filter((x) => (x.what === 'title' || x.what === 'dateline') && x.base !== base && odd(x));
  const trusted = pieces.find((x) => x.base === base);
  const source: ReportYears['source'] = trusted?.what === 'title' ? 'title' : trusted?.what === 'dateline' ? 'dateline' : 'sections';
  const out: ReportYears = gov ? { report: base, summary: base - 1, plan: base, source } : { summary: base, plan: base + next, source };
  // A work report's title that names a plan year of its own keeps it, unless that year is the odd one out
  // (year-consistency reports a plan year that is not the summary year + 1).
  if (!gov) {
    const p = ty.find((m) => m.role === 'plan');
    if (p && !outliers.some((x) => x.offset === p.offset) && pieces.some((x) => x.what === 'title' && x.base === base)) out.plan = p.year;
    if (!ty.some((m) => m.role === 'summary') && p && !outliers.length && source === 'title') {
      // a title naming only its plan year (`2024年工作要点`): its summary year is unknown, as before
      out.summary = undefined;
      out.plan = p.year;
    }
  }
  if (outliers.length) out.outliers = outliers;
  return out;
}
