import rule from '../../rules/rules/year-consistency';
import { testRule } from '../helpers/rule-tester';

const T = '绿建区2023年工作总结及2024年工作思路\n';
const S = `${T}一、2023年工作总结\n`;
const P = `${T}一、2023年工作总结\n园区运行平稳。\n二、2024年工作思路\n`;
const G = '2018年政府工作报告\n一、2017年工作回顾\n';
const CITY = '各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n一、2023年工作回顾\n';
const GP = '2018年政府工作报告\n一、2017年工作回顾\n过去一年成绩显著。\n二、2018年工作安排\n';

testRule(rule, {
  valid: [
    // issue 12: a speech-form city report without title or dateline, its sections on lines of their own
    `各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n2023年工作回顾\n2023年，全市经济回升向好。\n2024年工作安排\n2024年是新中国成立75周年。`,
    // a review recalls earlier years: only last year's year opening a sentence is suspect there
    `${CITY}2015年，全市经济总量突破千亿元。八年来，我们接续奋斗。\n二、2024年工作安排\n今年的主要预期目标是：地区生产总值增长6%。`,
    // a tasks section that opens a sentence on its own year
    `${CITY}过去一年成绩来之不易。\n二、2024年重点工作\n2024年是实施“十四五”规划的关键一年。`,
    // title, dateline and sections agree
    '2024年政府工作报告\n——2024年1月15日在市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n二、2024年主要任务\n',
    // a compound review heading: its year is the review year, its text reviews five years
    '2021年政府工作报告\n一、2020年和“十三五”时期工作回顾\n2016年，全市生产总值突破五百亿元。\n二、2021年重点工作\n',
    // a growth written as a percentage that only looks like a year is not one of the report's years
    `${CITY}全年新增市场主体同比增长20.23%。\n二、2024年工作安排\n`,
    S + '2023年，园区实现营业收入50亿元，较2022年增长12%。',
    S + '2023年是全面贯彻落实党的二十大精神的开局之年。',
    S + '园区营业收入比2022年增长8.5%。',
    S + '2022年以来，园区累计引进项目36个。',
    S + '全年实现税收3.2亿元，同比增长6%。',
    S + '园区编制完成2022年度财务报告。',
    S + '绿建区双碳数字孪生园区案例入选2023年典型案例。',
    S + '2021—2023年，园区累计完成投资120亿元。',
    S + '与2022年相比，园区用地效率明显提升。',
    S + '截至2022年底，园区已建成标准厂房30万平方米。',
    S + '2004年我们提出用三年时间基本解决拖欠工程款问题，这项工作基本完成。',
    S + '（一）推进2022年以来的重点项目\n项目进展顺利。',
    S + '2023年上半年，园区新签约项目12个。',
    P + '2024年，园区将聚焦主导产业。',
    P + '2024年计划招引重大项目5个，其中总投资超10亿元项目2个。',
    P + '到2030年，园区绿色建筑占比达到100%。',
    P + '力争2025年完成整体建设。',
    P + '2024年是新中国成立75周年。',
    GP + '2018年，全区地区生产总值预期增长6.5%。',
    G + '2017年，全区经济运行稳中向好。',
    '2018政府工作报告\n一、过去五年工作回顾\n2013年，我们着力稳增长。2014年，我们推进改革。2015年，经济运行保持在合理区间。',
    '2016年政府工作报告\n一、“十二五”时期和2015年工作回顾\n2011年，全区生产总值突破百亿元。',
    '政 府 工 作 报 告\n——2012年3月5日在第十届人民代表大会第一次会议上\n一、过去一年工作回顾\n2011年，全区经济平稳较快发展。\n二、2012年工作安排\n2012年，全区生产总值增长12%。',
    '开发区2023年上半年工作总结及下半年工作打算\n一、上半年工作总结\n2023年上半年，园区实现营业收入20亿元。\n二、下半年工作打算\n2023年下半年，园区将加快项目建设。',
    '区发改局2024年第一季度工作总结\n一、一季度工作完成情况\n2024年一季度，全区固定资产投资增长8%。',
    // news pages and documents without a year: nothing to compare with
    '园区经济持续向好\n2022年，园区实现营业收入50亿元。',
    '一、工作总结\n2022年，园区实现营业收入50亿元。',
    { text: '园区工作总结\n一、2024年工作总结\n2024年，园区实现营业收入50亿元。', year: 2024, name: 'a configured year gives an undated report its year' },
    T + '一、2023年工作总结\n二、2024年工作思路\n',
    '生态园区2022年工作总结和2023年工作思路\n一、2022年工作总结\n二、2023年工作思路\n',
    S + '（三）项目计划有序推进\n2023年，园区新开工项目8个。',
    '2010年政府工作报告\n一、2009年工作回顾\n取得成绩。\n注释：\n1、学前教育三年行动计划：2003年，国务院下发意见。',
  ],
  invalid: [
    // issue 12: the odd one out is the title, not the dateline and the sections that agree with each other
    {
      text: '2025年政府工作报告\n——2024年1月15日在市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n二、2024年主要任务\n',
      errors: [{ text: '2025', severity: 'error', message: /标题年份/ }],
    },
    {
      text: '2024年政府工作报告\n——2025年1月15日在市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n二、2024年主要任务\n',
      errors: [{ text: '2025', message: /落款日期/ }],
    },
    // sections of a city report without title: the review one year off against the tasks and the text
    {
      text: `各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n一、2022年工作回顾\n2023年，全市经济回升向好。\n二、2024年工作安排\n今年是新中国成立75周年。`,
      errors: [{ text: '2022', severity: 'error' }],
    },
    { text: `${CITY}过去一年成绩来之不易。\n二、2025年重点工作任务\n今年是新中国成立75周年。`, errors: [{ text: '2025' }] },
    // a tasks section that opens on last year's year: last year's text
    { text: `${CITY}过去一年成绩来之不易。\n二、2024年工作安排\n2023年是“十四五”规划承上启下的关键一年。`, errors: [{ text: '2023', severity: 'warning' }] },
    // a year written where the percentage belongs
    { text: `${CITY}全年新增市场主体同比增长2023%。\n二、2024年工作安排\n`, errors: [{ text: '2023', severity: 'warning', message: /百分数/ }] },
    { text: `${T}一、2022年工作总结\n`, errors: [{ text: '2022', severity: 'error', message: /2023/ }], output: `${T}一、2023年工作总结\n` },
    { text: `${T}一、2023年工作总结\n二、2023年工作思路\n`, errors: [{ text: '2023', line: 3, severity: 'error' }], output: `${T}一、2023年工作总结\n二、2024年工作思路\n` },
    { text: `${T}一、2022年工作总结\n二、2023年工作思路\n`, errors: 2, output: `${T}一、2023年工作总结\n二、2024年工作思路\n` },
    { text: '2018年政府工作报告\n一、2016年工作回顾\n', errors: [{ text: '2016', message: '2017' }], output: '2018年政府工作报告\n一、2017年工作回顾\n' },
    { text: '2018年政府工作报告\n一、2017年工作回顾\n二、2017年工作安排\n', errors: [{ text: '2017', line: 3 }], output: '2018年政府工作报告\n一、2017年工作回顾\n二、2018年工作安排\n' },
    { text: '2010年政府工作报告\n一、２００８年工作回顾\n', errors: 1, output: '2010年政府工作报告\n一、２００９年工作回顾\n' },
    { text: '2018年政府工作报告\n三、对2017年政府工作的建议\n', errors: [{ text: '2017' }], output: '2018年政府工作报告\n三、对2018年政府工作的建议\n' },
    { text: '政 府 工 作 报 告\n——2012年3月5日在第十届人民代表大会第一次会议上\n一、2010年工作回顾\n', errors: [{ text: '2010', message: '2011' }] },
    { text: '园区2023年工作总结\n一、2022年主要工作完成情况\n', errors: [{ text: '2022' }], output: '园区2023年工作总结\n一、2023年主要工作完成情况\n' },
    { text: '园区2024年工作要点\n一、2022年工作回顾\n', errors: [{ text: '2022', message: '2023' }] },
    { text: '绿建区2023年工作总结及2025年工作思路\n', errors: [{ text: '2025', severity: 'warning', message: /下一年/ }] },
    { text: '绿建区2023年工作总结及2023年工作思路\n', errors: [{ text: '2023', severity: 'warning' }] },
    { text: '开发区2023年上半年工作总结及2025年工作打算\n', errors: [{ text: '2025', severity: 'warning' }] },
    { text: `${T}一、2023年工作总结\n二、2024年工作打算\n`, errors: [{ text: '打算', severity: 'info', message: /思路/ }] },
    { text: '园区2022年工作总结和2023年工作计划\n一、2022年工作总结\n二、2023年工作要点\n', errors: [{ text: '要点', severity: 'info' }] },
    { text: S + '2022年，园区实现营业收入50亿元。', errors: [{ text: '2022', severity: 'warning', message: /往年/ }] },
    { text: S + '2022年是全面贯彻落实党的二十大精神的开局之年。', errors: [{ text: '2022', severity: 'warning' }] },
    { text: S + '2022年上半年，园区新签约项目12个。', errors: [{ text: '2022' }] },
    { text: S + '2022年1—9月，园区实现规上工业产值45亿元。', errors: [{ text: '2022' }] },
    { text: S + '一是2022年，园区完成固定资产投资30亿元。', errors: [{ text: '2022' }] },
    { text: S + '2022年园区实现营业收入50亿元。', errors: [{ text: '2022' }] },
    { text: S + '“两湖”创新区核心区2022年新建绿色建筑总面积约50万平方米。', errors: [{ text: '2022' }] },
    { text: S + '（一）紧扣“强产业”，园区发展质效显著提升。2022年，园区新增规上企业6家。', errors: [{ text: '2022' }] },
    { text: P + '2023年计划招引重大项目5个。', errors: [{ text: '2023', message: /2024/ }] },
    { text: P + '2023年，园区将聚焦主导产业。', errors: [{ text: '2023' }] },
    { text: P + '力争2023年完成总进度计划的50%。', errors: [{ text: '2023' }] },
    { text: T + '\n2022年是园区发展的关键之年。\n一、2023年工作总结\n', errors: [{ text: '2022', line: 3 }] },
    { text: GP + '2017年，全区生产总值预期增长6.5%。', errors: [{ text: '2017', message: /2018/ }] },
    { text: G + '2016年，全区经济运行稳中向好。', errors: [{ text: '2016' }] },
    { text: '开发区2023年上半年工作总结及下半年工作打算\n一、上半年工作总结\n2022年上半年，园区实现营业收入20亿元。', errors: [{ text: '2022' }] },
    { text: '园区2023年工作总结\n一、2023年工作总结\n2023年，园区实现营业收入50亿元。', year: 2024, errors: 3, name: 'configured year 2024: title, section and sentence are stale' },
    { text: `${T}一、2023年工作总结\n2022年，园区新签约项目12个；2021年，园区获批省级开发区。`, errors: 1 },
  ],
});
