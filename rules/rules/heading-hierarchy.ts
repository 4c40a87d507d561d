// heading-hierarchy: 一、 → （一） → 1. → （1） → ① in that order (GB/T 15834-2011 B.3.8, GB/T 9704-2012 7.3.3).
import type { Rule } from '../types';
import type { Heading } from '../model/document';
import { msg } from '../util';
import { CATEGORY } from '../categories';

const LEVEL_NAME = ['', '一、', '（一）', '1.', '（1）', '①'];

const rule: Rule = {
  meta: {
    id: 'heading-hierarchy',
    description: msg('标题层级次序：一、→（一）→1.→（1）→①', 'Heading levels nest 一、 → （一） → 1. → （1） → ①'),
    severity: 'error',
    tags: ['heading'],
    category: CATEGORY.headings,
    fixable: false,
    clause: 'GB/T 15834-2011 B.3.8; GB/T 9704-2012 7.3.3',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowCnToArabic: { type: 'boolean', description: 'Allow 一、 directly followed by 1. (two-level documents). Default true.' },
      },
    },
    defaultOptions: { allowCnToArabic: true },
    docs: {
      why: msg(
        '结构层次序数依次用“一、”“（一）”“1.”“（1）”。文章可以从任一层开始，但用了下一层之后，不应在其中又回到上一层，也不应跳过一层（“一、”直接接“（1）”）。“一、”下直接用“1.”的两级写法默认允许。',
        'Levels go 一、, （一）, 1., （1）. A text may start at any level, but once it uses a lower level it should not go back up inside it, nor skip a level (一、 straight to （1）). 一、 → 1. two-level documents are allowed by default.',
      ),
      examples: [
        { wrong: '1.项目招引 … （一）载体建设（在“1.”之后回到上一级）', right: '（一）项目招引 … （二）载体建设' },
        { wrong: '一、2023年工作总结 / （1）深入实施精准招商', right: '一、2023年工作总结 / （一）深入实施精准招商' },
      ],
    },
  },
  check({ doc, options, report }) {
    const allowCnToArabic = options.allowCnToArabic !== false;
    const visit = (parent: Heading | undefined, children: Heading[]): void => {
      let lowest = 0; // deepest ordinal level used so far among these siblings
      let skipReported: Set<number> | undefined; // made on the first skip: most sections have none
      for (const h of children) {
        const m = h.marker;
        if (m) {
          // back up: a higher level after a lower one inside the same parent; a part or a section title without an
          // ordinal (`2024年工作安排`) holds its runs side by side like the top of the text does (a list `1.…10.` after
          // `今年要抓好十件大事：`, then the sections `（一）…`)
          if (parent && (parent.marker || parent.mdDepth) && !parent.bare && !parent.part && lowest > m.level) {
            report({
              offset: m.offset,
              endOffset: m.endOffset,
              message: msg(
                `层级倒置：本节已使用下一级序号“${LEVEL_NAME[lowest]}”，其后又使用上一级“${m.text}”`,
                `level goes back up: "${m.text}" after the lower level "${LEVEL_NAME[lowest]}" in the same section`,
              ),
            });
          }
          lowest = Math.max(lowest, m.level);
          const pm = parent?.marker;
          if (pm) {
            const skip = m.level - pm.level;
            const allowed = skip <= 1 || (allowCnToArabic && pm.level === 1 && m.level === 3);
            if (!allowed && !skipReported?.has(m.level)) {
              (skipReported ??= new Set()).add(m.level);
              report({
                offset: m.offset,
                endOffset: m.endOffset,
                message: msg(
                  `层级跳跃：“${pm.text}”之下应先用“${LEVEL_NAME[pm.level + 1]}”一级，而不是“${m.text}”`,
                  `level skipped: under "${pm.text}" the next level is "${LEVEL_NAME[pm.level + 1]}", not "${m.text}"`,
                ),
              });
            }
          }
        }
        visit(h, h.children);
      }
    };
    visit(undefined, doc.roots);
  },
};
export default rule;
