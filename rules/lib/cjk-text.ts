// Character classes and "is this mark inside Chinese text?" for the punctuation and spacing rules
// (punctuation-width, punctuation-pairs, cjk-spacing). Everything here is linear: context scans are
// bounded, and per-document tables are built once and cached.
import type { ReportDocument } from '../model/document';
import type { Block } from '../model/prose';
import type { PlaceholderSpan } from '../model/placeholders';
import { firstAtOrAfter, overlapsSpan } from '../model/lines';

/** A Chinese character (CJK ideographs: basic block, extension A, compatibility). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * A character that only occurs in Chinese text: ideographs, CJK punctuation (、。〈〉《》「」【】〔〕…),
 * full-width forms (，；：（）０-９), curly quotes, the dash and ellipsis used in Chinese.
 */
export function isChineseChar(c: number): boolean {
  return (
    isHan(c) ||
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff5e) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x00b7
  );
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Blanks inside a line (half-width space, tab, no-break space, ideographic space). */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** Character kinds for context scans (small ints: no allocation in the hot path). */
export const K_NONE = 0;
export const K_CJK = 1;
export const K_LATIN = 2;
export const K_DIGIT = 3;
export const K_OTHER = 4;
export const K_BLANK = 5;
/** A line break: context scans stop there (a Markdown paragraph spans lines that need not share a language). */
export const K_BREAK = 6;

/** How far a context scan looks for the nearest letter on each side. */
const NEAR = 16;

/**
 * Findings one of these rules reports per document at most: a real report has a few hundred; a garbage
 * megabyte of brackets would otherwise produce a million findings. Fix-all still converges (each pass
 * fixes the next batch).
 */
export const MAX_FINDINGS = 5000;

/** TextTables.markFlags bits: inside a placeholder. */
export const F_PLACEHOLDER = 1;
/** Inside a heading ordinal marker (heading-marker's business). */
export const F_MARKER = 2;

/**
 * Per-document tables, built once: Chinese counts per chunk, the offsets of the half-width and paired marks
 * (so the rules visit those instead of every character) and which of them are in a placeholder or a heading
 * marker. Nothing per character: arrays as long as the text cost more to allocate and fill than the rules'
 * own work.
 */
export interface TextTables {
  prose: string;
  /** counts[2k] = Han characters in prose[0, 32k), counts[2k + 1] = Chinese characters (Han and Chinese punctuation). */
  counts: Int32Array;
  /** Ascending offsets of , ; : ? ! ( ) “ ” ‘ ’ （ ） 《 》 【 】 (punctuation-width's and punctuation-pairs' marks). */
  marks: Int32Array;
  /** F_* bits of each mark. */
  markFlags: Uint8Array;
  /** The document's placeholders: sorted, disjoint (as doc.overlapsPlaceholder relies on too). */
  placeholders: PlaceholderSpan[];
  /** Heading-marker ranges as start, end pairs: sorted, disjoint. */
  markers: number[];
}

const tableCache = new WeakMap<ReportDocument, TextTables>();

// Per code unit, computed once: bit 0 isHan, bit 1 isChineseChar, bits 2-4 the K_* kind (placeholder
// letters are K_OTHER: decided per position in kindAt), bit 5 one of TextTables.marks.
const C_MARK = 32;
// Filled by ranges, the lowest precedence first (a loop over all 65,536 code units calling the predicates took
// about 20 ms of every process's start, in the interpreter); test/rules/cjk-text.test.ts checks it against them.
export const CHAR_CLASS = new Uint8Array(0x10000);
const CLASS = CHAR_CLASS;
{
  const set = (from: number, to: number, v: number) => CLASS.fill(v, from, to + 1);
  CLASS.fill(K_OTHER << 2);
  for (const c of [10, 13]) set(c, c, K_BREAK << 2);
  for (const c of [0x20, 0x09, 0xa0, 0x3000]) set(c, c, K_BLANK << 2);
  set(0x30, 0x39, K_DIGIT << 2);
  set(0x41, 0x5a, K_LATIN << 2);
  set(0x61, 0x7a, K_LATIN << 2);
  set(0xc0, 0x24f, K_LATIN << 2);
  set(0xd7, 0xd7, K_OTHER << 2);
  set(0xf7, 0xf7, K_OTHER << 2);
  const chinese = 2 | (K_CJK << 2);
  for (const [from, to] of [[0x3001, 0x303f], [0xff01, 0xff5e], [0x2018, 0x201d], [0x2014, 0x2014], [0x2026, 0x2026], [0xb7, 0xb7]]) set(from, to, chinese);
  for (const [from, to] of [[0x4e00, 0x9fff], [0x3400, 0x4dbf], [0xf900, 0xfaff]]) set(from, to, 1 | chinese);
  for (const m of ',;:?!()“”‘’（）《》【】') CLASS[m.charCodeAt(0)] |= C_MARK;
}

