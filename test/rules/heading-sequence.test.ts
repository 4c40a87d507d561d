import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/heading-sequence';
import { fixText, lint } from '../../rules/engine';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '一、2023年工作总结\n二、2024年工作打算',
    '一、2023年工作总结\n（一）凝心聚力\n1.项目招引\n2.前湾硅谷\n（二）破难攻坚\n1.工业经济\n二、2024年工作思路\n（一）招商引资',
    // each section counts its own children from one
    '（一）抓好产业发展\n1.传统产业\n2.新兴产业\n（二）抓好项目建设\n1.项目引进\n2.项目推进',
    // wrong forms still count in sequence
    '(一)平台建设\n(二)项目建设\n(三)改革创新',
    '1、深入实施精准招商。\n2、强势推进项目建设。\n3、持续巩固产业优势。',
    // a text may start at any level
    '（一）深入推进供给侧结构性改革\n（二）加快建设创新型国家',
    '一、统一思想\n二、明确目标\n三、突出重点\n四、强化措施\n五、落实责任\n六、加强领导\n七、营造氛围\n八、严格考核\n九、总结提高\n十、加强督查\n十一、严肃问责\n十二、久久为功',
    // numbers that are not headings do not count
    '1.项目招引。\n2023年，园区实现产值。\n2.载体建设。',
    { text: '1. 列表\n1. 列表', filename: 'case.md' },
    '①要素保障\n②资金保障\n③人才保障',
    // a marker broken over two lines is still （三）: the （四）…（七） after it agree
    {
      name: 'split marker read as （三）',
      text: '（一）稳住经济大盘。\n（二）壮大实体经济。\n（\n三）深化改革开放。\n（四）推动城乡融合。\n（五）加强生态保护。\n（六）增进民生福祉。\n（七）守牢安全底线。',
    },
    // an appendix numbers its own list afresh
    {
      name: 'appendix 附件1 with its own 一、…',
      text: '一、总体要求\n二、重点任务\n三、保障措施\n附件1\n一、建立工作专班\n二、明确责任分工\n三、强化督查考核',
    },
    { name: 'appendix 附件：title', text: '一、总体要求\n二、重点任务\n附件：年度重点项目清单\n一、产业项目\n二、民生项目', },
    { name: 'appendix 附表', text: '（一）稳增长\n（二）调结构\n附表\n（一）工业项目\n（二）服务业项目' },
    // a glossary at the end: item numbers followed by digits are items where the list says so
    {
      name: 'glossary items 3.2025年… and 4.5G… between 2. and 5.',
      text: '一、发展回顾\n二、工作安排\n1.推进产业升级。\n2.扩大有效投资。\n名词解释\n1.“两新”：指大规模设备更新和消费品以旧换新。\n2.“三个一批”：指签约一批、开工一批、投产一批。\n3.2025年目标：指本市制定的中期发展目标。\n4.5G+工业互联网：指第五代移动通信与工业互联网融合应用。\n5.“链长制”：指由负责同志担任重点产业链链长的工作机制。',
    },
    { name: 'notes 注释：', text: '1.加快项目建设。\n2.优化营商环境。\n注释：\n1.规上工业：指年主营业务收入2000万元以上的工业企业。\n2.专精特新：指专业化、精细化、特色化、新颖化。' },
    // the chrome of a web page after the report
    { name: 'web chrome 相关报道', text: '一、过去一年工作回顾\n二、今年工作安排\n三、加强政府自身建设\n相关报道\n一、全市经济运行平稳\n二、重点项目集中开工' },
    // section titles on lines of their own; each part numbers from （一）
    {
      name: 'section titles without an ordinal, numbering starting again under each',
      text: '各位代表：\n2023年工作回顾\n过去一年，我们主要做了以下工作。\n（一）经济运行回升向好。\n（二）产业结构持续优化。\n（三）民生福祉不断增进。\n2024年工作安排\n今年政府工作的总体要求是稳中求进。\n（一）着力扩大有效需求。\n（二）着力建设现代化产业体系。\n全面加强政府自身建设\n（一）坚持依法行政。\n（二）坚持廉洁从政。',
    },
    // a heading run into the paragraph before it (a lost line break) is still there: the run is whole
    {
      name: 'inline （三） after a sentence end fills the gap',
      text: '（一）稳住工业基本盘。全年新开工项目八十个。\n（二）扩大有效投资。重点项目完成投资超过计划。 （三）深化重点领域改革。政务服务事项全部网上可办。\n（四）守牢安全底线。',
    },
    { name: 'inline 3. after ！ inside a child section', text: '一、工作举措\n1.抓招商。全年签约项目三十个。\n2.抓项目。全年开工项目二十个！3.抓服务。企业诉求办结率百分之百。\n4.抓队伍。' },
    // the numbering of one level carried on under the next section
    { name: 'sub-items numbered on across sections', text: '（一）产业强市\n1.攻坚重大项目。\n2.突出数实融合。\n（二）人民城市\n3.完善城市布局。\n4.彰显城市气质。\n（三）民生福祉\n5.优化公共服务。' },
  ],
  invalid: [
    { text: '一、2023年工作总结\n三、2024年工作打算', errors: [{ text: '三', message: '不连续' }], output: '一、2023年工作总结\n二、2024年工作打算' },
    // which （二） is extra is not known, and （三） agrees with the （二） before it: one finding, no renumbering
    { name: 'a repeat inside a run that agrees on both sides: one finding, no fix', text: '（一）凝心聚力\n（二）破难攻坚\n（二）强基固本\n（三）治管并重', errors: [{ text: '二', line: 3, message: '重复' }] },
    // the second （二） agrees with neither neighbour: renumbering it alone makes the run consistent
    { text: '（一）凝心聚力\n（二）破难攻坚\n（二）强基固本\n（四）治管并重', errors: [{ text: '二', line: 3, message: /重复，应为“（三）”/ }], output: '（一）凝心聚力\n（二）破难攻坚\n（三）强基固本\n（四）治管并重' },
    { text: '1.项目招引协同推进。\n2.前湾硅谷加速打造。\n4.国际合作持续深化。', errors: [{ text: '4' }], output: '1.项目招引协同推进。\n2.前湾硅谷加速打造。\n3.国际合作持续深化。' },
    { text: '1.工业经济企稳回升。\n3.有效投资稳步增长。\n2.企业创新持续推进。', errors: 2, output: '1.工业经济企稳回升。\n2.有效投资稳步增长。\n3.企业创新持续推进。' },
    // （二）（三） agree with each other: the run may have lost its first heading; nothing is renumbered
    { text: '（二）项目建设成果丰硕\n（三）改革创新勇战前列', errors: [{ text: '二', message: '第一个' }] },
    { text: '（二）项目建设成果丰硕\n（二）改革创新勇战前列\n（三）生态环境持续改善', errors: [{ text: '二', line: 1, message: '第一个' }], output: '（一）项目建设成果丰硕\n（二）改革创新勇战前列\n（三）生态环境持续改善' },
    // a lone heading agrees with nothing: no certainty either
    { text: '前言。\n（三）加强队伍建设', errors: [{ text: '三', message: '第一个' }] },
    {
      name: 'one real gap in a run of ten: ONE finding at the gap, no renumbering of the headings after it',
      text: ['一', '二', '三', '五', '六', '七', '八', '九', '十', '十一'].map((n) => `（${n}）坚持稳中求进`).join('\n'),
      errors: [{ text: '五', line: 4, message: '缺少“（四）”' }],
    },
    {
      name: 'a repeated last heading is renumbered',
      text: '1.产业发展提质。\n2.城乡融合加速。\n3.民生福祉改善。\n3.安全底线筑牢。',
      errors: [{ text: '3', line: 4, message: '重复' }],
      output: '1.产业发展提质。\n2.城乡融合加速。\n3.民生福祉改善。\n4.安全底线筑牢。',
    },
    // a split marker is named with ⏎ for its line break; heading-sequence touches its numeral only
    { name: 'a split marker in a message', text: '（一）稳增长。\n（\n三）促改革。', errors: [{ text: '三', message: /“（⏎三）”，缺少“（二）”，应为“（二）”/ }], output: '（一）稳增长。\n（\n二）促改革。' },
    { name: 'a typo between two agreeing neighbours', text: '（一）稳增长\n（二）促改革\n（八）调结构\n（四）惠民生', errors: [{ text: '八', message: /不衔接.*应为“（三）”/ }], output: '（一）稳增长\n（二）促改革\n（三）调结构\n（四）惠民生' },
    { text: '（1）狠抓安全生产\n（1）狠抓企业环保', errors: [{ text: '1', line: 2 }], output: '（1）狠抓安全生产\n（2）狠抓企业环保' },
    { text: '1、深入实施精准招商。\n2、强势推进项目建设。\n2、持续巩固产业优势。', errors: [{ text: '2', line: 3 }], output: '1、深入实施精准招商。\n2、强势推进项目建设。\n3、持续巩固产业优势。' },
    { text: '一、过去一年工作回顾\n二、总体要求\n二、主要任务', errors: 1, output: '一、过去一年工作回顾\n二、总体要求\n三、主要任务' },
    { text: '①要素保障\n③人才保障', errors: [{ text: '③' }], output: '①要素保障\n②人才保障' },
    { text: '一、加强民主法制建设\n三、加强政府自身建设', errors: 1, output: '一、加强民主法制建设\n二、加强政府自身建设' },
    { text: '一、统一思想\n二、明确目标\n三、突出重点\n四、强化措施\n五、落实责任\n六、加强领导\n七、营造氛围\n八、严格考核\n九、总结提高\n十一、加强督查', errors: [{ text: '十一', message: '“十、”' }], output: '一、统一思想\n二、明确目标\n三、突出重点\n四、强化措施\n五、落实责任\n六、加强领导\n七、营造氛围\n八、严格考核\n九、总结提高\n十、加强督查' },
    { text: '（一）党建根基日益筑牢\n（十）营商服务不断优化', errors: [{ text: '十' }], output: '（一）党建根基日益筑牢\n（二）营商服务不断优化' },
    // a line cut by a hard wrap is no section title: the restart after it is reported
    {
      name: 'a wrapped line before a restart is no section title',
      text: '（一）产业发展稳中有进。\n（二）城乡建设成效明显，新建道路\n十二公里\n（一）民生保障更加有力。',
      errors: [{ text: '（一）', line: 4, message: '重新从' }],
    },
    // a lead-in ending in ： is no section title either
    {
      name: 'a lead-in ending in ： is no section title',
      text: '1.扩大有效投资。\n2.提振消费需求。\n3.稳定外贸外资。\n重点做好以下工作：\n1.加快产业升级。\n2.深化改革创新。',
      errors: [{ text: '1.', line: 5, message: '重新从' }],
    },
    // numbering carried on only where it agrees: 4. under （二） after 1.–2. under （一）
    { name: 'sub-items that skip across sections', text: '（一）产业强市\n1.攻坚重大项目。\n2.突出数实融合。\n（二）人民城市\n4.完善城市布局。\n5.彰显城市气质。', errors: [{ text: '4', message: '第一个' }] },
    // a digit item is read only where its neighbours agree: 2.5万 after 1. and before nothing is a decimal
    { name: 'a decimal is no item', text: '1.扩大有效投资。\n3.提振消费需求。\n2.5万亩高标准农田建成。', errors: [{ text: '3' }], output: '1.扩大有效投资。\n2.提振消费需求。\n2.5万亩高标准农田建成。' },
    // an inline marker is the missing heading only after a sentence end, with the missing value, of the run's type
    {
      name: 'a marker after a comma is no heading: the gap stays',
      text: '（一）稳住工业基本盘。\n（二）扩大有效投资，（三）类项目优先保障。\n（四）守牢安全底线。',
      errors: [{ text: '四', line: 3, message: '缺少“（三）”' }],
    },
    {
      name: 'an inline marker of another value or type does not fill the gap',
      text: '（一）稳住工业基本盘。\n（二）扩大有效投资。（五）类项目优先保障。3.其他项目按序推进。\n（四）守牢安全底线。',
      errors: [{ text: '四', line: 3, message: '缺少“（三）”' }],
    },
    {
      name: 'two inline candidates: which one is the heading is not known, the gap stays',
      text: '（一）稳住工业基本盘。\n（二）扩大有效投资。（三）项目加快开工。（三）项目及早投产。\n（四）守牢安全底线。',
      errors: [{ text: '四', line: 3, message: '缺少“（三）”' }],
    },
    {
      name: 'an inline marker outside the gap\'s section does not fill it',
      text: '（一）稳住工业基本盘。\n（二）扩大有效投资。\n（三）深化重点改革。\n（五）守牢安全底线。（四）类隐患全部清零。',
      errors: [{ text: '五', line: 4, message: '缺少“（四）”' }],
    },
    {
      name: 'restart inside 二、 (seed 000): a suggestion to demote, never a renumbering',
      text: '一、2023年工作总结\n二、2024年工作打算\n一、挖掘新潜能，在发展质效上更有后劲\n二、激发新动能，在提档升级上更有力度\n三、塑造新优势',
      errors: [{ text: '一、', line: 3, message: '重新从' }],
    },
  ],
});

