// The word-frequency lexicon and confusable characters behind the statistical typo check. Built once, on first use,
// from the compact generated data (rules/data/lexicon.generated.ts); nothing here reads a file. Lookups read
// character codes straight from the text (an open-addressing table of typed arrays): the check runs on every
// character of every report, so it allocates no strings.
import { READINGS, WORD_GROUPS } from '../data/lexicon.generated';
import { LOOK_ALIKE_GROUPS } from '../data/look-alike';
import { SUPPLEMENT_WORDS } from '../data/lexicon-supplement';

export interface Lexicon {
  /** Frequency class of text[start, start+len) (len 1–4) with the character at `at` replaced by `sub` (when sub ≥ 0); -1 when no word. */
  classAt(text: string, start: number, len: number, at?: number, sub?: number): number;
  /** Class of a single character as a word of its own, or -1. */
  singleClass(c: number): number;
  /** True when the two characters occur side by side inside some word of the lexicon. */
  bigramInWord(a: number, b: number): boolean;
  /** PAIR_IN_WORD when the two characters occur side by side in some word, | PAIR_STARTS_WORD when they are one or start one; else 0. */
  pairFlags(a: number, b: number): number;
  /**
   * The confusables of c (in the order of confusables(c)) that occur side by side with prev (before them) or next
   * (after them) in some word, written to out; returns how many. -1: no such neighbour.
   */
  joiningConfusables(c: number, prev: number, next: number, out: number[]): number;
  /** Characters confusable with c (same reading, or look-alike) that occur in some word offered as a correction. */
  confusables(c: number): Uint16Array;
  /**
   * The tables behind pairFlags and singleClass, for loops over every character of a report. info[c] (16 bits, so
   * that the characters of a report share few cache lines): bits 0–10 the rank k of c among the most common
   * characters (INFO_RANK, which means not among them), bits 11–15 its class as a word of its own + 1 (at most 30).
   * The flags of a pair of those are two bits in `denseFlags` at cell zOrder[ka] | zOrder[kb] << 1 when that has
   * neither bit 30 nor 31 set; pairFlags otherwise.
   */
  raw: { info: Uint16Array; zOrder: Uint32Array; denseFlags: Uint8Array };
}

export const PAIR_IN_WORD = 1;
export const PAIR_STARTS_WORD = 2;
export const INFO_RANK = 2047;

/** Words whose class is at least this are offered as corrections (jieba frequency ≥ 2^5 = 32); DETECT's minClass* are no lower. */
export const COMPLETION_MIN_CLASS = 5;

let lexicon: Lexicon | undefined;

export function getLexicon(): Lexicon {
  return (lexicon ??= buildLexicon());
}

const TABLE_BITS = 19;
const TABLE_SIZE = 1 << TABLE_BITS;
const MASK = TABLE_SIZE - 1;

/**
 * Characters numbered up to this have their pairs in a dense table (2 bits a pair, 1 MB): 98 % of the pairs of Han
 * characters in reports. The other pairs (about a fifth of the 120,000 of the lexicon) are in a small hash set.
 * The table is in Z order (the bits of the two indexes interleaved): the pairs of the k most common characters
 * fill its first k² cells for every k, so the lookups made for every character of a report stay in few cache lines.
 */
const DENSE = 2047;
/** Side of the dense table: a power of two, for the Z order (rank 2047 is INFO_RANK, "not dense"). */
const DENSE_SIDE = 2048;
const NOT_DENSE = 1 << 30;
/** Slots of the hash set of the other pairs (kept at most half full). */
const PAIR_BITS = 16;

/** The bits of k (< 2^15) spread to the even positions. */
function spread(k: number): number {
  let x = k;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) >>> 0;
}

