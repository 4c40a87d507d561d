// heading-sequence: sibling ordinals count 1, 2, 3 … without gaps, repeats or restarts (GB/T 9704-2012 7.3.3).
import type { Rule } from '../types';
import type { Heading } from '../model/document';
import { canonicalMarker, canonicalNumeral } from '../model/headings';
import { msg } from '../util';
import { CATEGORY } from '../categories';

/** Siblings of one ordinal type under one parent, in document order. */
export function siblingRuns(roots: Heading[], all: Heading[]): Heading[][] {
  const runs: Heading[][] = [];
  const byType = new Map<string, Heading[]>();
  const collect = (children: Heading[]) => {
    if (children.length === 0) return;
    byType.clear();
    for (const c of children) {
      if (!c.marker) continue;
      let g = byType.get(c.marker.type);
      if (!g) {
        byType.set(c.marker.type, (g = []));
        runs.push(g);
      }
      g.push(c);
    }
  };
  collect(roots);
  for (const p of all) collect(p.children);
  return runs;
}

const rule: Rule = {
  meta: {
    id: 'heading-sequence',
    description: msg('同级标题序号连续、不重复、不重新开始', 'Sibling heading ordinals run on without gaps, repeats or restarts'),
    severity: 'error',
    tags: ['heading'],
    category: CATEGORY.headings,
    fixable: true,
    clause: 'GB/T 9704-2012 7.3.3',
    docs: {
      why: msg(
        '同一层级的序号应依次递增。改稿时删减、调整段落后，序号常出现跳号（一、三、）、重号（2.2.）；从上一年报告套改时，还会在“二、”之内把下一级写成“一、二、”。',
        'Ordinals of one level count up in order. Edited drafts skip (一、三、) or repeat (2. 2.) numbers, and a plan copied in from another report restarts 一、 inside 二、.',
      ),
      examples: [
        { wrong: '一、2023年工作总结 … 三、2024年工作打算', right: '一、2023年工作总结 … 二、2024年工作打算' },
        { wrong: '1.项目招引 … 2.载体建设 … 2.人才工作', right: '1.项目招引 … 2.载体建设 … 3.人才工作' },
        {
          wrong: '二、2024年工作打算 / 一、挖掘新潜能 / 二、激发新动能',
          right: '二、2024年工作打算 / （一）挖掘新潜能 / （二）激发新动能',
          note: msg('重新开始的一组是下一级标题：建议降一级，而不是改为“三、四、”', 'a restarted run is a lower level: demote it, never renumber it to 三、四、'),
        },
      ],
    },
  },
  check({ doc, report }) {
    for (const run of siblingRuns(doc.roots, doc.headings)) {
      let prevValue = 0;
      let broken = false;
      run.forEach((h, i) => {
        const m = h.marker!;
        const expected = i + 1;
        if (m.value !== expected) {
          const want = canonicalNumeral(m.type, expected);
          const prevText = i > 0 ? run[i - 1].marker!.text : '';
          let zh: string;
          let en: string;
          if (broken) {
            zh = `序号应顺延为“${canonicalMarker(m.type, expected)}”`;
            en = `should continue as "${canonicalMarker(m.type, expected)}"`;
          } else if (m.value === prevValue) {
            zh = `序号“${m.text}”与上一个重复，应为“${canonicalMarker(m.type, expected)}”`;
            en = `ordinal "${m.text}" repeats the one before; it should be "${canonicalMarker(m.type, expected)}"`;
          } else if (i === 0) {
            zh = `同级第一个序号应为“${canonicalMarker(m.type, 1)}”`;
            en = `the first ordinal of this level should be "${canonicalMarker(m.type, 1)}"`;
          } else if (m.value > expected) {
            zh = `序号不连续：“${prevText}”之后应为“${canonicalMarker(m.type, expected)}”`;
            en = `gap in the ordinals: "${canonicalMarker(m.type, expected)}" should follow "${prevText}"`;
          } else {
            zh = `序号顺序错误：“${prevText}”之后应为“${canonicalMarker(m.type, expected)}”`;
            en = `ordinals out of order: "${canonicalMarker(m.type, expected)}" should follow "${prevText}"`;
          }
          broken = true;
          report({
            offset: m.numeralOffset,
            endOffset: m.numeralEndOffset,
            message: msg(zh, en),
            fix: { edits: [{ offset: m.numeralOffset, endOffset: m.numeralEndOffset, text: want }] },
          });
        }
        prevValue = m.value;
      });
    }
    // A run restarting at 一 inside its previous sibling is a lower level written at the wrong level.
    for (const h of doc.headings) {
      const parent = h.restartOf;
      if (!parent || !h.marker || !parent.marker) continue;
      const run = parent.children.filter((c) => c.marker?.type === h.marker!.type && c.rank === h.rank);
      const lower = h.marker.type === 'cn' ? 'paren-cn' : h.marker.type === 'paren-cn' ? 'arabic' : h.marker.type === 'arabic' ? 'paren-arabic' : 'circled';
      const first = canonicalMarker(lower, 1);
      const last = canonicalMarker(lower, run.length);
      report({
        offset: h.marker.offset,
        endOffset: h.marker.endOffset,
        message: msg(
          `序号在“${parent.marker.text}${parent.text}”之内重新从“${h.marker.text}”开始：这一组应是下一级标题（${first}…${last}）`,
          `ordinals restart at "${h.marker.text}" inside "${parent.marker.text}${parent.text}": this run is a lower level (${first}…${last})`,
        ),
        suggestions: [
          {
            title: msg(`将这一组降为下一级：${first}…${last}`, `Demote this run one level: ${first}…${last}`),
            edits: run.map((c, i) => ({ offset: c.marker!.offset, endOffset: c.marker!.endOffset, text: canonicalMarker(lower, i + 1) })),
          },
        ],
      });
    }
  },
};
export default rule;
