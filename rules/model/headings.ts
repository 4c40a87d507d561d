// Ordinal heading markers at the start of a block, in their right and wrong forms
// (GB/T 15834-2011 B.3.2–B.3.4, B.3.8; GB/T 9704-2012 7.3.3).
import { parseChineseNumeral, parseCircled, toAsciiDigits, toChineseNumeral, toCircled } from './numerals';
import { isBlankOrMask, type Block } from './prose';

export type OrdinalType = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled';

/** B.3.8 nesting order: 一、 → （一） → 1. → （1） → ①. */
export const ORDINAL_LEVEL: Record<OrdinalType, number> = {
  cn: 1,
  'paren-cn': 2,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
};

export type MarkerProblem =
  | 'cn-dot' // 一. → 一、 (B.3.2)
  | 'arabic-dun' // 1、 → 1. (B.3.3)
  | 'fullwidth-dot' // 1． → 1.
  | 'fullwidth-digit' // １. → 1.
  | 'halfwidth-paren' // (一) → （一）
  | 'trailing-mark' // （一）、 → （一） (B.3.4)
  | 'inner-space' // （ 一 ） → （一）
  | 'split' // `（` ⏎ `三）`: a line break inside the marker (web copies)
  | 'inline'; // `…全线贯通。（五）城乡面貌…`: a heading run into the paragraph before it (a lost line break)

export interface OrdinalMarker {
  type: OrdinalType;
  level: number;
  value: number;
  /** The whole marker as written, including a wrong mark after it. */
  offset: number;
  endOffset: number;
  text: string;
  /** Where the numeral itself is (what a renumbering rewrites). */
  numeralOffset: number;
  numeralEndOffset: number;
  /** The right form of this marker for its value. */
  canonical: string;
  problems: MarkerProblem[];
  /**
   * A marker broken over two lines: its head ends the line before (`（`, `一`, `（三`), `between` is what lies
   * between head and rest (the line break and blanks), `alone` says the head is all its line holds.
   */
  split?: { headEnd: number; restStart: number; between: string; alone: boolean };
  /** A marker inside a line, after a sentence end: `breakStart` is right after that end (where a line break was lost). */
  inline?: { breakStart: number };
  // (split and inline are set, undefined, on every marker the model makes: one object shape for all)
}

const CN_NUM = '[一二三四五六七八九十百]{1,4}';
const DIGIT = '[0-9０-９]';
// LEAD: [\s\u3000\u00a0\uFFFC] (\s holds U+3000 and U+00A0)
const isLead = isBlankOrMask;
// RE_CN, /^([一二三四五六七八九十百]{1,4})([、.．])/, and RE_ARABIC, /^([0-9０-９]{1,3})([.．、])(?![0-9０-９])/, are
// read by code unit (markerForm, cnRun, digitRun): most lines that open with a numeral or digit match neither.
const RE_PAREN = new RegExp(`^([（(])([ \\u3000]?)(${CN_NUM}|${DIGIT}{1,3})([ \\u3000]?)([）)])([、.．，,]?)`);
const RE_CIRCLED = /^([①-⑳])/;
/** A Chinese numeral of a marker (一二三四五六七八九十百), by code unit: a switch, no hash lookup. */
export function isCnNumeralCode(c: number): boolean {
  switch (c) {
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x767e: // 百
      return true;
    default:
      return false;
  }
}

/** The code units the four marker forms can open with: （ ( 一二三四五六七八九十百 0-9 ０-９ ①-⑳. */
const MARKER_FIRST = {
  has: (c: number): boolean =>
    c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x2460 && c <= 0x2473) || isCnNumeralCode(c),
};

export function canonicalMarker(type: OrdinalType, value: number): string {
  switch (type) {
    case 'cn':
      return `${toChineseNumeral(value)}、`;
    case 'paren-cn':
      return `（${toChineseNumeral(value)}）`;
    case 'arabic':
      return `${value}.`;
    case 'paren-arabic':
      return `（${value}）`;
    case 'circled':
      return toCircled(value);
  }
}

/** The numeral as written in the canonical form (what a renumbering writes). */
export function canonicalNumeral(type: OrdinalType, value: number): string {
  return type === 'cn' || type === 'paren-cn' ? toChineseNumeral(value) : type === 'circled' ? toCircled(value) : String(value);
}

const CN_NUM_CODES = { has: isCnNumeralCode };
const isDigitCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isMarkCode = (c: number): boolean => c === 0x3001 || c === 0x2e || c === 0xff0e; // 、 . ．

/**
 * Which of RE_PAREN, RE_CN, RE_ARABIC, RE_CIRCLED can match t, by its first character; for RE_CN and RE_ARABIC
 * only when what they need of the rest holds too (a run of 1–4 numerals or 1–3 digits, then the mark, for Arabic
 * not followed by a digit). Undefined: none can.
 */
