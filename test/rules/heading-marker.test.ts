import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/heading-marker';
import { applyEdits, lint } from '../../rules/engine';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '一、2023年工作总结',
    '（一）紧扣“强产业”，园区发展的质量与效益显著提升',
    '1.深入实施精准招商。一是精心绘制招商图谱。',
    '（1）加快标准厂房建设',
    '①要素保障',
    '十二、加强政府自身建设',
    '　　（三）深化基础性关键领域改革',
    // numbers at the start of a line are not ordinals
    '1.5万元用于企业技改补贴。',
    '2023年，园区实现规上工业总产值1481.3亿元。',
    '10.5%的增幅居全市首位。',
    '一是持续聚焦龙头招引。',
    '一年来，园区发展在取得一定成绩的同时，还存在一些不足。',
    // Markdown list items are lists, not headings
    { text: '1. 列表中的一项\n2. 列表中的另一项', filename: 'case.md' },
    // Markdown code is not prose
    { text: '```\n1、代码\n```', filename: 'case.md' },
    // half-width brackets around something that is not an ordinal are punctuation-width's business
    '(近)零碳产业园建设尤为重要与迫切。',
    // a bracket or a numeral ending a line mid-sentence is no marker's head
    '加快推进智慧园区二期（\n三）号地块同步开工。',
    '全年完成投资一\n、二季度目标。',
    '园区今年共引进项目\n12\n、13号厂房投用。',
    // a marker after a sentence end that no run misses is no heading (an enumeration in the text, a cited rule)
    '（一）稳住工业基本盘。\n（二）扩大有效投资。（三）类项目优先保障。\n（三）守牢安全底线。',
    '一、过去一年工作回顾\n二、今年工作安排。一、加强领导。\n三、政府自身建设',
  ],
  invalid: [
    // a heading run into the paragraph before it (a lost line break): one finding at its marker, a line break only suggested
    {
      name: 'inline （三） run into the paragraph before it: reported, no fix',
      text: '（一）稳住工业基本盘。\n（二）扩大有效投资。重点项目完成投资超过计划。 （三）深化重点领域改革。政务服务全部网上可办。\n（四）守牢安全底线。',
      errors: [{ text: '（三）', line: 2, message: '标题“（三）深化重点领域改革”与上一段连在一起' }],
    },
    {
      name: 'inline (三) with half-width brackets: the brackets fixed, the line break suggested',
      text: '(一)稳住工业基本盘。\n(二)扩大有效投资。重点项目完成投资超过计划。(三)深化重点领域改革。\n(四)守牢安全底线。',
      errors: [{ text: '(一)' }, { text: '(二)' }, { text: '(三)', message: /全角括号.*；标题与上一段连在一起/ }, { text: '(四)' }],
      output: '（一）稳住工业基本盘。\n（二）扩大有效投资。重点项目完成投资超过计划。（三）深化重点领域改革。\n（四）守牢安全底线。',
    },
    // a web copy broke the marker over two lines: one damaged heading, joined where it stands
    {
      name: 'split （ ⏎ 三）: the head alone on its line, joined with the rest',
      text: '（二）城乡面貌持续改善。\n（\n三）改革开放纵深推进。',
      errors: [{ text: '（\n三）', message: '换行' }],
      output: '（二）城乡面貌持续改善。\n（三）改革开放纵深推进。',
    },
    {
      name: 'split （ ⏎ 三）: the head after a sentence end moves down to the rest',
      text: '（二）城乡面貌持续改善。（\n三）改革开放纵深推进。',
      errors: [{ text: '（\n三）' }],
      output: '（二）城乡面貌持续改善。\n（三）改革开放纵深推进。',
    },
    { name: 'split 一 ⏎ 、', text: '一\n、过去一年工作回顾', errors: [{ text: '一\n、' }], output: '一、过去一年工作回顾' },
    { name: 'split with blank lines between and half-width brackets', text: '(\n\n四)民生保障更加有力', errors: [{ text: '(\n\n四)', message: /换行.*全角括号|全角括号.*换行/ }], output: '（四）民生保障更加有力' },
    { name: 'split 2 ⏎ .', text: '1.推进项目建设。\n2\n.加快数字转型。', errors: [{ text: '2\n.' }], output: '1.推进项目建设。\n2.加快数字转型。' },
    { name: 'split 3 ⏎ 、 with the wrong mark too', text: '2.推进项目建设。3\n、加快数字转型。', errors: [{ text: '3\n、', message: /下脚点.*换行/ }], output: '2.推进项目建设。\n3.加快数字转型。' },
    { name: 'split （三 ⏎ ）', text: '坚持稳中求进。\r\n（三\r\n）深化改革开放', errors: [{ text: '（三\r\n）' }], output: '坚持稳中求进。\r\n（三）深化改革开放' },
    { text: '1、深入实施精准招商。一是精心绘制招商图谱。', errors: [{ text: '1、', message: '下脚点' }], output: '1.深入实施精准招商。一是精心绘制招商图谱。' },
    { text: '2、强势推进项目建设。一是重大项目高效推进。', errors: [{ text: '2、' }], output: '2.强势推进项目建设。一是重大项目高效推进。' },
    { text: '(一)紧扣“强产业”，园区发展的质量与效益显著提升', errors: [{ text: '(一)', message: '全角括号' }], output: '（一）紧扣“强产业”，园区发展的质量与效益显著提升' },
    { text: '(二)破难攻坚，园区经济稳中有进', errors: [{ text: '(二)' }], output: '（二）破难攻坚，园区经济稳中有进' },
    { text: '（一）、平台建设纵深推进', errors: [{ text: '（一）、', message: '不再加标点' }], output: '（一）平台建设纵深推进' },
    { text: '一.2023年工作总结', errors: [{ text: '一.', message: '顿号' }], output: '一、2023年工作总结' },
    { text: '一．过去一年工作回顾', errors: [{ text: '一．' }], output: '一、过去一年工作回顾' },
    { text: '3．加快标准厂房建设。今年可建成工业标准厂房10万平方米。', errors: [{ text: '3．' }], output: '3.加快标准厂房建设。今年可建成工业标准厂房10万平方米。' },
    { text: '１．打造产业承载平台。', errors: [{ text: '１．', message: '半角阿拉伯数字' }], output: '1.打造产业承载平台。' },
    { text: '１２、实行创新驱动。', errors: [{ text: '１２、' }], output: '12.实行创新驱动。' },
    { text: '(1)狠抓安全生产', errors: [{ text: '(1)' }], output: '（1）狠抓安全生产' },
    { text: '（1）.大力引进人才', errors: [{ text: '（1）.' }], output: '（1）大力引进人才' },
    { text: '（一)项目建设成果丰硕', errors: [{ text: '（一)' }], output: '（一）项目建设成果丰硕' },
    { text: '( 二 )改革创新勇战前列', errors: [{ text: '( 二 )', message: '空格' }], output: '（二）改革创新勇战前列' },
    { text: '　　(三)现代化农牧业进程加快，示范带动成效显著', errors: [{ text: '(三)' }], output: '　　（三）现代化农牧业进程加快，示范带动成效显著' },
    { text: '## 1、招商引资', filename: 'case.md', errors: [{ text: '1、' }], output: '## 1.招商引资' },
    {
      text: '一、2023年工作总结\n(一)凝心聚力\n1、项目招引协同推进。\n2、前湾硅谷加速打造。',
      errors: [{ text: '(一)', line: 2 }, { text: '1、', line: 3 }, { text: '2、', line: 4 }],
      output: '一、2023年工作总结\n（一）凝心聚力\n1.项目招引协同推进。\n2.前湾硅谷加速打造。',
    },
  ],
});

describe('heading-marker: a heading run into the paragraph before it', () => {
  it('suggests a line break in place of the blanks before the marker, in the file\'s line ending', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['一、总体要求', '二、重点任务。全年安排项目一百个。　三、保障措施', '四、组织实施'].join(eol);
      const [f] = lint(text, { rules: [rule] }).findings;
      expect(f.fix).toBeUndefined();
      expect(f.suggestions).toHaveLength(1);
      expect(applyEdits(text, f.suggestions![0].edits)).toBe(['一、总体要求', '二、重点任务。全年安排项目一百个。', '三、保障措施', '四、组织实施'].join(eol));
    }
  });
});
