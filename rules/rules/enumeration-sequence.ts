// enumeration-sequence: 一是…二是…三是 in order, and no mark after 一是 (GB/T 15834-2011 B.3.1, B.3.7).
import type { Rule } from '../types';
import { toChineseNumeral } from '../model/numerals';
import { sequenceBreaks } from '../model/sequence';
import { msg } from '../util';
import { CATEGORY } from '../categories';

const rule: Rule = {
  meta: {
    id: 'enumeration-sequence',
    description: msg('段内列举“一是…二是…”连续且其后不加标点', 'Inline enumerations (一是…二是…) run in order with no mark after 一是'),
    severity: 'warning',
    tags: ['enumeration', 'punctuation'],
    category: CATEGORY.headings,
    fixable: true,
    clause: 'GB/T 15834-2011 B.3.7, B.3.1',
    docs: {
      why: msg(
        '“一是”“二是”等用于段内列举，应依次排列，其后不加标点；“第一”“第二”后用逗号。删改段落后常出现“一是…三是”缺项。',
        'Inline enumerations 一是, 二是 … count in order and take no mark after them; 第一, 第二 take a comma. Edited drafts often leave 一是 … 三是 with 二是 gone.',
      ),
      examples: [
        { wrong: '一是精心绘制招商图谱。……三是持续优化营商环境。', right: '一是精心绘制招商图谱。……二是持续优化营商环境。' },
        { wrong: '一是，加强区域合作。', right: '一是加强区域合作。' },
        { wrong: '第一、坚持稳中求进。', right: '第一，坚持稳中求进。' },
      ],
    },
  },
  check({ doc, report }) {
    for (const e of doc.enumerations) {
      if (e.style === 'order-words') continue;
      const word = (n: number) => (e.style === 'shi' ? `${toChineseNumeral(n)}是` : `第${toChineseNumeral(n)}`);
      // one finding per break, where it is (model/sequence.ts); a run may open past 一是 (its start is not checked)
      const breaks = new Map(sequenceBreaks(e.items.map((it) => it.value)).filter((b) => b.kind !== 'start').map((b) => [b.index, b]));
      for (let i = 0; i < e.items.length; i++) {
        const it = e.items[i];
        const b = breaks.get(i);
        if (b) {
          const prev = b.prev;
          let zh: string;
          let en: string;
          if (b.kind === 'duplicate') {
            zh = `列举重复：“${word(it.value)}”出现两次`;
            en = `enumeration repeats "${word(it.value)}"`;
          } else if (b.kind === 'gap') {
            const missing = Array.from({ length: it.value - prev - 1 }, (_, k) => word(prev + 1 + k)).join('、');
            zh = `列举缺项：“${word(prev)}”之后是“${word(it.value)}”，缺少“${missing}”`;
            en = `enumeration skips a step: "${word(it.value)}" follows "${word(prev)}"; "${missing}" is missing`;
          } else {
            zh = `列举顺序错误：“${word(prev)}”之后是“${word(it.value)}”`;
            en = `enumeration out of order: "${word(it.value)}" after "${word(prev)}"`;
          }
          // where the rest of the run agrees, the one item to change is offered, as a suggestion: an inline list is
          // read less surely than headings (`四 是` wrapped by a web copy), so never an automatic fix
          if (b.fixTo !== undefined && e.items[0].value === 1) {
            const to = word(b.fixTo);
            report({
              offset: it.offset,
              endOffset: it.endOffset,
              message: msg(zh, en),
              suggestions: [{ title: msg(`改为“${to}”`, `Change to "${to}"`), edits: [{ offset: it.numeralOffset, endOffset: it.numeralEndOffset, text: toChineseNumeral(b.fixTo) }] }],
            });
          } else report({ offset: it.offset, endOffset: it.endOffset, message: msg(zh, en) });
        }
        if (it.mark) {
          const m = it.mark;
          if (e.style === 'shi') {
            report({
              offset: m.offset,
              endOffset: m.offset + m.text.length,
              message: msg(`“${word(it.value)}”后不加标点`, `no punctuation after "${word(it.value)}"`),
              fix: { edits: [{ offset: m.offset, endOffset: m.offset + m.text.length, text: '' }] },
            });
          } else if (m.text === '、') {
            report({
              offset: m.offset,
              endOffset: m.offset + m.text.length,
              message: msg(`“${word(it.value)}”后用逗号“，”，不用顿号“、”`, `"${word(it.value)}" takes a comma "，", not the enumeration comma "、"`),
              fix: { edits: [{ offset: m.offset, endOffset: m.offset + m.text.length, text: '，' }] },
            });
          }
        }
      }
    }
  },
};
export default rule;