function buildLexicon(): Lexicon {
  const groups = WORD_GROUPS.split('\n');
  for (const [w, cls] of SUPPLEMENT_WORDS) groups.push(`${w.length}:${cls}:${w}`);
  // characters numbered by how much they occur in words, most first: the bigram table's rows and columns for the
  // common characters then lie together, and the lookups made for every character of a report stay in cache
  const weight = new Float64Array(0x10000);
  for (const g of groups) {
    const k1 = g.indexOf(':');
    const k2 = g.indexOf(':', k1 + 1);
    const w = 2 ** Number(g.slice(k1 + 1, k2));
    for (let i = k2 + 1; i < g.length; i++) weight[g.charCodeAt(i)] += w;
  }
  const used: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (weight[c] > 0) used.push(c);
  used.sort((a, b) => weight[b] - weight[a]);
  const charIndex = new Uint16Array(0x10000);
  used.forEach((c, k) => (charIndex[c] = k + 1));
  // the rank part of info now, the class part once the words are read
  const info = new Uint16Array(0x10000).fill(INFO_RANK);
  for (let k = 0; k < DENSE && k < used.length; k++) info[used[k]] = k;
  const zOrder = new Uint32Array(INFO_RANK + 1).fill(NOT_DENSE);
  for (let k = 0; k < DENSE; k++) zOrder[k] = spread(k);
  const cellOf = (a: number, b: number): number => zOrder[info[a] & INFO_RANK] | (zOrder[info[b] & INFO_RANK] << 1);
  const denseFlags = new Uint8Array((DENSE_SIDE * DENSE_SIDE) / 4);
  // the in-word bit of the same pairs row by row, and column by column: the confusables of one character are
  // tried against one neighbour, whose row (or column) is then 256 bytes read again and again
  const ROW = DENSE_SIDE >> 5;
  const inRow = new Uint32Array(DENSE_SIDE * ROW);
  const inCol = new Uint32Array(DENSE_SIDE * ROW);
  // pairs with a rarer character: open addressing on ia << 16 | ib (never 0: indexes start at 1), flags in bits 30–31
  const pairs = new Uint32Array(1 << PAIR_BITS);
  const PAIR_MASK = (1 << PAIR_BITS) - 1;
  const KEY = 0x3fffffff;
  const pairSlot = (key: number): number => {
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - PAIR_BITS);
    for (;;) {
      const v = pairs[slot];
      if (v === 0 || (v & KEY) === key) return slot;
      slot = (slot + 1) & PAIR_MASK;
    }
  };
  // for each character, 32 bits of the indexes of the characters after / before it in the pairs of the hash set:
  // most pairs with a rare character are no word pair, and a clear bit says so without a probe
  const after = new Uint32Array(used.length + 1);
  const before = new Uint32Array(used.length + 1);
  const inSparse = (ia: number, ib: number): boolean => ((after[ia] >>> (ib & 31)) & (before[ib] >>> (ia & 31)) & 1) !== 0;
  let sparsePairs = 0;
  // a pair with a character outside the dense table (the dense ones are set in the loop below: it runs once, on
  // 700,000 pairs, mostly before the compiler has made a call cheap)
  const addSparsePair = (a: number, b: number, flags: number): void => {
    const ia = charIndex[a];
    const ib = charIndex[b];
    const key = (ia << 16) | ib;
    after[ia] |= 1 << (ib & 31);
    before[ib] |= 1 << (ia & 31);
    const slot = pairSlot(key);
    // keep the table at most half full: the lexicon has about 25,000 such pairs
    if (pairs[slot] === 0 && ++sparsePairs > 1 << (PAIR_BITS - 1)) throw new Error('lexicon: pair table full');
    pairs[slot] = (pairs[slot] | key | (flags << 30)) >>> 0;
  };
  // the distinct pairs of the dense table, as ka << 16 | kb
  const densePairs: number[] = [];
  // characters in some word of 2–4 characters offered as a correction: the only useful replacements
  const inCompletion = new Uint8Array(0x10000);
  // open addressing: 4 code units per slot (0 = empty), the class in its own array
  const keys = new Uint16Array(TABLE_SIZE * 4);
  const classes = new Int8Array(TABLE_SIZE).fill(-1);
  const single = new Int8Array(0x10000).fill(-1);
  for (const g of groups) {
    const k1 = g.indexOf(':');
    const k2 = g.indexOf(':', k1 + 1);
    const len = Number(g.slice(0, k1));
    const cls = Number(g.slice(k1 + 1, k2));
    for (let p = k2 + 1; p + len <= g.length; p += len) {
      if (len === 1) {
        const c = g.charCodeAt(p);
        if (single[c] < cls) single[c] = cls;
        continue;
      }
      let h = 0x811c9dc5;
      for (let i = 0; i < len; i++) h = hashStep(h, g.charCodeAt(p + i));
      let slot = h & MASK;
      for (;;) {
        const b = slot * 4;
        if (keys[b] === 0) {
          for (let i = 0; i < len; i++) keys[b + i] = g.charCodeAt(p + i);
          classes[slot] = cls;
          break;
        }
        let same = true;
        for (let i = 0; i < 4; i++) if (keys[b + i] !== (i < len ? g.charCodeAt(p + i) : 0)) same = false;
        if (same) {
          if (classes[slot] < cls) classes[slot] = cls;
          break;
        }
        slot = (slot + 1) & MASK;
      }
      for (let i = 0; i + 1 < len; i++) {
        const a = g.charCodeAt(p + i);
        const b = g.charCodeAt(p + i + 1);
        const flags = i === 0 ? PAIR_IN_WORD | PAIR_STARTS_WORD : PAIR_IN_WORD;
        // (info holds only ranks until the words are read)
        const ka = info[a];
        const kb = info[b];
        const cell = zOrder[ka] | (zOrder[kb] << 1);
        if (cell >>> 30 === 0) {
          const shift = (cell & 3) << 1;
          const v = denseFlags[cell >>> 2];
          if (((v >> shift) & 3) === 0) densePairs.push((ka << 16) | kb);
          denseFlags[cell >>> 2] = v | (flags << shift);
        } else addSparsePair(a, b, flags);
      }
    }
  }

  for (let slot = 0; slot < TABLE_SIZE; slot++) {
    if (classes[slot] < COMPLETION_MIN_CLASS) continue;
    for (let i = slot * 4; i < slot * 4 + 4 && keys[i] !== 0; i++) inCompletion[keys[i]] = 1;
  }

  // the rows and columns, once a pair (not at every pair of every word)
  for (const pair of densePairs) {
    const ka = pair >>> 16;
    const kb = pair & 0xffff;
    inRow[ka * ROW + (kb >> 5)] |= 1 << (kb & 31);
    inCol[kb * ROW + (ka >> 5)] |= 1 << (ka & 31);
  }

  // one 16-bit read per character for the scan (no class is above 30: 的 is 19)
  for (let c = 0; c < 0x10000; c++) info[c] |= Math.min(30, single[c] + 1) << 11;

  // confusable characters: the same toneless reading, or a look-alike group
  const bySyllable = new Map<string, string>();
  const readingsOf = new Map<number, string[]>();
  for (const line of READINGS.split('\n')) {
    const k = line.indexOf(':');
    const syl = line.slice(0, k);
    bySyllable.set(syl, line.slice(k + 1));
    for (let i = k + 1; i < line.length; i++) {
      const c = line.charCodeAt(i);
      const rs = readingsOf.get(c);
      if (rs) rs.push(syl);
      else readingsOf.set(c, [syl]);
    }
  }
  const lookAlike = new Map<number, string>();
  for (const g of LOOK_ALIKE_GROUPS) for (let i = 0; i < g.length; i++) lookAlike.set(g.charCodeAt(i), (lookAlike.get(g.charCodeAt(i)) ?? '') + g);
  const confusableCache = new Map<number, Uint16Array>();
  const confusableTables = new Map<number, Int32Array>();
  /** confusables(c) with what joiningConfusables reads of each, side by side: code, index, after and before masks. */
  function confusableTable(c: number): Int32Array {
    let t = confusableTables.get(c);
    if (!t) {
      const cs = lexiconApi.confusables(c);
      t = new Int32Array(cs.length * 4);
      cs.forEach((x, k) => {
        const i = charIndex[x];
        t![4 * k] = x;
        t![4 * k + 1] = i;
        t![4 * k + 2] = after[i];
        t![4 * k + 3] = before[i];
      });
      confusableTables.set(c, t);
    }
    return t;
  }

  function classAt(text: string, start: number, len: number, at = -1, sub = -1): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) h = hashStep(h, start + i === at ? sub : text.charCodeAt(start + i));
    let slot = h & MASK;
    for (;;) {
      const b = slot * 4;
      if (keys[b] === 0) return -1;
      let same = true;
      for (let i = 0; i < 4; i++) {
        const c = i < len ? (start + i === at ? sub : text.charCodeAt(start + i)) : 0;
        if (keys[b + i] !== c) {
          same = false;
          break;
        }
      }
      if (same) return classes[slot];
      slot = (slot + 1) & MASK;
    }
  }

  function pairFlags(a: number, b: number): number {
    const cell = cellOf(a, b);
    if (cell >>> 30 === 0) return (denseFlags[cell >>> 2] >> ((cell & 3) << 1)) & 3;
    const ia = charIndex[a];
    const ib = charIndex[b];
    if (ia === 0 || ib === 0 || !inSparse(ia, ib)) return 0;
    return pairs[pairSlot((ia << 16) | ib)] >>> 30;
  }

  const lexiconApi: Lexicon = {
    raw: { info, zOrder, denseFlags },
    classAt(text, start, len, at = -1, sub = -1) {
      if (len === 1) return single[start === at ? sub : text.charCodeAt(start)];
      return classAt(text, start, len, at, sub);
    },
    singleClass: (c) => single[c],
    pairFlags,
    bigramInWord: (a, b) => pairFlags(a, b) !== 0,
    joiningConfusables(c, prev, next, out) {
      const t = confusableTable(c);
      // a neighbour not in the lexicon forms no pair (index 0)
      const ip = prev >= 0 ? charIndex[prev] : 0;
      const inx = next >= 0 ? charIndex[next] : 0;
      const rowP = (ip - 1) * ROW;
      const colN = (inx - 1) * ROW;
      const afterP = after[ip];
      const beforeN = before[inx];
      let n = 0;
      for (let j = 0; j < t.length; j += 4) {
        const i2 = t[j + 1];
        const k2 = i2 - 1;
        let joins = false;
        if (ip !== 0) {
          if (ip <= DENSE && i2 <= DENSE) joins = ((inRow[rowP + (k2 >> 5)] >>> (k2 & 31)) & 1) !== 0;
          // the hash set, when both masks allow the pair
          else joins = ((afterP >>> (i2 & 31)) & (t[j + 3] >>> (ip & 31)) & 1) !== 0 && pairs[pairSlot((ip << 16) | i2)] !== 0;
        }
        if (!joins && inx !== 0) {
          if (inx <= DENSE && i2 <= DENSE) joins = ((inCol[colN + (k2 >> 5)] >>> (k2 & 31)) & 1) !== 0;
          else joins = ((t[j + 2] >>> (inx & 31)) & (beforeN >>> (i2 & 31)) & 1) !== 0 && pairs[pairSlot((i2 << 16) | inx)] !== 0;
        }
        if (joins) out[n++] = t[j];
      }
      return n;
    },
    confusables(c) {
      let out = confusableCache.get(c);
      if (!out) {
        const set = new Set<number>();
        for (const syl of readingsOf.get(c) ?? []) {
          const cs = bySyllable.get(syl)!;
          for (let i = 0; i < cs.length; i++) set.add(cs.charCodeAt(i));
        }
        const la = lookAlike.get(c);
        if (la) for (let i = 0; i < la.length; i++) set.add(la.charCodeAt(i));
        set.delete(c);
        out = Uint16Array.from([...set].filter((x) => inCompletion[x] === 1));
        confusableCache.set(c, out);
      }
      return out;
    },
  };
  return lexiconApi;
}
