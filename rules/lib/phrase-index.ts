// A list of literal phrases found in prose in one pass: filters on the first two characters, then the entries that
// start with that character, longest first. Used by the list-based typo rules, the formulation pack and the indicator
// names, which are all searched together in one pass over a document's prose (sharedPhraseIndex).

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

  /** Whether text[i] and text[i+1] pass this index's filters (i is a candidate position). */
  passes(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    if ((this.firstBits[c >> 5] & (1 << (c & 31))) === 0) return false;
    const h = pairHash(c, i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
    return (this.pairBits[h >> 5] & (1 << (h & 31))) !== 0;
  }

  /** Non-overlapping matches in text[start, end), in order; at one position the longest entry that fits wins. */
  find(text: string, start = 0, end = text.length): PhraseMatch<E>[] {
    const out: PhraseMatch<E>[] = [];
    for (let i = start; i < end; i++) if (this.passes(text, i)) i = this.matchAt(text, i, end, out);
    return out;
  }

  /** As find over the whole text, given the positions where the filters pass (from the shared pass below). */
  findAt(text: string, candidates: readonly number[]): PhraseMatch<E>[] {
    const out: PhraseMatch<E>[] = [];
    let next = 0;
    for (const i of candidates) if (i >= next) next = this.matchAt(text, i, text.length, out) + 1;
    return out;
  }

  /** The longest entry that fits at i (pushed to out): the last position it covers, or i when none fits. */
  private matchAt(text: string, i: number, end: number, out: PhraseMatch<E>[]): number {
    for (const e of this.lists[this.first[text.charCodeAt(i)] - 1]) {
      const stop = i + e.wrong.length;
      if (stop > end || !text.startsWith(e.wrong, i)) continue;
      if (e.notAfter && i > 0 && e.notAfter.includes(text[i - 1])) continue;
      if (e.notBefore && stop < text.length && e.notBefore.includes(text[stop])) continue;
      if (e.followedBy) {
        e.followedBy.lastIndex = stop;
        if (!e.followedBy.test(text)) continue;
      }
      out.push({ entry: e, offset: i, endOffset: stop });
      return stop - 1;
    }
    return i;
  }

  /** Every occurrence of every entry (overlapping; entries' context conditions not applied), in text order, given the
   * positions where the filters pass (from the shared pass below). */
  forEachAt(text: string, candidates: readonly number[], visit: (entry: E, offset: number) => void): void {
    for (const i of candidates) for (const e of this.lists[this.first[text.charCodeAt(i)] - 1]) if (text.startsWith(e.wrong, i)) visit(e, i);
  }

  /** OR this index's filters into the given bit sets (the shared pass tests their union first). */
  addFiltersTo(firstBits: Int32Array, pairBits: Int32Array): void {
    for (let k = 0; k < firstBits.length; k++) firstBits[k] |= this.firstBits[k];
    for (let k = 0; k < pairBits.length; k++) pairBits[k] |= this.pairBits[k];
  }
}

/**
 * The phrase lists every report is searched for (the typo lists, the formulation pack, the indicator names) are
 * searched in one pass over a document's prose: a character is tested against the union of their filters, and only
 * where that passes against each list's own. Each list then matches on its own candidate positions, with the same
 * result as its own pass over the whole text. Kept per document, never across documents.
 */
export class SharedPhraseIndex<E extends PhraseEntry> {
  private index?: PhraseIndex<E>;
  constructor(
    private readonly make: () => PhraseIndex<E>,
    readonly slot: number,
  ) {}

  get(): PhraseIndex<E> {
    return (this.index ??= this.make());
  }

  find(doc: { prose: string }): PhraseMatch<E>[] {
    return this.get().findAt(doc.prose, candidatesFor(doc)[this.slot]);
  }

  forEach(doc: { prose: string }, visit: (entry: E, offset: number) => void): void {
    this.get().forEachAt(doc.prose, candidatesFor(doc)[this.slot], visit);
  }
}

const shared: SharedPhraseIndex<PhraseEntry>[] = [];
let union: { count: number; firstBits: Int32Array; pairBits: Int32Array } | undefined;
const scans = new WeakMap<object, number[][]>();

/** A phrase list searched together with the others (made on first use). */
export function sharedPhraseIndex<E extends PhraseEntry>(make: () => PhraseIndex<E>): SharedPhraseIndex<E> {
  const s = new SharedPhraseIndex(make, shared.length);
  shared.push(s as unknown as SharedPhraseIndex<PhraseEntry>);
  return s;
}

function candidatesFor(doc: { prose: string }): number[][] {
  let cands = scans.get(doc);
  if (cands) return cands;
  const indexes = shared.map((s) => s.get());
  if (!union || union.count !== indexes.length) {
    const firstBits = new Int32Array(0x10000 >> 5);
    const pairBits = new Int32Array((1 << PAIR_BITS) >> 5);
    for (const x of indexes) x.addFiltersTo(firstBits, pairBits);
    union = { count: indexes.length, firstBits, pairBits };
  }
  const { firstBits, pairBits } = union;
  const text = doc.prose;
  const n = text.length;
  cands = indexes.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((firstBits[c >> 5] & (1 << (c & 31))) === 0) continue;
    const h = pairHash(c, i + 1 < n ? text.charCodeAt(i + 1) : 0);
    if ((pairBits[h >> 5] & (1 << (h & 31))) === 0) continue;
    for (let k = 0; k < indexes.length; k++) if (indexes[k].passes(text, i)) cands[k].push(i);
  }
  scans.set(doc, cands);
  return cands;
}
