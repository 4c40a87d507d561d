// Chinese numerals as used in ordinals (一 … 九十九) and full-width digits.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Value of a Chinese numeral up to 999 (一, 十, 十二, 二十, 二十三, 一百零五); undefined if not one. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return undefined;
  let total = 0;
  let cur = 0;
  let seen = false;
  for (const ch of s) {
    if (ch === '百') {
      total += (seen ? cur : 1) * 100;
      cur = 0;
      seen = false;
    } else if (ch === '十') {
      total += (seen ? cur : 1) * 10;
      cur = 0;
      seen = false;
    } else {
      cur = DIGITS[ch];
      seen = true;
    }
  }
  return total + cur;
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n) || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  let s = '';
  if (h) s += CN[h] + '百';
  if (t) s += (t === 1 && !h ? '' : CN[t]) + '十';
  else if (h && o) s += '零';
  if (o) s += CN[o];
  return s;
}

/** Full-width digits ０-９ to ASCII. */
export function toAsciiDigits(s: string): string {
  // most strings hold none: no regex, no copy
  let i = 0;
  while (i < s.length && !(s.charCodeAt(i) >= 0xff10 && s.charCodeAt(i) <= 0xff19)) i++;
  if (i === s.length) return s;
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function hasFullWidthDigit(s: string): boolean {
  return /[０-９]/.test(s);
}

/** Circled numbers ①–⑳. */
export function parseCircled(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  return undefined;
}

export function toCircled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
}
