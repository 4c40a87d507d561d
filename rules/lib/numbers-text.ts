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

/** Guard characters: a regex of the number rules cannot match in a block that has none of its set. */
export const G_PCT = 1; // %％‰
export const G_WANYI = 2; // 万亿
export const G_QIANBAI = 4; // 千百
export const G_MINUS = 8; // -－−‐–
export const G_CONN = 16; // a range connector: -－‐–~～〜—
export const G_FULLWIDTH_NUMBER = 64; // ０-９．％ (as hasFullWidthNumberChar)
export const G_GROUP = 128; // , after an ASCII digit (reports write , for ，) and the thin spaces that group digits
export const G_DOT = 256; // .
const GUARD = new Uint16Array(0x10000);
const guard = (chars: string, flag: number) => {
  for (let i = 0; i < chars.length; i++) GUARD[chars.charCodeAt(i)] |= flag;
};
guard('%％‰', G_PCT);
guard('万亿', G_WANYI);
guard('千百', G_QIANBAI);
guard('-－−‐–', G_MINUS);
guard('-\uff0d\u2010\u2013~～〜—', G_CONN);
for (let c = 0xff10; c <= 0xff19; c++) GUARD[c] |= G_FULLWIDTH_NUMBER;
guard('\uff0e\uff05', G_FULLWIDTH_NUMBER);
guard(',\u2009\u202f', G_GROUP);
guard('.', G_DOT);

/** Where the guard characters are: per block its G_* flags, and the offsets of its guard characters. */
export interface NumberMarks {
  /** The G_* flags of each block (by index in doc.blocks). */
  flags: Uint16Array;
  /** Prose offsets of the guard characters, in order; block k's are at[from[k]] … at[from[k + 1] - 1]. */
  at: number[];
  /** The G_* flags of the character at each of `at`. */
  bits: number[];
  from: Int32Array;
}

const marksCache = new WeakMap<ReportDocument, NumberMarks>();

/** The guard characters of each block, from one pass over the prose per document (shared by the number rules). */
export function numberMarks(doc: ReportDocument): NumberMarks {
  let marks = marksCache.get(doc);
  if (!marks) {
    marks = computeMarks(doc.prose, doc.blocks);
    marksCache.set(doc, marks);
  }
  return marks;
}

function computeMarks(p: string, blocks: Block[]): NumberMarks {
  const flags = new Uint16Array(blocks.length);
  const from = new Int32Array(blocks.length + 1);
  const at: number[] = [];
  const bits: number[] = [];
  for (let k = 0; k < blocks.length; k++) {
    from[k] = at.length;
    const start = blocks[k].start;
    const end = blocks[k].end;
    let f = 0;
    for (let i = start; i < end; i++) {
      const c = p.charCodeAt(i);
      const g = GUARD[c];
      if (g === 0) continue;
      if (c === 0x2c) {
        const d = i > start ? p.charCodeAt(i - 1) : 0;
        if (d < 0x30 || d > 0x39) continue;
      }
      f |= g;
      at.push(i);
      bits.push(g);
    }
    flags[k] = f;
  }
  from[blocks.length] = at.length;
  return { flags, at, bits, from };
}

/** Block-relative offsets of the characters of block k that have one of the G_* `flag`s, in order. */
export function marksIn(marks: NumberMarks, k: number, base: number, flag: number): number[] {
  const out: number[] = [];
  for (let j = marks.from[k]; j < marks.from[k + 1]; j++) if (marks.bits[j] & flag) out.push(marks.at[j] - base);
  return out;
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
