import rule from '../../rules/rules/plausible-values';
import { testRule } from '../helpers/rule-tester';

const REVIEW = '2024年政府工作报告\n一、2023年工作回顾\n';

testRule(rule, {
  valid: [
    // shares and rates within 100 %
    '高新技术产业增加值占规上工业比重达到48.5%，提高2.1个百分点。',
    '全市森林覆盖率达到63.2%，空气质量优良天数比例92.3%。',
    '城镇化率提高到68.7%，群众满意度达99.2%。',
    '民营经济增加值占全市地区生产总值的61.3%。',
    // rates that real reports state above 100 %: completion of a plan, insured over residents, gross enrolment
    '1008个市大中型项目完成投资占年计划的111.1%。',
    '基本医疗保险常住人口综合参保率110.6%。',
    '学前教育毛入园率105.2%，义务教育巩固率101.3%。',
    '年度目标任务完成率达到126%。',
    '对经济增长的贡献率达到112.4%。',
    '粮食自给率达到135%，移动电话普及率达到121%。',
    '银行业金融机构拨备覆盖率为215%。',
    // a share that grows by more than 100 % is a growth, not a share
    '新能源汽车产量占比增长120%。',
    // GDP and income growth within range
    REVIEW + '全年地区生产总值增长6.5%，居民人均可支配收入增长7.1%。',
    // a rare but possible year of a region: 30 %–50 %
    REVIEW + '全年地区生产总值增长41.5%，创历史新高。',
    // a part-year rebound and a five-year growth
    REVIEW + '一季度地区生产总值同比增长58.3%，两年平均增长2.8%。',
    '2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%。',
    REVIEW + '五年来，地区生产总值累计增长48.2%。',
    // another sector's economy grows faster
    '数字经济增长65%，成为新的增长点。',
    // sectors and investments may grow fast
    '新能源汽车产量增长85.2%，工业投资增长45.3%。',
    // prices and unemployment within range
    '居民消费价格涨幅控制在3%左右，城镇调查失业率控制在5.5%以内。',
    // a year written as a percentage is year-consistency's; a range; a placeholder
    '占比达到2023%。',
    '比重提高到35%～45%。',
    '城镇化率达到X%。',
  ],
  invalid: [
    { text: '高新技术产业增加值占规上工业比重达到120%，提高2.1个百分点。', errors: [{ text: '120%', message: /100%/ }] },
    { text: '全市森林覆盖率达到632%。', errors: [{ text: '632%' }] },
    { text: '民营经济增加值占全市地区生产总值的613%。', errors: [{ text: '613%' }] },
    { text: REVIEW + '全市地区生产总值增长65%，增速居全省第一。', errors: [{ text: '65%', message: /地区生产总值.*50%/ }] },
    { text: REVIEW + '全年经济增长71%，好于预期。', errors: [{ text: '71%' }] },
    { text: REVIEW + '城镇居民人均可支配收入同比增长57%。', errors: [{ text: '57%', message: /可支配收入/ }] },
    { text: '居民消费价格上涨45%。', errors: [{ text: '45%', message: /1994/ }] },
    { text: '城镇调查失业率控制在55%以内。', errors: [{ text: '55%', message: /失业率/ }] },
  ],
});
