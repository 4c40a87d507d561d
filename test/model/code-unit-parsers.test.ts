// The model reads ordinal markers and Chinese numerals by code unit, not by regex (speed). These tests hold the
// code-unit readers to the regexes they replace, on many generated strings of the characters that matter.
import { describe, expect, it } from 'vitest';
import { readMarker } from '../../rules/model/headings';
import { parseChineseNumeral } from '../../rules/model/numerals';

const ALPHABET = [...'一二三四五六七八九十百零两〇0123456789０１２３４５６７８９、.．，,（()） 　是年①⑳X\n'];

/** Deterministic strings (mulberry32 from a fixed seed): a failure reproduces. */
function* strings(count: number, maxLength: number): Generator<string> {
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const pick = (chars: string) => chars[next(chars.length)];
  for (let i = 0; i < count; i++) {
    let s = '';
    if (i % 2) {
      // shaped like a marker: a blank or not, a bracket or not, a run of 1–5 numerals or digits, then anything
      if (next(4) === 0) s += pick(' 　');
      if (next(3) === 0) s += pick('（(');
      const run = next(5) + 1;
      const kind = next(2) ? '一二三四五六七八九十百零两' : '0123456789０１２３４５６７８９';
      for (let k = 0; k < run; k++) s += pick(kind);
    }
    const n = next(maxLength + 1);
    for (let k = 0; k < n; k++) s += ALPHABET[next(ALPHABET.length)];
    yield s;
  }
}

const RE_CN = /^([一二三四五六七八九十百]{1,4})([、.．])/;
const RE_ARABIC = /^([0-9０-９]{1,3})([.．、])(?![0-9０-９])/;
const RE_PAREN = /^([（(])([ \u3000]?)([一二三四五六七八九十百]{1,4}|[0-9０-９]{1,3})([ \u3000]?)([）)])([、.．，,]?)/;
const RE_CIRCLED = /^([①-⑳])/;

describe('readMarker by code unit', () => {
  it('reads what RE_CN and RE_ARABIC match, and nothing where no marker regex matches', () => {
    let cn = 0;
    let arabic = 0;
    for (const s of strings(60000, 4)) {
      // readMarker skips leading blanks; its offsets are the document's (base 0: the string's)
      const t = s.replace(/^[\s\u3000\uFFFC]+/, '');
      const lead = s.length - t.length;
      const m = readMarker(s, 0);
      const c = RE_CN.exec(t);
      const a = RE_ARABIC.exec(t);
      if (c) {
        cn++;
        expect(m, s).toMatchObject({ type: 'cn', text: c[0], offset: lead, numeralEndOffset: lead + c[1].length, value: parseChineseNumeral(c[1]) });
      } else if (a) {
        const value = Number(a[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
        if (value) arabic++;
        expect(m, s).toEqual(value ? expect.objectContaining({ type: 'arabic', text: a[0], offset: lead, numeralEndOffset: lead + a[1].length, value }) : undefined);
      } else if (!RE_PAREN.test(t) && !RE_CIRCLED.test(t)) {
        expect(m, s).toBeUndefined();
      }
      if (m?.type === 'cn') expect(c, s).not.toBeNull();
      if (m?.type === 'arabic') expect(a, s).not.toBeNull();
    }
    // the generated strings hold both forms often enough for the comparison to mean something
    expect(cn).toBeGreaterThan(100);
    expect(arabic).toBeGreaterThan(100);
  });

  it('tells Chinese from Arabic numerals in brackets as /\\d|[０-９]/ did', () => {
    let read = 0;
    for (const s of strings(30000, 4)) {
      const p = RE_PAREN.exec(s.replace(/^[\s\u3000\uFFFC]+/, ''));
      if (!p) continue;
      const arabic = /\d|[０-９]/.test(p[3]);
      const value = arabic ? Number(p[3].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))) : parseChineseNumeral(p[3]);
      const m = readMarker(s, 0);
      expect(m?.type, s).toBe(value ? (arabic ? 'paren-arabic' : 'paren-cn') : undefined);
      if (m) read++;
    }
    expect(read).toBeGreaterThan(100);
  });
});

describe('parseChineseNumeral by code unit', () => {
  // the regex and code-point loop it replaces
  const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  function reference(s: string): number | undefined {
    if (!s || !/^[〇零一二两三四五六七八九十百]+$/.test(s)) return undefined;
    let total = 0;
    let cur = 0;
    let seen = false;
    for (const ch of s) {
      if (ch === '百' || ch === '十') {
        total += (seen ? cur : 1) * (ch === '百' ? 100 : 10);
        cur = 0;
        seen = false;
      } else {
        cur = DIGITS[ch];
        seen = true;
      }
    }
    return total + cur;
  }

  it('agrees with the regex reading on generated strings', () => {
    let numerals = 0;
    for (const s of strings(60000, 5)) {
      expect(parseChineseNumeral(s), s).toBe(reference(s));
      if (reference(s) !== undefined) numerals++;
    }
    expect(numerals).toBeGreaterThan(1000);
    expect(parseChineseNumeral('二十三')).toBe(23);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('十二五')).toBe(15);
    expect(parseChineseNumeral('三a')).toBeUndefined();
  });
});
