// The statistical typo check: a character that belongs to no word of the text ("uncovered": no word of 2–4
// characters of the lexicon found in the text spans it), which, replaced by a confusable character (same reading,
// look-alike), completes a frequent word with its neighbours, and makes the neighbourhood read much better as a
// whole (the best segmentation, by the lexicon's word frequencies, gains enough bits), while the string as written
// is no word.
import { getLexicon, type Lexicon } from './lexicon';

export interface Replacement {
  /** The character to put in place of the suspect one. */
  char: string;
  /** The frequent word it completes, and where that word starts. */
  word: string;
  wordOffset: number;
  /** Frequency class of that word. */
  wordClass: number;
  /** How much better the neighbourhood reads with this character, in bits. */
  gain: number;
}

export interface SuspectChar {
  offset: number;
  char: string;
  /** The string as written that the replacement turns into a word (same span as the best replacement's word). */
  written: string;
  /** Best first; more than one means the correction is ambiguous. */
  replacements: Replacement[];
}

export const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** Tunables, chosen on the odd lines of odw.train (scripts/odw-eval.mjs); the even lines are measured apart. */
export const DETECT = {
  /** Class of the completed word: ≥ this for a 2-character word, ≥ minClassLong for 3–4 characters. */
  minClass2: 8,
  minClassLong: 5,
  /** A character this frequent as a word of its own (function words: 的 在 和) is never a suspect. */
  maxSingleClass: 13,
  /** Gain (in bits: log2 of the probability ratio) of the best segmentation of the neighbourhood with the replacement. */
  minBits: 18,
  /** Characters on each side of the suspect that the segmentation compares. */
  reach: 4,
  /** log2 of the total frequency of the dictionary (a word of class k has probability ≈ 2^(k − TOTAL)). */
  total: 26,
  /** Class of a character that is no word of its own. */
  unknownClass: -4,
  /** An uncovered character whose class as a word of its own is below this is an anomaly (a name, garbled text). */
  anomalyClass: 14,
  /** Suspects are dropped in a sentence with more anomalies than this besides their own words. */
  maxAnomalies: 0,
  /** A sentence is left alone when another character, replaced, would gain this many bits (more errors likely). */
  vetoBits: 4,
  /** A second candidate replacement this many bits below the best is dropped (the correction is then a fix). */
  ambiguity: 6,
};

/** Best unigram segmentation score of text[lo, hi) with the character at `at` replaced by `sub`, in bits. */
function segScore(lex: Lexicon, text: string, lo: number, hi: number, at: number, sub: number): number {
  const n = hi - lo;
  const best = SEG.length > n ? SEG : (SEG = new Float64Array(n + 1));
  best[0] = 0;
  for (let e = 1; e <= n; e++) {
    best[e] = -Infinity;
    for (let l = 1; l <= 4 && l <= e; l++) {
      if (best[e - l] === -Infinity) continue;
      let cls = lex.classAt(text, lo + e - l, l, at, sub);
      if (cls < 0) {
        if (l > 1) continue;
        cls = DETECT.unknownClass;
      }
      const v = best[e - l] + cls - DETECT.total;
      if (v > best[e]) best[e] = v;
    }
  }
  return best[n];
}
let SEG = new Float64Array(32);
let COVER = new Uint8Array(256);

/**
 * Suspects in text[start, end), sentence by sentence (`sentenceEnd`: a table of the characters that end one).
 * `skip(offset)` vetoes positions (titles, names, allow-listed words); it is asked only about suspects and anomalies.
 */
export function scanSuspects(text: string, start: number, end: number, sentenceEnd: Uint8Array, skip?: (offset: number) => boolean): SuspectChar[] {
  const lex = getLexicon();
  const { charIndex, side, words2, single } = lex.raw;
  const maxSingle = DETECT.maxSingleClass;
  const out: SuspectChar[] = [];
  let sStart = start;
  let candidate = false;
  let inWord = false; // text[i-1], text[i] make a word of two characters
  let prevHan = false;
  // one cheap pass: a sentence is read closely (findSuspects) only when a character that may be a suspect is in
  // no word of two characters with a neighbour and in none of three or four characters
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (i === end || sentenceEnd[c] === 1) {
      if (candidate) for (const s of findSuspects(text, sStart, i, skip)) out.push(s);
      sStart = i + 1;
      candidate = inWord = prevHan = false;
      continue;
    }
    if (c < 0x4e00 || c > 0x9fff) {
      inWord = prevHan = false;
      continue;
    }
    const n = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    const nextHan = n >= 0x4e00 && n <= 0x9fff;
    let wordRight = false;
    const ia = charIndex[c];
    if (nextHan && ia !== 0) {
      const ib = charIndex[n];
      if (ib !== 0) {
        const bit = ia * side + ib;
        wordRight = (words2[bit >> 3] & (1 << (bit & 7))) !== 0;
      }
    }
    if (!candidate && (prevHan || nextHan) && !inWord && !wordRight && single[c] <= maxSingle && !inLongWord(lex, text, i, sStart, end)) candidate = true;
    inWord = wordRight;
    prevHan = true;
  }
  return out;
}

