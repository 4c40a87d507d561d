import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/document-number';
import { lintWith, testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '根据《国务院办公厅关于印发2024年政务公开工作要点的通知》（国办发〔2024〕1号）要求。',
    '按照《国务院关于加快构建新发展格局的意见》（国发〔2023〕12号）精神。',
    '依据苏政发〔2023〕45号文件，制定本实施方案。',
    '转发京政办发〔2024〕3号文件。',
    '国函〔2022〕101号批复同意设立示范区。',
    '中共中央办公厅印发中办发〔2021〕50号。',
    '国务院令第732号公布施行。',
    '执行财预〔2024〕12号文件。',
    '（2024）苏04民初1号案件已审结。',
    '文件编号: 发布机构: 绿建区',
    '索 引 号: 014134384/2024-00008',
    '苏ICP备10217280号     苏公网安备32041202000001号',
    '2024年1号文件聚焦乡村振兴。',
    '中央一号文件对农业农村工作作出部署。',
    '园区（2023）年度考核结果为优秀。',
    '在第12号台风“梅花”影响期间，全区无人员伤亡。',
    '厅字〔2019〕20号文件明确了工作要求。',
    '人社部发〔2023〕15号文件规定了补贴标准。',
    '发改投资〔2024〕88号下达中央预算内投资。',
    '组通字〔2022〕5号部署了换届工作。',
    '国办函〔2024〕9号同意建立联席会议制度。',
    '常政发〔2024〕7号印发实施。',
    '武政办发〔2023〕66号文件要求加强安全生产。',
    '依据国办发〔X〕X号文件要求。',
    '国办发〔20XX〕X号文件。',
    'The State Council issued Document No. 1 [2024].',
    { text: '参见[国办发〔2024〕1号](https://www.gov.cn/zhengce/content/2024-01/01.htm)。', filename: 'case.md' },
    { text: '代码 `国办发[2024]1号` 仅为示例。', filename: 'case.md' },
    '新华社北京1月5日电（记者张某）',
    '全年发布通告（2024）3期。',
  ],
  invalid: [
    { text: '根据国办发[2024]1号文件要求。', errors: [{ text: '[2024]1号', message: /〔〕/ }], output: '根据国办发〔2024〕1号文件要求。' },
    { text: '苏政发【2023】12号', errors: [{ text: '【2023】12号' }], output: '苏政发〔2023〕12号' },
    { text: '依据国发（2023）5号文件精神。', errors: 1, output: '依据国发〔2023〕5号文件精神。' },
    { text: '依据国发(2023)5号文件精神。', errors: 1, output: '依据国发〔2023〕5号文件精神。' },
    { text: '转发京政办发［2024］3号文件。', errors: 1, output: '转发京政办发〔2024〕3号文件。' },
    { text: '执行国办发﹝2024﹞10号文件。', errors: 1, output: '执行国办发〔2024〕10号文件。' },
    { text: '国发〔2024〕第5号', errors: [{ text: '〔2024〕第5号', message: /第/ }], output: '国发〔2024〕5号' },
    { text: '京政办发〔2024〕01号', errors: [{ text: '〔2024〕01号', message: /虚位/ }], output: '京政办发〔2024〕1号' },
    { text: '常政发〔2024〕007号', errors: 1, output: '常政发〔2024〕7号' },
    { text: '国发〔98〕12号', errors: [{ text: '〔98〕12号', message: /1998/ }], output: '国发〔1998〕12号' },
    { text: '苏政办发〔24〕3号', errors: [{ message: /2024/ }], output: '苏政办发〔2024〕3号' },
    { text: '国办发[2024]第01号', errors: 1, output: '国办发〔2024〕1号' },
    { text: '国函【2022】第101号', errors: 1, output: '国函〔2022〕101号' },
    { text: '中办发〔 2021 〕50号', errors: [{ message: /空格/ }], output: '中办发〔2021〕50号' },
    { text: '厅字[2019]20号文件明确了工作要求。', errors: 1, output: '厅字〔2019〕20号文件明确了工作要求。' },
    { text: '人社部发（2023）15号文件规定了补贴标准。', errors: 1, output: '人社部发〔2023〕15号文件规定了补贴标准。' },
    { text: '发改投资[2024]088号下达中央预算内投资。', errors: 1, output: '发改投资〔2024〕88号下达中央预算内投资。' },
    { text: '组通字【2022】5号部署了换届工作。', errors: 1, output: '组通字〔2022〕5号部署了换届工作。' },
    { text: '国办函(2024)9号同意建立联席会议制度。', errors: 1, output: '国办函〔2024〕9号同意建立联席会议制度。' },
    { text: '武政办发[2023]66号文件要求加强安全生产。', errors: 1, output: '武政办发〔2023〕66号文件要求加强安全生产。' },
    { text: '财预[2024]12号', errors: 1, output: '财预〔2024〕12号' },
    { text: '省委办公厅苏办发【2023】第8号', errors: 1, output: '省委办公厅苏办发〔2023〕8号' },
    { text: '根据《通知》（国办发[2024]1号）', errors: 1, output: '根据《通知》（国办发〔2024〕1号）' },
    { text: '根据国办发〔2024〕１号文件。', errors: 0 },
    { text: '市政府令〔2023〕第2号', errors: 1, output: '市政府令〔2023〕2号' },
    { text: '国发[2005]3号和国发[2006]7号文件。', errors: 2, output: '国发〔2005〕3号和国发〔2006〕7号文件。' },
    { text: '区政发〔2023〕00012号', errors: 1, output: '区政发〔2023〕12号' },
    { text: '市委发【2024】1号', errors: 1, output: '市委发〔2024〕1号' },
    { text: '皖政秘[2023]45号', errors: 1, output: '皖政秘〔2023〕45号' },
    { text: '浙政函(2022)第7号', errors: 1, output: '浙政函〔2022〕7号' },
    { text: '依据国办发[2024]1号文件。', filename: 'case.md', errors: 1, output: '依据国办发〔2024〕1号文件。' },
  ],
});

describe('document-number details', () => {
  it('keeps full-width digits for number-format and fixes only the form', () => {
    const [f] = lintWith(rule, { text: '国办发[２０２４]１号' });
    expect(f.fix?.edits[0].text).toBe('〔２０２４〕１号');
  });
  it('stays linear on adversarial input', () => {
    const text = '国办发〔'.repeat(100_000) + '2024〕1号';
    const t0 = performance.now();
    lintWith(rule, { text });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
