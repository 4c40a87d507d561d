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
  /** Characters confusable with c: same reading, or look-alike. */
  confusables(c: number): Uint16Array;
  /** True when the two characters are a word or start one. */
  pairStartsWord(a: number, b: number): boolean;
  /** The tables behind bigramInWord and singleClass, for loops over every character of a report. */
  raw: { charIndex: Uint16Array; side: number; bigrams: Uint8Array; starts: Uint8Array; single: Int8Array };
}

/** Words whose class is at least this are offered as corrections (jieba frequency ≥ 2^5 = 32). */
export const COMPLETION_MIN_CLASS = 5;

let lexicon: Lexicon | undefined;

export function getLexicon(): Lexicon {
  return (lexicon ??= buildLexicon());
}

const TABLE_BITS = 19;
const TABLE_SIZE = 1 << TABLE_BITS;
const MASK = TABLE_SIZE - 1;

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
  const nChars = used.length;
  const side = nChars + 1;
  const bigrams = new Uint8Array(Math.ceil((side * side) / 8));
  const starts = new Uint8Array(Math.ceil((side * side) / 8));
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
      {
        const bit = charIndex[g.charCodeAt(p)] * side + charIndex[g.charCodeAt(p + 1)];
        starts[bit >> 3] |= 1 << (bit & 7);
      }
      for (let i = 0; i + 1 < len; i++) {
        const bit = charIndex[g.charCodeAt(p + i)] * side + charIndex[g.charCodeAt(p + i + 1)];
        bigrams[bit >> 3] |= 1 << (bit & 7);
      }
    }
  }

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

  return {
    raw: { charIndex, side, bigrams, starts, single },
    pairStartsWord(a, b) {
      const ia = charIndex[a];
      const ib = charIndex[b];
      if (ia === 0 || ib === 0) return false;
      const bit = ia * side + ib;
      return (starts[bit >> 3] & (1 << (bit & 7))) !== 0;
    },
    classAt(text, start, len, at = -1, sub = -1) {
      if (len === 1) return single[start === at ? sub : text.charCodeAt(start)];
      return classAt(text, start, len, at, sub);
    },
    singleClass: (c) => single[c],
    bigramInWord(a, b) {
      const ia = charIndex[a];
      const ib = charIndex[b];
      if (ia === 0 || ib === 0) return false;
      const bit = ia * side + ib;
      return (bigrams[bit >> 3] & (1 << (bit & 7))) !== 0;
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
        out = Uint16Array.from(set);
        confusableCache.set(c, out);
      }
      return out;
    },
  };
}
