// Small text helpers shared by the number rules (metric-unit, number-range, number-format, document-number).
import type { ReportDocument } from '../model/document';
import type { Block } from '../model/prose';

/** A CJK ideograph (basic block and extension A). */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const CJK_RE = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const LATIN_RE = /[A-Za-z]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_RE.test(ch);
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_RE.test(ch);
}

/** Full-width digits and number marks to ASCII (０-９ ． ％ ， － ＋). */
export function toHalfWidthNumber(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e\uff05\uff0b]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function hasFullWidthNumberChar(s: string): boolean {
  return /[\uff10-\uff19\uff0e\uff05]/.test(s);
}

/**
 * Whether s contains any of the characters in chars: a cheap guard before a regex that cannot match without
 * one of them (indexOf is much faster than a regex scan, above all one that starts with a lookbehind).
 */
export function includesAny(s: string, chars: string): boolean {
  for (let i = 0; i < chars.length; i++) if (s.indexOf(chars[i]) >= 0) return true;
  return false;
}

/** Each block of the document with its prose slice. */
export function* proseBlocks(doc: ReportDocument): Generator<{ block: Block; s: string }> {
  for (const block of doc.blocks) yield { block, s: doc.prose.slice(block.start, block.end) };
}

/**
 * A hyphen-like character (GB/T 15834 4.13: every one of these is a 连接号 "-" when it joins numbers):
 * U+002D, U+FF0D, U+2010, U+2013.
 */
export const HYPHENS = '\\-\\uff0d\\u2010\\u2013';
export function isHyphen(ch: string | undefined): boolean {
  return ch === '-' || ch === '\uff0d' || ch === '\u2010' || ch === '\u2013';
}

/** Multiplies a decimal numeral string by 10^k exactly (no floating point): ("1.5", 3) → "1500". */
export function shiftDecimal(num: string, k: number): string {
  const [int, frac = ''] = num.split('.');
  const digits = int + frac.padEnd(k, '0');
  const point = int.length + k;
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  let rest = digits.slice(point);
  let z = rest.length;
  while (z > 0 && rest[z - 1] === '0') z--; // not /0+$/: O(n²) on 000…01
  rest = rest.slice(0, z);
  if (whole === '') whole = '0';
  return rest ? `${whole}.${rest}` : whole;
}
