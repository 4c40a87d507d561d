// Chinese numerals as used in ordinals (一 … 九十九) and full-width digits.

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Value of a Chinese digit (〇零一二两三四五六七八九); -1 for any other code unit. */
function cnDigit(c: number): number {
  switch (c) {
    case 0x3007: // 〇
      return 0;
    case 0x96f6: // 零
      return 0;
    case 0x4e00: // 一
      return 1;
    case 0x4e8c: // 二
      return 2;
    case 0x4e24: // 两
      return 2;
    case 0x4e09: // 三
      return 3;
    case 0x56db: // 四
      return 4;
    case 0x4e94: // 五
      return 5;
    case 0x516d: // 六
      return 6;
    case 0x4e03: // 七
      return 7;
    case 0x516b: // 八
      return 8;
    case 0x4e5d: // 九
      return 9;
    default:
      return -1;
  }
}

/** Value of a Chinese numeral up to 999 (一, 十, 十二, 二十, 二十三, 一百零五); undefined if not one. */
export function parseChineseNumeral(s: string): number | undefined {
  // by code unit, no regex: called for every ordinal and enumeration marker (every character allowed is in the BMP)
  const n = s.length;
  if (n === 0) return undefined;
  let total = 0;
  let cur = 0;
  let seen = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x767e) {
      // 百
      total += (seen ? cur : 1) * 100;
      cur = 0;
      seen = false;
    } else if (c === 0x5341) {
      // 十
      total += (seen ? cur : 1) * 10;
      cur = 0;
      seen = false;
    } else {
      const d = cnDigit(c);
      if (d < 0) return undefined;
      cur = d;
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
