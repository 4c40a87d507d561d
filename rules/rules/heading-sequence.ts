// heading-sequence: sibling ordinals count 1, 2, 3 … without gaps, repeats or restarts (GB/T 9704-2012 7.3.3).
import type { Rule } from '../types';
import { canonicalMarker, canonicalNumeral, type OrdinalMarker } from '../model/headings';
import { sequenceBreaks, siblingRuns } from '../model/sequence';
import { msg } from '../util';
import { CATEGORY } from '../categories';

/** A marker as written, a line break inside it (a split marker) shown as ⏎. */
const shown = (m: OrdinalMarker): string => (m.split ? m.text.replace(/[\r\n][\s\u3000]*/g, '⏎') : m.text);

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
        '同一层级的序号应依次递增。改稿时删减、调整段落后，序号常出现跳号（一、三、）、重号（2.2.）；从上一年报告套改时，还会在“二、”之内把下一级写成“一、二、”。每处断号只报告一次；只有改动个别与前后都不衔接的序号就能使整组连续时才自动修正，否则只给建议。附件、名词解释和单独成行的部分标题之后重新编号。',
        'Ordinals of one level count up in order. Edited drafts skip (一、三、) or repeat (2. 2.) numbers, and a plan copied in from another report restarts 一、 inside 二、. Each break is reported once; it is fixed automatically only where changing the odd ordinals alone makes the whole run agree, otherwise a change is suggested. Appendices, glossaries and part titles on lines of their own number afresh.',
      ),
      examples: [
        { wrong: '一、2023年工作总结 … 三、2024年工作打算', right: '一、2023年工作总结 … 二、2024年工作打算' },
        { wrong: '1.项目招引 … 2.载体建设 … 2.人才工作', right: '1.项目招引 … 2.载体建设 … 3.人才工作' },
        {
          wrong: '（一）稳增长 … （二）促改革 … （四）调结构 … （五）惠民生',
          note: msg(
            '只在断处报告一次（缺少“（三）”）；“（四）（五）”前后一致，不自动改号，只给出建议',
            'reported once, at the break ("（三）" missing); （四）（五） agree with each other, so they are not renumbered automatically, only suggested',
          ),
        },
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
      const values = run.map((h) => h.marker!.value);
      for (const b of sequenceBreaks(values)) {
        const h = run[b.index];
        const m = h.marker!;
        const mk = (v: number) => canonicalMarker(m.type, v);
        const text = shown(m);
        const prevText = b.index > 0 ? shown(run[b.index - 1].marker!) : '';
        let zh: string;
        let en: string;
        switch (b.kind) {
          case 'start':
            zh = `同级第一个序号应为“${mk(1)}”，这里是“${text}”`;
            en = `the first ordinal of this level should be "${mk(1)}", not "${text}"`;
            break;
          case 'duplicate':
            zh = `序号“${text}”与上一个重复`;
            en = `ordinal "${text}" repeats the one before`;
            break;
          case 'restart':
            zh = `序号在“${prevText}”之后重新从“${text}”开始：可能缺少上一级标题，或应接续编号`;
            en = `ordinals start again at "${text}" after "${prevText}": a heading of the level above may be missing, or the numbering should go on`;
            break;
          case 'gap': {
            const missing = m.value - b.prev - 1;
            const list = missing <= 3 ? Array.from({ length: missing }, (_, k) => `“${mk(b.prev + 1 + k)}”`).join('') : `“${mk(b.prev + 1)}”至“${mk(m.value - 1)}”`;
            zh = `序号不连续：“${prevText}”之后是“${text}”，缺少${list}`;
            en = `gap in the ordinals: "${text}" follows "${prevText}"; ${list.replace(/[“”]/g, '"')} missing`;
            break;
          }
          case 'back':
            zh = `序号顺序错误：“${prevText}”之后是“${text}”`;
            en = `ordinals out of order: "${text}" follows "${prevText}"`;
            break;
        }
        if (b.fixTo !== undefined) {
          const next = run[b.index + 1]?.marker;
          const nextText = next ? shown(next) : '';
          // an odd one between two that agree (（二）（九）（四）): say so, not "（三）…（八） missing"
          if (next && b.index > 0 && (b.kind === 'gap' || b.kind === 'back' || b.kind === 'restart')) {
            zh = `序号“${text}”与前后不衔接（前为“${prevText}”，后为“${nextText}”）`;
            en = `ordinal "${text}" fits neither neighbour ("${prevText}" before, "${nextText}" after)`;
          }
          const should = b.kind === 'start' ? { zh: '', en: '' } : { zh: `，应为“${mk(b.fixTo)}”`, en: `; it should be "${mk(b.fixTo)}"` };
          report({
            offset: m.numeralOffset,
            endOffset: m.numeralEndOffset,
            message: msg(zh + should.zh, en + should.en),
            fix: { edits: [{ offset: m.numeralOffset, endOffset: m.numeralEndOffset, text: canonicalNumeral(m.type, b.fixTo) }] },
          });
          continue;
        }
        // a restart is read two ways (a lost heading above, or numbering to go on): nothing to suggest
        if (b.kind === 'restart') {
          report({ offset: m.numeralOffset, endOffset: m.numeralEndOffset, message: msg(zh, en) });
          continue;
        }
        const c = b.continueFrom!;
        const seg = run.slice(c.from, c.to + 1);
        const first = mk(c.values[0]);
        const last = mk(c.values[c.values.length - 1]);
        const range = seg.length === 1 ? `“${first}”` : `“${first}”…“${last}”`;
        report({
          offset: m.numeralOffset,
          endOffset: m.numeralEndOffset,
          message: msg(zh, en),
          suggestions: [
            {
              title: msg(`从这里起顺延编号：${range}`, `Renumber from here: ${range.replace(/[“”]/g, '"')}`),
              edits: seg.map((s, k) => ({ offset: s.marker!.numeralOffset, endOffset: s.marker!.numeralEndOffset, text: canonicalNumeral(m.type, c.values[k]) })),
            },
          ],
        });
      }
    }
    // A run restarting at 一 inside its previous sibling is a lower level written at the wrong level.
    for (let k = 0; k < doc.headings.length; k++) {
      const h = doc.headings[k];
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
          `序号在“${shown(parent.marker)}${parent.text}”之内重新从“${shown(h.marker)}”开始：这一组应是下一级标题（${first}…${last}）`,
          `ordinals restart at "${shown(h.marker)}" inside "${shown(parent.marker)}${parent.text}": this run is a lower level (${first}…${last})`,
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
