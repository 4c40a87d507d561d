import rule from '../../rules/rules/parts-whole';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '产业结构持续优化，三次产业比例调整为2.4∶51.1∶46.5。',
    '三次产业结构由10.2:45.3:44.5调整为9.7:39.5:50.8。',
    // rounding: the terms sum to 100.1
    '三次产业结构占比为11.9：44.1：44.1，工业经济占比提升。',
    // a ratio that is no industry structure, and a time of day
    '男女比例为1:1:2，会议于14:30:00开始。',
    '三个园区工业产值分别占全县的45%、28%和17%。',
    // categories that may overlap: their shares may sum over 100
    '高新技术产业、战略性新兴产业分别占规上工业的59.5%和46%。',
    '民间投资、工业投资分别占全部投资的60%、55%。',
    // each share of its own whole
    '港口货物运输量分别占全区、沿海三市总运输量的39%、65.1%。',
    '完成固定资产投资150亿元，其中工业投资120亿元、增长8%。',
    '新增就业1.2万人，其中高校毕业生8000人。',
    // an average: a part may exceed it
    '居民人均可支配收入22508元、增长5.1%，其中城镇居民人均可支配收入35692元。',
    // a threshold every member passes
    '2户企业产值突破50亿元，其中吉利商用车达到60.3亿元。',
    // after the 其中 clause the sentence goes on about other things
    '推进亿级工业项目16个，其中新开工5个，推进产业项目51个。',
    // thresholds inside the parts
    '新落地工业项目50个，其中10亿元以上项目不少于5个。',
    // different units
    '全年接待游客1200万人次，其中过夜游客1500万人。',
  ],
  invalid: [
    { text: '三次产业结构调整为9.7:39.5:51.8。', errors: [{ text: '9.7:39.5:51.8', message: '各项之和为101' }] },
    { text: '产业结构更加优化，比例为9.7∶38.5∶50.8。', errors: [{ text: '9.7∶38.5∶50.8', message: '99' }] },
    { text: '三次产业结构为８.２：４０.１：５２.６。', errors: [{ text: '８.２：４０.１：５２.６', message: '100.9' }] },
    { text: '甲县、乙县、丙区工业产值分别占全市的45%、38%和27%。', errors: [{ text: '45%、38%和27%', message: '110%' }] },
    { text: '全市第一、二、三产业增加值分别占地区生产总值的12.9%、44.9%和52.2%。', errors: [{ text: '12.9%、44.9%和52.2%', message: '110%' }] },
    { text: '城镇和农村常住人口分别占总人口的62%和40%。', errors: [{ text: '62%和40%', message: '102%' }] },
    { text: '完成固定资产投资100亿元，其中工业投资120亿元。', errors: [{ text: '120亿元', message: '“其中”所列部分120亿元大于总数100亿元' }] },
    { text: '项目总投资1.2亿元，其中中央资金8000万元、地方资金1.5亿元。', errors: [{ text: '1.5亿元' }] },
    { text: '新增城镇就业8000人，其中高校毕业生1.2万人。', errors: [{ text: '1.2万人' }] },
  ],
});
