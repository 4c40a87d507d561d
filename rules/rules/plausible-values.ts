// plausible-values: a share or a growth rate outside any plausible range for what it measures: `占比120%`,
// `地区生产总值增长65%`. Each measure has its range and the reason for it below. Not here: `增长-5%` (metric-unit)
// and a year written as a percentage (year-consistency).
import type { Rule, RuleContext } from '../types';
import { msg } from '../util';
import { CATEGORY } from '../categories';
import { G_PCT, marksIn, numberMarks } from '../lib/numbers-text';
import type { Msg } from '../types';

interface Measure {
  /** What the value measures, zh and en, for the message. */
  what: Msg;
  /** The words just before the number (anchored at the end of the clause up to it). */
  before: RegExp;
  /** The largest plausible value, in %. */
  max: number;
  /** Why that is the limit (the docs and the message say it). */
  why: Msg;
  /** A part-year figure (a quarter rebounds) or a multi-year one is no annual rate: skip sentences and parts that name one. */
  wholeYearOnly?: true;
}

const VERB = '(?:达到|达|为|提高到|提升到|提高至|提升至|升至|增至|稳定在|保持在|超过|已达|在)?';
/**
 * Shares and rates of a whole: the part cannot exceed the whole. Not rates whose count and base come from
 * different sources and that real reports state above 100 %: 完成率, 增长率, 贡献率, 自给率, 负债率, 产销率,
 * 拨备覆盖率, 参保率 (insured people counted by registration over residents: `综合参保率110.6%`), 毛入学率, 入园率,
 * 巩固率, 普及率 (phones per 100 people), 到位率, 接种率; nor a share of a plan or target (`占年计划的111.1%`).
 */
const SHARE_WORDS = '占比|比重|覆盖率|达标率|合格率|优良率|城镇化率|满意率|满意度|知晓率|通过率|绿化率|处理率|利用率|收集率|回收率|治理率|使用率|良好率';

const MEASURES: Measure[] = [
  {
    what: msg('占比或比率', 'a share or rate'),
    before: new RegExp(`(?<!拨备|偿付能力|流动性|资本)(?:${SHARE_WORDS})(?:分别)?${VERB}$|占(?![地用有领据压])(?![^，。；、：:;,0-9０-９%％]{0,12}(?:计划|目标|任务|预算|序时))[^，。；、：:;,0-9０-９%％]{1,14}?的(?:比重|比例)?${VERB}$`),
    max: 100,
    why: msg('部分不能超过整体：占比、比重和各类“…率”不超过100%', 'a part cannot exceed its whole: a share or a rate of a whole is at most 100 %'),
  },
  {
    what: msg('地区生产总值年增速', 'annual GDP growth'),
    before: new RegExp(`(?:(?<![\\u4e00-\\u9fff])|全[省市区县州盟国]|全年|今年|当年)(?:地区生产总值|国内生产总值|生产总值|GDP|经济)(?:同比|比上年|较上年)?(?:增长|增速|增幅)${VERB}$`),
    max: 50,
    why: msg(
      '一个地区全年地区生产总值实际增速超过30%已属罕见，50%以上多为小数点或数字错误',
      "a region's annual real GDP growth above 30 % is already rare: 50 % or more is mostly a misplaced point or digit",
    ),
    wholeYearOnly: true,
  },
  {
    what: msg('居民人均可支配收入年增速', 'annual growth of per-capita disposable income'),
    before: new RegExp(`居民人均可支配收入(?:同比|比上年|较上年)?(?:增长|增速|增幅)${VERB}$`),
    max: 40,
    why: msg(
      '居民人均可支配收入是全体住户抽样调查的平均数，一年增幅通常在15%以内，40%以上多为笔误',
      'per-capita disposable income is a household survey average that usually grows by under 15 % a year: 40 % or more is mostly a slip',
    ),
    wholeYearOnly: true,
  },
  {
    what: msg('居民消费价格涨幅', 'consumer price inflation'),
    before: new RegExp(`(?:居民消费价格(?:总水平)?(?:指数)?|CPI)(?:同比|比上年)?(?:上涨|涨幅|增长|增幅|上升)(?:控制在|保持在|为|在)?$`),
    max: 40,
    why: msg('1978年以来全国居民消费价格年涨幅最高为1994年的24.1%，40%以上不可信', 'the highest annual consumer price inflation in China since 1978 was 24.1 % (1994): 40 % or more is not credible'),
  },
  {
    what: msg('失业率', 'the unemployment rate'),
    before: new RegExp(`失业率(?:分别)?(?:控制在|保持在|稳定在|为|在|低于|达到|达)?$`),
    max: 30,
    why: msg('我国城镇登记失业率和调查失业率历来在2%～7%之间，30%以上不可信', "China's registered and surveyed urban unemployment rates have stayed within 2–7 %: above 30 % is not credible"),
  },
];

