import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import rule from '../../rules/rules/placeholder';
import { lint } from '../../rules/engine';
import { buildDocument } from '../../rules/model/document';
import { findPlaceholders } from '../../rules/model/placeholders';
import { testRule } from '../helpers/rule-tester';

const info = 'info' as const;

testRule(rule, {
  valid: [
    // issue 12: quoted programme names and +X slogans are names, pinyin is no blank
    '全市入选省“628X”特色产业集群2个。',
    '深入实施“717X”人才工程。',
    '加快构建“双X+N”现代产业体系。',
    '大力实施“茶+X”融合发展战略。',
    '构建“246+X”交通网络。“2”即两条高铁，“X”即若干条城际铁路。',
    '汉字“習(xí)”的读音。',
    '建成X波段天气雷达2部。',
    // stars, underscores and dots that mark notes, markup and omissions
    '注：带*的指标为快报数。',
    'PM_2.5年均浓度持续下降。',
    '各项工作……取得新进展。',
    '根据发改〔2023〕5号文件精神。',
    // Latin words and acronyms
    '年产20万套LED车灯研发生产等3个项目完成投产，总投资12.6亿元。',
    '铭时基因数字PCR创新公共平台已投入运营，诺奖领衔的NK细胞项目等项目有序推进。',
    '易拼网B2B跨境零担物流一站式服务平台、普洛斯物流中心等国际物流网络平台建成投用。',
    '央视CCTV-2《经济半小时》栏目对园区产业转型升级进行了专题报道。',
    '电力系统三期、DN800给水管安装等项目扎实推进，LNG供气站即将正式投用。',
    '与宁波大学合作开设MBA研修班，全年培训企业高管60人次。',
    '建成绿建领创WORLD展示中心，引进英国sunamp相变储能项目。',
    '园区企业服务QQ群、微信群实现全覆盖，企业诉求平均2小时内响应。',
    '园区配套企业为iPhone X提供的精密结构件已实现量产。',
    '政务大厅办公电脑已全部由Windows XP升级为国产操作系统。',
    '政务服务平台同时支持Mac OS X和Windows系统访问。',
    '引进XML数据交换平台，实现12个部门信息共享。',
    'Xbox游戏主机配件生产线落户园区，年产值可达3亿元。',
    '国产x86架构服务器在园区实现批量生产。',
    '全年削减氮氧化物（NOx）排放量1200吨，二氧化硫（SO2）排放量800吨。',
    '深入推进职业教育“1+X”证书制度试点，全年培训学员5000人次。',
    '宝马X5车型配套座椅项目于今年6月正式投产。',
    '建成工业X-ray检测中心，为装备制造企业提供检测服务。',
    '园区服务器集群全部采用Linux操作系统，参加2023 EXPO国际博览会。',
    // X as the letter in Chinese terms
    '区人民医院新购置X光机两台、CT设备一台，诊疗能力明显提升。',
    '引进工业X射线无损检测设备，服务园区装备制造企业。',
    '将胸部X线检查纳入职工健康体检项目，全年体检职工3200人次。',
    '在产值走势图中，x轴表示月份，y轴表示产值。',
    '新建X型立交桥一座，有效缓解园区交通压力。',
    '联合市妇幼保健院开展X染色体遗传病筛查公益活动。',
    '检测中心可完成X-Y平面内的高精度三维扫描。',
    // units, chemical and pollutant names, multiplication, Roman numerals
    'PM2.5平均浓度下降至28微克/立方米，优良天数比例达90.2%。',
    '220kV、110kV变电站各一座建成投运，新增供电能力20万千伏安。',
    '东电2×35万千瓦热电联产项目全面建成，实现集中供热全覆盖。',
    '新建标准化仓库一座，净空尺寸为60×120米，层高12米。',
    '引进的1920x1080高清显示模组项目投产，展位面积为3 x 4米。',
    '仓库容积按长×宽×高计算。',
    '园区断面水质稳定达到Ⅲ类标准，承办第XXI届国际植物学大会分论坛。',
    // byline marks, bullets, zeros written with ○, separators
    '□ 记者 何新雨',
    '□ 记者 朱梦琪 通讯员 张华',
    '○ 持续优化营商环境，全年新增市场主体1200户。',
    '△ 重点项目进展情况',
    '二○○八年，园区获批省级经济开发区。',
    '二〇二四年一月五日',
    '＊＊＊',
    // real questions, 某 alone, statuses that are not notes
    '为什么要抓项目？？因为项目是发展的生命线。',
    '这难道不是我们招商引资的初心吗？？',
    '某企业负责人表示，园区审批服务效率明显提升。',
    '5个项目（待审批）已报送省发改委。',
    '待定项目将在下一季度集中评审。',
    // Markdown code and URLs are not prose
    { text: '## 二、2024年工作打算\n\n配置项写作 `XXXX`，详见 https://www.xx.gov.cn/xxgk 公开信息。\n', filename: 'plan.md' },
    // the allowlist
    { text: '电力系统三期、DNX给水管安装等项目扎实推进。', options: { allow: ['DNX'] } },
    { text: '沿XX大道布局商业综合体，打造城市客厅。', options: { allow: ['XX大道'] } },
  ],
  invalid: [
    // issue 12: X in quotes before a measure word is still a blank
    { text: '完成“X亿元”投资目标。', errors: [{ text: 'X', severity: 'error' }] },
    { text: '打造“x+x”精品线路。', errors: 2 },
    // blanks written with other marks, counted and navigable like X
    { text: '完成固定资产投资*亿元，覆盖***县。', errors: [{ text: '*', severity: 'error' }, { text: '***' }] },
    { text: '同比增长＿＿%，新增规上企业□□个。', errors: [{ text: '＿＿' }, { text: '□□' }] },
    { text: '实现税收〔...〕亿元。', errors: [{ text: '〔...〕' }] },
    { text: '新建△△产业园，年产值超（……）亿元。', errors: [{ text: '△△' }, { text: '（……）' }] },
    // X/x runs standing for a value
    {
      text: '1-9月，实现规上工业总产值X亿元，同比增长X%。',
      errors: [
        { text: 'X', message: '占位符“X亿元”中的“X”未填写', severity: 'error' },
        { text: 'X', message: /placeholder "X"/ },
      ],
    },
    { text: '上交税金xx.xx亿元，继续勇站全省前列。', errors: [{ text: 'xx.xx', message: /xx\.xx亿元/ }] },
    { text: '规上工业增加值增速X.X%，高于全市平均水平。', errors: [{ text: 'X.X' }] },
    { text: 'xxxx年，园区坚持以项目建设为中心，全力推进高质量发展。', errors: [{ text: 'xxxx' }] },
    { text: '今年x-xx月，园区实现主营业务收入xxx.xx亿元。', errors: [{ text: 'x' }, { text: 'xx' }, { text: 'xxx.xx' }] },
    { text: '20xx年x月xx日，园区主要负责同志参加全省基层干部群众座谈会。', errors: [{ text: '20xx' }, { text: 'x' }, { text: 'xx' }] },
    { text: 'X月X日，省委书记一行到园区调研指导工作。', errors: [{ text: 'X' }, { text: 'X' }] },
    { text: '与XX市政府、市财政局对接解决产业基金方案。', errors: [{ text: 'XX' }] },
    { text: '制定出台《X生态园区域开发建设指挥部人才政策》。', errors: [{ text: 'X', message: 'X生态园' }] },
    // the message names the blank with its unit or measure word, not with the noun after it
    {
      text: '年产X万件特种汽车零部件项目、X个待评审项目，实现X市外实到内资X万美元，引进X人和X平方米厂房，X余人参加，xxx公司。',
      errors: [
        { text: 'X', message: '占位符“X万件”中的“X”未填写' },
        { text: 'X', message: '占位符“X个”中的“X”未填写' },
        { text: 'X', message: '占位符“X市”中的“X”未填写' },
        { text: 'X', message: '占位符“X万美元”中的“X”未填写' },
        { text: 'X', message: '占位符“X人”中的“X”未填写' },
        { text: 'X', message: '占位符“X平方米”中的“X”未填写' },
        { text: 'X', message: '占位符“X余人”中的“X”未填写' },
        { text: 'xxx', message: '占位符“xxx公司”中的“xxx”未填写' },
      ],
    },
    { text: '积极引进世界X强、行业领军企业，强化产业链招商。', errors: [{ text: 'X' }] },
    { text: '年产XGWh大容量储能磷酸铁锂电池项目深入洽谈中。', errors: [{ text: 'X', message: /allow/ }] },
    { text: '电力系统三期、DNX给水管安装等项目扎实推进。', errors: [{ text: 'X', message: 'DNX' }] },
    { text: 'XKV望海变、姚北水厂新建工程一期等项目开工建设。', errors: [{ text: 'X', message: 'XKV' }] },
    { text: '改革创新工作主要做法在x日报Bx版正版刊发。', errors: [{ text: 'x' }, { text: 'x', message: 'Bx' }] },
    { text: '要求园区内所有在建企业建设施工现场做到“x个xxx%”，并及时清运垃圾。', errors: [{ text: 'x' }, { text: 'xxx' }] },
    { text: '截至X月，已兑付X亿元。', errors: 2 },
    { text: '财政资金兑现补助X亿元，占一般公共预算支出比重达X%。', errors: 2 },
    { text: '新引进高级人才X名，园区特优人才总数达X人。', errors: 2 },
    { text: '建筑面积约x万平方米的金属家具展示中心已建成投用。', errors: [{ text: 'x' }] },
    { text: '新增标准厂房x.x万平方米，另有xx万平方米正在建设。', errors: [{ text: 'x.x' }, { text: 'xx' }] },
    { text: 'X(X)创新中心、中以(特拉维夫)创新中心等国际创新中心加快建设。', errors: [{ text: 'X' }, { text: 'X' }] },
    { text: '按照xx市委“xxxxx”总体工作思路，紧盯年初制定的目标任务。', errors: [{ text: 'xx' }, { text: 'xxxxx' }] },
    { text: '全年累计接待客商x,xxx人次，外出考察xx次。', errors: [{ text: 'x,xxx' }, { text: 'xx' }] },
    { text: '光伏电站装机容量达XMW，年发电量约xx万kWh。', errors: [{ text: 'X' }, { text: 'xx' }] },
    { text: '地铁X号线园区站计划于年内开通运营。', errors: [{ text: 'X' }] },
    { text: '园区积极承接一线、X线城市的产业转移。', errors: [{ text: 'X' }] },
    { text: '将x型糖尿病患者纳入家庭医生签约服务。', errors: [{ text: 'x' }] },
    { text: '园区至市区的第X线公交线路开通运营。', errors: [{ text: 'X' }] },
    { text: '第X届中国国际进口博览会期间，园区签约项目X个。', errors: 2 },
    { text: '构建“3+X”产业体系，新培育龙头企业3+X个。', errors: [{ text: 'X', message: 'X个' }] },
    { text: '同比增长X%元。', errors: [{ text: 'X' }] },
    { text: '全年完成工业投资Ｘ亿元，新增规上企业ＸＸ家、高新技术企业ｘｘ家。', errors: [{ text: 'Ｘ' }, { text: 'ＸＸ' }, { text: 'ｘｘ' }] },
    // other conventions
    { text: '完成××街道老旧小区改造××个，惠及居民××户。', errors: [{ text: '××' }, { text: '××' }, { text: '××' }] },
    { text: '○○镇积极探索“飞地经济”模式，引进项目○○个。', errors: [{ text: '○○' }, { text: '○○' }] },
    { text: '□□工业园区全年实现税收□□亿元。', errors: [{ text: '□□' }, { text: '□□' }] },
    { text: '全年完成投资□亿元，同比增长□%。', errors: [{ text: '□' }, { text: '□' }] },
    { text: '△△社区被评为省级文明社区。', errors: [{ text: '△△' }] },
    { text: '完成＊＊项重点工程，总投资＊＊亿元。', errors: [{ text: '＊＊' }, { text: '＊＊' }] },
    { text: '某某公司新上投资的脱硝设施已投入使用。', errors: [{ text: '某某', severity: 'error' }] },
    {
      text: '全年完成固定资产投资【待补充】亿元，同比增长【待补充】。',
      errors: [{ text: '【待补充】', message: '待补充标记“【待补充】”未处理' }, { text: '【待补充】' }],
    },
    { text: '高新技术产业增加值占规上工业比重达[待填]。', errors: [{ text: '[待填]' }] },
    { text: '园区二期道路开工时间（待定），力争年内完成前期手续。', errors: [{ text: '（待定）' }] },
    { text: '【此处填写全年招商引资成果】', errors: [{ text: '【此处填写全年招商引资成果】' }] },
    { text: '新增市级以上研发机构TODO家，其中省级TBD家。', errors: [{ text: 'TODO', message: /TODO/ }, { text: 'TBD' }] },
    { text: '完成招商引资？？亿元，同比增长？？%。', errors: [{ text: '？？' }, { text: '？？' }] },
    // a note swallows the X inside it
    { text: '全年实现营业收入【待核实XX亿元】。', errors: [{ text: '【待核实XX亿元】' }] },
    // redacted names: info only
    { text: '村民张××反映的宅基地纠纷已调解到位。', errors: [{ text: '××', severity: info, message: '张××' }] },
    { text: '经调查，李某某等3人在园区内违规搭建。', errors: [{ text: '某某', severity: info }] },
    { text: '欧阳××同志被评为优秀共产党员。', errors: [{ text: '××', severity: info, message: '欧阳××' }] },
    { text: '联系人：王XX，电话：XXXXXXXX。', errors: [{ text: 'XX', severity: info }, { text: 'XXXXXXXX', severity: 'error' }] },
    { text: '园区党工委书记何X同志出席会议并讲话。', errors: [{ text: 'X', severity: info, message: '何X' }] },
    // 金 and 石 are surnames too, but here the run is an amount
    { text: '兑现招商政策奖补资金X，惠及企业X家。', errors: [{ text: 'X', severity: 'error' }, { text: 'X', severity: 'error' }] },
    // Markdown, several lines
    {
      text: '# xx工业园区2023年工作总结\n\n## 二、xxxx年工作打算\n\n全年实现营业收入**X亿元**。\n',
      filename: 'draft.md',
      errors: [
        { text: 'xx', line: 1 },
        { text: 'xxxx', line: 3 },
        { text: 'X', line: 5 },
      ],
    },
    // the allowlist covers only the listed word
    { text: 'DNX给水管安装X处。', options: { allow: ['DNX'] }, errors: [{ text: 'X', message: 'X处' }] },
  ],
});