/**
 * The per-character loop of textTables, in a function of its own: inline, V8 compiled the loop on stack (OSR)
 * before the code after it had run, and threw that code away again on every call. Returns the marks.
 */
function fillTables(p: string, counts: Int32Array): Int32Array {
  const n = p.length;
  // a typed array that doubles: pushing to a plain array cost more than the whole loop
  let marks: Int32Array = new Int32Array(16 + (n >> 3));
  let m = 0;
  let han = 0;
  let chinese = 0;
  // c0 = n (when n is a multiple of 32) stores the last count: no code after the loop (see above)
  for (let c0 = 0; c0 <= n; c0 += 32) {
    counts[c0 >> 4] = han;
    counts[(c0 >> 4) + 1] = chinese;
    const e = Math.min(n, c0 + 32);
    for (let i = c0; i < e; i++) {
      const cl = CLASS[p.charCodeAt(i)];
      han += cl & 1;
      chinese += (cl >> 1) & 1;
      if (cl & C_MARK) {
        if (m === marks.length) marks = grown(marks);
        marks[m++] = i;
      }
    }
  }
  return marks.subarray(0, m);
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** ORs `flag` into the flags of the marks in [start, end). */
function flagMarks(t: TextTables, start: number, end: number, flag: number): void {
  for (let k = firstMark(t, start); k < t.marks.length && t.marks[k] < end; k++) t.markFlags[k] |= flag;
}

export function textTables(doc: ReportDocument): TextTables {
  let t = tableCache.get(doc);
  if (t) return t;
  const p = doc.prose;
  // doc.headings is in document order, one per block, each marker at its block's start
  const markers: number[] = [];
  for (const h of doc.headings) if (h.marker && h.marker.endOffset > h.marker.offset) markers.push(h.marker.offset, h.marker.endOffset);
  const counts = new Int32Array(2 * ((p.length >> 5) + 1));
  const marks = fillTables(p, counts);
  t = { prose: p, counts, marks, markFlags: new Uint8Array(marks.length), placeholders: doc.placeholders, markers };
  for (const ph of doc.placeholders) flagMarks(t, ph.offset, ph.endOffset, F_PLACEHOLDER);
  for (let k = 0; k < markers.length; k += 2) flagMarks(t, markers[k], markers[k + 1], F_MARKER);
  tableCache.set(doc, t);
  return t;
}

/** Is the code unit at i inside a placeholder or a heading marker? */
export function flagged(t: TextTables, i: number): boolean {
  if (overlapsSpan(t.placeholders, i, i + 1)) return true;
  const m = t.markers;
  let lo = 0;
  let hi = (m.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (m[2 * mid + 1] <= i) lo = mid + 1;
    else if (m[2 * mid] > i) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Does prose[from, to), inside one chunk, hold a character with CLASS bit `bit`? */
function chunkHolds(t: TextTables, bit: number, from: number, to: number): boolean {
  const c = t.counts;
  const k = 2 * (from >> 5) + (bit >> 1);
  // the chunk's count, when it is whole, says whether there is one at all
  if (k + 2 < c.length && c[k + 2] === c[k]) return false;
  for (let i = from; i < to; i++) if (CLASS[t.prose.charCodeAt(i)] & bit) return true;
  return false;
}

/** Does prose[a, b) hold a character with CLASS bit `bit` (1 Han, 2 Chinese)? Looks at 64 characters at most. */
function holds(t: TextTables, bit: number, a: number, b: number): boolean {
  // whole chunks [ca, cb) by their counts, the ends one by one
  const ca = (a + 31) >> 5;
  const cb = b >> 5;
  if (ca > cb) return chunkHolds(t, bit, a, b);
  const x = bit >> 1;
  if (ca < cb && t.counts[2 * cb + x] - t.counts[2 * ca + x] > 0) return true;
  return (a < ca << 5 && chunkHolds(t, bit, a, ca << 5)) || (cb << 5 < b && chunkHolds(t, bit, cb << 5, b));
}

/** True when prose[a, b) holds a Chinese character or Chinese punctuation. O(1). */
export function hasChinese(t: TextTables, a: number, b: number): boolean {
  return b > a && holds(t, 2, a, b);
}

/** True when prose[a, b) holds a Chinese character. O(1). */
export function hasHan(t: TextTables, a: number, b: number): boolean {
  return b > a && holds(t, 1, a, b);
}

/** Index in t.marks of the first mark at or after offset. */
export function firstMark(t: TextTables, offset: number): number {
  return firstAtOrAfter(t.marks, offset);
}

/** K_* kind of the code unit at i (placeholder letters count as K_OTHER). */
function kindAt(t: TextTables, p: string, i: number): number {
  const k = (CLASS[p.charCodeAt(i)] >> 2) & 7;
  return k === K_LATIN && t.placeholders.length > 0 && overlapsSpan(t.placeholders, i, i + 1) ? K_OTHER : k;
}

/**
 * Looks left (dir = -1) or right (dir = +1) of position `from` (exclusive), inside [lo, hi).
 * Returns near | letter << 3: `near` is the kind of the first non-blank character, `letter` the kind of the
 * nearest letter (Chinese or Latin) within a few characters, skipping digits, symbols and placeholders.
 */
export function side(t: TextTables, from: number, dir: -1 | 1, lo: number, hi: number): number {
  const p = t.prose;
  let i = from + dir;
  while (i >= lo && i < hi && ((CLASS[p.charCodeAt(i)] >> 2) & 7) === K_BLANK) i += dir;
  if (i < lo || i >= hi) return K_NONE;
  const near = kindAt(t, p, i);
  if (near === K_BREAK) return K_NONE;
  if (near === K_CJK || near === K_LATIN) return near | (near << 3);
  for (let k = 1, j = i + dir; k < NEAR && j >= lo && j < hi; k++, j += dir) {
    const kd = kindAt(t, p, j);
    if (kd === K_CJK || kd === K_LATIN) return near | (kd << 3);
    if (kd === K_BREAK) break;
  }
  return near;
}

export const nearKind = (s: number): number => s & 7;
export const letterKind = (s: number): number => s >> 3;

/**
 * Is a mark at [at, at + len) part of Chinese text? Chinese when a Chinese character stands next to it, or
 * when the nearest letter on either side is Chinese — unless Latin letters stand right on both sides
 * (`LED,PCR`, `Product, GDP`): that is Latin text inside a Chinese sentence.
 */
export function inChineseText(_doc: ReportDocument, t: TextTables, at: number, len: number, lo: number, hi: number): boolean {
  const l = side(t, at, -1, lo, hi);
  if ((l & 7) === K_CJK) return true;
  const r = side(t, at + len - 1, 1, lo, hi);
  if ((r & 7) === K_CJK) return true;
  if ((l & 7) === K_LATIN && (r & 7) === K_LATIN) return false;
  return l >> 3 === K_CJK || r >> 3 === K_CJK;
}

const runCache = new WeakMap<ReportDocument, Block[][]>();
/** 。！？!?”’」』… by code unit. */
const RUN_END = new Uint8Array(0x10000);
for (const c of '。！？!?”’」』…') RUN_END[c.charCodeAt(0)] = 1;

/**
 * Runs of blocks that belong together: a paragraph continues into the next one when it ends without
 * 。！？” (web copies wrap paragraphs mid-sentence). A heading always starts a new run. The runs, one after
 * the other, are doc.blocks.
 */
export function blockRuns(doc: ReportDocument): Block[][] {
  const cached = runCache.get(doc);
  if (cached) return cached;
  const runs: Block[][] = [];
  let cur: Block[] = [];
  const p = doc.prose;
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const h = doc.headingOfBlock[i];
    if (cur.length && (h?.marker || b.mdDepth)) {
      runs.push(cur);
      cur = [];
    }
    cur.push(b);
    let e = b.end;
    while (e > b.start && (isBlank(p.charCodeAt(e - 1)) || p.charCodeAt(e - 1) === 0xfffc)) e--;
    if (e === b.start || RUN_END[p.charCodeAt(e - 1)] || b.mdDepth) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  runCache.set(doc, runs);
  return runs;
}
