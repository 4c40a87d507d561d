import rule from '../../rules/rules/indicator-consistency';
import { testRule } from '../helpers/rule-tester';

// A city government report: a review of 2023, then the tasks of 2024.
const HEAD = '2024年政府工作报告\n——2024年1月10日在市第九届人民代表大会第四次会议上\n';
const REVIEW = `${HEAD}一、2023年工作回顾\n`;
const TASKS = '\n二、2024年工作安排\n';
const gov = (review: string, tasks = '今年工作任务繁重。') => `${REVIEW}${review}${TASKS}${tasks}`;

testRule(rule, {
  valid: [
    // one statement per indicator, growth and level of the same indicator
    gov('全年地区生产总值2215.8亿元，增长6.3%，一般公共预算收入160亿元。'),
    // the same figure restated, also at another precision (约4.4万亿元 ≈ 43760.7亿元)
    gov('地区生产总值增长5.2%。经济运行稳中向好，地区生产总值增长5.2%，好于预期。'),
    gov('地区生产总值43760.7亿元。回顾一年，地区生产总值4.4万亿元，迈上新台阶。'),
    gov('地区生产总值达到1.74万亿元。全市地区生产总值17400亿元。'),
    // actual in the review, target in the tasks
    gov('地区生产总值增长5.2%。', '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。'),
    // an expected target and a stretch target in one sentence
    gov('全年经济平稳运行。', '主要预期目标是：地区生产总值增长5.5%、力争6%以上，一般公共预算收入增长5.5%。'),
    // last year's target recalled in the review is no actual
    gov('地区生产总值增长5.8%，完成年初确定的地区生产总值增长6%的目标。'),
    // another region or part: 县域, 城镇 vs 农村, 其中
    gov('地区生产总值增长5.8%。县域地区生产总值增长7.1%。'),
    gov('城镇居民人均可支配收入增长5.1%，农村居民人均可支配收入增长7.3%。'),
    gov('固定资产投资增长6.2%，其中工业固定资产投资增长15.3%。'),
    // another period: a quarter, the first half, an earlier year, a five-year span
    gov('地区生产总值增长5.8%。一季度地区生产总值增长4.2%。'),
    gov('地区生产总值增长5.8%。上半年，地区生产总值增长4.9%。'),
    gov('地区生产总值增长5.8%。2022年，地区生产总值增长3.1%。'),
    gov('地区生产总值增长5.8%。五年来，地区生产总值年均增长6.6%。'),
    // a park named earlier in the sentence: its own figures
    gov('规上工业增加值增长8%。', '主要预期目标是：规上工业增加值增长10%。推动市工业园区能级跃升，规上工业增加值增长9%以上。'),
    // a tasks part whose heading a web copy lost: its targets are no review figures
    `${REVIEW}城镇新增就业4.3万人。\n今年经济社会发展的总体要求是：稳中求进。\n城镇新增就业4.1万人，争创示范城市。`,
    // the multi-year review of a national report is not compared
    '2018年政府工作报告\n一、过去五年工作回顾\n国内生产总值增长7.1%。2017年国内生产总值增长6.9%。国内生产总值增长6.9%。',
    // a placeholder left in a template: placeholder's finding
    gov('地区生产总值增长6.3%。全年地区生产总值增长X%。'),
  ],
  invalid: [
    {
      name: 'two growth rates of GDP in the review',
      text: gov('全年地区生产总值增长5.2%，总量迈上新台阶。\n经济运行稳中向好，地区生产总值增长5.5%。'),
      errors: [{ text: '增长5.5%', message: /地区生产总值.*增长5\.2%/ }],
    },
    {
      name: 'two revenue levels in the review',
      text: gov('一般公共预算收入160亿元，同比增长7.7%。财政实力增强，一般公共预算收入完成158亿元。'),
      errors: [{ text: '158亿元', message: /160亿元/ }],
    },
    {
      name: 'two targets of one indicator in the tasks',
      text: gov('全年经济平稳运行。', '主要预期目标是：城镇新增就业4.5万人。\n（五）稳定扩大就业。城镇新增就业4万人以上。'),
      errors: [{ text: '4万人以上', message: /目标/ }],
    },
    {
      name: 'a level in 万亿 and in 亿 that disagree',
      text: gov('地区生产总值1.74万亿元，增长4.6%。全市地区生产总值1.74万亿元。全年地区生产总值17800亿元。'),
      errors: [{ text: '17800亿元' }],
    },
    {
      name: 'a growth rate after the level',
      text: gov('社会消费品零售总额820亿元，增长8.1%。消费市场回暖，社会消费品零售总额820亿元，增长8.6%。'),
      errors: [{ text: '增长8.6%', line: 4 }],
    },
  ],
});
