import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/cjk-spacing';
import { lint } from '../../rules/engine';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '地区生产总值达到287.9亿元，同比增长8.9%。',
    '2024年是新中国成立75周年。',
    '建成5G工厂12家，PM2.5平均浓度31.6微克/立方米。',
    '全区534家新能源企业预计全年完成产值超2200亿元。',
    // letter-spaced titles
    '政 府 工 作 报 告',
    '2 0 1 8 年 政 府 工 作 报 告',
    // web-page junk: columns and info bars
    '产生日期: 2024-01-31 发布日期: 2024-01-31 废止日期:有效',
    '主题分类: 其他 体裁分类: 其他 组配分类: 其他',
    'admin 分享 时间: 加入收藏 共计6162个字,预计阅读时长21分钟',
    'CopyRight WuJin All Right Reserved     主办单位:常州市武进区人民政府办公室',
    '苏ICP备10217280号     苏公网安备32041202000001号     网站标识码:3204120012',
    '索 引 号: 014134384/2024-00008',
    // newspaper column titles and bylines
    '数说 2023—— 中国式现代化武进新实践成效初显',
    '□ 记者 朱梦琪',
    '本报讯 (记者 吴梦婷) 前不久，一场协商座谈会在区政协召开。',
    // spaces inside Latin text
    '园区品牌为“Green Building Smart City”。',
    'The report was adopted on 5 March 2024.',
    'CopyRight WuJin All Right Reserved',
    // full-width indentation
    '　　各位代表，刚刚过去的2015年，我区紧抓发展不放松。',
    '　　（四）政府自身建设取得新成效',
    // number and unit symbol (GB 3101 spacing, not enforced the other way either)
    '建成220 kV变电站1座。',
    // Markdown syntax is not prose
    { text: '同比增长 **5%**，居全市首位。', filename: 'case.md' },
    { text: '运行 `npm test` 命令即可。', filename: 'case.md' },
    { text: '```\n增长 5%\n```', filename: 'case.md' },
    // a space next to a Chinese punctuation mark is not Chinese↔digit
    '截至目前， 2024年计划已全部下达。',
    '规上工业增加值增长10%（按可比价计算）。',
    // a percent sign glued to its number; a space after it before Latin is not Chinese spacing
    '优良天数比例为87.5%，较上年提高2.1个百分点。',
    // two or more spaces lay out columns
    '打印      下载本信息公开文件',
    '地区生产总值  287.9亿元',
    // a title line that separates words
    '政府工作报告 2018',
    '绿建区工作总结 WORLD',
    // tabs separate table cells
    '项目\t2023\t2024',
    '中央财政安排补助资金４０亿元，增长１２．５％。',
    // a report that lost its line breaks: the blank after an inline section title stands for the paragraph break
    '各位代表：现在我代表市人民政府报告工作，请予审议。 一、2023年工作回顾 2023年是全面贯彻党的二十大精神的开局之年。全市生产总值增长6%。 二、2024年工作安排 2024年是实现“十四五”规划目标任务的关键一年。',
    '请各位委员提出意见。一、过去一年工作回顾 过去一年极不平凡。二、2024年政府工作安排 2024年政府工作的总体要求是稳中求进。三、全面加强政府自身建设 新形势对政府提出新要求。',
  ],
  invalid: [
    { text: '地区生产总值达到 287.9亿元，同比增长8.9%。', errors: [{ text: ' ', message: '汉字与数字' }], output: '地区生产总值达到287.9亿元，同比增长8.9%。' },
    { text: '规上工业总产值同比增长 16.9%。', errors: 1, output: '规上工业总产值同比增长16.9%。' },
    { text: '2024 年是新中国成立75周年。', errors: [{ message: '数字与单位' }], output: '2024年是新中国成立75周年。' },
    { text: '争取上级资金1.2 亿元，为经济社会事业发展提供了有力保障。', errors: 1, output: '争取上级资金1.2亿元，为经济社会事业发展提供了有力保障。' },
    { text: '全年建成 5G 工厂12家。', errors: [{ message: '汉字与数字' }, { message: '西文与汉字' }], output: '全年建成5G工厂12家。' },
    { text: '新建文化活动室17所、卫生室 8所；铺设自来水管道85公里。', errors: 1, output: '新建文化活动室17所、卫生室8所；铺设自来水管道85公里。' },
    { text: '共颁发“多证合一”营业执照 1239户，全区行政许可事项缩减到130项。', errors: 1, output: '共颁发“多证合一”营业执照1239户，全区行政许可事项缩减到130项。' },
    { text: '城镇新增就业 2.6 万人，创业带动就业1.6万人。', errors: 2, output: '城镇新增就业2.6万人，创业带动就业1.6万人。' },
    { text: '增长 5% 的目标已经完成。', errors: 2, output: '增长5%的目标已经完成。' },
    { text: '到国内知名高校参加 MBA 等进修培训。', errors: 2, output: '到国内知名高校参加MBA等进修培训。' },
    { text: '完善园区政策解读 QQ 群、微信群等。', errors: 2, output: '完善园区政策解读QQ群、微信群等。' },
    { text: '国省考断面优Ⅲ类占比达 84.2%，PM2.5 平均浓度31.6微克/立方米。', errors: 2, output: '国省考断面优Ⅲ类占比达84.2%，PM2.5平均浓度31.6微克/立方米。' },
    { text: '累计投资 10 亿元。', errors: 2, output: '累计投资10亿元。' },
    { text: '主要负责同志参加了第 3 次座谈会。', errors: 2, output: '主要负责同志参加了第3次座谈会。' },
    { text: '推进 LED 车灯研发生产项目。', errors: 2, output: '推进LED车灯研发生产项目。' },
    { text: '采用 NK 细胞治疗技术，开展 PCR 检测。', errors: 4, output: '采用NK细胞治疗技术，开展PCR检测。' },
    { text: '打造 B2B 平台，建设 LNG 供气站。', errors: 4, output: '打造B2B平台，建设LNG供气站。' },
    { text: '一、2023 年工作总结', errors: 1, output: '一、2023年工作总结' },
    { text: '（一）推进 5G 建设', errors: 2, output: '（一）推进5G建设' },
    { text: '2024 年政府工作报告', errors: 1, output: '2024年政府工作报告' },
    { text: '中国共产党成立 101 周年。', errors: 2, output: '中国共产党成立101周年。' },
    { text: '1-9 月，园区新签约项目12个。', errors: 1, output: '1-9月，园区新签约项目12个。' },
    { text: '实现 X 市外实到内资X亿元。', errors: 2, output: '实现X市外实到内资X亿元。' },
    { text: '同比增长 X%，增速居全市第一。', errors: 1, output: '同比增长X%，增速居全市第一。' },
    { text: '园区无一例感染或疑似病例，截至 12 月底共开展核酸检测。', errors: 2, output: '园区无一例感染或疑似病例，截至12月底共开展核酸检测。' },
    { text: '中欧（常州）绿色创新园入选第 2 批省级国际合作园区。', errors: 2, output: '中欧（常州）绿色创新园入选第2批省级国际合作园区。' },
    { text: '地区生产总值增长\u00a06%。', errors: 1, output: '地区生产总值增长6%。' },
    { text: '## 2024 年工作打算\n\n推进 5G 建设。', filename: 'case.md', errors: 3, output: '## 2024年工作打算\n\n推进5G建设。' },
    { text: '- 增长 5%\n- 新增 12 家', filename: 'case.md', errors: 3, output: '- 增长5%\n- 新增12家' },
    { text: '使用 Python 语言开发园区智慧平台。', errors: 2, output: '使用Python语言开发园区智慧平台。' },
    { text: '完成 2023 年度目标任务。', errors: 2, output: '完成2023年度目标任务。' },
    // a space before the percent sign, as before a unit word
    { text: '研发投入强度达到27.77 %，居全省前列。', errors: [{ text: ' ', message: '数字与百分号' }], output: '研发投入强度达到27.77%，居全省前列。' },
    { text: '一般公共预算收入增长 6.5 ％。', errors: 2, output: '一般公共预算收入增长6.5％。' },
    { text: '人口自然增长率为3.2 ‰。', errors: 1, output: '人口自然增长率为3.2‰。' },
    // full-width digits are digits: spaced the same way, reported the same way
    { text: '中央财政安排补助资金４０ 亿元。', errors: [{ text: ' ', message: '数字与单位' }], output: '中央财政安排补助资金４０亿元。' },
    { text: '下达转移支付资金 ５６８亿元，增长９．２％。', errors: [{ text: ' ', message: '汉字与数字' }], output: '下达转移支付资金５６８亿元，增长９．２％。' },
    { text: '城镇化率提高１．５ ％。', errors: [{ message: '数字与百分号' }], output: '城镇化率提高１．５％。' },
    // in such a report the body's own spacing is still reported
    {
      name: 'flattened report: 2023 年 in the body',
      text: '现在我代表市人民政府报告工作。 一、2023年工作回顾 2023 年是开局之年。全市生产总值增长6%。 二、2024年工作安排 2024年是关键一年。',
      errors: [{ text: ' ', message: '数字与单位' }],
      output: '现在我代表市人民政府报告工作。 一、2023年工作回顾 2023年是开局之年。全市生产总值增长6%。 二、2024年工作安排 2024年是关键一年。',
    },
    // a marker after a sentence end that makes no run (no 二、 after it) is no heading: its blank is reported
    { name: 'a lone inline marker is no title', text: '会议听取了有关汇报。一、加强基础设施建设 5G基站实现全覆盖。', errors: [{ message: '汉字与数字' }], output: '会议听取了有关汇报。一、加强基础设施建设5G基站实现全覆盖。' },
    // a title that holds a comma runs on: no title ends at the blank
    {
      name: 'an inline title with a comma is no short title',
      text: '报告如下。一、稳增长，促发展 2024年目标全面完成。二、惠民生 各项实事全部办结。',
      errors: [{ message: '汉字与数字' }],
      output: '报告如下。一、稳增长，促发展2024年目标全面完成。二、惠民生 各项实事全部办结。',
    },
  ],
});

