import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/punctuation-width';
import { fixText, lint } from '../../rules/engine';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '2023年是全面贯彻落实党的二十大精神的开局之年，是深入推进“532”发展战略的决胜之年。',
    '完成2022年度“亩均论英雄”企业绩效评价，其中12家被评为A级；完成技改竣工验收8家。',
    '武进绿建区：打造（近）零碳先行示范园区',
    // numbers keep their marks
    '会议于12:30开始，共有1,234人参加。',
    '三次产业结构演进为3.6 : 48 : 48.4。',
    '全年完成投资624,000万元，同比增长1.5%。',
    '比例尺为1:1000的地形图已完成测绘。',
    // Latin text keeps its marks
    'The Government Work Report (2024) was adopted, with amendments.',
    '园区引进的项目名为“Green Building, Smart City”。',
    '采用LED,PCR等技术。',
    '国内生产总值（Gross Domestic Product, GDP）增长5.2%。',
    'Hello, world! How are you?',
    "这是园区的英文口号：We're ready.",
    // URLs, e-mail, code
    '详见网址https://www.wj.gov.cn/html/a,b;c:d?x=1(2)，欢迎查阅。',
    '联系邮箱：office@wj.gov.cn，欢迎来信。',
    { text: '配置项写作 `a:b,c;d(e)` 即可。', filename: 'case.md' },
    { text: '```\n项目(一),进度:50%!\n```', filename: 'case.md' },
    { text: '详见[政府信息公开](https://www.wj.gov.cn/a(b))栏目。', filename: 'case.md' },
    { text: '**注意**：各单位须按时报送。', filename: 'case.md' },
    // a Markdown paragraph spans lines: the Latin line does not borrow the next line's Chinese
    { text: 'Email: office@wj.gov.cn; Tel: 0519-86310000.\n联系电话：0519-86310000。', filename: 'case.md' },
    // heading ordinals are heading-marker's
    '(一)紧扣“强产业”，园区发展的质量与效益显著提升',
    '(二)擦亮“金招牌”，绿建品牌的内涵与品质显著提升',
    '　　(四)政府自身建设取得新成效',
    '(1)加快标准厂房建设',
    // straight quotes in Latin text, apostrophes
    'He said "yes" to the plan.',
    "China's GDP grew by 5.2% in 2023.",
    // full-width marks already
    '各位代表：现在，我代表国务院，向大会报告政府工作，请予审议！',
    '这是为什么？我们要回答好这个问题。',
    // the brackets of a 发文字号 are document-number's (they become 〔〕, not （）)
    '根据《国务院办公厅关于印发某方案的通知》（国办发(2024)1号）要求。',
    '按照苏政发( 2023 )第12号文件执行。',
    // HTML entity in a plain-text web copy
    '内容概述&nbsp;绿建区2023年工作总结',
    // placeholders are never touched
    '园区新签约项目X个，总投资X亿元。',
    // the lone straight quote is punctuation-pairs', not fixed here
    '切实帮助广大企业解决“规定动作”，解决"燃眉之急，解决痛点难点问题。',
  ],
  invalid: [
    {
      text: '2023年是全面贯彻落实党的二十大精神的开局之年,是深入推进“532”发展战略的决胜之年。',
      errors: [{ text: ',', message: '全角逗号' }],
      output: '2023年是全面贯彻落实党的二十大精神的开局之年，是深入推进“532”发展战略的决胜之年。',
    },
    {
      text: '地区生产总值完成303.6亿元,同比增长7.2%;一般公共财政预算收入完成17亿元。',
      errors: [{ text: ',' }, { text: ';', message: '分号' }],
      output: '地区生产总值完成303.6亿元，同比增长7.2%；一般公共财政预算收入完成17亿元。',
    },
    {
      text: '今年政府工作的总体要求是:深入贯彻落实党的十八大精神。',
      errors: [{ text: ':', message: '冒号' }],
      output: '今年政府工作的总体要求是：深入贯彻落实党的十八大精神。',
    },
    { text: '为建设幸福海拉尔助力添彩!', errors: [{ text: '!', message: '叹号' }], output: '为建设幸福海拉尔助力添彩！' },
    { text: '撸起袖子,甩开膀子,加油干!', errors: 3, output: '撸起袖子，甩开膀子，加油干！' },
    { text: '发展为了谁?发展依靠谁?', errors: [{ text: '?', message: '问号' }, { text: '?' }], output: '发展为了谁？发展依靠谁？' },
    { text: '这难道不是我们的目标?', errors: 1, output: '这难道不是我们的目标？' },
    {
      text: '武进绿建区：打造(近)零碳先行示范园区',
      errors: [{ text: '(', message: '括号' }, { text: ')' }],
      output: '武进绿建区：打造（近）零碳先行示范园区',
    },
    {
      text: '在“双碳”议题下，推动(近)零碳产业园建设尤为重要与迫切。',
      errors: 2,
      output: '在“双碳”议题下，推动（近）零碳产业园建设尤为重要与迫切。',
    },
    { text: '国内生产总值(GDP)增长5.2%。', errors: 2, output: '国内生产总值（GDP）增长5.2%。' },
    { text: '明年计划新建或改造保障性租赁住房2000套(间)。', errors: 2, output: '明年计划新建或改造保障性租赁住房2000套（间）。' },
    {
      text: '提请审议《国民经济和社会发展第十二个五年规划纲要(草案)》。',
      errors: 2,
      output: '提请审议《国民经济和社会发展第十二个五年规划纲要（草案）》。',
    },
    // web-page junk: a Chinese label's colon is Chinese text
    { text: '信息名称: 绿建区2023年工作总结及2024年工作思路', errors: [{ text: ':' }], output: '信息名称： 绿建区2023年工作总结及2024年工作思路' },
    { text: '邮编:213159', errors: 1, output: '邮编：213159' },
    { text: '数据来源：统计局(2023)', errors: 2, output: '数据来源：统计局（2023）' },
    { text: '全年完成投资(2024)年度计划的95%。', errors: 2, output: '全年完成投资（2024）年度计划的95%。' },
    {
      text: '主办单位:常州市武进区人民政府办公室     地址:江苏省常州市武进区行政中心',
      errors: 2,
      output: '主办单位：常州市武进区人民政府办公室     地址：江苏省常州市武进区行政中心',
    },
    // a Latin-style space after the mark goes with it
    {
      text: '加强财政、审计、监察等内部监督, 全面规范“三重一大”议事规则。',
      errors: [{ text: ', ' }],
      output: '加强财政、审计、监察等内部监督，全面规范“三重一大”议事规则。',
    },
    // straight quotes: one finding per quote, each fixing itself
    {
      text: '完成2022年度"亩均论英雄"企业绩效评价。',
      errors: [{ text: '"', message: '“' }, { text: '"', message: '”' }],
      output: '完成2022年度“亩均论英雄”企业绩效评价。',
    },
    {
      text: '开展"一扫七治""拆违治乱"等专项行动。',
      errors: 4,
      output: '开展“一扫七治”“拆违治乱”等专项行动。',
    },
    {
      text: '严格按照"外防输入、内防反弹"的防控策略,落实落细"源头查控+硬核隔离+精密智控"机制。',
      errors: 5,
      output: '严格按照“外防输入、内防反弹”的防控策略，落实落细“源头查控+硬核隔离+精密智控”机制。',
    },
    {
      text: '做好新时代促进\'两个健康\'创新探索工作。',
      errors: 2,
      output: '做好新时代促进‘两个健康’创新探索工作。',
    },
    {
      text: '他说:"这样的形式让大家更有信心。"前不久召开了座谈会。',
      errors: 3,
      output: '他说：“这样的形式让大家更有信心。”前不久召开了座谈会。',
    },
    // a quotation of several sentences
    {
      text: '"考试合格,就能拿到证书。相当于有了从业资格。"她说。',
      errors: 3,
      output: '“考试合格，就能拿到证书。相当于有了从业资格。”她说。',
    },
    // seed 001 line 73: the paired quotes are converted, the lone one is left alone
    {
      text: '加快落实国家、省市"规定动作",切实帮助广大企业解决"燃眉之急,解决痛点难点问题。',
      errors: 4,
      output: '加快落实国家、省市“规定动作”，切实帮助广大企业解决"燃眉之急，解决痛点难点问题。',
    },
    // placeholders stay, what stands next to them is still fixed
    { text: '园区实现规上工业总产值X亿元,同比增长X%;完成财政总收入X亿元。', errors: 2, output: '园区实现规上工业总产值X亿元，同比增长X%；完成财政总收入X亿元。' },
    { text: '国际创新平台全面推进。X(X)创新中心加快建设。', errors: 2, output: '国际创新平台全面推进。X（X）创新中心加快建设。' },
    { text: '同比增长X%,X家企业完成技改。', errors: 1, output: '同比增长X%，X家企业完成技改。' },
    // a Chinese sentence with Latin inside
    { text: '采用PCR(聚合酶链式反应)技术开展检测。', errors: 2, output: '采用PCR（聚合酶链式反应）技术开展检测。' },
    { text: '全面推进5G,工业互联网等新型基础设施建设。', errors: 1, output: '全面推进5G，工业互联网等新型基础设施建设。' },
    // in-text enumerators are not headings
    { text: '主要做法包括:(1)强化组织领导;(2)完善工作机制。', errors: 6, output: '主要做法包括：（1）强化组织领导；（2）完善工作机制。' },
    // Markdown: prose between syntax is still Chinese text
    { text: '## 工作回顾\n\n**一年来**,园区发展稳中有进!', filename: 'case.md', errors: 2, output: '## 工作回顾\n\n**一年来**，园区发展稳中有进！' },
    { text: '- 第一项:完成招商引资任务\n- 第二项:推进项目建设', filename: 'case.md', errors: 2, output: '- 第一项：完成招商引资任务\n- 第二项：推进项目建设' },
    // a stray ? that is not a question mark: reported, no automatic fix
    { text: '国务院总理?李克强', errors: [{ text: '?', message: '不像句末问号' }] },
    { text: '各位代表：?\n现在，我代表国务院，向大会报告政府工作。', errors: [{ text: '?', line: 1 }] },
    // ordinals at a heading are skipped, the rest of the heading line is not
    {
      text: '(一)凝心聚力,招商引资后劲十足',
      errors: [{ text: ',' }],
      output: '(一)凝心聚力，招商引资后劲十足',
    },
  ],
});

