// document-number: the form of a 发文字号 (GB/T 9704-2012 7.2.5): 国办发〔2024〕1号.
import type { Rule, RuleContext } from '../types';
import { charTable, indexesOf, matchesNear, msg, positionsIn } from '../util';
import { CJK } from '../lib/numbers-text';
import { CATEGORY } from '../categories';

// Recognised by its shape: a 机关代字 (Chinese characters), a bracketed year, an optional 第, a serial number and 号.
// Brackets of any kind are accepted here so that the wrong ones can be reported. Each part is a bounded run and the
// lookbehinds are short and fixed: the regex stays linear.
const DOC_TYPE = '发函字办令电复呈报批通规预综秘告';
const OPEN = '〔\\[【（(［﹝〖';
const CLOSE = '〕\\]】）)］﹞〗';
// A four-digit year (19xx/20xx) is distinctive enough after any 代字 (发改投资〔2024〕88号); a two-digit one needs the
// document-type character (国发〔98〕12号).
const D = '0-9\\uff10-\\uff19';
const YEAR4 = `(?:[1１][9９]|[2２][0０])[${D}]{2}`;
const YEAR2 = `(?<=[${DOC_TYPE}][${OPEN}][ \\u3000]?)[${D}]{2}`;
const DOCNO_RE = new RegExp(
  `(?<=[${CJK}])([${OPEN}])([ \\u3000]?)(${YEAR4}|${YEAR2})([ \\u3000]?)([${CLOSE}])([ \\u3000]?)(第?)([${D}]{1,5})号`,
  'y',
);
// DOCNO_RE is tried only before a 号 (util.matchesNear): bracket, space, year, space, bracket, space, 第, 5 digits.
const back15 = (_: string, p: number) => p - 15;
const OPEN_CHAR = charTable(OPEN.replace('\\', ''));
const openLead = (s: string, i: number) => OPEN_CHAR[s.charCodeAt(i)] === 1;

function ascii(s: string): string {
  return s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const rule: Rule = {
  meta: {
    id: 'document-number',
    description: msg('发文字号的格式', 'The form of a document number (发文字号)'),
    severity: 'error',
    tags: ['numbers', 'format'],
    category: CATEGORY.format,
    fixable: true,
    clause: 'GB/T 9704-2012 7.2.5',
    docs: {
      why: msg(
        '发文字号由发文机关代字、年份、发文顺序号组成：年份标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为001）。',
        'A document number is the issuing organ\'s code, the year and a serial number: the full year in tortoise-shell brackets 〔〕, no 第 before the number, no leading zeros.',
      ),
      examples: [
        { wrong: '国办发[2024]1号', right: '国办发〔2024〕1号' },
        { wrong: '苏政发【2023】12号', right: '苏政发〔2023〕12号' },
        { wrong: '国发〔2024〕第5号', right: '国发〔2024〕5号' },
        { wrong: '京政办发〔2024〕01号', right: '京政办发〔2024〕1号' },
        { wrong: '国发〔98〕12号', right: '国发〔1998〕12号' },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { doc } = ctx;
    // DOCNO_RE ends with 号, a rare character: find them in one pass.
    const hao = indexesOf(doc.prose, '号');
    if (!hao.length) return;
    for (let bk = 0; bk < doc.blocks.length; bk++) {
      const block = doc.blocks[bk];
      const anchors = positionsIn(hao, block.start, block.end);
      if (!anchors.length) continue;
      const s = doc.prose.slice(block.start, block.end);
      for (const m of matchesNear(DOCNO_RE, s, anchors, back15, openLead)) {
        const [whole, open, sp1, year, sp2, close, sp3, di, serial] = m;
        const problems: { zh: string; en: string }[] = [];
        if (open !== '〔' || close !== '〕') problems.push(msg('年份应用六角括号“〔〕”括入', 'the year goes in 〔〕'));
        if (sp1 || sp2 || sp3) problems.push(msg('字号内不留空格', 'no spaces inside the number'));
        const y = ascii(year);
        let fullYear = y;
        if (y.length === 2) {
          fullYear = (Number(y) >= 50 ? '19' : '20') + y;
          problems.push(msg(`年份应标全称“${fullYear}”`, `the year is written in full (${fullYear})`));
        }
        if (di) problems.push(msg('发文顺序号前不加“第”', 'no 第 before the serial number'));
        const n = ascii(serial);
        const plain = n.replace(/^0+(?=\d)/, '');
        if (plain !== n) problems.push(msg('发文顺序号不编虚位（不加前导零）', 'no leading zeros in the serial number'));
        if (!problems.length) continue;
        // Digit width is number-format's: keep the digits as written apart from the year and zeros.
        const yearText = y.length === 2 ? fullYear : year;
        const serialText = plain === n ? serial : serial.slice(serial.length - plain.length);
        const fixed = `〔${yearText}〕${serialText}号`;
        const offset = block.start + m.index;
        const endOffset = offset + whole.length;
        if (doc.overlapsPlaceholder(offset, endOffset)) continue;
        ctx.report({
          offset,
          endOffset,
          message: msg(
            `发文字号格式不规范：${problems.map((p) => p.zh).join('；')}（“${whole}”应为“${fixed}”）`,
            `document number form: ${problems.map((p) => p.en).join('; ')} ("${whole}" → "${fixed}")`,
          ),
          fix: { edits: [{ offset, endOffset, text: fixed }] },
        });
      }
    }
  },
};
export default rule;
