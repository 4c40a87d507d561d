// indicator-consistency: one indicator stated with two values for the same period and scope in one report
// (`地区生产总值增长5.2%` … `地区生产总值增长5.5%`). The statements come from the model (model/indicators.ts):
// indicator, scope, period (the report part's time frame), growth or level, actual or target.
import type { Rule, RuleContext } from '../types';
import { msg } from '../util';
import { CATEGORY } from '../categories';
import { indicatorStatements, sameValue, type IndicatorStatement } from '../model/indicators';

const CLASS_NAME = {
  actual: { zh: '实际', en: 'actual' },
  target: { zh: '目标', en: 'target' },
  stretch: { zh: '力争目标', en: 'stretch target' },
} as const;

const rule: Rule = {
  meta: {
    id: 'indicator-consistency',
    description: msg('同一指标前后数值一致', 'One indicator, one value'),
    severity: 'warning',
    tags: ['numbers', 'consistency'],
    category: CATEGORY.numbers,
    fixable: false,
    clause: '《党政机关公文处理工作条例》第十九条（情况确实，表述准确）',
    docs: {
      why: msg(
        '同一报告中，同一指标在同一时期、同一范围内只能有一个数值。报告多由旧稿和各部门材料拼成，同一指标常在两处写出不同数值。目标（预期、力争）与实际、不同年份、不同地域（全市、县域）、增速与总量、“其中”部分分开比较；只有指标、时期、范围和口径都明确相同时才报告。',
        'Within one report, an indicator has one value for one period and scope. Reports are assembled from older drafts and departments\' material, and the same indicator often ends up with two values. Targets (预期, 力争) and actuals, years, regions (全市, 县域), growth and level, and 其中 parts are kept apart; only statements whose indicator, period, scope and measure are clearly the same are compared.',
      ),
      examples: [
        {
          wrong: '全年地区生产总值增长5.2%……（后文）地区生产总值增长5.5%，总量迈上新台阶。',
          note: msg('后一处与前一处矛盾：须核对统计数据，统一为一个数值', 'the second statement contradicts the first: check the statistics and use one value'),
        },
        {
          wrong: '一般公共预算收入160亿元……（后文）一般公共预算收入完成158亿元。',
        },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { doc } = ctx;
    const firstOf = new Map<string, IndicatorStatement>();
    for (const s of indicatorStatements(doc)) {
      if (doc.overlapsPlaceholder(s.offset, s.endOffset)) continue;
      const key = [s.indicator.id, s.scope, s.frame, s.year ?? '', s.measure, s.cls].join('\u0000');
      const first = firstOf.get(key);
      if (!first) {
        firstOf.set(key, s);
        continue;
      }
      if (sameValue(first, s)) continue;
      const line = doc.lines.position(first.offset).line + 1;
      const what = `${s.scope}${s.indicator.zh}`;
      const cls = CLASS_NAME[s.cls];
      ctx.report({
        offset: s.offset,
        endOffset: s.endOffset,
        message: msg(
          `“${what}”此处为“${s.text}”，与第${line}行同期${cls.zh}数“${first.text}”不一致`,
          `${what} (${s.indicator.en}) is "${s.text}" here but "${first.text}" on line ${line}, the same period's ${cls.en} figure`,
        ),
      });
    }
  },
};

export default rule;