describe('punctuation-width details', () => {
  it('offers the stray ? two suggestions and no fix', () => {
    const r = lint('国务院总理?李克强', { rules: [rule] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].fix).toBeUndefined();
    expect(r.findings[0].suggestions?.map((s) => s.edits[0].text)).toEqual(['？', '']);
  });

  it('writes bilingual messages', () => {
    const r = lint('增长5%,其中', { rules: [rule] });
    expect(r.findings[0].message.en).toMatch(/full-width comma/);
  });

  it('stays fast on adversarial input (100 KB each)', () => {
    const N = 100_000;
    for (const text of ['('.repeat(N), '"'.repeat(N), "中'".repeat(N / 2), '中?'.repeat(N / 2), '中,'.repeat(N / 2), '('.repeat(N / 2) + ')'.repeat(N / 2)]) {
      const t0 = performance.now();
      const r = lint(text, { rules: [rule] });
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(r.internalErrors).toEqual([]);
    }
  });

  it('fix-all converges on a long document (findings are capped per pass)', () => {
    const text = '园区发展稳中有进,'.repeat(6000);
    const out = fixText(text, { rules: [rule] });
    expect(out.output).not.toContain(',');
    expect(out.output).toBe('园区发展稳中有进，'.repeat(6000));
  });
});