/** True when text[i] lies in a word of three or four characters of the text. */
function inLongWord(lex: Lexicon, text: string, i: number, start: number, end: number): boolean {
  for (let len = 3; len <= 4; len++) {
    for (let s = Math.max(start, i - len + 1); s <= i && s + len <= end; s++) {
      if (!lex.bigramInWord(text.charCodeAt(s), text.charCodeAt(s + 1))) continue;
      if (lex.classAt(text, s, len) >= 0) return true;
    }
  }
  return false;
}

/**
 * Suspect characters in text[start, end) (one sentence: it may hold punctuation and Latin text; Han runs are
 * read one by one). A sentence with another uncovered character that is no common word of its own (a name,
 * garbled text) is left alone: a suspect there is less likely to be the one error.
 */
export function findSuspects(text: string, start: number, end: number, skip?: (offset: number) => boolean): SuspectChar[] {
  const lex = getLexicon();
  const n = end - start;
  if (COVER.length < n) COVER = new Uint8Array(n * 2);
  const cover = COVER;
  cover.fill(0, 0, n);
  // which characters some word of 2–4 characters found in the text spans; a word starts with a bigram that occurs
  // inside some word, which rules out most starts before any lookup
  let hasCandidate = false;
  for (let i = start; i < end; i++) {
    if (!isHan(text.charCodeAt(i))) {
      cover[i - start] = 1;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < end && isHan(text.charCodeAt(runEnd))) runEnd++;
    if (runEnd - i === 1) {
      cover[i - start] = 1;
      continue;
    }
    for (let p = i; p + 1 < runEnd; p++) {
      if (!lex.bigramInWord(text.charCodeAt(p), text.charCodeAt(p + 1))) continue;
      if (lex.isWord2(text.charCodeAt(p), text.charCodeAt(p + 1))) cover[p - start] = cover[p + 1 - start] = 1;
      for (let len = 3; len <= 4 && p + len <= runEnd; len++) {
        if (!lex.bigramInWord(text.charCodeAt(p + len - 2), text.charCodeAt(p + len - 1))) break;
        if (lex.classAt(text, p, len) >= 0) for (let k = 0; k < len; k++) cover[p - start + k] = 1;
      }
    }
    for (let p = i; p < runEnd; p++) if (!cover[p - start] && lex.singleClass(text.charCodeAt(p)) <= DETECT.maxSingleClass) hasCandidate = true;
    i = runEnd - 1;
  }
  if (!hasCandidate) return [];
  const out: SuspectChar[] = [];
  const anomalies: number[] = [];
  for (let i = start; i < end; i++) {
    if (cover[i - start]) continue;
    const c = text.charCodeAt(i);
    const single = lex.singleClass(c);
    if (single > DETECT.maxSingleClass) continue;
    if (single < DETECT.anomalyClass) anomalies.push(i);
    // a character inside a word with both neighbours is rarely the wrong one, and trying its confusables is costly
    if (i > start && i + 1 < end && lex.bigramInWord(text.charCodeAt(i - 1), c) && lex.bigramInWord(c, text.charCodeAt(i + 1))) continue;
    const s = suspectAt(lex, text, i, start, end);
    if (s) out.push(s);
  }
  if (out.length === 0) return out;
  // adjacent uncovered characters may each complete the same word: keep the better-reading one
  const kept: SuspectChar[] = [];
  for (const s of out) {
    const r = s.replacements[0];
    const prev = kept[kept.length - 1];
    if (prev) {
      const pr = prev.replacements[0];
      if (r.wordOffset < pr.wordOffset + pr.word.length && pr.wordOffset < r.wordOffset + r.word.length) {
        if (r.gain > pr.gain) kept[kept.length - 1] = s;
        continue;
      }
    }
    kept.push(s);
  }
  // vetoed positions (titles, names, allowed words) are neither suspects nor anomalies; asked only now, since
  // suspects are rare and the veto reads the whole document
  const final = skip ? kept.filter((x) => !skip(x.offset)) : kept;
  if (final.length === 0) return final;
  let other = 0;
  for (const a of anomalies) {
    if (final.some((s) => a >= s.replacements[0].wordOffset && a < s.replacements[0].wordOffset + s.replacements[0].word.length)) continue;
    if (skip?.(a)) continue;
    other++;
  }
  if (other > DETECT.maxAnomalies) return [];
  // a sentence where another character, even one inside a word, reads clearly better replaced is likely to hold
  // more errors than the ones found: left alone
  for (let i = start; i < end; i++) {
    if (!isHan(text.charCodeAt(i))) continue;
    if (final.some((s) => i >= s.replacements[0].wordOffset && i < s.replacements[0].wordOffset + s.replacements[0].word.length)) continue;
    if (bestGain(lex, text, i, start, end) >= DETECT.vetoBits && !skip?.(i)) return [];
  }
  return final;
}

