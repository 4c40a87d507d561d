import { describe, expect, it } from 'vitest';
import rule from '../../rules/rules/number-range';
import { lintWith, testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '今年1—9月，武进区新能源汽车产业实现产值X亿元。',
    '1～9月，园区实现规上工业总产值X亿元。',
    '“十四五”（2021—2025年）时期是开启全面建设社会主义现代化国家新征程的第一个五年。',
    '国内生产总值增长6.5%～7%，居民消费价格涨幅3%左右。',
    '预期目标为增长5%—5.5%。',
    '带动就业5万～10万人，计划投资9亿～16亿元。',
    '每人补助13万元～17万元。',
    '门票价格为100～150元。',
    '单体面积在25～30平方米之间。',
    '产生日期: 2024-01-31 发布日期: 2024-01-31 废止日期:有效',
    '索 引 号: 014134384/2024-00008',
    '本规范依据GB/T 9704-2012《党政机关公文格式》编制。',
    '咨询电话：0519-86310000，邮编213159。',
    '推动中国-中东欧国际产业合作园建设。',
    '打造中国－东盟自贸区升级版。',
    '举办好海拉尔－赤塔缔结友好城市20周年活动。',
    '共同打造“海-额-满-阿”黄金旅游线路。',
    '详见图3-1和表2-4。',
    '数说 2023——武进高质量发展答卷',
    '——2018年3月5日在第十三届全国人民代表大会第一次会议上',
    '重点打造胜利大街—阿里河路—扎兰屯路沿线景观。',
    '投资2599万元的海—宝农村公路通车。',
    '上午8:30-11:30办理业务。',
    '全年空气质量优良天数比例达到85.6%，PM2.5平均浓度下降10%。',
    '建成220kV、110kV变电站各一座。',
    '新增5G基站1200个。',
    '3号楼3-2单元、5-301室完成改造。',
    '版本号为v1.2-3，发布于2024-01。',
    'The pilot ran from 2021-2023 in three districts.',
    { text: '参见 `1-9月` 代码样例和 [统计公报](https://example.com/1-9月)。', filename: 'case.md' },
    '第一季度增长3%，全年增长15%～30%。',
    { text: '链接文字是正文：[统计公报](https://example.com/2021-2025年/1-9月)', filename: 'case.md' },
  ],
  invalid: [
    { text: '1-9月，园区实现工业总产值X亿元，同比增长X%。', errors: [{ text: '1-9月', message: /一字线/ }], output: '1—9月，园区实现工业总产值X亿元，同比增长X%。' },
    { text: '今年x-xx月，园区实现主营业务收入xxx.xx亿元。', errors: [{ text: '-' }], output: '今年x—xx月，园区实现主营业务收入xxx.xx亿元。' },
    { text: '今年X-X月，完成固定资产投资X亿元。', errors: [{ text: '-' }], output: '今年X—X月，完成固定资产投资X亿元。' },
    { text: '“十四五”（2021-2025年）期间，全区将持续推进。', errors: [{ text: '2021-2025年' }], output: '“十四五”（2021—2025年）期间，全区将持续推进。' },
    { text: '国家中长期科学和技术发展规划纲要，对2006－2020年的科技发展作出全面部署。', errors: [{ text: '2006－2020年' }], output: '国家中长期科学和技术发展规划纲要，对2006—2020年的科技发展作出全面部署。' },
    { text: '在２００９－２０１１年需要重点抓好的五项改革。', errors: [{ text: '２００９－２０１１年' }], output: '在２００９—２０１１年需要重点抓好的五项改革。' },
    { text: '颁布实施2011-2020年中国农村扶贫开发纲要。', errors: [{ text: '2011-2020年' }], output: '颁布实施2011—2020年中国农村扶贫开发纲要。' },
    { text: '国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右。', errors: [{ text: '6.5%－7%', message: /浪纹线/ }], output: '国内生产总值增长6.5%～7%，居民消费价格涨幅3%左右。' },
    { text: '全年经济增长预期目标为4.5%-5%。', errors: [{ text: '4.5%-5%' }], output: '全年经济增长预期目标为4.5%～5%。' },
    { text: '增速保持在15～30%。', errors: [{ text: '15～30%', message: /%/ }], output: '增速保持在15%～30%。' },
    { text: '增速保持在15-30%。', errors: [{ text: '15-30%' }], output: '增速保持在15%～30%。' },
    { text: '计划投资9～16亿元。', errors: [{ text: '9～16亿' }], output: '计划投资9亿～16亿元。' },
    { text: '每人补助13～17万元。', errors: [{ text: '13～17万' }], output: '每人补助13万～17万元。' },
    { text: '带动就业5-10万人。', errors: [{ text: '5-10万' }], output: '带动就业5万～10万人。' },
    { text: '单笔贷款额度2—3万元。', errors: [{ text: '2—3万' }], output: '单笔贷款额度2万—3万元。' },
    { text: '利率下浮10~20%。', errors: [{ text: '10~20%' }], output: '利率下浮10%~20%。' },
    { text: '总投资约1-2万亿元。', errors: [{ text: '1-2万亿' }], output: '总投资约1万亿～2万亿元。' },
    { text: '门票价格为100-150元。', errors: [{ text: '100-150' }], output: '门票价格为100～150元。' },
    { text: '建设3-5个特色小镇。', errors: [{ text: '3-5' }], output: '建设3～5个特色小镇。' },
    { text: '用3-5年时间基本完成改造。', errors: [{ text: '3-5' }], output: '用3～5年时间基本完成改造。' },
    { text: '为0-3岁婴幼儿家庭提供托育服务。', errors: [{ text: '0-3' }], output: '为0～3岁婴幼儿家庭提供托育服务。' },
    { text: '每年5-8月开展汛期巡查。', errors: [{ text: '5-8月' }], output: '每年5—8月开展汛期巡查。' },
    { text: '活动于10月12-15日举行。', errors: [{ text: '12-15日' }], output: '活动于10月12—15日举行。' },
    { text: '2023年9月-2024年3月，完成老旧小区改造。', errors: [{ text: '9月-2024年' }], output: '2023年9月—2024年3月，完成老旧小区改造。' },
    { text: '1月-9月，累计完成各类审批事项X项。', errors: [{ text: '1月-9月' }], output: '1月—9月，累计完成各类审批事项X项。' },
    { text: '新建住房单套面积60‐90平方米。', errors: [{ text: '60‐90' }], output: '新建住房单套面积60～90平方米。' },
    { text: '年均增长8–10%。', errors: [{ text: '8–10%' }], output: '年均增长8%～10%。' },
    { text: '培训时长为2-3天。', errors: [{ text: '2-3' }], output: '培训时长为2～3天。' },
    { text: '引进X-X家龙头企业。', errors: [{ text: '-' }], output: '引进X～X家龙头企业。' },
    { text: '同比增长X～X%。', errors: [{ text: '～' }], output: '同比增长X%～X%。' },
    { text: '1-9月，新引进高级人才X名。\n\n1-9月，完成实际利用外资X亿美元。', filename: 'case.md', errors: [{ text: '1-9月', line: 1 }, { text: '1-9月', line: 3 }] },
    { text: '1-2季度，规上工业增加值增长8%。', errors: [{ text: '1-2' }], output: '1—2季度，规上工业增加值增长8%。' },
  ],
});

describe('number-range details', () => {
  it('never puts a placeholder character into its range or edits', () => {
    const text = '今年x-xx月，同比增长X～X%，X-X月完成投资。';
    const fs = lintWith(rule, { text });
    expect(fs).toHaveLength(3);
    for (const f of fs) {
      expect(text.slice(f.offset, f.endOffset)).not.toMatch(/[Xx]/);
      for (const e of f.fix!.edits) expect(text.slice(e.offset, e.endOffset)).not.toMatch(/[Xx]/);
    }
  });
  it('stays linear on adversarial chains', () => {
    for (const unit of ['x-', '1-', '1.', '1～', '１－']) {
      const text = unit.repeat(50_000) + '1月';
      const t0 = performance.now();
      lintWith(rule, { text });
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});
