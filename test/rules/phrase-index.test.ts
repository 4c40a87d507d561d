import { describe, expect, it } from 'vitest';
import { PhraseIndex, sharedPhraseIndex } from '../../rules/lib/phrase-index';

// Entries that overlap, share first characters and carry context conditions, over texts drawn from their characters.
const A = [
  { wrong: '截止', followedBy: /[0-9]/y },
  { wrong: '截止到' },
  { wrong: '再接再励' },
  { wrong: '布署', notAfter: '发' },
  { wrong: '做出', notBefore: '来' },
  { wrong: '作' },
];
const B = [{ wrong: '接再' }, { wrong: '止到2' }, { wrong: '出来' }, { wrong: '做' }];
const ALPHABET = '截止到再接再励布署发做出来作2 。';

function randomText(seed: number, n: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += ALPHABET[x % ALPHABET.length];
  }
  return s;
}

describe('phrase lists searched in one pass', () => {
  const a = sharedPhraseIndex(() => new PhraseIndex(A));
  const b = sharedPhraseIndex(() => new PhraseIndex(B));
  const plainA = new PhraseIndex(A);
  const plainB = new PhraseIndex(B);

  it('find gives what each list finds on its own pass, and forEach every occurrence,, on 500 random texts', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const doc = { prose: randomText(seed, 1 + (seed % 80)) };
      expect(a.find(doc)).toEqual(plainA.find(doc.prose));
      expect(b.find(doc)).toEqual(plainB.find(doc.prose));
      const seen: [string, number][] = [];
      const want: [string, number][] = [];
      a.forEach(doc, (e, i) => seen.push([e.wrong, i]));
      // every occurrence of every entry, by brute force
      for (let i = 0; i < doc.prose.length; i++) for (const e of [...A].sort((x, y) => y.wrong.length - x.wrong.length)) if (doc.prose.startsWith(e.wrong, i)) want.push([e.wrong, i]);
      expect(seen).toEqual(want);
    }
  });

  it('finds the longest entry and honours the context conditions', () => {
    expect(a.find({ prose: '截止到2024年，发布署名做出来' }).map((m) => m.entry.wrong)).toEqual(['截止到']);
    expect(a.find({ prose: '截止2024年做出成绩' }).map((m) => [m.entry.wrong, m.offset])).toEqual([['截止', 0], ['做出', 7]]);
  });
});
