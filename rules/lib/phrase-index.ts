// A list of literal phrases found in prose in one pass: a table of first characters, then the entries that start
// with that character, longest first. Shared by the list-based typo rules; a formulation pack (canonical wording vs
// a wording off by a character) can use the same index over its own entries.

export interface PhraseEntry {
  /** The literal string to find. */
  wrong: string;
  /** Characters that, right before the match, make it part of another word (e.g. 发 before 布署: 发布署名). */
  notAfter?: string;
  /** Characters that, right after the match, make it part of another word. */
  notBefore?: string;
  /** Must match right after the phrase (sticky regex), e.g. a date after 截止. */
  followedBy?: RegExp;
}

export interface PhraseMatch<E> {
  entry: E;
  offset: number;
  endOffset: number;
}

// Pair filter: a bit per hash of a phrase's first two characters. Most text positions whose first character starts
// some entry (作, 必, 截 are common) fail on the second character with one more array read.
const PAIR_BITS = 16;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & ((1 << PAIR_BITS) - 1);

export class PhraseIndex<E extends PhraseEntry> {
  /** 0, or 1 + the index in `lists` of the entries that start with this character. */
  private readonly first = new Uint16Array(0x10000);
  private readonly lists: E[][] = [];
  // The two filters every character of the prose goes through, as bit sets of 8 KB each (they stay in the
  // first-level cache; byte tables of 128 + 64 KB did not)
  private readonly firstBits = new Int32Array(0x10000 >> 5);
  private readonly pairBits = new Int32Array((1 << PAIR_BITS) >> 5);

  constructor(entries: readonly E[]) {
    for (const e of entries) {
      if (!e.wrong) continue;
      const c = e.wrong.charCodeAt(0);
      if (this.first[c] === 0) {
        this.lists.push([]);
        this.first[c] = this.lists.length;
      }
      this.lists[this.first[c] - 1].push(e);
    }
    const pair = (h: number) => (this.pairBits[h >> 5] |= 1 << (h & 31));
    for (const list of this.lists) {
      list.sort((a, b) => b.wrong.length - a.wrong.length);
      const c = list[0].wrong.charCodeAt(0);
      this.firstBits[c >> 5] |= 1 << (c & 31);
      // a one-character entry: every pair with its first character passes
      if (list[list.length - 1].wrong.length === 1) for (let b = 0; b < 0x10000; b++) pair(pairHash(c, b));
      else for (const e of list) pair(pairHash(c, e.wrong.charCodeAt(1)));
    }
  }

  /** Non-overlapping matches in text[start, end), in order; at one position the longest entry that fits wins. */
  find(text: string, start = 0, end = text.length): PhraseMatch<E>[] {
    const out: PhraseMatch<E>[] = [];
    const firstBits = this.firstBits;
    const pairBits = this.pairBits;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((firstBits[c >> 5] & (1 << (c & 31))) === 0) continue;
      const h = pairHash(c, i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
      if ((pairBits[h >> 5] & (1 << (h & 31))) === 0) continue;
      for (const e of this.lists[this.first[c] - 1]) {
        const stop = i + e.wrong.length;
        if (stop > end || !text.startsWith(e.wrong, i)) continue;
        if (e.notAfter && i > 0 && e.notAfter.includes(text[i - 1])) continue;
        if (e.notBefore && stop < text.length && e.notBefore.includes(text[stop])) continue;
        if (e.followedBy) {
          e.followedBy.lastIndex = stop;
          if (!e.followedBy.test(text)) continue;
        }
        out.push({ entry: e, offset: i, endOffset: stop });
        i = stop - 1;
        break;
      }
    }
    return out;
  }

  /** Every occurrence of every entry (overlapping; entries' context conditions not applied), in text order. */
  forEach(text: string, visit: (entry: E, offset: number) => void): void {
    const firstBits = this.firstBits;
    const pairBits = this.pairBits;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((firstBits[c >> 5] & (1 << (c & 31))) === 0) continue;
      const h = pairHash(c, i + 1 < n ? text.charCodeAt(i + 1) : 0);
      if ((pairBits[h >> 5] & (1 << (h & 31))) === 0) continue;
      for (const e of this.lists[this.first[c] - 1]) if (text.startsWith(e.wrong, i)) visit(e, i);
    }
  }
}
