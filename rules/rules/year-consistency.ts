// year-consistency: years that do not match the report's own year (a report written from last year's).
import type { Heading } from '../model/document';
import { hasFullWidthDigit } from '../model/numerals';
import { PLAN_NAME_RE } from '../model/title';
import { sentenceBody, yearValue } from '../lib/report-years';
import type { ReportInput, Rule } from '../types';
import { indexesOf, msg } from '../util';
import { firstAtOrAfter } from '../model/lines';
import { CATEGORY } from '../categories';

const Y = '(?:19|20|１９|２０)[0-9０-９]{2}';
const D = '[0-9０-９]';
/** A period inside a year: `2022年上半年`, `2022年1—9月`, `2022年底`. */
const PERIOD = `(?:上半年|下半年|前三季度|第?[一二三四]季度|全年|年初|年底|年末|底|末|初|${D}{1,2}(?:[—～\\-－]${D}{1,2})?月(?:份|底|末|初)?)?`;
/**
 * What makes a year the frame of what follows: a comma, `是`, or a verb of the year's results, after an optional
 * subject (`2022年园区实现…`). Not a bare subject: `2004年我们提出用三年时间…` recalls an earlier decision.
 */
const FRAME_NEXT =
  '(?=[，,]|是|(?:我们|全区|全市|全县|全镇|全省|全局|园区|我区|我市|我县|我镇|我局)?(?:全年|累计|共|计划|将|预计|力争|实现|完成|新建|新增|新开工|开工|签约|引进|招引|获批|荣获))';
/** A sentence that opens on a year: `2022年，园区实现…`, `2022年是…之年`, `一是2022年上半年，…`. */
const OPENER_RE = new RegExp(
  `^(?:(?:[一二三四五六七八九十]是|首先|其次|同时|此外|另外|第[一二三四五六七八九十])[，,]?)?在?(${Y})年度?${PERIOD}${FRAME_NEXT}`,
);
/** A year inside a sentence that frames a result: `核心区2022年新建绿色建筑…`, `力争2023年完成…`. */
const INNER_RE = new RegExp(`(${Y})年度?${PERIOD}(?=新建|新增|新开工|完成|实现|累计|共完成|全年|将)`, 'g');
/** Before a year: a comparison, a range or a list, a starting point (`较2022年`, `2021—2023年`, `自2022年`). */
const NOT_FRAME_BEFORE = /(?:较|比|与|和|及|同|自|从|至|到|于|截至|截止|超过|超出|高于|低于|恢复|、|—|-|－|～|~|对比|相比|相较)$/;

function sameWidth(original: string, year: number): string {
  const s = String(year);
  return hasFullWidthDigit(original) ? s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s;
}

/**
 * Four-digit years before a percent sign, after a word (`增长2023%`), not inside a longer number: what
 * /(?<=[\u4e00-\u9fff])((?:19|20)[0-9]{2})[%％]/g matches, found from the percent signs (a regex with a
 * lookbehind tried at every position of the prose cost more than the rest of the rule).
 */
function yearPercents(p: string): number[] {
  const out: number[] = [];
  for (const sign of ['%', '％']) {
    for (let at = p.indexOf(sign, 5); at >= 0; at = p.indexOf(sign, at + 1)) {
      const s = at - 4;
      const h = p.charCodeAt(s - 1);
      if (h < 0x4e00 || h > 0x9fff) continue;
      const a = p.charCodeAt(s);
      const b = p.charCodeAt(s + 1);
      if (!((a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30))) continue;
      const c = p.charCodeAt(s + 2);
      const d = p.charCodeAt(s + 3);
      if (c < 0x30 || c > 0x39 || d < 0x30 || d > 0x39) continue;
      out.push(s);
    }
  }
  return out.sort((x, y) => x - y);
}

const KIND_ZH = { summary: '总结', plan: '计划' } as const;

