// metric-unit: numbers and their units (GB/T 15835-2011; GB 3101): `X%元`, `%%`, `亿万元`, money without 元,
// `4千`, `增长-5%`.
import type { ReportInput, Rule, RuleContext, TextEdit } from '../types';
import { charTable, matchesNear, msg } from '../util';
import { CJK, G_MINUS, G_PCT, G_QIANBAI, G_WANYI, marksIn, numberMarks, shiftDecimal } from '../lib/numbers-text';
import { CATEGORY } from '../categories';

// A digit or a placeholder character ends the number a unit is attached to.
const NUM_END = '0-9\\uff10-\\uff19Xx×';

// 1. A percentage followed by a money unit or 百分点.
const PCT_UNIT_RE = new RegExp(`(?<=[${NUM_END}])([%％‰])(万亿元|亿美元|万美元|亿元|万元|美元|元|个百分点|百分点)`, 'y');
// 2. A doubled percent sign.
const PCT_PCT_RE = new RegExp(`(?<=[${NUM_END}][%％])[%％]+`, 'y');
// 3. 亿万元 after a number.
const YIWAN_RE = new RegExp(`(?<=[${NUM_END}])亿万(?=美?元)`, 'y');
// 4a. A 万/亿 amount whose noun is money: `X亿基金`, `3亿政策补助资金`. The words between (≤ 4 characters) may not
// name people or things counted (人, 户, 农民 …) and may not be 的-phrases.
const MONEY_NOUN = '资金|基金|补助|补贴|奖补|经费|贷款|债券|投资|奖金|拨款|专款|预算';
const MONEY_AFTER_RE = new RegExp(
  `(?<=[${NUM_END}])(万亿|[万亿])(?![元美])((?:(?!${MONEY_NOUN})[${CJK}]){0,4}?)(?=(${MONEY_NOUN}))`,
  'y',
);
// 级: `百亿级投资` is a size class, not money
const GAP_STOP = /[万亿元的人民户名家个位次亩吨米条件台套所座株只头床张辆间处和与及或等在为是对把向从将了级]/;
// 4b. A money word before the amount: `总投资5亿，`; the amount ends the clause without a unit.
const MONEY_BEFORE_RE = new RegExp(
  `(?:投资|融资|投入|出资|募资|资金|基金|补助|补贴|奖补|奖励|拨付|营业收入|营收|税收|销售额|利润|贷款|授信|产值)` +
    `(?:总额|额|总量|规模)?(?:达到|达|约|为|超过|超|突破|近|逾|共计|累计|共|完成|计)?` +
    `[0-9０-９Xx]+(?:[.．][0-9０-９Xx]+)?(万亿|[万亿])(多|余)?(?=[，。；、,;：:！？!?）)\\s]|$)`,
  'y',
);
// 5. Digits mixed with 千/百 (only 万 and 亿 may follow Arabic digits). 千米/千克/百分点 … are units, not numbers.
// The X run starts only at the run's start ((?<![Xx×])): otherwise `XXXX…X０` was tried from every X, O(n²).
const MIX_RE = /(?<![0-9\uff10-\uff19.．])([0-9\uff10-\uff19]+(?:[.．][0-9\uff10-\uff19]+)?|(?<![Xx×])[Xx×]+)([千百])(?![米克瓦伏帕焦赫卡升字兆分佳])/y;
// 6. A growth verb with a negative number: `增长-5%` says 下降5%.
const NEG_GROWTH_RE = /(增长|提高|上升|上涨|增加|提升)([-－−‐–])(?=[0-9\uff10-\uff19Xx])/y;

// Each regex above is tried only near the characters it needs (util.matchesNear), where its match can start.
const NUM_END_CHAR = charTable('0123456789０１２３４５６７８９Xx×');
const NUMBER_CHAR = charTable('0123456789０１２３４５６７８９Xx×.．');
const AMOUNT_END_CHAR = charTable('0123456789０１２３４５６７８９Xx');
const AMOUNT_CHAR = charTable('0123456789０１２３４５６７８９Xx.．');
const MONEY_WORD_LEAD = charTable('投融出募资基补奖拨营税销利贷授产');
const GROWTH_LEAD = charTable('增提上');
const at0 = (_: string, p: number) => p;
const back2 = (_: string, p: number) => p - 2;
const afterNumber = (s: string, i: number) => NUM_END_CHAR[s.charCodeAt(i - 1)] === 1;
const afterPct = (s: string, i: number) => s[i - 1] === '%' || s[i - 1] === '％';
/** The money word (at most 营业收入 + 总额 + 达到) ends where the digits before the unit start. */
const moneyWordStart = (s: string, p: number, next: number) => {
  if (AMOUNT_END_CHAR[s.charCodeAt(p - 1)] !== 1) return p + 1;
  let j = p - 1;
  while (j > next && AMOUNT_CHAR[s.charCodeAt(j - 1)] === 1) j--;
  return j - 8;
};
const moneyWordLead = (s: string, i: number) => MONEY_WORD_LEAD[s.charCodeAt(i)] === 1;
/** The number before 千/百 starts where its run of digits, dots and x's does. */
const numberStart = (s: string, p: number, next: number) => {
  let j = p;
  while (j > next && NUMBER_CHAR[s.charCodeAt(j - 1)] === 1) j--;
  return j;
};
// The amounts of a list that ends in 级: `10亿、50亿、100亿级重大项目` names size classes, not sums of money.
const LISTED_AMOUNT_RE = /[、，,至到~～—-][0-9０-９]+(?:[.．][0-9０-９]+)?(?:万亿|[万亿])(?:多|余)?/y;
/** Does the amount ending at `end` stand before 级, alone or as one of a list whose last member does? */
function sizeClass(s: string, end: number): boolean {
  for (let at = end, n = 0; n < 20; n++) {
    if (s[at] === '级') return true;
    LISTED_AMOUNT_RE.lastIndex = at;
    const m = LISTED_AMOUNT_RE.exec(s);
    if (!m) return false;
    at += m[0].length;
  }
  return false;
}
const numberLead = (s: string, i: number) => NUM_END_CHAR[s.charCodeAt(i)] === 1;
const growthLead = (s: string, i: number) => GROWTH_LEAD[s.charCodeAt(i)] === 1;

