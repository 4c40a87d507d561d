// The fixed formulations (规范表述) that 公文 use, written here for this project from the public documents each entry
// names (no data copied from another project). An entry gives the exact wording, and for a numbered formulation
// (“四个意识”, “六稳”…) its members in their official order and their count.

/** A wording an entry used to have, replaced by a newer one. */
export interface Superseded {
  /** The old wording (a whole name such as 三个自信, or one member of the list). */
  old: string;
  /** What replaces it. */
  now: string;
  /** When the change was made, and by which document. */
  year: number;
  month: number;
  source: string;
}

export interface Formulation {
  id: string;
  /** Short names, exactly as written (“四个意识”, “六稳”, “五大发展理念”). */
  names: string[];
  /** For names of the form N个X / N大X: X, so that “三个意识” can be told apart from an unrelated phrase. */
  stem?: string;
  /** How many members the formulation has (the N of its name). */
  count?: number;
  /** The members in official order. */
  members?: string[];
  /** A word that may follow every member in a list (创新发展、协调发展…). */
  memberSuffix?: string;
  /** Whether the members are written as a 、-list in prose (and so can be checked member by member). */
  listed?: boolean;
  /** Verbs that govern the short name in 公文 (增强“四个意识”); a misspelt name is reported only after one or in a
   * run of other names of the pack. */
  verbs?: string[];
  /** Fixed long wordings (8 characters or more) checked for a one-character slip. */
  wordings?: string[];
  /** Known wrong forms of a wording that are further than one character away (reported as they are). */
  variants?: { wrong: string; right: string }[];
  superseded?: Superseded[];
  /** The document(s) the wording comes from. */
  source: string;
  /** The year the wording took effect. */
  since: number;
}

const D19 = '党的十九大报告（2017年10月）';
const D20 = '党的二十大报告（2022年10月）';
const D18 = '党的十八大报告（2012年11月）';
const RES6 = '党的十九届六中全会《中共中央关于党的百年奋斗重大成就和历史经验的决议》（2021年11月）';
const P5 = '党的十九届五中全会公报（2020年10月）';
const CHARTER = '《中国共产党章程》（党的二十大部分修改，2022年10月）';