/** Whether one of the 年 at `nians` (in order) in [from, to) follows a digit. */
function hasYear(prose: string, nians: number[], from: number, to: number): boolean {
  for (let i = firstAtOrAfter(nians, from); i < nians.length && nians[i] < to; i++) {
    const c = prose.charCodeAt(nians[i] - 1);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'year-consistency',
    description: msg('年份与报告年度不一致', "Years that do not match the report's year"),
    severity: 'error',
    tags: ['year', 'consistency'],
    category: CATEGORY.years,
    fixable: true,
    clause: '公文写作规范：时间要素准确（GB/T 9704-2012 7.3.5.4 成文日期）',
    docs: {
      why: msg(
        '报告常以上一年的文稿为底稿改写，漏改的年份一眼就会被读者发现。工作总结的“总结”部分写本年度，“思路/打算/计划”部分写下一年度；政府工作报告回顾上一年、部署本年，多年回顾（“过去五年”“十四五时期”）和远景展望中的年份不在检查之列。报告年度由标题、落款日期、各章节标题和正文（如“今年是新中国成立75周年”）共同确定；互相矛盾时，报告与其余各处都不一致的那一处。',
        "Reports are written from last year's; a year left unchanged is caught by any reader. A work report's summary covers its year and its plan part the next year; a government report of year N reviews N−1 and sets tasks for N. Multi-year reviews and look-aheads are not checked. The report's year is weighed from its title, dateline, section headings and text (今年是新中国成立75周年); where they disagree, the one that contradicts all the others is reported.",
      ),
      examples: [
        { wrong: '绿建区2023年工作总结及2024年工作思路\n一、2022年工作总结', right: '绿建区2023年工作总结及2024年工作思路\n一、2023年工作总结' },
        { wrong: '绿建区2023年工作总结及2025年工作思路', right: '绿建区2023年工作总结及2024年工作思路' },
        { wrong: '一、2023年工作总结\n2022年，园区实现营业收入50亿元。', right: '一、2023年工作总结\n2023年，园区实现营业收入50亿元。' },
        { wrong: '二、2024年工作打算\n2023年计划招引重大项目5个。', right: '二、2024年工作打算\n2024年计划招引重大项目5个。' },
        {
          wrong: '2025年政府工作报告\n——2024年1月15日在市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n二、2024年主要任务',
          right: '2024年政府工作报告\n——2024年1月15日在市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n二、2024年主要任务',
          note: msg('标题年份与落款日期和各章节都不符：报告的是标题', "the title's year contradicts the dateline and every section: the title is reported"),
        },
      ],
    },
  },
  check({ doc, report }) {
    const ys = doc.years;
    if (ys.source === 'none') return;
    const gov = doc.kind === 'government-report';
    const title = doc.title;

    // 1. The title's own years against a configured year, and the plan year against the summary year.
    if (title) {
      const ts = title.years.find((y) => y.role === 'summary');
      const tp = title.years.find((y) => y.role === 'plan');
      const tr = title.years.find((y) => y.role === 'report');
      const check = (m: typeof ts, want: number | undefined) => {
        if (!m || want === undefined || m.year === want) return;
        const orig = doc.text.slice(m.offset, m.endOffset);
        report({
          offset: m.offset,
          endOffset: m.endOffset,
          message: msg(`标题年份“${orig}”与设定的报告年度${want}年不符`, `the title's year ${orig} contradicts the configured report year ${want}`),
          fix: { edits: [{ offset: m.offset, endOffset: m.endOffset, text: sameWidth(orig, want) }] },
        });
      };
      if (ys.source === 'setting') {
        check(ts, ys.summary);
        check(tp, ys.plan);
        check(tr, ys.report);
      } else if (ts && tp && !ys.outliers?.some((x) => x.what === 'title')) {
        const ok = title.period === 'year' ? [ts.year + 1] : [ts.year, ts.year + 1];
        if (!ok.includes(tp.year)) {
          const orig = doc.text.slice(tp.offset, tp.endOffset);
          report({
            offset: tp.offset,
            endOffset: tp.endOffset,
            severity: 'warning',
            message: msg(
              `计划年份${tp.year}年不是总结年份${ts.year}年的下一年`,
              `the plan year ${tp.year} is not the year after the summary year ${ts.year}`,
            ),
            suggestions: [
              {
                title: msg(`改为${ts.year + 1}`, `change to ${ts.year + 1}`),
                edits: [{ offset: tp.offset, endOffset: tp.endOffset, text: sameWidth(orig, ts.year + 1) }],
              },
            ],
          });
        }
      }
    }

    // 1b. A title or dateline year that the rest of the report contradicts with one voice (the model weighs them).
    for (const x of ys.outliers ?? []) {
      const base = gov ? ys.report : ys.summary;
      if (base === undefined) continue;
      const want = x.expect(base);
      const orig = doc.text.slice(x.offset, x.endOffset);
      const where = x.what === 'title' ? msg('标题', 'the title') : msg('落款日期', 'the dateline');
      report({
        offset: x.offset,
        endOffset: x.endOffset,
        message: msg(`${where.zh}年份“${orig}”与报告其余各处（标题、落款日期、章节、正文）不符：应为${want}年`, `${where.en}'s year ${orig} contradicts the rest of the report: ${want}`),
        suggestions: [{ title: msg(`改为${want}`, `change to ${want}`), edits: [{ offset: x.offset, endOffset: x.endOffset, text: sameWidth(orig, want) }] }],
      });
    }

    // 2. Section headings: the outermost summary/plan section in its chain, with the year that frames it.
    const titleWords = new Map<number, string>();
    if (title) {
      const tp = title.years.find((y) => y.role === 'plan');
      if (tp) {
        const after = doc.prose.slice(tp.endOffset, title.endOffset);
        PLAN_NAME_RE.lastIndex = 0;
        const w = PLAN_NAME_RE.exec(after);
        if (w) titleWords.set(tp.year, w[0]);
      }
    }
    for (const h of doc.headings) {
      if (h.kind !== 'summary' && h.kind !== 'plan') continue;
      let outer = true;
      for (let p: Heading | undefined = h.parent; p; p = p.parent) if (p.kind !== 'other') outer = false;
      if (!outer || h.year === undefined || h.yearOffset === undefined || h.yearEndOffset === undefined) continue;
      const want = doc.expectedYear(h.kind);
      if (want === undefined) continue;
      const orig = doc.text.slice(h.yearOffset, h.yearEndOffset);
      if (h.year !== want) {
        const part = gov ? (h.kind === 'summary' ? '工作回顾' : '工作任务') : KIND_ZH[h.kind] + '部分';
        const partEn = gov ? (h.kind === 'summary' ? 'review' : 'tasks') : h.kind;
        report({
          offset: h.yearOffset,
          endOffset: h.yearEndOffset,
          message: msg(
            `章节年份“${orig}”与报告不符：本报告的${part}应为${want}年`,
            `the section's year ${orig} contradicts the report: its ${partEn} section is about ${want}`,
          ),
          fix: { edits: [{ offset: h.yearOffset, endOffset: h.yearEndOffset, text: sameWidth(orig, want) }] },
        });
        continue;
      }
      // 思路 in the title, 打算 in the section, for the same year.
      const tw = h.kind === 'plan' ? titleWords.get(h.year) : undefined;
      if (tw) {
        const rest = doc.prose.slice(h.yearEndOffset, h.textEndOffset);
        PLAN_NAME_RE.lastIndex = 0;
        const w = PLAN_NAME_RE.exec(rest);
        if (w && w[0] !== tw) {
          const off = h.yearEndOffset + w.index;
          report({
            offset: off,
            endOffset: off + w[0].length,
            severity: 'info',
            message: msg(
              `标题称“${h.year}年工作${tw}”，此处称“${w[0]}”：同一部分宜用同一名称`,
              `the title calls the ${h.year} part "${tw}", this heading "${w[0]}": use one name`,
            ),
            suggestions: [{ title: msg(`改为“${tw}”`, `change to "${tw}"`), edits: [{ offset: off, endOffset: off + w[0].length, text: tw }] }],
          });
        }
      }
    }

    // 2b. A year written where a number belongs: `增长2023%` in a report about 2023.
    const near = [ys.summary, ys.plan, ys.report].filter((y): y is number => y !== undefined);
    if (near.length) {
      const lo = Math.min(...near) - 3;
      const hi = Math.max(...near) + 1;
      for (const at of yearPercents(doc.prose)) {
        const found = doc.prose.slice(at, at + 5);
        const v = yearValue(found.slice(0, 4));
        if (v < lo || v > hi || doc.overlapsPlaceholder(at, at + 5)) continue;
        report({
          offset: at,
          endOffset: at + 4,
          severity: 'warning',
          message: msg(`“${found}”：百分数写成了年份${v}，应为实际数值`, `"${found}": a year (${v}) written where the percentage belongs`),
        });
      }
    }

    // 3. Sentences in a summary or plan section that open on an earlier year: possibly last year's text.
    const headingBlocks = new Set(doc.headings.map((h) => h.block));
    // Both regexes need a year: a 年 after a digit, four characters into the sentence or more.
    const nians = indexesOf(doc.prose, '年');
    for (const s of doc.sentences) {
      if (title && s.start < title.endOffset) continue;
      if (!hasYear(doc.prose, nians, s.start + 4, s.end)) continue;
      const frame = doc.timeFrameAt(s.start);
      if ((frame.kind !== 'summary' && frame.kind !== 'plan') || frame.year === undefined) continue;
      const want = frame.year;
      const { start, text } = sentenceBody(doc, s);
      // A section's own heading text is checked above.
      if (headingBlocks.has(s.block) && frame.heading?.block === s.block && frame.heading.yearOffset !== undefined && start <= frame.heading.yearOffset && frame.heading.yearOffset < s.end) continue;
      const hits: { offset: number; endOffset: number; year: number }[] = [];
      const o = OPENER_RE.exec(text);
      // A government report's review recalls earlier years (`2015年，杭州经济总量破万亿`): only last year's year
      // opening a sentence is last year's text there (`2016年，…` in a 2017 review; `2025年是…收官之年` in a 2026 plan).
      if (o && (!gov || yearValue(o[1]) === want - 1)) {
        const at = start + o[0].indexOf(o[1]);
        hits.push({ offset: at, endOffset: at + o[1].length, year: yearValue(o[1]) });
      }
      INNER_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while (!gov && (m = INNER_RE.exec(text))) {
        const at = start + m.index;
        if (hits.some((x) => x.offset === at)) continue;
        if (m.index === 0 || NOT_FRAME_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
        if (/[0-9０-９]$/.test(text.slice(0, m.index))) continue;
        hits.push({ offset: at, endOffset: at + m[1].length, year: yearValue(m[1]) });
      }
      for (const x of hits) {
        if (x.year >= want || doc.overlapsPlaceholder(x.offset, x.endOffset)) continue;
        const orig = doc.text.slice(x.offset, x.endOffset);
        const part = frame.kind === 'summary' ? '总结' : '计划';
        const out: ReportInput = {
          offset: x.offset,
          endOffset: x.endOffset,
          severity: 'warning',
          message: msg(
            `${part}部分写的是${want}年，这里却是${x.year}年：可能是往年的文字`,
            `this ${frame.kind} section is about ${want}, but the sentence is framed by ${x.year}: possibly last year's text`,
          ),
          suggestions: [{ title: msg(`改为${want}`, `change to ${want}`), edits: [{ offset: x.offset, endOffset: x.endOffset, text: sameWidth(orig, want) }] }],
        };
        report(out);
      }
    }
  },
};
export default rule;