const OPPOSITE: Record<string, string> = {
  增长: '下降',
  提高: '降低',
  上升: '下降',
  上涨: '下跌',
  增加: '减少',
  提升: '下降',
};

const rule: Rule = {
  meta: {
    id: 'metric-unit',
    description: msg('数值与计量单位的搭配', 'Numbers and their units'),
    severity: 'error',
    tags: ['numbers', 'units'],
    category: CATEGORY.numbers,
    fixable: true,
    clause: 'GB/T 15835-2011 5.3; GB 3101-1993',
    docs: {
      why: msg(
        '百分数后不再带单位（“同比增长X%元”是模板残留）；“亿万元”不是数值单位；金额须带“元”；阿拉伯数字后只可接“万”“亿”，不可接“千”“百”；负增长应写作“下降”。',
        'A percentage takes no further unit (同比增长X%元 is a template leftover); 亿万元 is no unit; money takes 元; only 万 and 亿 may follow Arabic digits (not 千 or 百); negative growth is written 下降.',
      ),
      examples: [
        { wrong: '实现工业总产值X亿元，同比增长X%元', right: '实现工业总产值X亿元，同比增长X%' },
        { wrong: '税收收入同比增长5%%', right: '税收收入同比增长5%' },
        { wrong: '完成投资12亿万元', note: msg('“亿元”还是“万亿元”须由作者确定', 'the writer decides between 亿元 and 万亿元') },
        { wrong: '对接解决X亿基金及X亿政策补助资金方案', right: '对接解决X亿元基金及X亿元政策补助资金方案' },
        { wrong: '项目总投资5亿，年内开工', right: '项目总投资5亿元，年内开工' },
        { wrong: '新增就业4千人', right: '新增就业4000人' },
        { wrong: '出口额同比增长-5%', right: '出口额同比下降5%' },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { doc } = ctx;
    const report = (r: ReportInput): void => {
      if (doc.overlapsPlaceholder(r.offset, r.endOffset)) return;
      ctx.report(r);
    };
    const marks = numberMarks(doc);
    for (let k = 0; k < doc.blocks.length; k++) {
      // Guards: each regex below needs one of these characters to match at all.
      const g = marks.flags[k];
      if (!(g & (G_PCT | G_WANYI | G_QIANBAI | G_MINUS))) continue;
      const block = doc.blocks[k];
      const s = doc.prose.slice(block.start, block.end);
      const at = (i: number) => block.start + i;
      const pct = (g & G_PCT) !== 0;
      const wanYi = (g & G_WANYI) !== 0;
      const pcts = pct ? marksIn(marks, k, block.start, G_PCT) : [];
      const wanYis = wanYi ? marksIn(marks, k, block.start, G_WANYI) : [];

      if (pct) for (const m of matchesNear(PCT_UNIT_RE, s, pcts, at0, afterNumber)) {
        const unitStart = at(m.index + 1);
        const unitEnd = unitStart + m[2].length;
        if (m[2].endsWith('百分点')) {
          const pct = at(m.index);
          report({
            offset: pct,
            endOffset: unitEnd,
            message: msg(
              `百分数后不再带“${m[2]}”：应写“%”或“${m[2]}”之一`,
              `a percentage takes no "${m[2]}": write either % or ${m[2]}`,
            ),
            suggestions: [
              { title: msg('保留“%”', 'keep %'), edits: [{ offset: unitStart, endOffset: unitEnd, text: '' }] },
              { title: msg(`保留“${m[2]}”`, `keep ${m[2]}`), edits: [{ offset: pct, endOffset: unitStart, text: '' }] },
            ],
          });
          continue;
        }
        report({
          offset: unitStart,
          endOffset: unitEnd,
          message: msg(`百分数后不应再带单位“${m[2]}”`, `a percentage takes no further unit ("${m[2]}")`),
          fix: { edits: [{ offset: unitStart, endOffset: unitEnd, text: '' }] },
        });
      }

      if (pct) for (const m of matchesNear(PCT_PCT_RE, s, pcts, at0, afterPct)) {
        const start = at(m.index);
        report({
          offset: start,
          endOffset: start + m[0].length,
          message: msg('百分号重复', 'the percent sign is doubled'),
          fix: { edits: [{ offset: start, endOffset: start + m[0].length, text: '' }] },
        });
      }

      if (wanYi && s.includes('亿万')) for (const m of matchesNear(YIWAN_RE, s, wanYis, at0, afterNumber)) {
        const start = at(m.index);
        const end = start + 2;
        report({
          offset: start,
          endOffset: end,
          message: msg('“亿万元”不是数值单位：应为“亿元”或“万亿元”', '亿万元 is not a unit: 亿元 or 万亿元'),
          suggestions: [
            { title: msg('改为“亿元”', 'change to 亿元'), edits: [{ offset: start, endOffset: end, text: '亿' }] },
            { title: msg('改为“万亿元”', 'change to 万亿元'), edits: [{ offset: start, endOffset: end, text: '万亿' }] },
          ],
        });
      }

      if (wanYi) for (const m of matchesNear(MONEY_AFTER_RE, s, wanYis, at0, afterNumber)) {
        if (GAP_STOP.test(m[2])) continue;
        const start = at(m.index);
        const end = start + m[1].length;
        const noun = m[3];
        report({
          offset: start,
          endOffset: end,
          message: msg(`金额缺少单位“元”：“${m[1]}${m[2]}${noun}”`, `a money amount without 元 ("${m[1]}${m[2]}${noun}")`),
          fix: { edits: [{ offset: start, endOffset: end, text: `${m[1]}元` }] },
        });
      }

      if (wanYi) for (const m of matchesNear(MONEY_BEFORE_RE, s, wanYis, moneyWordStart, moneyWordLead)) {
        if (sizeClass(s, m.index + m[0].length)) continue;
        const unit = m[1] + (m[2] ?? '');
        const start = at(m.index + m[0].length - unit.length);
        const end = start + unit.length;
        report({
          offset: start,
          endOffset: end,
          message: msg(`金额缺少单位：“${unit}”后应有“元”`, `a money amount without its unit: 元 after "${unit}"`),
          suggestions: [
            { title: msg(`改为“${unit}元”`, `change to ${unit}元`), edits: [{ offset: end, endOffset: end, text: '元' }] },
          ],
        });
      }

      if (g & G_QIANBAI) for (const m of matchesNear(MIX_RE, s, marksIn(marks, k, block.start, G_QIANBAI), numberStart, numberLead)) {
        const numStart = at(m.index);
        const wordStart = numStart + m[1].length;
        const placeholderNum = /^[Xx×]+$/.test(m[1]);
        if (placeholderNum && !doc.overlapsPlaceholder(numStart, wordStart)) continue; // Latin word, not a number
        const before = s[m.index - 1];
        const compound = before === '万' || before === '亿';
        const ascii = /^[0-9.]+$/.test(m[1]);
        const offset = placeholderNum ? wordStart : numStart;
        const suggestions =
          ascii && !compound
            ? [
                {
                  title: msg(`改为“${shiftDecimal(m[1], m[2] === '千' ? 3 : 2)}”`, `change to ${shiftDecimal(m[1], m[2] === '千' ? 3 : 2)}`),
                  edits: [{ offset: numStart, endOffset: wordStart + 1, text: shiftDecimal(m[1], m[2] === '千' ? 3 : 2) }],
                },
              ]
            : undefined;
        ctx.report({
          offset,
          endOffset: wordStart + 1,
          message: msg(
            `阿拉伯数字后只可用“万”“亿”，不可用“${m[2]}”`,
            `only 万 and 亿 may follow Arabic digits, not ${m[2]}`,
          ),
          ...(suggestions ? { suggestions } : {}),
        });
      }

      if (g & G_MINUS) for (const m of matchesNear(NEG_GROWTH_RE, s, marksIn(marks, k, block.start, G_MINUS), back2, growthLead)) {
        const start = at(m.index);
        const end = start + m[0].length;
        const opposite = OPPOSITE[m[1]];
        const edits: TextEdit[] | undefined = opposite ? [{ offset: start, endOffset: end, text: opposite }] : undefined;
        report({
          offset: start,
          endOffset: end,
          message: opposite
            ? msg(`“${m[1]}”后接负数：应写作“${opposite}”`, `"${m[1]}" with a negative number: write ${opposite}`)
            : msg(`“${m[1]}”后接负数：应改用“下降”表述`, `"${m[1]}" with a negative number: say 下降`),
          ...(edits ? { fix: { edits } } : {}),
        });
      }
    }
  },
};
export default rule;