describe('heading-sequence restart', () => {
  it('offers the demotion as a suggestion covering the whole run, and no fix', () => {
    const text = '一、2023年工作总结\n二、2024年工作打算\n一、挖掘新潜能\n1、加速聚集优质项目\n二、激发新动能\n三、塑造新优势\n四、实现新提升';
    const [f] = lint(text, { rules: [rule] }).findings;
    expect(f.fix).toBeUndefined();
    expect(f.suggestions).toHaveLength(1);
    const s = f.suggestions![0];
    expect(s.title.zh).toContain('（一）…（四）');
    expect(s.edits.map((e) => [text.slice(e.offset, e.endOffset), e.text])).toEqual([
      ['一、', '（一）'],
      ['二、', '（二）'],
      ['三、', '（三）'],
      ['四、', '（四）'],
    ]);
  });
});

describe('heading-sequence restart after a section with its body', () => {
  it('is one finding at the restart, without a suggestion (the heading above may be lost)', () => {
    const text = '（一）产业发展稳中有进。全年新增企业500家。\n（二）城乡建设提质增效。新建道路12公里。\n重点做好以下工作：\n（一）扩大有效投资。\n（二）提振消费需求。\n（三）稳定外贸外资。';
    const fs = lint(text, { rules: [rule] }).findings;
    expect(fs).toHaveLength(1);
    expect(text.slice(fs[0].offset, fs[0].endOffset)).toBe('一');
    expect(text.slice(0, fs[0].offset).split('\n').length).toBe(4);
    expect(fs[0].message.zh).toContain('可能缺少上一级标题');
    expect(fs[0].fix).toBeUndefined();
    expect(fs[0].suggestions).toBeUndefined();
  });
});

