import rule from '../../rules/rules/count-consistency';
import { testRule } from '../helpers/rule-tester';

const headings = (count: string, n: number, end = '：') =>
  `二、2024年工作安排\n今年重点做好以下${count}方面工作${end}\n` +
  Array.from({ length: n }, (_, i) => `（${'一二三四五六七八九十'[i]}）抓好第${i + 1}项重点任务。\n具体措施略。\n`).join('') +
  '三、全面加强政府自身建设\n坚持依法行政。';

testRule(rule, {
  valid: [
    '着力打造“四大平台”，即科技创新平台、人才服务平台、金融服务平台和开放合作平台。',
    '园区建成三个中心，分别为研发中心、检测中心、展示中心。',
    '重点抓好三项工作：一是稳住工业基本盘。二是扩大有效投资。三是提升城市品质。',
    headings('五个', 5),
    headings('五个', 5, '。'),
    // a paragraph ending on another count says nothing about the headings after it
    '一、2023年工作回顾\n全年圆满完成三大任务。\n（一）抓工业\n正文。\n（二）抓农业\n正文。\n二、2024年工作安排\n正文。',
    // 和 inside the last member (the members end in 行动, the last one too): three members, not four
    '深入开展“三项行动”，即产业提质行动、园区升级行动、城乡融合和乡村振兴行动。',
    '持续办好五件民生实事：（1）改善城乡学校办学条件。（2）建成乡镇卫生院分院20个。（3）新增养老床位500张。（4）改造老旧小区30个。（5）新建公园5个。',
    // 和 in the last member may join two members or name one: both readings stand
    '深入开展“四项行动”，即产业提质行动、园区升级行动、城乡融合和乡村振兴行动。',
    // 包括 may name only some of the members
    '今年实施重点项目4个，包括市民中心、体育公园。',
    // an open list (等) is no count of its members
    '培育五大产业，包括新能源、新材料、生物医药等。',
    // set formulations are the formulation pack's
    '牢固树立“四个意识”，即政治意识、大局意识、核心意识。',
    // a count of one, and counts that are no count of a list (百分点, 月)
    '打造一个中心，即区域物流中心、商贸中心。',
    '增速回落两个百分点，即由8%回落至6%。',
    // the list closes at the comma: its members cannot be told from the rest
    '落实“三个高于”，即投入高于上年，教育投入高于上年，科技投入高于上年。',
    // 即将 / 即可 are no introducers
    '两个项目即将开工、投产。',
  ],
  invalid: [
    {
      text: '着力打造“三大平台”，即科技创新平台、人才服务平台、金融服务平台和开放合作平台。',
      errors: [{ text: '三大平台', message: '“三大平台”后列出了四项：科技创新平台、人才服务平台、金融服务平台、开放合作平台' }],
    },
    { text: '园区建成四个中心，分别为研发中心、检测中心、展示中心。', errors: [{ text: '四个中心', message: '列出了三项' }] },
    { text: '重点抓好两项工作：一是稳住工业基本盘。二是扩大有效投资。三是提升城市品质。', errors: [{ text: '两项工作', message: '一是至三是' }] },
    { text: headings('五个', 4), errors: [{ text: '五个方面工作', message: '列出了四项：（一）至（四）（第9行）' }] },
    { text: headings('六个', 7, '。'), errors: [{ text: '六个方面工作', message: '列出了七项：（一）至（七）' }] },
    { text: headings('六个', 7), errors: [{ text: '六个方面工作', message: '列出了七项' }] },
    { text: '新建三个中心，包括研发中心、检测中心、展示中心、培训中心。', errors: [{ text: '三个中心', message: '列出了四项' }] },
    { text: '重点落实“两个优先”，即：一是教育优先发展。二是就业优先。三是医疗优先保障。', errors: [{ text: '两个优先', message: '列出了三项：一是至三是' }] },
    {
      text: '持续办好五件民生实事：（1）改善城乡学校办学条件。（2）建成乡镇卫生院分院20个。（3）新增养老床位500张。（4）改造老旧小区30个。',
      errors: [{ text: '五件民生实事', message: '列出了四项：（1）至（4）（第1行）' }],
    },
    { text: '全面实施“5项行动”：产业提质行动、园区升级行动、城乡融合行动、乡村振兴行动。', errors: [{ text: '5项行动', message: '列出了四项' }] },
  ],
});