/** How many bits the neighbourhood of i gains at most when the character there is replaced by a confusable one. */
function bestGain(lex: Lexicon, text: string, i: number, start: number, end: number): number {
  let runStart = i;
  while (runStart > start && isHan(text.charCodeAt(runStart - 1))) runStart--;
  let runEnd = i + 1;
  while (runEnd < end && isHan(text.charCodeAt(runEnd))) runEnd++;
  if (runEnd - runStart < 2) return 0;
  const prev = i > runStart ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < runEnd ? text.charCodeAt(i + 1) : -1;
  const lo = Math.max(runStart, i - DETECT.reach);
  const hi = Math.min(runEnd, i + DETECT.reach + 1);
  let base = NaN;
  let best = 0;
  for (const c2 of lex.confusables(text.charCodeAt(i))) {
    if (!((prev >= 0 && lex.bigramInWord(prev, c2)) || (next >= 0 && lex.bigramInWord(c2, next)))) continue;
    if (Number.isNaN(base)) base = segScore(lex, text, lo, hi, -1, -1);
    const g = segScore(lex, text, lo, hi, i, c2) - base;
    if (g > best) best = g;
  }
  return best;
}

/** The best replacements for the uncovered character at i, if any makes its neighbourhood read much better. */
function suspectAt(lex: Lexicon, text: string, i: number, start: number, end: number): SuspectChar | undefined {
  const c = text.charCodeAt(i);
  let runStart = i;
  while (runStart > start && isHan(text.charCodeAt(runStart - 1))) runStart--;
  let runEnd = i + 1;
  while (runEnd < end && isHan(text.charCodeAt(runEnd))) runEnd++;
  const prev = i > runStart ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < runEnd ? text.charCodeAt(i + 1) : -1;
  const lo = Math.max(runStart, i - DETECT.reach);
  const hi = Math.min(runEnd, i + DETECT.reach + 1);
  let base = NaN;
  let best: (Replacement & { written: string })[] | undefined;
  for (const c2 of lex.confusables(c)) {
    // a replacement that joins neither neighbour in any word completes no word here
    if (!((prev >= 0 && lex.bigramInWord(prev, c2)) || (next >= 0 && lex.bigramInWord(c2, next)))) continue;
    let found: (Replacement & { written: string }) | undefined;
    for (let len = 2; len <= 4; len++) {
      for (let s = Math.max(runStart, i - len + 1); s <= i && s + len <= runEnd; s++) {
        // every neighbouring pair of a word occurs in some word: most windows fail this without a lookup
        let cls: number;
        if (len === 2) cls = lex.isWord2(s === i ? c2 : prev, s === i ? next : c2) ? lex.classAt(text, s, 2, i, c2) : -1;
        else {
          let ok = true;
          for (let k = s; k + 1 < s + len && ok; k++) ok = lex.bigramInWord(k === i ? c2 : text.charCodeAt(k), k + 1 === i ? c2 : text.charCodeAt(k + 1));
          cls = ok ? lex.classAt(text, s, len, i, c2) : -1;
        }
        if (cls < (len === 2 ? DETECT.minClass2 : DETECT.minClassLong)) continue;
        if (lex.classAt(text, s, len) >= 0) continue;
        // the longer word is the stronger evidence; then the more frequent one
        if (!found || found.word.length < len || (found.word.length === len && found.wordClass < cls)) {
          const written = text.slice(s, s + len);
          const ch2 = String.fromCharCode(c2);
          found = { char: ch2, word: written.slice(0, i - s) + ch2 + written.slice(i - s + 1), wordOffset: s, wordClass: cls, written, gain: 0 };
        }
      }
    }
    if (!found) continue;
    // the replacement must make the neighbourhood read better as a whole, not only complete one word with a
    // character that already belongs to another (分类施策 → 类似)
    if (Number.isNaN(base)) base = segScore(lex, text, lo, hi, -1, -1);
    found.gain = segScore(lex, text, lo, hi, i, c2) - base;
    if (found.gain >= DETECT.minBits) (best ??= []).push(found);
  }
  if (!best) return undefined;
  best.sort((a, b) => b.gain - a.gain || b.word.length - a.word.length || b.wordClass - a.wordClass);
  const top = best[0].gain;
  best = best.filter((r) => r.gain > top - DETECT.ambiguity);
  return { offset: i, char: text[i], written: best[0].written, replacements: best.map(({ written: _w, ...r }) => r) };
}
