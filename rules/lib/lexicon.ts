// The word-frequency lexicon and confusable characters behind the statistical typo check. Built once, on first use,
// from the compact generated data (rules/data/lexicon.generated.ts); nothing here reads a file.
import { READINGS, WORD_GROUPS } from '../data/lexicon.generated';
import { LOOK_ALIKE_GROUPS } from '../data/look-alike';
import { SUPPLEMENT_WORDS } from '../data/lexicon-supplement';

export interface Lexicon {
  /** Frequency class of a word of 1–4 characters (floor(log2(jieba frequency))), or -1. */
  classOf(word: string): number;
  /** True when the two characters occur side by side inside some word of the lexicon. */
  bigramInWord(a: number, b: number): boolean;
  /** Characters that complete `pattern` (a word with `?` in place of one character) to a word of class ≥ minClass. */
  completions(pattern: string): string | undefined;
  /** 0: not confusable; 1: same reading or look-alike; 2: similar reading (zh/z, n/l, -ng/-n). */
  confusable(a: string, b: string): number;
}

/** Words whose class is at least this are offered as corrections (jieba frequency ≥ 2^5 = 32). */
export const COMPLETION_MIN_CLASS = 5;

let lexicon: Lexicon | undefined;

export function getLexicon(): Lexicon {
  return (lexicon ??= buildLexicon());
}

function fuzzy(s: string): string {
  return s
    .replace(/^([zcs])h/, '$1')
    .replace(/^l/, 'n')
    .replace(/^r/, 'n')
    .replace(/^f/, 'h')
    .replace(/(an|en|in)g$/, '$1');
}

function buildLexicon(): Lexicon {
  const classes = new Map<string, number>();
  const charIndex = new Uint16Array(0x10000);
  let nChars = 0;
  const groups = WORD_GROUPS.split('\n');
  for (const [w, cls] of SUPPLEMENT_WORDS) groups.push(`${w.length}:${cls}:${w}`);
  // character numbering first (the bigram table is sized by it)
  for (const g of groups) {
    const k2 = g.indexOf(':', g.indexOf(':') + 1);
    for (let i = k2 + 1; i < g.length; i++) {
      const c = g.charCodeAt(i);
      if (charIndex[c] === 0) charIndex[c] = ++nChars;
    }
  }
  const side = nChars + 1;
  const bigrams = new Uint8Array(Math.ceil((side * side) / 8));
  const completions = new Map<string, string>();
  for (const g of groups) {
    const k1 = g.indexOf(':');
    const k2 = g.indexOf(':', k1 + 1);
    const len = Number(g.slice(0, k1));
    const cls = Number(g.slice(k1 + 1, k2));
    for (let p = k2 + 1; p + len <= g.length; p += len) {
      const w = g.slice(p, p + len);
      classes.set(w, cls);
      for (let i = 0; i + 1 < len; i++) {
        const bit = charIndex[w.charCodeAt(i)] * side + charIndex[w.charCodeAt(i + 1)];
        bigrams[bit >> 3] |= 1 << (bit & 7);
      }
      if (len >= 2 && cls >= COMPLETION_MIN_CLASS) {
        for (let j = 0; j < len; j++) {
          const key = w.slice(0, j) + '?' + w.slice(j + 1);
          completions.set(key, (completions.get(key) ?? '') + w[j]);
        }
      }
    }
  }
  const readings = new Map<string, string[]>();
  for (const line of READINGS.split('\n')) {
    const k = line.indexOf(':');
    const syl = line.slice(0, k);
    for (let i = k + 1; i < line.length; i++) {
      const c = line[i];
      const rs = readings.get(c);
      if (rs) rs.push(syl);
      else readings.set(c, [syl]);
    }
  }
  const lookAlike = new Map<string, string>();
  for (const g of LOOK_ALIKE_GROUPS) for (const c of g) lookAlike.set(c, (lookAlike.get(c) ?? '') + g);

  return {
    classOf: (w) => classes.get(w) ?? -1,
    bigramInWord(a, b) {
      const ia = charIndex[a];
      const ib = charIndex[b];
      if (ia === 0 || ib === 0) return false;
      const bit = ia * side + ib;
      return (bigrams[bit >> 3] & (1 << (bit & 7))) !== 0;
    },
    completions: (pattern) => completions.get(pattern),
    confusable(a, b) {
      if (a === b) return 0;
      if (lookAlike.get(a)?.includes(b)) return 1;
      const ra = readings.get(a);
      const rb = readings.get(b);
      if (!ra || !rb) return 0;
      for (const x of ra) if (rb.includes(x)) return 1;
      for (const x of ra) for (const y of rb) if (fuzzy(x) === fuzzy(y)) return 2;
      return 0;
    },
  };
}
