// Ordinal heading markers at the start of a block, in their right and wrong forms
// (GB/T 15834-2011 B.3.2–B.3.4, B.3.8; GB/T 9704-2012 7.3.3).
import { parseChineseNumeral, parseCircled, toAsciiDigits, toChineseNumeral, toCircled } from './numerals';
import { isBlankOrMask } from './prose';

export type OrdinalType = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled';

/** B.3.8 nesting order: 一、 → （一） → 1. → （1） → ①. */
export const ORDINAL_LEVEL: Record<OrdinalType, number> = {
  cn: 1,
  'paren-cn': 2,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
};

export type MarkerProblem =
  | 'cn-dot' // 一. → 一、 (B.3.2)
  | 'arabic-dun' // 1、 → 1. (B.3.3)
  | 'fullwidth-dot' // 1． → 1.
  | 'fullwidth-digit' // １. → 1.
  | 'halfwidth-paren' // (一) → （一）
  | 'trailing-mark' // （一）、 → （一） (B.3.4)
  | 'inner-space'; // （ 一 ） → （一）

export interface OrdinalMarker {
  type: OrdinalType;
  level: number;
  value: number;
  /** The whole marker as written, including a wrong mark after it. */
  offset: number;
  endOffset: number;
  text: string;
  /** Where the numeral itself is (what a renumbering rewrites). */
  numeralOffset: number;
  numeralEndOffset: number;
  /** The right form of this marker for its value. */
  canonical: string;
  problems: MarkerProblem[];
}

const CN_NUM = '[一二三四五六七八九十百]{1,4}';
const DIGIT = '[0-9０-９]';
// LEAD: [\s\u3000\u00a0\uFFFC] (\s holds U+3000 and U+00A0)
const isLead = isBlankOrMask;
const RE_CN = new RegExp(`^(${CN_NUM})([、.．])`);
const RE_PAREN = new RegExp(`^([（(])([ \\u3000]?)(${CN_NUM}|${DIGIT}{1,3})([ \\u3000]?)([）)])([、.．，,]?)`);
const RE_ARABIC = new RegExp(`^(${DIGIT}{1,3})([.．、])(?!${DIGIT})`);
const RE_CIRCLED = /^([①-⑳])/;
/** The code units the four regexes can open with. */
const MARKER_FIRST = new Set<number>();
for (const ch of '（(一二三四五六七八九十百0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳') MARKER_FIRST.add(ch.charCodeAt(0));

export function canonicalMarker(type: OrdinalType, value: number): string {
  switch (type) {
    case 'cn':
      return `${toChineseNumeral(value)}、`;
    case 'paren-cn':
      return `（${toChineseNumeral(value)}）`;
    case 'arabic':
      return `${value}.`;
    case 'paren-arabic':
      return `（${value}）`;
    case 'circled':
      return toCircled(value);
  }
}

/** The numeral as written in the canonical form (what a renumbering writes). */
export function canonicalNumeral(type: OrdinalType, value: number): string {
  return type === 'cn' || type === 'paren-cn' ? toChineseNumeral(value) : type === 'circled' ? toCircled(value) : String(value);
}

/**
 * Reads an ordinal marker at the start of `s` (a block's prose), skipping leading blanks.
 * `base` is the document offset of s[0].
 */
export function readMarker(s: string, base: number): OrdinalMarker | undefined {
  let lead = 0;
  while (lead < s.length && isLead(s.charCodeAt(lead))) lead++;
  // most blocks open with none of the characters a marker opens with: no regex for them
  if (!MARKER_FIRST.has(s.charCodeAt(lead))) return undefined;
  const t = s.slice(lead, lead + 16);
  const at = base + lead;
  let m: RegExpExecArray | null;
  if ((m = RE_PAREN.exec(t))) {
    const [whole, open, sp1, num, sp2, close, trail] = m;
    const isCn = !/\d|[０-９]/.test(num);
    const value = isCn ? parseChineseNumeral(num) : Number(toAsciiDigits(num));
    if (!value) return undefined;
    const type: OrdinalType = isCn ? 'paren-cn' : 'paren-arabic';
    const problems: MarkerProblem[] = [];
    if (open === '(' || close === ')') problems.push('halfwidth-paren');
    if (trail) problems.push('trailing-mark');
    if (sp1 || sp2) problems.push('inner-space');
    if (!isCn && /[０-９]/.test(num)) problems.push('fullwidth-digit');
    const numeralOffset = at + open.length + sp1.length;
    return {
      type,
      level: ORDINAL_LEVEL[type],
      value,
      offset: at,
      endOffset: at + whole.length,
      text: whole,
      numeralOffset,
      numeralEndOffset: numeralOffset + num.length,
      canonical: canonicalMarker(type, value),
      problems,
    };
  }
  if ((m = RE_CN.exec(t))) {
    const [whole, num, mark] = m;
    const value = parseChineseNumeral(num);
    if (!value) return undefined;
    return {
      type: 'cn',
      level: 1,
      value,
      offset: at,
      endOffset: at + whole.length,
      text: whole,
      numeralOffset: at,
      numeralEndOffset: at + num.length,
      canonical: canonicalMarker('cn', value),
      problems: mark === '、' ? [] : ['cn-dot'],
    };
  }
  if ((m = RE_ARABIC.exec(t))) {
    const [whole, num, mark] = m;
    const value = Number(toAsciiDigits(num));
    if (!value) return undefined;
    const problems: MarkerProblem[] = [];
    if (mark === '、') problems.push('arabic-dun');
    if (mark === '．') problems.push('fullwidth-dot');
    if (/[０-９]/.test(num)) problems.push('fullwidth-digit');
    return {
      type: 'arabic',
      level: 3,
      value,
      offset: at,
      endOffset: at + whole.length,
      text: whole,
      numeralOffset: at,
      numeralEndOffset: at + num.length,
      canonical: canonicalMarker('arabic', value),
      problems,
    };
  }
  if ((m = RE_CIRCLED.exec(t))) {
    const value = parseCircled(m[1])!;
    return {
      type: 'circled',
      level: 5,
      value,
      offset: at,
      endOffset: at + 1,
      text: m[1],
      numeralOffset: at,
      numeralEndOffset: at + 1,
      canonical: canonicalMarker('circled', value),
      problems: [],
    };
  }
  return undefined;
}