function markerForm(t: string): 'paren' | 'cn' | 'arabic' | 'circled' | undefined {
  const c = t.charCodeAt(0);
  if (c === 0xff08 || c === 0x28) return 'paren';
  if (c >= 0x2460 && c <= 0x2473) return 'circled';
  if (CN_NUM_CODES.has(c)) {
    const k = cnRun(t);
    return k <= 4 && k < t.length && isMarkCode(t.charCodeAt(k)) ? 'cn' : undefined;
  }
  if (isDigitCode(c)) {
    const k = digitRun(t);
    return k <= 3 && k < t.length && isMarkCode(t.charCodeAt(k)) && !(k + 1 < t.length && isDigitCode(t.charCodeAt(k + 1))) ? 'arabic' : undefined;
  }
  return undefined;
}

/** Length of the run of numerals (CN_NUM) that opens t. */
function cnRun(t: string): number {
  let k = 0;
  while (k < t.length && CN_NUM_CODES.has(t.charCodeAt(k))) k++;
  return k;
}

/** Length of the run of digits (ASCII or full-width) that opens t. */
function digitRun(t: string): number {
  let k = 0;
  while (k < t.length && isDigitCode(t.charCodeAt(k))) k++;
  return k;
}

/**
 * Every marker the model reads, in one object shape (all fields, split and inline too): its level and right form
 * follow from its type and value, its end from its text.
 */
function newMarker(
  type: OrdinalType,
  value: number,
  offset: number,
  text: string,
  numeralOffset: number,
  numeralEndOffset: number,
  problems: MarkerProblem[],
  split?: OrdinalMarker['split'],
): OrdinalMarker {
  return {
    type,
    level: ORDINAL_LEVEL[type],
    value,
    offset,
    endOffset: offset + text.length,
    text,
    numeralOffset,
    numeralEndOffset,
    canonical: canonicalMarker(type, value),
    problems,
    split,
    inline: undefined,
  };
}

/**
 * Reads an ordinal marker at the start of `s` (a block's prose), skipping leading blanks.
 * `base` is the document offset of s[0].
 */
export function readMarker(s: string, base: number): OrdinalMarker | undefined {
  let lead = 0;
  while (lead < s.length && isLead(s.charCodeAt(lead))) lead++;
  // most blocks open with none of the characters a marker opens with: no regex for them
  if (!MARKER_FIRST.has(s.charCodeAt(lead))) return undefined;
  const t = s.slice(lead, lead + 16);
  const at = base + lead;
  // the four forms open with different characters: only the regex of t's form can match (and most numbers that
  // open a line, `2023年…`, fail the checks by code unit that stand before the regexes below)
  const form = markerForm(t);
  let m: RegExpExecArray | null;
  if (form === 'paren' && (m = RE_PAREN.exec(t))) {
    const [whole, open, sp1, num, sp2, close, trail] = m;
    // num is all numerals or all digits (RE_PAREN): its first unit says which
    const isCn = !isDigitCode(num.charCodeAt(0));
    const value = isCn ? parseChineseNumeral(num) : Number(toAsciiDigits(num));
    if (!value) return undefined;
    const type: OrdinalType = isCn ? 'paren-cn' : 'paren-arabic';
    const problems: MarkerProblem[] = [];
    if (open === '(' || close === ')') problems.push('halfwidth-paren');
    if (trail) problems.push('trailing-mark');
    if (sp1 || sp2) problems.push('inner-space');
    if (!isCn && /[０-９]/.test(num)) problems.push('fullwidth-digit');
    const numeralOffset = at + open.length + sp1.length;
    return newMarker(type, value, at, whole, numeralOffset, numeralOffset + num.length, problems);
  }
  if (form === 'cn') {
    // what RE_CN matches, as markerForm found it: the numerals, then the mark
    const k = cnRun(t);
    const whole = t.slice(0, k + 1);
    const num = t.slice(0, k);
    const mark = t[k];
    const value = parseChineseNumeral(num);
    if (!value) return undefined;
    return newMarker('cn', value, at, whole, at, at + num.length, mark === '、' ? [] : ['cn-dot']);
  }
  if (form === 'arabic') {
    // what RE_ARABIC matches, as markerForm found it: the digits, then the mark
    const k = digitRun(t);
    const whole = t.slice(0, k + 1);
    const num = t.slice(0, k);
    const mark = t[k];
    const value = Number(toAsciiDigits(num));
    if (!value) return undefined;
    const problems: MarkerProblem[] = [];
    if (mark === '、') problems.push('arabic-dun');
    if (mark === '．') problems.push('fullwidth-dot');
    if (/[０-９]/.test(num)) problems.push('fullwidth-digit');
    return newMarker('arabic', value, at, whole, at, at + num.length, problems);
  }
  if (form === 'circled' && (m = RE_CIRCLED.exec(t))) {
    const value = parseCircled(m[1])!;
    return newMarker('circled', value, at, m[1], at, at + 1, []);
  }
  return undefined;
}

