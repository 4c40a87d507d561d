import { describe, expect, it } from 'vitest';
import { CHAR_CLASS, isBlank, isChineseChar, isDigit, isHan, isLatinLetter, K_BLANK, K_BREAK, K_CJK, K_DIGIT, K_LATIN, K_OTHER } from '../../rules/lib/cjk-text';

describe('the character class table', () => {
  it('agrees with the predicates on every UTF-16 code unit', () => {
    const MARKS = ',;:?!()“”‘’（）《》【】';
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const k = isChineseChar(c) ? K_CJK : isLatinLetter(c) ? K_LATIN : isDigit(c) ? K_DIGIT : isBlank(c) ? K_BLANK : c === 10 || c === 13 ? K_BREAK : K_OTHER;
      const want = (isHan(c) ? 1 : 0) | (isChineseChar(c) ? 2 : 0) | (k << 2) | (MARKS.includes(String.fromCharCode(c)) ? 32 : 0);
      if (CHAR_CLASS[c] !== want) wrong.push(c);
    }
    expect(wrong.map((c) => c.toString(16))).toEqual([]);
  });
});
