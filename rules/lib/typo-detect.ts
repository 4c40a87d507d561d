// The statistical typo check: a character that belongs to no word around it ("orphan": no word of the lexicon covers
// it and a neighbour at this place), which, replaced by a confusable character (same reading, look-alike), completes
// a frequent word with its neighbours, while the string as written is no word.
import { getLexicon, INFO_RANK, PAIR_STARTS_WORD, type Lexicon } from './lexicon';

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
 * The island relief (islandPivotClass) was chosen on the odd lines too, and checked against the 172 corpus reports:
 * a lower pivot (8) adds no recall on the odd lines, and 7 flags new words of real reports (建优, 菜暨).
 */
export const DETECT = {
  /**
   * Class of the completed word: ≥ this for a 2-character word, ≥ minClassLong for 3–4 characters (both no lower
   * than lexicon's COMPLETION_MIN_CLASS: confusables() keeps only characters of words of that class).
   */
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
  /**
   * An island (a two-character string neither of whose characters is bound to any neighbour, nor a common word of
   * its own) that a same-position replacement of its second character turns into a word of class k > this needs
   * k − islandPivotClass bits less: 建设规化 → 规划 (class 12) gains 15 bits. Only for the second character: new
   * words of real reports mostly keep their head and vary it (智造, 兴政, 单品).
   */
  islandPivotClass: 9,
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

/**
 * The gain a replacement at i (an orphan in the Han run text[start, end)) needs: less when it is the second
 * character of a two-character island and completes a very frequent word (see islandPivotClass).
 */
function minBitsFor(lex: Lexicon, text: string, start: number, end: number, i: number, r: Replacement): number {
  const p = i - 1;
  if (r.word.length !== 2 || r.wordOffset !== p || r.wordClass <= DETECT.islandPivotClass) return DETECT.minBits;
  // the first character: no common word of its own, and bound to nothing before it either
  if (lex.singleClass(text.charCodeAt(p)) > DETECT.maxSingleClass) return DETECT.minBits;
  if (p > start && binds(lex, text, p - 1, start, end)) return DETECT.minBits;
  return DETECT.minBits - (r.wordClass - DETECT.islandPivotClass);
}

/** True when text[i] and text[i+1] lie side by side in a word of the lexicon here (see scanSuspects). */
function binds(lex: Lexicon, text: string, i: number, lo: number, hi: number): boolean {
  return isHan(text.charCodeAt(i)) && isHan(text.charCodeAt(i + 1)) && pairBound(lex, text, i, lo, hi);
}

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

/** Pair flags of text[j], text[j+1], 0 unless both are Han characters in text[lo, …). */
function flagsAt(lex: Lexicon, text: string, j: number, lo: number): number {
  if (j < lo) return 0;
  const a = text.charCodeAt(j);
  const b = text.charCodeAt(j + 1);
  return isHan(a) && isHan(b) ? lex.pairFlags(a, b) : 0;
}

/**
 * A word of 3–4 characters in text[lo, hi) covers text[i, i+2) with text[i] not its first character: such a word
 * starts with the pair before (i-1, i) or the one before that.
 */
function coveredInside(lex: Lexicon, text: string, i: number, lo: number, hi: number): boolean {
  const f1 = flagsAt(lex, text, i - 1, lo);
  if (f1 === 0) return false;
  if ((f1 & PAIR_STARTS_WORD) !== 0) {
    if (lex.classAt(text, i - 1, 3) >= 0) return true;
    if (i + 3 <= hi && lex.classAt(text, i - 1, 4) >= 0) return true;
  }
  return (flagsAt(lex, text, i - 2, lo) & PAIR_STARTS_WORD) !== 0 && lex.classAt(text, i - 2, 4) >= 0;
}

/** True when text[i] and text[i+1] (Han characters in text[lo, hi)) lie side by side in a word of the lexicon here. */
function pairBound(lex: Lexicon, text: string, i: number, lo: number, hi: number): boolean {
  const f = lex.pairFlags(text.charCodeAt(i), text.charCodeAt(i + 1));
  return f !== 0 && ((f & PAIR_STARTS_WORD) !== 0 || coveredInside(lex, text, i, lo, hi));
}

const UNKNOWN = 0;
const BOUND = 1;
const FREE = 2;

/**
 * Suspects in text[start, end), sentence by sentence (`sentenceEnd`: a table of the characters, none Han, that end one). One
 * cheap pass over every character finds the orphans (characters bound to no neighbour) and the sentences worth a
 * closer look: with an orphan that may be a suspect, and no anomalies further apart than one word can span. Only
 * the orphans of those are read again. `skip(offset)` vetoes positions (titles, allow-listed words). A sentence with
 * another character that fits no word and is no common word of its own (a name, garbled text) is left alone: a
 * suspect there is less likely to be the one error.
 */
export function scanSuspects(text: string, start: number, end: number, sentenceEnd: Uint8Array, skip?: (offset: number) => boolean): SuspectChar[] {
  const lex = getLexicon();
  const { info, zOrder, denseFlags } = lex.raw;
  const maxSingle = DETECT.maxSingleClass;
  const anomalyClass = DETECT.anomalyClass;
  const strict = DETECT.maxAnomalies === 0;
  const out: SuspectChar[] = [];
  // orphans of the current sentence that may be suspects or are anomalies (a handful: more end the sentence)
  const orphans: number[] = [];
  let sStart = start;
  let candidate = false;
  let spread = false;
  let firstAnomaly = -1;
  // whether text[i-1], text[i] are side by side in a word here: a pair is looked up only when a character that
  // would matter as an orphan (a suspect or an anomaly) needs it, its right pair first (UNKNOWN: not looked up)
  let boundLeft = UNKNOWN;
  let prevHan = false;
  // each character is read once: text[i+1] of one step is text[i] of the next (0 past the end)
  let c = start < end ? text.charCodeAt(start) : 0;
  let infoC = info[c];
  for (let i = start; i <= end; i++) {
    const n = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    const infoN = info[n];
    if (c >= 0x4e00 && c <= 0x9fff) {
      // a spread sentence is left whole: nothing more to read in it until its end
      if (!spread) {
        const nextHan = n >= 0x4e00 && n <= 0x9fff;
        let boundRight = UNKNOWN;
        const cls = (infoC >>> 11) - 1;
        // an orphan matters only as a suspect or an anomaly
        if ((cls < anomalyClass || cls <= maxSingle) && (prevHan || nextHan) && boundLeft !== BOUND) {
          if (nextHan) {
            const cell = zOrder[infoC & INFO_RANK] | (zOrder[infoN & INFO_RANK] << 1);
            const f = cell >>> 30 === 0 ? (denseFlags[cell >>> 2] >> ((cell & 3) << 1)) & 3 : lex.pairFlags(c, n);
            boundRight = f === 0 ? FREE : (f & PAIR_STARTS_WORD) !== 0 || coveredInside(lex, text, i, sStart, end) ? BOUND : FREE;
          } else boundRight = FREE;
          if (boundRight === FREE && boundLeft === UNKNOWN) boundLeft = prevHan && pairBound(lex, text, i - 1, sStart, end) ? BOUND : FREE;
          if (boundRight === FREE && boundLeft === FREE) {
            if (cls <= maxSingle) candidate = true;
            if (cls < anomalyClass) {
              if (firstAnomaly < 0) firstAnomaly = i;
              else if (strict && i - firstAnomaly > 3) spread = true;
            }
            orphans.push(i);
          }
        }
        boundLeft = nextHan ? boundRight : FREE;
        prevHan = true;
      }
    } else if (i === end || sentenceEnd[c] === 1) {
      // (no Han character ends a sentence)
      if (candidate && !spread) suspectsIn(lex, text, sStart, i, orphans, out, skip);
      sStart = i + 1;
      candidate = spread = false;
      firstAnomaly = -1;
      orphans.length = 0;
      boundLeft = FREE;
      prevHan = false;
    } else {
      boundLeft = FREE;
      prevHan = false;
    }
    c = n;
    infoC = infoN;
  }
  return out;
}

/** What scanSuspects found in one line, offsets from the line's start, and what it asked `skip` there. */
interface LineScan {
  found: SuspectChar[];
  asked: number[];
  answers: boolean[];
}

const shifted = (s: SuspectChar, by: number): SuspectChar =>
  by === 0 ? s : { ...s, offset: s.offset + by, replacements: s.replacements.map((r) => ({ ...r, wordOffset: r.wordOffset + by })) };

/**
 * scanSuspects over the whole text, line by line, reusing the previous scan of a line with the same text (`memo`:
 * kept by the caller for the next lint of the same document). A line is a run of whole sentences (`sentenceEnd` must
 * hold the newline) and the scan reads nothing outside the sentence it is in, so its suspects depend only on the
 * line and on `skip`'s answers there: a line is reused only when `skip` gives the same answers again. Same result as
 * scanSuspects(text, 0, text.length, …); while typing, only the line typed in is scanned.
 */
export function scanSuspectsByLine(text: string, sentenceEnd: Uint8Array, skip: (offset: number) => boolean, memo: { value?: unknown }): SuspectChar[] {
  const before = memo.value instanceof Map ? (memo.value as Map<string, LineScan>) : undefined;
  const now = new Map<string, LineScan>();
  const out: SuspectChar[] = [];
  let a = 0;
  while (a < text.length) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    if (b > a) {
      const line = text.slice(a, b);
      let scan = now.get(line) ?? before?.get(line);
      if (scan && !scan.asked.every((at, k) => skip(a + at) === scan!.answers[k])) scan = undefined;
      if (!scan) {
        const asked: number[] = [];
        const answers: boolean[] = [];
        const found = scanSuspects(text, a, b, sentenceEnd, (at) => {
          const yes = skip(at);
          asked.push(at - a);
          answers.push(yes);
          return yes;
        });
        scan = { found: found.map((x) => shifted(x, -a)), asked, answers };
      }
      // the first line with this text keeps its entry (a repeated line that answered otherwise is scanned again)
      if (!now.has(line)) now.set(line, scan);
      for (const x of scan.found) out.push(shifted(x, a));
    }
    a = b + 1;
  }
  memo.value = now;
  return out;
}