export const FORMULATIONS: Formulation[] = [
  {
    id: 'four-consciousness',
    names: ['四个意识'],
    stem: '意识',
    count: 4,
    members: ['政治意识', '大局意识', '核心意识', '看齐意识'],
    listed: true,
    verbs: ['增强', '树牢', '牢固树立', '树立'],
    source: `中共中央政治局会议（2016年1月29日）；${CHARTER}总纲`,
    since: 2016,
  },
  {
    id: 'four-confidences',
    names: ['四个自信'],
    stem: '自信',
    count: 4,
    members: ['道路自信', '理论自信', '制度自信', '文化自信'],
    listed: true,
    verbs: ['坚定', '增强'],
    // 十八大 named three; 文化自信 was added in the speech of 2016-07-01 and written into the 党章 by the 19th congress.
    superseded: [{ old: '三个自信', now: '四个自信', year: 2016, month: 7, source: '习近平《在庆祝中国共产党成立95周年大会上的讲话》（2016年7月1日）；党的十九大报告（2017年10月）' }],
    source: `${D19}；${CHARTER}总纲（“三个自信”见${D18}）`,
    since: 2016,
  },
  {
    id: 'two-upholds',
    names: ['两个维护'],
    stem: '维护',
    count: 2,
    members: ['坚决维护习近平总书记党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导'],
    verbs: ['做到', '坚决做到', '践行', '忠诚践行'],
    wordings: ['党中央的核心、全党的核心地位', '党中央权威和集中统一领导'],
    source: `《中共中央关于加强党的政治建设的意见》（2019年1月）；${D20}；${CHARTER}总纲`,
    since: 2019,
  },
  {
    id: 'two-establishes',
    names: ['两个确立'],
    stem: '确立',
    count: 2,
    members: ['确立习近平同志党中央的核心、全党的核心地位', '确立习近平新时代中国特色社会主义思想的指导地位'],
    verbs: ['领悟', '深刻领悟', '拥护', '衷心拥护', '坚持'],
    wordings: ['习近平新时代中国特色社会主义思想', '以习近平同志为核心的党中央'],
    source: `${RES6}；${D20}`,
    since: 2021,
  },
  {
    id: 'five-in-one',
    names: ['五位一体'],
    count: 5,
    members: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'],
    listed: true,
    verbs: ['统筹推进'],
    source: `${D18}；${D19}`,
    since: 2012,
  },
  {
    id: 'four-comprehensives',
    names: ['四个全面'],
    stem: '全面',
    count: 4,
    members: ['全面建设社会主义现代化国家', '全面深化改革', '全面依法治国', '全面从严治党'],
    listed: true,
    verbs: ['协调推进'],
    // The first member was 全面建成小康社会 (2014–2020); the fifth plenum of the 19th CC replaced it for the new stage.
    superseded: [{ old: '全面建成小康社会', now: '全面建设社会主义现代化国家', year: 2020, month: 10, source: P5 }],
    source: `${P5}；${D20}`,
    since: 2020,
  },
  {
    id: 'new-development-philosophy',
    names: ['新发展理念', '五大发展理念'],
    count: 5,
    members: ['创新', '协调', '绿色', '开放', '共享'],
    memberSuffix: '发展',
    listed: true,
    verbs: ['贯彻', '践行', '全面贯彻'],
    source: `党的十八届五中全会公报（2015年10月）；2016年国务院《政府工作报告》；${D19}`,
    since: 2015,
  },
  {
    id: 'new-stage',
    names: ['三新一高'],
    count: 4,
    members: ['立足新发展阶段', '贯彻新发展理念', '构建新发展格局', '推动高质量发展'],
    wordings: ['以国内大循环为主体、国内国际双循环相互促进的新发展格局'],
    source: `${P5}；2022年国务院《政府工作报告》（2022年3月）`,
    since: 2021,
  },
  {
    id: 'six-stabilities',
    names: ['六稳'],
    count: 6,
    members: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
    listed: true,
    source: '中共中央政治局会议（2018年7月31日）',
    since: 2018,
  },
  {
    id: 'six-guarantees',
    names: ['六保'],
    count: 6,
    members: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
    listed: true,
    source: '中共中央政治局会议（2020年4月17日）；2020年国务院《政府工作报告》（2020年5月）',
    since: 2020,
  },
  {
    id: 'three-guarantees',
    names: ['三保'],
    count: 3,
    members: ['保基本民生', '保工资', '保运转'],
    listed: true,
    source: '国务院《政府工作报告》（2020年5月、2021年3月，基层“三保”）',
    since: 2019,
  },
  {
    id: 'three-battles',
    names: ['三大攻坚战'],
    count: 3,
    members: ['防范化解重大风险', '精准脱贫', '污染防治'],
    listed: true,
    source: `${D19}；2018年国务院《政府工作报告》`,
    since: 2017,
  },
  {
    id: 'supply-side-tasks',
    names: ['三去一降一补'],
    count: 5,
    members: ['去产能', '去库存', '去杠杆', '降成本', '补短板'],
    listed: true,
    source: '中央经济工作会议（2015年12月）；2016年国务院《政府工作报告》',
    since: 2015,
  },
  {
    id: 'streamline-reform',
    names: ['放管服'],
    count: 3,
    members: ['简政放权', '放管结合', '优化服务'],
    listed: true,
    source: '国务院全国推进简政放权放管结合职能转变工作电视电话会议（2015年5月）；2016年国务院《政府工作报告》',
    since: 2015,
  },
  {
    id: 'four-orientations',
    names: ['四个面向'],
    stem: '面向',
    count: 4,
    members: ['面向世界科技前沿', '面向经济主战场', '面向国家重大需求', '面向人民生命健康'],
    listed: true,
    source: `习近平《在科学家座谈会上的讲话》（2020年9月11日）；${D20}`,
    since: 2020,
  },
  {
    id: 'four-strictest',
    names: ['四个最严'],
    stem: '最严',
    count: 4,
    members: ['最严谨的标准', '最严格的监管', '最严厉的处罚', '最严肃的问责'],
    listed: true,
    source: '中央农村工作会议（2013年12月）；《中共中央 国务院关于深化改革加强食品安全工作的意见》（2019年5月）',
    since: 2013,
  },
  {
    id: 'rural-revitalization-five',
    names: ['五大振兴'],
    count: 5,
    members: ['产业振兴', '人才振兴', '文化振兴', '生态振兴', '组织振兴'],
    listed: true,
    source: '习近平参加十三届全国人大一次会议山东代表团审议时的讲话（2018年3月8日）；《乡村振兴战略规划（2018－2022年）》',
    since: 2018,
  },
  {
    id: 'rural-revitalization-requirements',
    names: ['乡村振兴总要求'],
    count: 5,
    members: ['产业兴旺', '生态宜居', '乡风文明', '治理有效', '生活富裕'],
    listed: true,
    source: D19,
    since: 2017,
  },
  {
    id: 'three-musts',
    names: ['三管三必须'],
    count: 3,
    members: ['管行业必须管安全', '管业务必须管安全', '管生产经营必须管安全'],
    listed: true,
    source: '《中华人民共和国安全生产法》（2021年修正）第三条',
    since: 2021,
  },
  {
    id: 'four-no-removals',
    names: ['四个不摘'],
    stem: '不摘',
    count: 4,
    members: ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管'],
    listed: true,
    source: '习近平在解决“两不愁三保障”突出问题座谈会上的讲话（2019年4月16日）',
    since: 2019,
  },
  {
    id: 'three-capacities',
    names: ['政治三力'],
    count: 3,
    members: ['政治判断力', '政治领悟力', '政治执行力'],
    listed: true,
    source: `十九届中央政治局民主生活会（2020年12月）；${D20}`,
    since: 2020,
  },
  {
    id: 'principal-contradiction',
    names: [],
    wordings: ['人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾'],
    superseded: [
      {
        old: '人民日益增长的物质文化需要同落后的社会生产之间的矛盾',
        now: '人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾',
        year: 2017,
        month: 10,
        source: D19,
      },
    ],
    source: D19,
    since: 2017,
  },
  {
    id: 'green-mountains',
    names: [],
    wordings: ['绿水青山就是金山银山'],
    variants: [{ wrong: '青山绿水就是金山银山', right: '绿水青山就是金山银山' }],
    source: `${D19}（“必须树立和践行绿水青山就是金山银山的理念”）`,
    since: 2017,
  },
  {
    id: 'people-centred',
    names: [],
    wordings: ['以人民为中心的发展思想'],
    source: `党的十八届五中全会公报（2015年10月）；${D19}`,
    since: 2015,
  },
  {
    id: 'modern-country',
    names: [],
    wordings: ['富强民主文明和谐美丽的社会主义现代化强国', '以中国式现代化全面推进中华民族伟大复兴', '社会主义核心价值观'],
    source: `${D19}；${D20}；中共中央办公厅《关于培育和践行社会主义核心价值观的意见》（2013年12月）`,
    since: 2017,
  },
];
