import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/metric-unit';
import { lintWith, testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '规上工业总产值1481.3亿元，同比增长16.9%。',
    '实现工业总产值X亿元，同比增长X%。',
    '完成固定资产投资X亿元，同比增长X%，其中工业投资占比X%。',
    '全年地区生产总值增长7%左右，居民消费价格涨幅控制在3%以内。',
    '城镇居民人均可支配收入达到35512元，同比增长8%。',
    '高新技术企业产值占规上工业比重达到45.2%以上。',
    '研发经费投入强度提高0.3个百分点。',
    '失业率下降0.2个百分点，控制在4.5%以内。',
    '亿万农民由衷地感受到党的惠农政策带来的实惠。',
    '凝聚起亿万人民的智慧和力量。',
    '中央财政新增47亿元专项补助资金。',
    '设立10亿元产业引导基金，撬动社会资本50亿元。',
    '争取上级政策补助资金2.3亿元。',
    '项目总投资5亿元，年内开工建设。',
    '完成固定资产投资12亿多元，同比增长6%。',
    '实际利用外资1.2亿美元，增长8%。',
    '惠及1.77亿农民，覆盖9748万农村人口。',
    '新建220千伏变电站一座，综合治理河道29.44千米。',
    '每吨产品减少二氧化碳排放35千克。',
    '新增装机容量120万千瓦，年发电量3.5亿千瓦时。',
    '新增就业4000人，城镇登记失业率3.2%。',
    '三千多名党员干部下沉一线。',
    '出口额同比下降5%，进口额增长3.2%。',
    '利润总额增速为-2.3%，降幅收窄。',
    '全区常住人口达到35.6万人，户籍人口30万人。',
    '5G基站新增1200个，千兆光网覆盖所有乡镇。',
    '税收收入同比增长5%。',
    '推进重大融资项目X个，争取专项债X亿元。',
    '空气质量优良天数比例达到85.6%，PM2.5平均浓度下降10%。',
    '营业收入达到5亿元以上，净利润5000万元。',
    // size classes: 亿级 names how big a project is, shared by every amount of the list
    '招引投资超5亿、20亿、50亿级产业项目12个。',
    '新落地总投资达30亿级先进制造项目3个。',
    '培育营收10亿至100亿级龙头企业8家。',
    '引进百亿级投资项目2个，落地50亿级基金1支。',
    'The budget grew 5% to USD 3 billion in 2023.',
    { text: '同比增长15%，见[统计公报](https://example.com/5%元)。', filename: 'case.md' },
  ],
  invalid: [
    { text: '园区实现工业总产值X亿元，同比增长X%元。', errors: [{ text: '元', message: /百分数/ }], output: '园区实现工业总产值X亿元，同比增长X%。' },
    { text: '完成税收收入8.6亿元，同比增长5%元。', errors: [{ text: '元' }], output: '完成税收收入8.6亿元，同比增长5%。' },
    { text: '新增贷款规模增长5%万元。', errors: [{ text: '万元' }], output: '新增贷款规模增长5%。' },
    { text: '进出口总额增长12.5%亿美元。', errors: [{ text: '亿美元' }], output: '进出口总额增长12.5%。' },
    { text: '财政收入增长3％元，完成年度目标。', errors: [{ text: '元' }], output: '财政收入增长3％，完成年度目标。' },
    { text: '研发投入强度提高0.3%个百分点。', errors: [{ text: '%个百分点', message: /百分点/ }] },
    { text: '税收收入同比增长5%%。', errors: [{ text: '%', message: /重复/ }], output: '税收收入同比增长5%。' },
    { text: '一般公共预算收入增长X%%。', errors: [{ text: '%' }], output: '一般公共预算收入增长X%。' },
    { text: '完成固定资产投资12亿万元。', errors: [{ text: '亿万', message: /亿万元/ }] },
    { text: '全年完成投资X亿万元，同比增长X%。', errors: [{ text: '亿万' }] },
    { text: '与市财政局对接解决X亿基金及X亿政策补助资金方案。', errors: [{ text: '亿', message: /元/ }, { text: '亿' }], output: '与市财政局对接解决X亿元基金及X亿元政策补助资金方案。' },
    { text: '争取3亿政策补助资金，支持企业技术改造。', errors: [{ text: '亿' }], output: '争取3亿元政策补助资金，支持企业技术改造。' },
    { text: '设立5亿产业引导基金。', errors: [{ text: '亿' }], output: '设立5亿元产业引导基金。' },
    { text: '落实50万专项资金用于人才引进。', errors: [{ text: '万' }], output: '落实50万元专项资金用于人才引进。' },
    { text: '兑现2.5亿奖补资金。', errors: [{ text: '亿' }], output: '兑现2.5亿元奖补资金。' },
    { text: '安排1.2万亿投资用于基础设施建设。', errors: [{ text: '万亿' }], output: '安排1.2万亿元投资用于基础设施建设。' },
    { text: '项目总投资5亿，年内开工建设。', errors: [{ text: '亿', message: /元/ }] },
    { text: '全年完成投资12亿多，同比增长6%。', errors: [{ text: '亿多' }] },
    { text: '新签约项目X个，计划投资X亿。', errors: [{ text: '亿' }] },
    // a list of amounts not ending in 级 is still money without 元
    { text: '分别投资5亿、20亿、50亿，建设三个园区。', errors: [{ text: '亿' }] },
    { text: '项目总投资5亿，建成后打造50亿级产业集群。', errors: [{ text: '亿' }] },
    { text: '实现营业收入3.2亿，利润5000万元。', errors: [{ text: '亿' }] },
    { text: '新增就业4千人，城镇登记失业率3.2%。', errors: [{ text: '4千', message: /千/ }] },
    { text: '全年接待游客1百余万人次。', errors: [{ text: '1百' }] },
    { text: '落实减税降费3千万元。', errors: [{ text: '3千' }] },
    { text: '日均新设企业由5千多户增加到1万6千多户。', errors: [{ text: '5千' }, { text: '6千' }] },
    { text: '高速铁路营业里程由9千多公里增加到2万5千公里。', errors: [{ text: '9千' }, { text: '5千' }] },
    { text: '完成投资X千万元。', errors: [{ text: '千' }] },
    { text: '出口额同比增长-5%，进口额增长3%。', errors: [{ text: '增长-', message: /下降/ }], output: '出口额同比下降5%，进口额增长3%。' },
    { text: '规上工业增加值增长-2.3%。', errors: [{ text: '增长-' }], output: '规上工业增加值下降2.3%。' },
    { text: '居民消费价格上涨－0.5%。', errors: [{ text: '上涨－' }], output: '居民消费价格下跌0.5%。' },
    { text: '单位GDP能耗提高-3%。', errors: [{ text: '提高-' }], output: '单位GDP能耗降低3%。' },
    { text: '出口增加-1.2亿美元。', errors: [{ text: '增加-' }], output: '出口减少1.2亿美元。' },
    { text: '同比增长X%元\n\n税收增长5%%', filename: 'case.md', errors: [{ text: '元' }, { text: '%' }], output: '同比增长X%\n\n税收增长5%' },
  ],
});

