// number-format: how an Arabic number is written (GB/T 15835-2011): half-width digits, one thousands-grouping
// style per document, no grouping of ≤ 4 digits, a leading 0 before a decimal point.
import type { Rule, RuleContext, TextEdit } from '../types';
import { charTable, matchesNear, msg } from '../util';
import { G_DOT, G_FULLWIDTH_NUMBER, G_GROUP, hasFullWidthNumberChar, isCjk, isLatin, marksIn, numberMarks, toHalfWidthNumber } from '../lib/numbers-text';
import { CATEGORY } from '../categories';

// A number token: digits of either width, one decimal part, an optional percent sign.
const TOKEN_RE = /(?<![0-9\uff10-\uff19.．])[0-9\uff10-\uff19]+(?:[.．][0-9\uff10-\uff19]+)?[%％‰]?/y;
// A grouped number: 1–3 digits, then groups of three after a comma or a thin space.
const GROUPED_RE = /(?<![0-9.,\u2009\u202fA-Za-z])[0-9]{1,3}(?:[,\u2009\u202f][0-9]{3})+(?:\.[0-9]+)?(?![0-9]|[,\u2009\u202f][0-9])/y;
// An ungrouped number of five or more integer digits (a leading 0 makes it a code).
const UNGROUPED_RE = /(?<![0-9.,\u2009\u202fA-Za-z/\\_#＃:：\-\uff0d])[1-9][0-9]{4,}(?:\.[0-9]+)?(?![0-9A-Za-z/\-\uff0d]|[.,][0-9])/y;
// A quantity is followed by its unit; a number followed by 号, a hotline or a postcode is a label.
const QUANTITY_UNIT_RE =
  /^(?:[%‰]|万|亿|元|美元|人|名|户|家|个|项|次|件|台|套|吨|千克|公斤|斤|亩|公顷|平方|立方|米|公里|千米|千瓦|辆|头|只|株|棵|册|床|张|座|所|余|多|左右)/;
// A decimal point without its leading 0: `.5`.
const BARE_DECIMAL_RE = /(?<![0-9\uff10-\uff19A-Za-z.．_/\\])\.[0-9]+(?![0-9A-Za-z.])/y;

// The regexes above are tried only where they can start (util.matchesNear, ungroupedNumbers).
const DIGIT = charTable('0123456789０１２３４５６７８９');
const TOKEN_CHAR = charTable('0123456789０１２３４５６７８９.．');
const digitLead = (s: string, i: number) => DIGIT[s.charCodeAt(i)] === 1;
const asciiDigitLead = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
};
const always = () => true;
const at0 = (_: string, p: number) => p;
const back3 = (_: string, p: number) => p - 3;
/** A token with a full-width character starts where the run of digits and points before it does. */
const tokenStart = (s: string, p: number, next: number) => {
  let j = p;
  while (j > next && TOKEN_CHAR[s.charCodeAt(j - 1)] === 1) j--;
  return j;
};

interface Numeral {
  offset: number;
  endOffset: number;
  text: string;
}

const rule: Rule = {
  meta: {
    id: 'number-format',
    description: msg('阿拉伯数字的书写形式', 'How Arabic numbers are written'),
    severity: 'warning',
    tags: ['numbers'],
    category: CATEGORY.numbers,
    fixable: true,
    clause: 'GB/T 15835-2011 5.1',
    docs: {
      why: msg(
        '正文中的阿拉伯数字及其小数点、百分号用半角（“２０２３”“９．１％”应为“2023”“9.1%”）；同一文档中千分位分节方式应统一，四位以内的数字不分节；纯小数须写出小数点前的“0”。',
        'Arabic numbers and their decimal point and percent sign are half-width in running text (２０２３ → 2023, ９．１％ → 9.1%); one document uses one thousands-grouping style, numbers of four digits or fewer are not grouped; a decimal fraction keeps its leading 0.',
      ),
      examples: [
        { wrong: '国内生产总值增长９．１％', right: '国内生产总值增长9.1%' },
        { wrong: '粮食总产量达到46947万吨，比上年增产3877万吨，增长13．65％', right: '粮食总产量达到46947万吨，比上年增产3877万吨，增长13.65%' },
        { wrong: '新增就业1,234人', right: '新增就业1234人' },
        { wrong: '利率下调.5个百分点', right: '利率下调0.5个百分点' },
        {
          wrong: '全年接待游客624,000人次……全区常住人口达到356000人',
          note: msg('同一文档分节方式不一：报告少数的一种（提示）', 'grouping mixed in one document: the minority style is reported (info)'),
        },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { doc } = ctx;
    // Ordinals of headings are heading-marker's (`１．` there is its finding).
    const markers = doc.headings.filter((h) => h.marker).map((h) => [h.marker!.offset, h.marker!.endOffset] as const);
    const inMarker = (start: number, end: number) => markers.some(([a, b]) => start < b && end > a);
    const grouped: Numeral[] = [];
    const ungrouped: Numeral[] = [];

    const marks = numberMarks(doc);
    for (let k = 0; k < doc.blocks.length; k++) {
      const block = doc.blocks[k];
      const s = doc.prose.slice(block.start, block.end);
      const g = marks.flags[k];

      // Full-width digits and marks, and numbers that mix widths (13．65, 18％). Only tokens with a full-width
      // character are reported: a block without one has nothing to report here.
      if (g & G_FULLWIDTH_NUMBER) for (const m of matchesNear(TOKEN_RE, s, marksIn(marks, k, block.start, G_FULLWIDTH_NUMBER), tokenStart, digitLead)) {
        if (!hasFullWidthNumberChar(m[0])) continue;
        const offset = block.start + m.index;
        const endOffset = offset + m[0].length;
        if (inMarker(offset, endOffset) || doc.overlapsPlaceholder(offset, endOffset)) continue;
        const fixed = toHalfWidthNumber(m[0]);
        ctx.report({
          offset,
          endOffset,
          message: msg(`数字及其小数点、百分号应使用半角：“${m[0]}”（全角）应为“${fixed}”（半角）`, `digits and their marks are half-width: "${m[0]}" (full-width) → "${fixed}" (half-width)`),
          fix: { edits: [{ offset, endOffset, text: fixed }] },
        });
      }

      if (g & G_GROUP) for (const m of matchesNear(GROUPED_RE, s, marksIn(marks, k, block.start, G_GROUP), back3, asciiDigitLead)) {
        const offset = block.start + m.index;
        const endOffset = offset + m[0].length;
        if (latinAround(s, m.index, m.index + m[0].length) || doc.overlapsPlaceholder(offset, endOffset)) continue;
        const intDigits = m[0].split('.')[0].replace(/[^0-9]/g, '');
        if (intDigits.length <= 4) {
          const fixed = m[0].replace(/[,\u2009\u202f]/g, '');
          ctx.report({
            offset,
            endOffset,
            severity: 'info',
            message: msg(`四位以内的数字不分节：“${m[0]}”应为“${fixed}”`, `a number of four digits or fewer is not grouped: "${m[0]}" → "${fixed}"`),
            fix: { edits: [{ offset, endOffset, text: fixed }] },
          });
        } else grouped.push({ offset, endOffset, text: m[0] });
      }

      for (const m of ungroupedNumbers(s)) {
        const after = s.slice(m.index + m[0].length, m.index + m[0].length + 3);
        if (!QUANTITY_UNIT_RE.test(after)) continue;
        if (latinAround(s, m.index, m.index + m[0].length)) continue;
        const offset = block.start + m.index;
        ungrouped.push({ offset, endOffset: offset + m[0].length, text: m[0] });
      }

      if (g & G_DOT) for (const m of matchesNear(BARE_DECIMAL_RE, s, marksIn(marks, k, block.start, G_DOT), at0, always)) {
        const before = s[m.index - 1];
        const prev = before !== undefined && /\s/.test(before) ? s[m.index - 2] : before;
        // Only in Chinese text: after a CJK character or mark (or at the start of the block).
        if (prev !== undefined && !isCjk(prev) && !/[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/.test(prev)) continue;
        const offset = block.start + m.index;
        const endOffset = offset + m[0].length;
        if (doc.overlapsPlaceholder(offset, endOffset)) continue;
        ctx.report({
          offset,
          endOffset,
          message: msg(`纯小数应写出小数点前的“0”：“${m[0]}”应为“0${m[0]}”`, `a decimal fraction keeps its leading 0: "${m[0]}" → "0${m[0]}"`),
          fix: { edits: [{ offset, endOffset: offset, text: '0' }] },
        });
      }
    }

    // One grouping style per document: report the minority (grouped on a tie: 公文 mostly writes 356000).
    if (grouped.length && ungrouped.length) {
      const reportGrouped = grouped.length <= ungrouped.length;
      const minority = reportGrouped ? grouped : ungrouped;
      const majorityCount = reportGrouped ? ungrouped.length : grouped.length;
      for (const n of minority) {
        const fixed = reportGrouped ? n.text.replace(/[,\u2009\u202f]/g, '') : group(n.text);
        const edits: TextEdit[] = [{ offset: n.offset, endOffset: n.endOffset, text: fixed }];
        ctx.report({
          offset: n.offset,
          endOffset: n.endOffset,
          severity: 'info',
          message: reportGrouped
            ? msg(
                `千分位分节不统一：本文档另有${majorityCount}处数字不分节，“${n.text}”宜为“${fixed}”`,
                `thousands grouping is mixed: ${majorityCount} other numbers in this document are not grouped; "${n.text}" → "${fixed}"`,
              )
            : msg(
                `千分位分节不统一：本文档另有${majorityCount}处数字用千分撇分节，“${n.text}”宜为“${fixed}”`,
                `thousands grouping is mixed: ${majorityCount} other numbers in this document are grouped; "${n.text}" → "${fixed}"`,
              ),
          fix: { edits },
        });
      }
    }
  },
};

/**
 * The matches of a global scan with UNGROUPED_RE: it starts a run of five or more ASCII digits, so only every
 * fifth character is read until a digit turns up, and each run's start is tried once.
 */
function ungroupedNumbers(s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const n = s.length;
  for (let i = 4; i < n; ) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      i += 5;
      continue;
    }
    let start = i;
    while (start > 0 && asciiDigitLead(s, start - 1)) start--;
    let end = i + 1;
    while (asciiDigitLead(s, end)) end++;
    if (end - start >= 5) {
      UNGROUPED_RE.lastIndex = start;
      const m = UNGROUPED_RE.exec(s);
      if (m) {
        out.push(m);
        end = Math.max(end, UNGROUPED_RE.lastIndex);
      }
    }
    // s[end] is no digit: a later run of five has a digit at end + 4 or at a fifth character after it.
    i = end + 4;
  }
  return out;
}

/** True when a Latin letter stands right before or after the number (one space allowed): Latin text. */
function latinAround(s: string, start: number, end: number): boolean {
  const b = /\s/.test(s[start - 1] ?? '') ? s[start - 2] : s[start - 1];
  const a = /\s/.test(s[end] ?? '') ? s[end + 1] : s[end];
  return isLatin(b) || isLatin(a);
}

/** 1234567.89 → 1,234,567.89 */
function group(n: string): string {
  const [int, frac] = n.split('.');
  let g = '';
  for (let i = 0; i < int.length; i++) g += (i > 0 && (int.length - i) % 3 === 0 ? ',' : '') + int[i];
  return frac !== undefined ? `${g}.${frac}` : g;
}

export default rule;