describe('placeholder model', () => {
  it('spans are sorted, non-overlapping, and overlapsPlaceholder finds exactly their characters', () => {
    const text = '今年x-xx月，实现收入xxx.xx亿元，××街道引进世界X强企业X家，【待补充】。';
    const doc = buildDocument(text, { filename: 'a.txt' });
    const ps = doc.placeholders;
    expect(ps.map((p) => p.text)).toEqual(['x', 'xx', 'xxx.xx', '××', 'X', 'X', '【待补充】']);
    for (let i = 1; i < ps.length; i++) expect(ps[i].offset).toBeGreaterThanOrEqual(ps[i - 1].endOffset);
    for (let i = 0; i < text.length; i++) {
      const inside = ps.some((p) => p.offset <= i && i < p.endOffset);
      expect(doc.overlapsPlaceholder(i, i + 1), `offset ${i} ${text[i]}`).toBe(inside);
    }
    // the hyphen between x and xx and the 月 after are not placeholder characters
    const dash = text.indexOf('-');
    expect(doc.overlapsPlaceholder(dash, dash + 1)).toBe(false);
    expect(doc.overlapsPlaceholder(dash - 1, dash + 2)).toBe(true);
  });

  it('the model marks placeholders even when the rule is off', () => {
    const r = lint('同比增长X%元。', { filename: 'a.txt', rules: [rule], config: { rules: { placeholder: { severity: 'off' } }, settings: {} } });
    expect(r.findings).toHaveLength(0);
    expect(r.doc?.placeholders.map((p) => p.text)).toEqual(['X']);
    expect(r.doc?.overlapsPlaceholder(4, 5)).toBe(true);
  });

  it('ignores allowlist entries that are empty or not strings', () => {
    const doc = buildDocument('完成投资X亿元。', { filename: 'a.txt', placeholderAllow: ['', '  ', 3 as unknown as string] });
    expect(doc.placeholders.map((p) => p.text)).toEqual(['X']);
  });

  it('LintResult.placeholders counts placeholders, not redacted names, whatever severity is configured', () => {
    const text = '村民张××反映，园区完成投资X亿元，增长X%。';
    expect(lint(text, { filename: 'a.txt', rules: [rule] }).placeholders).toBe(2);
    for (const severity of ['warning', 'error', 'info'] as const) {
      const r = lint(text, { filename: 'a.txt', rules: [rule], config: { rules: { placeholder: { severity } }, settings: {} } });
      expect(r.findings).toHaveLength(3);
      expect(r.placeholders, severity).toBe(2);
    }
  });

  it('offers no fix and no edit-based suggestion', () => {
    const r = lint('年产XGWh储能电池项目、DNX给水管、X亿元。', { filename: 'a.txt', rules: [rule] });
    expect(r.findings).toHaveLength(3);
    for (const f of r.findings) {
      expect(f.fix).toBeUndefined();
      expect(f.suggestions).toBeUndefined();
    }
  });

  it('any text: spans are sorted, disjoint, inside the text, and their text is what they cover', () => {
    const alphabet = [...'Xxｘ×○〇□△＊某？?.．,-+ 　张金第年亿元%光线型GkVDNB1２【】[]（）待补充填定TODO\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), fc.array(fc.constantFrom('X', 'xx', 'DNX', '张×', ''), { maxLength: 2 }), (chars, allow) => {
        const text = chars.join('');
        const doc = buildDocument(text, { filename: 'a.txt', placeholderAllow: allow });
        let last = 0;
        for (const p of doc.placeholders) {
          expect(p.offset).toBeGreaterThanOrEqual(last);
          expect(p.endOffset).toBeGreaterThan(p.offset);
          expect(p.endOffset).toBeLessThanOrEqual(text.length);
          expect(text.slice(p.offset, p.endOffset)).toBe(p.text);
          expect(text.slice(p.offset, p.endOffset)).not.toMatch(/[\r\n]/);
          last = p.endOffset;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on 200 KB of XXXX… and x-x-x-…', () => {
    const n = 200_000;
    const cases = ['X'.repeat(n), 'x-'.repeat(n / 2), 'xX.'.repeat(n / 3), '张×'.repeat(n / 2), '？'.repeat(n), '【待'.repeat(n / 2), 'X'.repeat(n) + 'Y'];
    for (const text of cases) {
      const t0 = performance.now();
      const ps = findPlaceholders(text, [{ start: 0, end: text.length, line: 0, source: 'line' }], ['XY']);
      const ms = performance.now() - t0;
      expect(ms, `${text.slice(0, 6)}…: ${ms.toFixed(0)} ms`).toBeLessThan(5000);
      expect(ps.length).toBeGreaterThanOrEqual(0);
    }
    expect(findPlaceholders('X'.repeat(n), [{ start: 0, end: n, line: 0, source: 'line' }], []).map((p) => p.text.length)).toEqual([n]);
    expect(findPlaceholders('x-'.repeat(n / 2), [{ start: 0, end: n, line: 0, source: 'line' }], [])).toHaveLength(n / 2);
  });
});