describe('metric-unit details', () => {
  it('offers both readings of 亿万元 as suggestions, no fix', () => {
    const [f] = lintWith(rule, { text: '完成固定资产投资12亿万元。' });
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.map((s) => s.edits[0].text)).toEqual(['亿', '万亿']);
  });
  it('suggests 3000万元 for 3千万元, nothing for 1万6千', () => {
    const [a] = lintWith(rule, { text: '落实减税降费3千万元。' });
    expect(a.suggestions?.[0].edits[0].text).toBe('3000');
    const [b] = lintWith(rule, { text: '由1万6千多户增加到2万户。' });
    expect(b.suggestions).toBeUndefined();
  });
  it('suggests 元 for a money amount after 投资 without fixing it (it may be 美元)', () => {
    const [f] = lintWith(rule, { text: '实际利用外资投资5亿，增长8%。' });
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.[0].edits[0].text).toBe('元');
  });
  it('stays linear on adversarial input', () => {
    for (const unit of ['x-', '1.', '1-', '%', 'X亿', '投资5', '1千', '亿万']) {
      const text = unit.repeat(50_000) + '元';
      const t0 = performance.now();
      lintWith(rule, { text });
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
  it('never reports or rewrites a placeholder character', () => {
    const text = '同比增长X%元，对接解决X亿基金，完成投资X千万元。';
    for (const f of lintWith(rule, { text })) {
      expect(text.slice(f.offset, f.endOffset)).not.toMatch(/X/);
      for (const e of f.fix?.edits ?? []) expect(text.slice(e.offset, e.endOffset)).not.toMatch(/X/);
    }
  });
});