// A marker's head at the end of a line: an open bracket, a numeral, or both (`（`, `一`, `（三`, `(1`).
const HEAD_NUMERAL = new Set([...'一二三四五六七八九十百0123456789０１２３４５６７８９'].map((c) => c.charCodeAt(0)));
const isOpenParen = (c: number): boolean => c === 0xff08 || c === 0x28;
// what may stand before a head on its line: a sentence end or a colon
const isHeadLead = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1a || c === 0x3a;

/** The head at the end of [start, end): its start and end, when a sentence end or the line's start is before it. */
function splitHead(prose: string, start: number, end: number): [number, number] | undefined {
  let e = end;
  while (e > start && isBlankOrMask(prose.charCodeAt(e - 1))) e--;
  let h = e;
  while (h > start && e - h < 3 && HEAD_NUMERAL.has(prose.charCodeAt(h - 1))) h--;
  if (h > start && isOpenParen(prose.charCodeAt(h - 1))) h--;
  if (h === e) return undefined;
  let lead = h;
  while (lead > start && isBlankOrMask(prose.charCodeAt(lead - 1))) lead--;
  return lead === start || isHeadLead(prose.charCodeAt(lead - 1)) ? [h, e] : undefined;
}

/**
 * A heading marker broken by a line break (`（` ⏎ `三）…`, `一` ⏎ `、…`, `（三` ⏎ `）…`), as web copies leave them:
 * the head ends block `a` (alone, or after a sentence end) and the rest opens block `b`, which reads as no marker
 * by itself. The marker spans both; its numeral lies on one side.
 */
export function readSplitMarker(prose: string, a: Block, b: Block): OrdinalMarker | undefined {
  const found = splitHead(prose, a.start, a.end);
  if (!found) return undefined;
  const [hs, headEnd] = found;
  const head = prose.slice(hs, headEnd);
  let restStart = b.start;
  while (restStart < b.end && isBlankOrMask(prose.charCodeAt(restStart))) restStart++;
  const rest = prose.slice(restStart, Math.min(b.end, restStart + 16));
  if (!rest || readMarker(rest, restStart)) return undefined;
  const joined = readMarker(head + rest, 0);
  if (!joined || joined.endOffset <= head.length) return undefined;
  const map = (k: number): number => (k < head.length ? hs + k : restStart + k - head.length);
  // a numeral cut in two (`二` ⏎ `十、`) is too uncertain to join
  if (joined.numeralOffset < head.length && joined.numeralEndOffset > head.length) return undefined;
  const numeralOffset = map(joined.numeralOffset);
  const numeralEndOffset = joined.numeralEndOffset <= head.length ? hs + joined.numeralEndOffset : map(joined.numeralEndOffset - 1) + 1;
  const endOffset = map(joined.endOffset - 1) + 1;
  let aText = hs;
  while (aText > a.start && isBlankOrMask(prose.charCodeAt(aText - 1))) aText--;
  return newMarker(joined.type, joined.value, hs, prose.slice(hs, endOffset), numeralOffset, numeralEndOffset, [...joined.problems, 'split'], {
    headEnd,
    restStart,
    between: prose.slice(headEnd, restStart),
    alone: aText === a.start,
  });
}

// `20.2026年…`, `21.5+2…`: an item number right before digits, which readMarker leaves to decimals.
const RE_DIGIT_ITEM = new RegExp(`^(${DIGIT}{1,3})([.．])(?=${DIGIT})`);

/** An Arabic item number followed by digits; only the list around it can say it is one (see readMarkers). */
function readDigitItem(s: string, base: number): OrdinalMarker | undefined {
  let lead = 0;
  while (lead < s.length && isLead(s.charCodeAt(lead))) lead++;
  const m = RE_DIGIT_ITEM.exec(s.slice(lead, lead + 8));
  if (!m) return undefined;
  const value = Number(toAsciiDigits(m[1]));
  if (!value) return undefined;
  const at = base + lead;
  const problems: MarkerProblem[] = [];
  if (m[2] === '．') problems.push('fullwidth-dot');
  if (/[０-９]/.test(m[1])) problems.push('fullwidth-digit');
  return newMarker('arabic', value, at, m[0], at, at + m[1].length, problems);
}

/**
 * The marker of each block (undefined where none): markers at a block's start, markers split over two lines, and
 * item numbers followed by digits (`20.2026年…`) where the list says so: the Arabic item before it is N−1 and the
 * one after it N+1 (or, for the last of the list, what follows the number is no measure: `21.5%` is a decimal).
 * `skip(i)`: blocks that cannot hold a heading (Markdown list items).
 */
