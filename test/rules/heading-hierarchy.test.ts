import rule from '../../rules/rules/heading-hierarchy';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '一、2023年工作总结\n（一）凝心聚力\n1.项目招引协同推进\n（1）签约项目\n①外资项目',
    // two-level documents: 一、 → 1. allowed by default
    '一、2023年工作总结\n1.深入实施精准招商\n2.强势推进项目建设\n二、2024年工作打算\n1.加速聚集优质项目',
    // a text may start at any level
    '（一）深入推进供给侧结构性改革\n1.减税降费\n（二）加快建设创新型国家',
    '1.项目招引\n（1）招大引强\n2.载体建设',
    // back to a higher level after closing the lower one's parent is normal
    '一、总结\n（一）产业\n1.招商\n（二）品牌\n二、打算',
    // the restarted run of seed 000 is heading-sequence's finding, not this rule's
    '一、2023年工作总结\n二、2024年工作打算\n一、挖掘新潜能\n1、加速聚集优质项目\n二、激发新动能',
    // wrong forms keep their level
    '一、总结\n(一)产业\n1、招商',
    { text: '一、总结\n1.招商', options: { allowCnToArabic: true } },
    '一、2023年工作总结\n（一）凝心聚力。一是加强领导。二是完善机制。',
    { text: '# 2023年工作总结\n\n## 一、主要成绩\n\n（一）产业发展', filename: 'case.md' },
  ],
  invalid: [
    { text: '一、2023年工作总结\n1.深入实施精准招商\n（一）紧扣“强产业”', errors: [{ text: '（一）', message: '层级倒置' }] },
    { text: '（一）凝心聚力\n（1）项目招引\n1.前湾硅谷', errors: [{ text: '（1）', message: '层级跳跃' }, { text: '1.', message: '层级倒置' }] },
    { text: '一、2023年工作总结\n（1）深入实施精准招商', errors: [{ text: '（1）', message: '层级跳跃' }] },
    { text: '（一）凝心聚力\n（1）项目招引\n（2）人才招引', errors: [{ text: '（1）', message: '“1.”' }] },
    { text: '一、2023年工作总结\n①项目招引', errors: [{ text: '①' }] },
    { text: '1.项目招引\n①招大引强', errors: [{ text: '①' }] },
    { text: '一、总结\n1.招商', options: { allowCnToArabic: false }, errors: [{ text: '1.', message: '层级跳跃' }] },
    { text: '一、2023年工作总结\n（一）凝心聚力\n1.项目招引\n2.人才招引\n（二）破难攻坚\n（1）工业经济\n1.有效投资', errors: [{ text: '（1）' }, { text: '1.', message: '层级倒置' }] },
    { text: '（一）平台建设纵深推进\n（1）打造产业承载平台\n（一）项目建设', errors: [{ text: '（1）', message: '层级跳跃' }] },
    { text: '一、2022年工作总结\n1、项目招引协同推进。\n（一）凝心聚力，招商引资后劲十足\n（二）破难攻坚，园区经济稳中有进', errors: [{ text: '（一）' }, { text: '（二）' }] },
    { text: '二、2024年工作打算\n（一）项目\n（1）招引\n（2）落地\n1.服务', errors: [{ text: '（1）' }, { text: '1.', message: '层级倒置' }] },
  ],
});
