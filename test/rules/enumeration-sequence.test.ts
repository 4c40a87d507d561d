import rule from '../../rules/rules/enumeration-sequence';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '1.深入实施精准招商。一是精心绘制招商图谱。二是拓宽招商渠道。三是优化招商服务。',
    '一是持续聚焦龙头招引；二是强化产业链招商；三是加快项目落地。',
    '第一，深化政府机构改革。第二，加快转变政府职能。第三，改进经济管理方式方法。',
    '首先，要提高认识；其次，要加强领导；最后，要狠抓落实。',
    // 统一是 / 之一是 / 唯一是 are words, not markers
    '思想统一是行动一致的前提，创新是发展的动力之一。',
    '这是园区的唯一是非标准吗？其中之一是人才。',
    // a new run starts at 一是 (一方面…另一方面… each with its own list)
    '一方面，一是加强领导，二是完善机制；另一方面，一是强化考核，二是严格问责。',
    // an enumeration continues over paragraphs that open with the next marker
    '（一）抓好产业发展\n一是抓好传统产业转型升级。\n大力实施“技术提升”计划。\n二是抓好新兴产业培育。',
    // each section starts its own run
    '（一）平台建设\n一是打造产业平台。二是打造服务平台。\n（二）项目建设\n一是招大引强。二是推进落地。',
    '第一次全体会议，第一批项目，第二产业增加值增长6%。',
    '一是一，二是二，实事求是。',
    // ordinals listed together are no enumeration: the first and second rounds, the first and second batches
    '第一、二轮巡察反馈问题全部整改到位。',
    '园区入选第一、第二批绿色工厂名单。',
    '。第一、三季度增速回落。',
    // a web copy wrapped `四 是`: still 四是, no gap
    '一是抓招商。二是抓项目。三是抓服务。四 是抓党建。五是抓作风。',
  ],
  invalid: [
    { text: '一是精心绘制招商图谱。二是拓宽招商渠道。四是优化招商服务。', errors: [{ text: '四是', message: '缺少“三是”' }] },
    { text: '一是项目招引谋扎实。三是载体建设提速度。', errors: [{ text: '三是', message: '缺少“二是”' }] },
    { text: '一是重大项目高效推进。二是项目服务持续优化。二是要素保障更加有力。', errors: [{ text: '二是', message: '重复' }] },
    { text: '一是党建品牌再增特色。三是队伍建设再上台阶。二是作风建设再加力度。', errors: [{ text: '三是' }, { text: '二是', message: '顺序' }] },
    { text: '一是，加强区域合作。二是，推进示范项目。', errors: [{ text: '，', message: '不加标点' }, { text: '，' }], output: '一是加强区域合作。二是推进示范项目。' },
    { text: '1.强化主业意识。一是：签订责任书。二是：压实责任。', errors: 2, output: '1.强化主业意识。一是签订责任书。二是压实责任。' },
    { text: '一是、坚持日常排查；二是、强化专项整治。', errors: 2, output: '一是坚持日常排查；二是强化专项整治。' },
    { text: '第一、坚持稳中求进。第二、深化改革开放。', errors: [{ text: '、', message: '逗号' }, { text: '、' }], output: '第一，坚持稳中求进。第二，深化改革开放。' },
    { text: '第一，深化政府机构改革。第三，改进经济管理方式方法。', errors: [{ text: '第三', message: '缺少“第二”' }] },
    { text: '（一）抓好产业发展\n一是抓好传统产业转型升级。\n大力实施“技术提升”计划。\n三是抓好新兴产业培育。', errors: [{ text: '三是', line: 4 }] },
    { text: '一是加强设施建设。二是强化日常监管。三是严格执法检查。五是推进信息公开。', errors: [{ text: '五是', message: '“四是”' }] },
    { text: '一是打基础。二是抓重点，三是，强弱项。', errors: [{ text: '，', message: '“三是”后不加标点' }], output: '一是打基础。二是抓重点，三是强弱项。' },
    // an item that agrees with neither neighbour: one finding (not two), the change offered as a suggestion
    { text: '一是抓招商。二是抓项目。二是抓服务。四是抓党建。', errors: [{ text: '二是', message: '重复' }] },
    // a real gap: one finding at the gap, nothing after it renumbered
    { text: '一是抓招商。二是抓项目。四是抓服务。五是抓党建。六是抓作风。', errors: [{ text: '四是', message: '缺少“三是”' }] },
    // a list marker with 、 before the text is still one: `第一、` takes a comma
    { text: '第一、强化统筹。第二、压实责任。', errors: 2, output: '第一，强化统筹。第二，压实责任。' },
  ],
});