export function readMarkers(prose: string, blocks: Block[], skip: (i: number) => boolean): (OrdinalMarker | undefined)[] {
  const out: (OrdinalMarker | undefined)[] = new Array(blocks.length);
  let digitItems: number[] | undefined;
  for (let i = 0; i < blocks.length; i++) {
    if (skip(i)) continue;
    const b = blocks[i];
    let j = b.start;
    while (j < b.end && isLead(prose.charCodeAt(j))) j++;
    const first = j < b.end ? prose.charCodeAt(j) : 0;
    // most blocks open with none of the characters a marker (or the rest of a split one: 、 ） . ．) opens with
    if (!MARKER_FIRST.has(first) && first !== 0x3001 && first !== 0xff09 && first !== 0x29 && first !== 0x2e && first !== 0xff0e) continue;
    const s = prose.slice(b.start, b.end);
    out[i] = readMarker(s, b.start);
    if (out[i]) continue;
    if (i > 0 && !skip(i - 1)) out[i] = readSplitMarker(prose, blocks[i - 1], b);
    if (out[i]) continue;
    const d = (first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19) ? readDigitItem(s, b.start) : undefined;
    if (d) {
      out[i] = d;
      (digitItems ??= []).push(i);
    }
  }
  if (!digitItems) return out;
  // keep a digit item only when its list agrees; decided in order, so `20.2026年` then `21.5+2` both stand.
  // The next Arabic marker after each block (candidates included), then one pass forward: linear.
  const nextArabic: (OrdinalMarker | undefined)[] = new Array(blocks.length);
  for (let k = blocks.length - 1, next: OrdinalMarker | undefined; k >= 0; k--) {
    nextArabic[k] = next;
    if (out[k]?.type === 'arabic') next = out[k];
  }
  const isDigitItem = new Set(digitItems);
  let prev: OrdinalMarker | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const m = out[i];
    if (m?.type !== 'arabic') continue;
    if (isDigitItem.has(i)) {
      let e = m.endOffset;
      while (e < prose.length && /[0-9０-９]/.test(prose[e])) e++;
      const next = nextArabic[i];
      const ok = prev?.value === m.value - 1 && (next ? next.value === m.value + 1 : !/[%％‰万亿千百.．]/.test(prose.charAt(e)));
      if (!ok) {
        out[i] = undefined;
        continue;
      }
    }
    prev = m;
  }
  return out;
}

// A heading run into the paragraph before it: a marker right after a sentence end (。！？) and optional blanks of
// the same line. Only where the headings around it say so is it read as one (see document.ts).
const isInlineLead = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f;
const isInlineBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

/** Markers in [from, to) that follow a sentence end on their line (candidates: the caller decides). */
export function inlineMarkers(prose: string, from: number, to: number): OrdinalMarker[] {
  const out: OrdinalMarker[] = [];
  for (let i = from; i < to; i++) {
    const m = inlineMarkerAt(prose, i, to);
    if (m) out.push(m);
  }
  return out;
}

/** The marker in [i, to) that follows a sentence end at i on its line, if any (what inlineMarkers finds at i). */
export function inlineMarkerAt(prose: string, i: number, to: number): OrdinalMarker | undefined {
  if (!isInlineLead(prose.charCodeAt(i))) return undefined;
  let j = i + 1;
  while (j < to && isInlineBlank(prose.charCodeAt(j))) j++;
  if (j >= to || !MARKER_FIRST.has(prose.charCodeAt(j))) return undefined;
  const m = readMarker(prose.slice(j, Math.min(to, j + 16)), j);
  if (!m) return undefined;
  m.problems.push('inline');
  m.inline = { breakStart: i + 1 };
  return m;
}

const isTitleStop = (c: number): boolean => c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0x3001 || c === 0xff01 || c === 0xff1f || c === 0x2c || c === 0x3b || c === 0x3a || c === 10 || c === 13;

/**
 * In a report that lost its line breaks, an inline heading's short title ends at a blank (`一、2023年工作回顾 2023年
 * 是…`): that blank stands for the paragraph break. Its offset, when the title before it holds at least 4 characters,
 * 2 of them Chinese, and no punctuation; undefined when the title runs on to a mark (`（二）聚力创新驱动，…。`).
 */
export function inlineTitleBlank(prose: string, m: OrdinalMarker, limit: number): number | undefined {
  let han = 0;
  for (let i = m.endOffset; i < limit && i - m.endOffset <= 30; i++) {
    const c = prose.charCodeAt(i);
    if (isTitleStop(c)) return undefined;
    if (isInlineBlank(c)) return han >= 2 && i - m.endOffset >= 4 ? i : undefined;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return undefined;
}
