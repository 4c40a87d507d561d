import rule from '../../rules/rules/typo';
import { lintWith, testRule } from '../helpers/rule-tester';
import { describe, expect, it } from 'vitest';

testRule(rule, {
  valid: [
    '全区上下要再接再厉，确保全年目标任务圆满完成。',
    '按照市委统一部署，扎实开展安全生产大检查。',
    '市政府新闻办发布署名文章三篇。',
    '项目申报截止日期为6月30日，逾期不予受理。',
    '报名工作已于昨日截止。',
    '截至2024年底，园区累计入驻企业326家。',
    '储备防汛必需的物资，确保汛期供应。',
    '积极做出样品，参加秋季展销会。',
    '《再接再励》是一首歌的名字。',
    '各小组拼博物馆展品的图片，做成展板。',
    { text: '请按“坐谈会”的原文照录。', options: { allow: ['坐谈会'] } },
  ],
  invalid: [
    { text: '全区上下要再接再励，确保全年目标任务圆满完成。', errors: [{ text: '再接再励', message: '再接再厉', severity: 'error' }], output: '全区上下要再接再厉，确保全年目标任务圆满完成。' },
    { text: '全镇干部群众团结拼博，战胜了特大洪灾。', errors: [{ text: '拼博', message: '拼搏' }], output: '全镇干部群众团结拼搏，战胜了特大洪灾。' },
    { text: '各单位迫不急待地启动了新项目。', errors: [{ text: '迫不急待' }], output: '各单位迫不及待地启动了新项目。' },
    { text: '工作按步就班推进，未出现大的波动。', errors: [{ text: '按步就班' }], output: '工作按部就班推进，未出现大的波动。' },
    { text: '按照市委统一布署，扎实开展安全生产大检查。', errors: [{ text: '布署' }], output: '按照市委统一部署，扎实开展安全生产大检查。' },
    { text: '截止2024年底，园区累计入驻企业326家。', errors: [{ text: '截止', message: '截至' }], output: '截至2024年底，园区累计入驻企业326家。' },
    { text: '截止目前，已完成年度投资计划的九成。', errors: [{ text: '截止' }], output: '截至目前，已完成年度投资计划的九成。' },
    { text: '各部门必需严格落实安全生产责任制。', errors: [{ text: '必需' }], output: '各部门必须严格落实安全生产责任制。' },
    { text: '区委做出部署，全面推进城市更新。', errors: [{ text: '做出' }], output: '区委作出部署，全面推进城市更新。' },
    { text: '为全市发展做出贡献的企业给予表彰。', errors: [{ text: '做出' }], output: '为全市发展作出贡献的企业给予表彰。' },
  ],
});

describe('typo: data for the "add to allow list" action', () => {
  it('carries the wrong form in allow', () => {
    const fs = lintWith(rule, { text: '要再接再励，再创佳绩。' });
    expect(fs[0].allow).toBe('再接再励');
  });
});

testRule(rule, {
  valid: [
    '土地、资本是生产必需要素。',
    '项目因故做出调整，工期顺延。',
  ],
  invalid: [
    { name: '必需把 → 必须把', text: '各单位必需把安全放在首位。', errors: [{ text: '必需' }], output: '各单位必须把安全放在首位。' },
  ],
});