/** Where the words before a number stop: a clause or sentence break. */
const CLAUSE_BREAK = /[，。；：、,;:！？!?（）()\s]/;
/** A part-year or a multi-year figure: a quarter rebounds, five years add up (`2005年与2000年相比，…增长57.3%`). */
const NOT_ONE_YEAR = /季度|(?<![0-9０-９一二三四五六七八九十])[0-9０-９一二三四五六七八九十]+(?:—[0-9０-９]+)?月|上半年|下半年|年均|累计|相比|以来|期间|[两三四五六七八九十]年|翻/;
/** Two years named in one sentence before the value (counted, not `年[^。]*年`: that regex is O(n²) when searched). */
const YEAR_G = /(?:19|20)[0-9]{2}年/g;
function namesTwoYears(s: string): boolean {
  YEAR_G.lastIndex = 0;
  return YEAR_G.exec(s) !== null && YEAR_G.exec(s) !== null;
}
const DIGIT_OR_DOT = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e;

const rule: Rule = {
  meta: {
    id: 'plausible-values',
    description: msg('数值在合理范围内', 'Values within a plausible range'),
    severity: 'warning',
    tags: ['numbers', 'plausibility'],
    category: CATEGORY.numbers,
    fixable: false,
    clause: '《党政机关公文处理工作条例》第十九条（情况确实，表述准确）',
    docs: {
      why: msg(
        '占比、比重和各类“…率”不超过100%；地区生产总值、居民收入的年增速，居民消费价格涨幅，失业率，各有其历史上从未越出的范围。越出范围的数值多是小数点错位、数字颠倒或把百分点、倍数误写成百分数，须核对原始数据。负增长写法（“增长-5%”）和误写成百分数的年份由其他规则检查。' +
          MEASURES.map((m) => `${m.what.zh}：不超过${m.max}%（${m.why.zh}）。`).join(''),
        'A share or a rate of a whole is at most 100 %; annual growth of GDP and of household income, consumer price inflation and the unemployment rate each have a range they have never left. A value outside it is mostly a misplaced point, swapped digits, or points or multiples written as a percentage: check the source. Negative growth (增长-5%) and a year written as a percentage are other rules\' findings. ' +
          MEASURES.map((m) => `${m.what.en}: at most ${m.max} % (${m.why.en}).`).join(' '),
      ),
      examples: [
        { wrong: '高新技术产业增加值占规上工业比重达到120%', right: '高新技术产业增加值占规上工业比重达到12.0%' },
        { wrong: '全市地区生产总值增长65%，增速居全省第一', right: '全市地区生产总值增长6.5%，增速居全省第一' },
        { wrong: '城镇调查失业率控制在55%以内', right: '城镇调查失业率控制在5.5%以内' },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { doc } = ctx;
    const marks = numberMarks(doc);
    const prose = doc.prose;
    let si = 0;
    for (let k = 0; k < doc.blocks.length; k++) {
      if (!(marks.flags[k] & G_PCT)) continue;
      const block = doc.blocks[k];
      for (const rel of marksIn(marks, k, block.start, G_PCT)) {
        const pct = block.start + rel;
        if (prose[pct] === '‰') continue;
        // the number before the percent sign
        let a = pct;
        while (a > block.start && DIGIT_OR_DOT(prose.charCodeAt(a - 1))) a--;
        if (a === pct || prose[a] === '.') continue;
        const num = prose.slice(a, pct);
        const value = Number(num);
        if (!Number.isFinite(value) || value <= 30) continue;
        // a year written as a percentage (`2023%`) is year-consistency's
        if (/^(?:19|20)[0-9]{2}$/.test(num)) continue;
        // a range or a list of values (`60%～70%`, `分别为…`) keeps its words before the first value only
        const c = prose.charCodeAt(a - 1);
        if (c === 0xff5e || c === 0x7e || c === 0x2014 || c === 0x2d) continue;
        let b = a;
        while (b > block.start && a - b < 24 && !CLAUSE_BREAK.test(prose[b - 1])) b--;
        const before = prose.slice(b, a);
        if (!before) continue;
        const measure = MEASURES.find((m) => value > m.max && m.before.test(before));
        if (!measure) continue;
        if (doc.overlapsPlaceholder(a, pct + 1)) continue;
        if (measure.wholeYearOnly) {
          if (doc.timeFrameAt(a).kind === 'multi-year') continue;
          const sentences = doc.sentences;
          while (si < sentences.length && sentences[si].end <= a) si++;
          const s = sentences[si];
          if (s && s.start <= a) {
            const sentenceBefore = prose.slice(s.start, a);
            if (NOT_ONE_YEAR.test(sentenceBefore) || namesTwoYears(sentenceBefore)) continue;
          }
        }
        ctx.report({
          offset: a,
          endOffset: pct + 1,
          message: msg(
            `${measure.what.zh}为“${num}%”，超出合理范围（不超过${measure.max}%）：${measure.why.zh}，请核对`,
            `${measure.what.en} of ${num} % is outside the plausible range (at most ${measure.max} %): ${measure.why.en}; check the figure`,
          ),
        });
      }
    }
  },
};

export default rule;
