import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/punctuation-pairs';
import { lint } from '../../rules/engine';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '全面落实“四个走在前”“四个新”重大任务。',
    '“这样的形式为我们民营企业点亮心灯，让大家更有信心、有干劲！”前不久，协商座谈会在区政协召开。',
    '以“凝聚政企力量，做好新时代促进‘两个健康’创新探索工作”为主题。',
    '推动江苏（武进）技能人才服务产业园提档升级。',
    '共同发布《“两湖”创新区核心区建筑领域绿色发展联动工作机制》。',
    '【来源】常州日报',
    '提请审议《国民经济和社会发展第十二个五年规划纲要（草案）》。',
    '国内生产总值（Gross Domestic Product, GDP）增长5.2%。',
    // a quotation over several sentences
    '“考试合格，就能拿到证书。相当于有了从业资格。”她说。',
    // a paragraph wrapped mid-sentence by a web copy (seed 002 lines 9→11)
    '“本次座谈会是我们‘问诊’营商环境的一次建言探索，也是\n\n提振企业信心的一次智力荟萃。”区政协主席介绍。',
    '作为全球首个碳管理体系研究院，被授牌为“国家双碳教育宣讲基地”。“未来我们将继续开\n\n发‘双碳’定制化课程，为企业提供支持。”研究院负责人告诉记者。',
    // straight quotes that pair within their sentence
    '完成2022年度"亩均论英雄"企业绩效评价。',
    '他说:"这样的形式让大家更有信心。"前不久召开了座谈会。',
    '开展"一扫七治""拆违治乱"等专项行动。',
    '"考试合格，就能拿到证书。相当于有了从业资格。"她说。',
    // half-width brackets (their width is punctuation-width's business)
    '武进绿建区：打造(近)零碳先行示范园区',
    '推动(近）零碳产业园建设。',
    // heading ordinals and list markers
    '(一)紧扣“强产业”，园区发展的质量与效益显著提升',
    '（二）擦亮“金招牌”，绿建品牌的内涵与品质显著提升',
    '1）加强组织领导',
    '主要做法：a) 强化领导；b) 完善机制。',
    // apostrophes and Latin text
    'China’s GDP grew by 5.2% in 2023.',
    'Since the 1990’s the park has grown.',
    // a quotation of several paragraphs: each opens with “, only the last one closes (GB/T 15834 4.8)
    '报告指出：“一年来，我们坚持稳中求进。\n“一年来，我们着力保障民生。\n“一年来，我们加强政府自身建设。”',
    'The plan (2021-2025 was drafted in a hurry.',
    "He said 'yes' to it.",
    // code, URLs
    { text: '示例代码：`print("（")`，输出一个括号。', filename: 'case.md' },
    { text: '```\n“未闭合的引号\n```', filename: 'case.md' },
    '详见https://www.wj.gov.cn/a(b，欢迎查阅。',
    // placeholders
    '园区新签约项目X个，总投资X亿元（含X个外资项目）。',
    '2023年全年实现地区生产总值（GDP）1481.3亿元，增长（同比）16.9%。',
    '〔2024〕1号文件《关于推进“两湖”创新区建设的意见》已印发。',
    '“十四五”规划（2021—2025年）实施过半。',
    '主要是：经济总量不够大；结构不够优（主导产业单一）。',
  ],
  invalid: [
    {
      text: '加快落实国家、省市"规定动作",切实帮助广大企业解决"燃眉之急,解决痛点难点问题。',
      errors: [{ text: '"', message: '找不到与之配对' }],
    },
    { text: '切实帮助广大企业解决“燃眉之急，解决痛点难点问题。', errors: [{ text: '“', message: '”' }] },
    { text: '深入实施“法援惠民生“优质公共法律进基层”等系列活动。', errors: [{ text: '“' }] },
    { text: '打造绿色建筑产业发展的新路子”正在这里加速实现。', errors: [{ text: '”', message: '前面缺少' }] },
    { text: '出台了《加强工业园区非公党建工作十二条，全面推进非公企业党建。', errors: [{ text: '《', message: '》' }] },
    { text: '出台了加强工业园区非公党建工作十二条》，全面推进非公企业党建。', errors: [{ text: '》' }] },
    { text: '推动江苏（武进技能人才服务产业园提档升级。', errors: [{ text: '（', message: '）' }] },
    { text: '推动江苏武进）技能人才服务产业园提档升级。', errors: [{ text: '）' }] },
    { text: '【来源常州日报', errors: [{ text: '【' }] },
    { text: '来源】常州日报', errors: [{ text: '】' }] },
    { text: '推动(近零碳产业园建设尤为重要与迫切。', errors: [{ text: '(' }] },
    { text: '推动近)零碳产业园建设尤为重要与迫切。', errors: [{ text: ')' }] },
    // crossing
    { text: '明确（“一园一城）”的发展定位。', errors: [{ text: '）', message: '交叉' }] },
    { text: '发布《“两湖”创新区核心区建筑领域“绿色发展》”联动工作机制。', errors: [{ text: '》', message: '交叉' }] },
    // the pair does not continue past a paragraph that ends a sentence
    { text: '“本次座谈会是我们的一次建言探索。\n\n提振企业信心的一次智力荟萃。”区政协主席介绍。', errors: [{ text: '“', line: 1 }, { text: '”', line: 3 }] },
    // a heading starts a new run
    { text: '（一）紧扣“强产业\n1.深入实施精准招商”。', errors: 2 },
    // lone straight quotes
    { text: '积极开展"清新园区建设。', errors: [{ text: '"' }] },
    { text: '积极开展清新园区"建设。', errors: 1 },
    // not a multi-sentence quotation: the second quote does not follow a sentence end
    { text: '积极开展"清新园区建设。持续推进"一网通办改革。', errors: 2 },
    { text: '深化"放管服"改革,推进"一网通办。', errors: [{ text: '"', message: '直双引号' }] },
    { text: "做好新时代促进'两个健康创新探索工作。", errors: [{ text: "'" }] },
    // several unmatched marks, each reported
    { text: '“一个突破、三个站前列，即力争主营业务收入突破；《实施办法', errors: 2 },
    { text: '）））', errors: 3 },
    { text: '（（（', errors: 3 },
    { text: '“““', errors: 3 },
    // the next paragraph does not open a quotation: the first one is unclosed
    { text: '报告指出：“一年来，我们坚持稳中求进。\n一年来，我们着力保障民生。', errors: [{ text: '“', line: 1 }] },
    { text: '”‘', errors: 2 },
    { text: '打造“绿建篇章’。', errors: 2 },
    { text: '以习近平新时代中国特色社会主义思想为指导（深入学习宣传贯彻党的十九大精神。', errors: 1 },
    { text: '“两学一做”学习教育常态化制度化、“两个覆盖、“党建+”、党员发展。', errors: [{ text: '“', message: '”' }] },
    { text: '- 推进“一次办好\n- 推进“最多跑一次”', filename: 'case.md', errors: 1 },
    { text: '**重点**：“放管服改革。', filename: 'case.md', errors: 1 },
    { text: '建成“畅安舒美”通行环境，更好满足群众出行需求）。', errors: 1 },
    { text: '打造(近)零碳示范园区，推动“双碳”步伐走深走实（。', errors: 1 },
  ],
});

describe('punctuation-pairs details', () => {
  it('offers no fix (only the writer knows which half is missing)', () => {
    const r = lint('切实帮助广大企业解决“燃眉之急，解决痛点难点问题。', { rules: [rule] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].fix).toBeUndefined();
    expect(r.findings[0].severity).toBe('error');
  });

  it('stays fast on adversarial input (100 KB each)', () => {
    const N = 100_000;
    const inputs = ['（'.repeat(N), '“'.repeat(N), '"'.repeat(N), '）'.repeat(N), '（“'.repeat(N / 4) + '）”'.repeat(N / 4), '“'.repeat(N / 3) + '（'.repeat(N / 3) + '”'.repeat(N / 3), '('.repeat(N / 2) + ')'.repeat(N / 2)];
    for (const text of inputs) {
      const t0 = performance.now();
      const r = lint(text, { rules: [rule] });
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(r.internalErrors).toEqual([]);
    }
  });
});
