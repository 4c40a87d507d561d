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

export class PhraseIndex<E extends PhraseEntry> {
  private readonly first = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, E[]>();

  constructor(entries: readonly E[]) {
    for (const e of entries) {
      if (!e.wrong) continue;
      const c = e.wrong.charCodeAt(0);
      this.first[c] = 1;
      const list = this.byFirst.get(c);
      if (list) list.push(e);
      else this.byFirst.set(c, [e]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
  }

  /** Non-overlapping matches in text[start, end), in order; at one position the longest entry that fits wins. */
  find(text: string, start = 0, end = text.length): PhraseMatch<E>[] {
    const out: PhraseMatch<E>[] = [];
    const first = this.first;
    for (let i = start; i < end; i++) {
      if (first[text.charCodeAt(i)] === 0) continue;
      for (const e of this.byFirst.get(text.charCodeAt(i))!) {
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
}
