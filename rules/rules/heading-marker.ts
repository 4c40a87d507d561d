// heading-marker: the mark after a heading ordinal (GB/T 15834-2011 B.3.2–B.3.4).
import type { Rule, TextEdit } from '../types';
import type { MarkerProblem, OrdinalMarker } from '../model/headings';
import { toAsciiDigits } from '../model/numerals';
import { msg } from '../util';
import { CATEGORY } from '../categories';

const PROBLEM_TEXT: Record<MarkerProblem, { zh: string; en: string }> = {
  'arabic-dun': { zh: '阿拉伯数字序号后用下脚点“.”，不用顿号', en: 'an Arabic-numeral ordinal takes a full stop ".", not 、' },
  'cn-dot': { zh: '汉字数字序号后用顿号“、”', en: 'a Chinese-numeral ordinal takes 、' },
  'fullwidth-dot': { zh: '序号后的下脚点应为半角“.”', en: 'the dot after an ordinal is the half-width "."' },
  'fullwidth-digit': { zh: '序号应使用半角阿拉伯数字', en: 'ordinal digits are half-width' },
  'halfwidth-paren': { zh: '括号序号应使用全角括号“（）”', en: 'a bracketed ordinal uses full-width brackets （）' },
  'trailing-mark': { zh: '括号序号后不再加标点', en: 'a bracketed ordinal takes no mark after it' },
  'inner-space': { zh: '括号序号内不留空格', en: 'no space inside a bracketed ordinal' },
};

/** The smallest edits that turn a marker into its canonical form, leaving the numeral to heading-sequence. */
function markerEdits(m: OrdinalMarker): TextEdit[] {
  const edits: TextEdit[] = [];
  const t = m.text;
  const at = (i: number) => m.offset + i;
  const numStart = m.numeralOffset - m.offset;
  const numEnd = m.numeralEndOffset - m.offset;
  const numeral = t.slice(numStart, numEnd);
  if (m.problems.includes('fullwidth-digit')) edits.push({ offset: m.numeralOffset, endOffset: m.numeralEndOffset, text: toAsciiDigits(numeral) });
  if (m.type === 'paren-cn' || m.type === 'paren-arabic') {
    // before the numeral: the open bracket (and a space); after: space, close bracket, trailing mark
    if (t.slice(0, numStart) !== '（') edits.push({ offset: at(0), endOffset: at(numStart), text: '（' });
    if (t.slice(numEnd) !== '）') edits.push({ offset: at(numEnd), endOffset: at(t.length), text: '）' });
  } else if (m.type === 'cn' || m.type === 'arabic') {
    const right = m.type === 'cn' ? '、' : '.';
    if (t.slice(numEnd) !== right) edits.push({ offset: at(numEnd), endOffset: at(t.length), text: right });
  }
  return edits;
}

const rule: Rule = {
  meta: {
    id: 'heading-marker',
    description: msg('标题序号后的标点和括号形式', 'The mark and brackets of a heading ordinal'),
    severity: 'error',
    tags: ['heading', 'punctuation'],
    category: CATEGORY.headings,
    fixable: true,
    clause: 'GB/T 15834-2011 B.3.2–B.3.4',
    docs: {
      why: msg(
        '汉字数字序号后用顿号（一、），阿拉伯数字序号后用下脚点（1.），括号序号用全角括号且其后不加标点（（一）（1））。“1、”“（一）、”“(一)”都是常见错误。',
        'Chinese-numeral ordinals take 、 (一、), Arabic ones a full stop (1.), bracketed ones full-width brackets and no mark after them ((一) is wrong, so are 1、 and （一）、).',
      ),
      examples: [
        { wrong: '1、深入实施精准招商。', right: '1.深入实施精准招商。' },
        { wrong: '(一)紧扣“强产业”，园区发展的质量与效益显著提升', right: '（一）紧扣“强产业”，园区发展的质量与效益显著提升' },
        { wrong: '（一）、平台建设纵深推进', right: '（一）平台建设纵深推进' },
        { wrong: '一.2023年工作总结', right: '一、2023年工作总结' },
      ],
    },
  },
  check({ doc, report }) {
    for (const h of doc.headings) {
      const m = h.marker;
      if (!m || m.problems.length === 0) continue;
      const edits = markerEdits(m);
      const zh = m.problems.map((p) => PROBLEM_TEXT[p].zh).join('；');
      const en = m.problems.map((p) => PROBLEM_TEXT[p].en).join('; ');
      report({
        offset: m.offset,
        endOffset: m.endOffset,
        message: msg(`${zh}：“${m.text}”应为“${m.canonical}”`, `${en}: "${m.text}" should be "${m.canonical}"`),
        ...(edits.length ? { fix: { edits } } : {}),
      });
    }
  },
};
export default rule;
