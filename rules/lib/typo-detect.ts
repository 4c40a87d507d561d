// The statistical typo check: a character that belongs to no word around it ("orphan": neither bigram it forms with
// a neighbour occurs inside any word of the lexicon), which, replaced by a confusable character (same reading,
// look-alike), completes a frequent word with its neighbours, while the string as written is no word.
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
  /**
   * A character more frequent than this as a word of its own (function words: 的 在 和, class 19) is never an orphan
   * suspect. 13 lets 故 (class 13) be one: 统筹兼故 → 统筹兼顾; 14 adds 该 每 经 for little recall and more work.
   */
  maxSingleClass: 13,
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
  /** Suspects are dropped in a sentence with more anomalies than this besides their own words. */
  maxAnomalies: 0,
};

/** Best unigram segmentation score of text[lo, hi) with the character at `at` replaced by `sub`, in bits. */
function segScore(lex: Lexicon, text: string, lo: number, hi: number, at: number, sub: number): number {
  const n = hi - lo;
  const best = new Float64Array(n + 1).fill(-Infinity);
  best[0] = 0;
  for (let e = 1; e <= n; e++) {
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

/**
 * Suspects in text[start, end), sentence by sentence (`sentenceEnd`: a table of the characters that end one). One
 * cheap pass over every character finds the sentences worth a closer look: with an orphan that may be a suspect,
 * and no anomalies further apart than one word can span. Only those are read by findSuspects.
 */
export function scanSuspects(text: string, start: number, end: number, sentenceEnd: Uint8Array, skip?: (offset: number) => boolean): SuspectChar[] {
  const lex = getLexicon();
  const { charIndex, side, bigrams, single } = lex.raw;
  const maxSingle = DETECT.maxSingleClass;
  const anomalyClass = DETECT.anomalyClass;
  const strict = DETECT.maxAnomalies === 0;
  const out: SuspectChar[] = [];
  let sStart = start;
  let candidate = false;
  let spread = false;
  let firstAnomaly = -1;
  let boundLeft = false; // text[i-1], text[i] side by side in a word
  let prevHan = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (i === end || sentenceEnd[c] === 1) {
      // this pass already found an orphan and no spread anomalies: findSuspects need not look again
      if (candidate && !spread) for (const s of suspectsIn(lex, text, sStart, i, skip)) out.push(s);
      sStart = i + 1;
      candidate = spread = false;
      firstAnomaly = -1;
      boundLeft = prevHan = false;
      continue;
    }
    // a spread sentence is left whole: nothing more to read in it until its end
    if (spread) continue;
    const han = c >= 0x4e00 && c <= 0x9fff;
    if (!han) {
      boundLeft = prevHan = false;
      continue;
    }
    const n = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    const nextHan = n >= 0x4e00 && n <= 0x9fff;
    let boundRight = false;
    const ia = charIndex[c];
    if (nextHan && ia !== 0) {
      const ib = charIndex[n];
      if (ib !== 0) {
        const bit = ia * side + ib;
        boundRight = (bigrams[bit >> 3] & (1 << (bit & 7))) !== 0;
      }
    }
    if ((prevHan || nextHan) && !boundLeft && !boundRight) {
      const cls = single[c];
      if (cls <= maxSingle) candidate = true;
      if (cls < anomalyClass) {
        if (firstAnomaly < 0) firstAnomaly = i;
        else if (strict && i - firstAnomaly > 3) spread = true;
      }
    }
    boundLeft = boundRight;
    prevHan = true;
  }
  return out;
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
  const lex = getLexicon();
  // first pass, cheap: orphans and anomalies. Anomalies further apart than one word can span cannot all lie in
  // the words of suspects, so such a sentence is left at once.
  let firstAnomaly = -1;
  let lastAnomaly = -1;
  let orphans = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) continue;
    const prevHan = i > start && isHan(text.charCodeAt(i - 1));
    const nextHan = i + 1 < end && isHan(text.charCodeAt(i + 1));
    if (!prevHan && !nextHan) continue;
    if (prevHan && lex.bigramInWord(text.charCodeAt(i - 1), c)) continue;
    if (nextHan && lex.bigramInWord(c, text.charCodeAt(i + 1))) continue;
    orphans++;
    if (lex.singleClass(c) < DETECT.anomalyClass) {
      if (firstAnomaly < 0) firstAnomaly = i;
      lastAnomaly = i;
      if (lastAnomaly - firstAnomaly > 3 && DETECT.maxAnomalies === 0) return [];
    }
  }
  if (orphans === 0) return [];
  return suspectsIn(lex, text, start, end, skip);
}