/** The suspects among the orphans of text[start, end), one sentence; the other orphans there are anomalies. */
function suspectsIn(lex: Lexicon, text: string, start: number, end: number, orphans: readonly number[], out: SuspectChar[], skip?: (offset: number) => boolean): void {
  const found: SuspectChar[] = [];
  const anomalies: number[] = [];
  for (const i of orphans) {
    const single = lex.singleClass(text.charCodeAt(i));
    if (single < DETECT.anomalyClass) anomalies.push(i);
    if (single > DETECT.maxSingleClass) continue;
    // the Han run around i, as far as anything at i reads: words of up to 4 characters, the segmentation's reach
    const w = Math.max(4, DETECT.reach);
    let lo = i;
    while (lo > start && lo > i - w && isHan(text.charCodeAt(lo - 1))) lo--;
    let hi = i + 1;
    while (hi < end && hi <= i + w && isHan(text.charCodeAt(hi))) hi++;
    const s = suspectAt(lex, text, lo, hi, i);
    if (s) found.push(s);
  }
  if (found.length === 0) return;
  // vetoed positions (titles, names, allowed words) are neither suspects nor anomalies; asked only now, since
  // suspects are rare and the veto reads the whole document
  const kept = skip ? found.filter((x) => !skip(x.offset)) : found;
  if (kept.length === 0) return;
  let other = 0;
  for (const a of anomalies) {
    if (skip?.(a)) continue;
    if (kept.some((s) => a >= s.replacements[0].wordOffset && a < s.replacements[0].wordOffset + s.replacements[0].word.length)) continue;
    other++;
  }
  if (other <= DETECT.maxAnomalies) for (const s of kept) out.push(s);
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

// the confusables that join a neighbour, for suspectAt (reused: it runs for every orphan)
const joining: number[] = [];

/** The suspect at i (an orphan in the Han run text[start, end)), if a confusable character there reads far better. */
function suspectAt(lex: Lexicon, text: string, start: number, end: number, i: number): SuspectChar | undefined {
  const c = text.charCodeAt(i);
  const prev = i > start ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
  let best: (Replacement & { written: string })[] | undefined;
  // a replacement that joins neither neighbour in any word completes no word here
  const nJoining = lex.joiningConfusables(c, prev, next, joining);
  for (let k = 0; k < nJoining; k++) {
    const c2 = joining[k];
    let found: (Replacement & { written: string }) | undefined;
    for (let len = 2; len <= 4; len++) {
      for (let s = Math.max(start, i - len + 1); s <= i && s + len <= end; s++) {
        // every pair of neighbours in a word of the lexicon is in the pair tables: a cheap test first
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
  if (!best) return undefined;
  // the replacement must make the neighbourhood read better as a whole, not only complete one word with a
  // character that already belongs to another (分类施策 → 类似)
  const lo = Math.max(start, i - DETECT.reach);
  const hi = Math.min(end, i + DETECT.reach + 1);
  const base = segScore(lex, text, lo, hi, -1, -1);
  best = best.filter((r) => segScore(lex, text, lo, hi, i, r.char.charCodeAt(0)) - base >= minBitsFor(lex, text, start, end, i, r));
  if (best.length === 0) return undefined;
  best.sort((a, b) => b.word.length - a.word.length || b.wordClass - a.wordClass);
  return {
    offset: i,
    char: text[i],
    written: best[0].written,
    replacements: best.map(({ written: _w, ...r }) => r),
  };
}
