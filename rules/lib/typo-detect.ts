// The statistical typo check: a character that belongs to no word around it ("orphan": neither bigram it forms with
// a neighbour occurs inside any word of the lexicon), which, replaced by a confusable character (same or similar
// reading, look-alike), completes a frequent word with its neighbours, while the string as written is no word.
import { getLexicon, type Lexicon } from './lexicon';

export interface Replacement {
  /** The character to put in place of the suspect one. */
  char: string;
  /** The frequent word it completes, and where that word starts. */
  word: string;
  wordOffset: number;
  /** Frequency class of that word. */
  wordClass: number;
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

/**
 * Tunables, chosen on the odd lines of odw.train (scripts/odw-eval.mjs): the highest detection precision there
 * (94 %) with recall above 3 %; a looser threshold (minBits 12) finds three times as much at 66 % precision.
 */
export const DETECT = {
  /** Class of the completed word: ≥ this for a 2-character word, ≥ minClassLong for 3–4 characters. */
  minClass2: 8,
  minClassLong: 5,
  /** How much more frequent (in classes) the completed word must be than the string as written, if that is a word. */
  minGain: 6,
  /** A character this frequent as a word of its own (function words: 的 在 和) is never an orphan suspect. */
  maxSingleClass: 16,
  /** Confusability level accepted: 1 same reading or look-alike; 2 also similar readings. */
  maxLevel: 1,
  /** Gain (in bits: log2 of the probability ratio) of the best segmentation of the neighbourhood with the replacement. */
  minBits: 18,
  /** Characters on each side of the suspect that the segmentation compares. */
  reach: 4,
  /** log2 of the total frequency of the dictionary (a word of class k has probability ≈ 2^(k − TOTAL)). */
  total: 26,
  /** Class of a character that is no word of its own. */
  unknownClass: -4,
  /** An orphan whose class as a word of its own is below this is an anomaly (a name, garbled text). */
  anomalyClass: 14,
  /** A head slot of a 3–4-character word that this many characters fill is a naming pattern, not evidence. */
  productiveSlot: 3,
  /** Suspects are dropped in a sentence with more anomalies than this besides their own words. */
  maxAnomalies: 0,
};

/** Best unigram segmentation score of s (sum of word classes − total per word), in bits. */
function segScore(lex: Lexicon, s: string): number {
  const n = s.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  best[0] = 0;
  for (let e = 1; e <= n; e++) {
    for (let l = 1; l <= 4 && l <= e; l++) {
      if (best[e - l] === -Infinity) continue;
      let cls = lex.classOf(s.slice(e - l, e));
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

function orphan(lex: Lexicon, text: string, i: number, start: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (i > start && lex.bigramInWord(text.charCodeAt(i - 1), c)) return false;
  if (i + 1 < end && lex.bigramInWord(c, text.charCodeAt(i + 1))) return false;
  return true;
}

/**
 * Suspect characters in text[start, end) (one sentence: it may hold punctuation and Latin text; Han runs are
 * read one by one). `skip(offset)` vetoes positions (titles, allow-listed words). A sentence with another
 * character that fits no word and is no common word of its own (a name, garbled text) is left alone: a suspect
 * there is less likely to be the one error.
 */
export function findSuspects(text: string, start: number, end: number, skip?: (offset: number) => boolean): SuspectChar[] {
  const out: SuspectChar[] = [];
  const lex = getLexicon();
  const anomalies: number[] = [];
  let i = start;
  while (i < end) {
    while (i < end && !isHan(text.charCodeAt(i))) i++;
    const runStart = i;
    while (i < end && isHan(text.charCodeAt(i))) i++;
    if (i - runStart >= 2) suspectsInRun(lex, text, runStart, i, skip, out, anomalies);
  }
  if (out.length === 0) return out;
  let other = 0;
  for (const a of anomalies) {
    if (out.some((s) => a >= s.replacements[0].wordOffset && a < s.replacements[0].wordOffset + s.replacements[0].word.length)) continue;
    other++;
  }
  return other > DETECT.maxAnomalies ? [] : out;
}

function suspectsInRun(
  lex: Lexicon,
  text: string,
  start: number,
  end: number,
  skip: ((offset: number) => boolean) | undefined,
  out: SuspectChar[],
  anomalies: number[],
): void {
  for (let i = start; i < end; i++) {
    if (!orphan(lex, text, i, start, end)) continue;
    const ch = text[i];
    const single = lex.classOf(ch);
    if (single > DETECT.maxSingleClass) continue;
    if (skip?.(i)) continue;
    if (single < DETECT.anomalyClass) anomalies.push(i);
    const best = new Map<string, Replacement & { written: string }>();
    for (let len = 2; len <= 4; len++) {
      for (let s = Math.max(start, i - len + 1); s <= i && s + len <= end; s++) {
        const w = text.slice(s, s + len);
        const j = i - s;
        const fill = lex.completions(w.slice(0, j) + '?' + w.slice(j + 1));
        if (!fill) continue;
        // a slot many characters fill at the head of a longer word is a naming pattern (世博会, 农博会, 陶博会):
        // another member of it is no misspelling
        if (len >= 3 && j === 0 && fill.length >= DETECT.productiveSlot) continue;
        const writtenClass = lex.classOf(w);
        for (const c2 of fill) {
          const level = lex.confusable(ch, c2);
          if (level === 0 || level > DETECT.maxLevel) continue;
          const word = w.slice(0, j) + c2 + w.slice(j + 1);
          const cls = lex.classOf(word);
          if (cls < (len === 2 ? DETECT.minClass2 : DETECT.minClassLong)) continue;
          if (writtenClass >= 0 && cls - writtenClass < DETECT.minGain) continue;
          const prev = best.get(c2);
          // the longer word is the stronger evidence; then the more frequent one
          if (!prev || prev.word.length < len || (prev.word.length === len && prev.wordClass < cls)) {
            best.set(c2, { char: c2, word, wordOffset: s, wordClass: cls, written: w });
          }
        }
      }
    }
    if (best.size === 0) continue;
    // the replacement must make the neighbourhood read better as a whole, not only complete one word with a
    // character that already belongs to another (分类施策 → 类似)
    const lo = Math.max(start, i - DETECT.reach);
    const hi = Math.min(end, i + DETECT.reach + 1);
    const around = text.slice(lo, hi);
    const base = segScore(lex, around);
    for (const [c2] of best) {
      const gain = segScore(lex, around.slice(0, i - lo) + c2 + around.slice(i - lo + 1)) - base;
      if (gain < DETECT.minBits) best.delete(c2);
    }
    if (best.size === 0) continue;
    const reps = [...best.values()].sort((a, b) => b.word.length - a.word.length || b.wordClass - a.wordClass);
    out.push({
      offset: i,
      char: ch,
      written: reps[0].written,
      replacements: reps.map(({ written: _w, ...r }) => r),
    });
  }
}