function suspectsIn(lex: Lexicon, text: string, start: number, end: number, skip?: (offset: number) => boolean): SuspectChar[] {
  const out: SuspectChar[] = [];
  const anomalies: number[] = [];
  let i = start;
  while (i < end) {
    while (i < end && !isHan(text.charCodeAt(i))) i++;
    const runStart = i;
    while (i < end && isHan(text.charCodeAt(i))) i++;
    if (i - runStart >= 2) suspectsInRun(lex, text, runStart, i, out, anomalies);
  }
  if (out.length === 0) return out;
  // vetoed positions (titles, names, allowed words) are neither suspects nor anomalies; asked only now, since
  // suspects are rare and the veto reads the whole document
  const kept = skip ? out.filter((x) => !skip(x.offset)) : out;
  if (kept.length === 0) return kept;
  let other = 0;
  for (const a of anomalies) {
    if (skip?.(a)) continue;
    if (kept.some((s) => a >= s.replacements[0].wordOffset && a < s.replacements[0].wordOffset + s.replacements[0].word.length)) continue;
    other++;
  }
  return other > DETECT.maxAnomalies ? [] : kept;
}

/** True when each pair of neighbours in text[s, s+len) (with sub at `at`) occurs side by side in some word. */
function chainInWords(lex: Lexicon, text: string, s: number, len: number, at: number, sub: number): boolean {
  let a = s === at ? sub : text.charCodeAt(s);
  for (let k = s + 1; k < s + len; k++) {
    const b = k === at ? sub : text.charCodeAt(k);
    if (!lex.bigramInWord(a, b)) return false;
    a = b;
  }
  return true;
}

function suspectsInRun(
  lex: Lexicon,
  text: string,
  start: number,
  end: number,
  out: SuspectChar[],
  anomalies: number[],
): void {
  for (let i = start; i < end; i++) {
    if (!orphan(lex, text, i, start, end)) continue;
    const c = text.charCodeAt(i);
    const single = lex.singleClass(c);
    if (single > DETECT.maxSingleClass) continue;
    if (single < DETECT.anomalyClass) anomalies.push(i);
    const prev = i > start ? text.charCodeAt(i - 1) : -1;
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    let best: (Replacement & { written: string })[] | undefined;
    for (const c2 of lex.confusables(c)) {
      // a replacement that joins neither neighbour in any word completes no word here
      if (!((prev >= 0 && lex.bigramInWord(prev, c2)) || (next >= 0 && lex.bigramInWord(c2, next)))) continue;
      let found: (Replacement & { written: string }) | undefined;
      for (let len = 2; len <= 4; len++) {
        for (let s = Math.max(start, i - len + 1); s <= i && s + len <= end; s++) {
          // every pair of neighbours in a word of the lexicon is in the bigram table: a cheap test first
          if (!chainInWords(lex, text, s, len, i, c2)) continue;
          const cls = lex.classAt(text, s, len, i, c2);
          if (cls < (len === 2 ? DETECT.minClass2 : DETECT.minClassLong)) continue;
          // the string as written is no word: it holds the orphan at i and a neighbour of it (minGain holds)
          // the longer word is the stronger evidence; then the more frequent one
          if (!found || found.word.length < len || (found.word.length === len && found.wordClass < cls)) {
            const written = text.slice(s, s + len);
            const ch2 = String.fromCharCode(c2);
            found = { char: ch2, word: written.slice(0, i - s) + ch2 + written.slice(i - s + 1), wordOffset: s, wordClass: cls, written };
          }
        }
      }
      if (found) (best ??= []).push(found);
    }
    if (!best) continue;
    // the replacement must make the neighbourhood read better as a whole, not only complete one word with a
    // character that already belongs to another (分类施策 → 类似)
    const lo = Math.max(start, i - DETECT.reach);
    const hi = Math.min(end, i + DETECT.reach + 1);
    const base = segScore(lex, text, lo, hi, -1, -1);
    best = best.filter((r) => segScore(lex, text, lo, hi, i, r.char.charCodeAt(0)) - base >= DETECT.minBits);
    if (best.length === 0) continue;
    best.sort((a, b) => b.word.length - a.word.length || b.wordClass - a.wordClass);
    out.push({
      offset: i,
      char: text[i],
      written: best[0].written,
      replacements: best.map(({ written: _w, ...r }) => r),
    });
  }
}