describe('cjk-spacing details', () => {
  it('is a warning by default and is turned off with severity "off"', () => {
    const text = '地区生产总值达到 287.9亿元。';
    expect(lint(text, { rules: [rule] }).findings[0].severity).toBe('warning');
    const off = lint(text, { rules: [rule], config: { rules: { 'cjk-spacing': { severity: 'off' } }, settings: {} } });
    expect(off.findings).toHaveLength(0);
  });

  it('a document stopped at the finding cap leaves nothing behind for the next one', () => {
    // one block holding more findings than the cap, then an ordinary document: it must still get its finding
    const capped = lint('地区生产总值达到 287.9亿元，'.repeat(5_100) + '。', { rules: [rule] });
    expect(capped.findings.length).toBeGreaterThanOrEqual(5000);
    for (const text of ['地区生产总值达到 287.9亿元。', '建成 5G工厂12家。']) expect(lint(text, { rules: [rule] }).findings).toHaveLength(1);
  });

  it('stays fast on adversarial input (100 KB)', () => {
    for (const text of ['中 1'.repeat(33_000), ' '.repeat(100_000), '中 '.repeat(50_000) + '1']) {
      const t0 = performance.now();
      const r = lint(text, { rules: [rule] });
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(r.internalErrors).toEqual([]);
    }
  });
});