describe('heading-sequence fixes, over every short run', () => {
  // every run of 1–5 headings with values 1–5: the fixes never touch a heading that agrees with a neighbour, leave
  // no heading-sequence finding behind, and fixing twice equals fixing once
  const runs: number[][] = [];
  const grow = (r: number[]) => {
    if (r.length) runs.push(r);
    if (r.length < 5) for (let v = 1; v <= 5; v++) grow([...r, v]);
  };
  grow([]);
  it(`holds for all ${runs.length} runs`, () => {
    const cn = ['', '一', '二', '三', '四', '五'];
    let fixed = 0;
    for (const r of runs) {
      const text = r.map((v, i) => `（${cn[v]}）第${i}项工作稳步推进。`).join('\n');
      const before = lint(text, { rules: [rule] }).findings;
      if (!before.some((f) => f.fix)) continue;
      fixed++;
      const once = fixText(text, { rules: [rule] });
      const after = once.output.split('\n').map((l) => ['一', '二', '三', '四', '五'].indexOf(l[1]) + 1);
      const agrees = (i: number) => (i === 0 ? r[0] === 1 : r[i] === r[i - 1] + 1) || (i + 1 < r.length && r[i + 1] === r[i] + 1);
      const changed = new Set<number>();
      r.forEach((v, i) => {
        if (after[i] === v) return;
        changed.add(i);
        expect(agrees(i), `${r} → ${after}: heading ${i} agreed with a neighbour`).toBe(false);
      });
      // nothing left to fix, and nothing reported where a fix was applied (a restart the model reads as a lower
      // level, 1 2 3 4 then 1, is still reported, with its suggestion)
      expect(once.result.findings.filter((f) => f.fix), `${r}`).toEqual([]);
      const lines = once.result.findings.map((f) => once.output.slice(0, f.offset).split('\n').length - 1);
      expect(lines.filter((l) => changed.has(l)), `${r} → ${after}`).toEqual([]);
      expect(fixText(once.output, { rules: [rule] }).output).toBe(once.output);
    }
    expect(fixed).toBeGreaterThan(100);
  });
});
