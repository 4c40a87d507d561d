// Character classes and "is this mark inside Chinese text?" for the punctuation and spacing rules
// (punctuation-width, punctuation-pairs, cjk-spacing). Everything here is linear: context scans are
// bounded, and per-document tables are built once and cached.
import type { ReportDocument } from '../model/document';
import type { Block } from '../model/prose';

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

/** Per-document tables, built once: prefix counts of Han characters, a placeholder map, heading-marker ranges. */
export interface TextTables {
  /** hanBefore[i] = number of Han characters in prose[0, i). */
  hanBefore: Int32Array;
  /** chineseBefore[i] = number of Chinese characters (Han and Chinese punctuation) in prose[0, i). */
  chineseBefore: Int32Array;
  /** 1 where the code unit is inside a placeholder. */
  placeholder: Uint8Array;
  /** 1 where the code unit is inside a heading ordinal marker (heading-marker's business). */
  marker: Uint8Array;
  /** K_* kind of every code unit (placeholder letters count as K_OTHER). */
  kind: Uint8Array;
}

const tableCache = new WeakMap<ReportDocument, TextTables>();

// Per code unit, computed once: bit 0 isHan, bit 1 isChineseChar, bits 2-4 the K_* kind (placeholder
// letters are K_OTHER: decided per position below).
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const k = isChineseChar(c) ? K_CJK : isLatinLetter(c) ? K_LATIN : isDigit(c) ? K_DIGIT : isBlank(c) ? K_BLANK : c === 10 || c === 13 ? K_BREAK : K_OTHER;
  CLASS[c] = (isHan(c) ? 1 : 0) | (isChineseChar(c) ? 2 : 0) | (k << 2);
}

/**
 * The per-character loop of textTables, in a function of its own: inline, V8 compiled the loop on stack (OSR)
 * before the code after it had run, and threw that code away again on every call.
 */
function fillTables(p: string, hanBefore: Int32Array, chineseBefore: Int32Array, placeholder: Uint8Array, kind: Uint8Array): void {
  const n = p.length;
  let han = 0;
  let chinese = 0;
  for (let i = 0; i < n; i++) {
    const cl = CLASS[p.charCodeAt(i)];
    hanBefore[i + 1] = han += cl & 1;
    chineseBefore[i + 1] = chinese += (cl >> 1) & 1;
    const k = cl >> 2;
    kind[i] = k === K_LATIN && placeholder[i] ? K_OTHER : k;
  }
}

export function textTables(doc: ReportDocument): TextTables {
  let t = tableCache.get(doc);
  if (t) return t;
  const p = doc.prose;
  const n = p.length;
  const hanBefore = new Int32Array(n + 1);
  const chineseBefore = new Int32Array(n + 1);
  const placeholder = new Uint8Array(n);
  for (const ph of doc.placeholders) placeholder.fill(1, ph.offset, ph.endOffset);
  const marker = new Uint8Array(n);
  for (const h of doc.headings) if (h.marker) marker.fill(1, h.marker.offset, h.marker.endOffset);
  const kind = new Uint8Array(n);
  fillTables(p, hanBefore, chineseBefore, placeholder, kind);
  t = { hanBefore, chineseBefore, placeholder, marker, kind };
  tableCache.set(doc, t);
  return t;
}

/** True when prose[a, b) holds a Chinese character or Chinese punctuation. O(1). */
export function hasChinese(t: TextTables, a: number, b: number): boolean {
  return b > a && t.chineseBefore[b] - t.chineseBefore[a] > 0;
}

/** True when prose[a, b) holds a Chinese character. O(1). */
export function hasHan(t: TextTables, a: number, b: number): boolean {
  return b > a && t.hanBefore[b] - t.hanBefore[a] > 0;
}

/**
 * Looks left (dir = -1) or right (dir = +1) of position `from` (exclusive), inside [lo, hi).
 * Returns near | letter << 3: `near` is the kind of the first non-blank character, `letter` the kind of the
 * nearest letter (Chinese or Latin) within a few characters, skipping digits, symbols and placeholders.
 */
export function side(t: TextTables, from: number, dir: -1 | 1, lo: number, hi: number): number {
  const kind = t.kind;
  let i = from + dir;
  while (i >= lo && i < hi && kind[i] === K_BLANK) i += dir;
  if (i < lo || i >= hi || kind[i] === K_BREAK) return K_NONE;
  const near = kind[i];
  if (near === K_CJK || near === K_LATIN) return near | (near << 3);
  for (let k = 1, j = i + dir; k < NEAR && j >= lo && j < hi; k++, j += dir) {
    const kd = kind[j];
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

/**
 * Runs of blocks that belong together: a paragraph continues into the next one when it ends without
 * 。！？” (web copies wrap paragraphs mid-sentence). A heading always starts a new run.
 */
const runCache = new WeakMap<ReportDocument, Block[][]>();
const RUN_END = new Set(['。', '！', '？', '!', '?', '”', '’', '」', '』', '…']);

export function blockRuns(doc: ReportDocument): Block[][] {
  const cached = runCache.get(doc);
  if (cached) return cached;
  const runs: Block[][] = [];
  let cur: Block[] = [];
  const p = doc.prose;
  doc.blocks.forEach((b, i) => {
    const h = doc.headingOfBlock[i];
    if (cur.length && (h?.marker || b.mdDepth)) {
      runs.push(cur);
      cur = [];
    }
    cur.push(b);
    let e = b.end;
    while (e > b.start && (isBlank(p.charCodeAt(e - 1)) || p.charCodeAt(e - 1) === 0xfffc)) e--;
    if (e === b.start || RUN_END.has(p[e - 1]) || b.mdDepth) {
      runs.push(cur);
      cur = [];
    }
  });
  if (cur.length) runs.push(cur);
  runCache.set(doc, runs);
  return runs;
}
