// date-format: how dates are written (GB/T 15835-2011 5.1.4†, GB/T 9704-2012 7.3.5.4).
import { parseChineseNumeral, toAsciiDigits } from '../model/numerals';
import { classifySection } from '../model/title';
import type { Rule, TextEdit } from '../types';
import { charTable, indexesOf, matchesNear, msg, positionsIn } from '../util';
import { CATEGORY } from '../categories';

const D = '[0-9０-９]';
/** `23年3月`, `23年度`, `23年底`, `23年上半年`: two digits that can only be a year (a count is `经过25年的`). */
const SHORT_YEAR_RE = new RegExp(`(?<![0-9０-９.．第约近])(${D}{2})年(?=${D}{1,2}月|度|底|末|初|上半年|下半年|第?[一二三四]季度|前三季度)`, 'y');
/** A date with Arabic month (and day): `2024年1月31日`, `01月05日`, `2月30日`; not an age (`36月龄`). */
const DATE_RE = new RegExp(
  `(?<![0-9０-９.．—～\\-－])(?:(${D}{4})年)?(${D}{1,2})月(?!龄)(?:(${D}{1,2})[日号])?(?:[（(]?(?:星期|周|礼拜)([一二三四五六日天])[）)]?)?`,
  'y',
);
const CN_DIGIT = '[〇零一二三四五六七八九]';
/** Mixed forms: `二〇二三年8月`, `2023年八月五日`. */
const MIXED_CN_YEAR_RE = new RegExp(`(${CN_DIGIT}{4})年(${D}{1,2})月(?:(${D}{1,2})日)?`, 'y');
const MIXED_CN_MONTH_RE = new RegExp(`(${D}{4})年(十[一二]?|[一二三四五六七八九])月(?:(三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日)?`, 'y');

// Each regex above is tried only near its 年 or 月 (util.matchesNear): the match starts at most this far before it.
const back2 = (_: string, p: number) => p - 2;
const back4 = (_: string, p: number) => p - 4;
const back7 = (_: string, p: number) => p - 7;
const DIGIT = charTable('0123456789０１２３４５６７８９');
const CN_DIGIT_CHAR = charTable('〇零一二三四五六七八九');
const digitAt = (s: string, i: number) => DIGIT[s.charCodeAt(i)] === 1;
const cnDigitAt = (s: string, i: number) => CN_DIGIT_CHAR[s.charCodeAt(i)] === 1;

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

/** Before `到`/`至`: the span is a length of time (`期限延长至30年`), not a date. */
const DURATION_BEFORE_TO = /(?:延长|缩短|提高|增加|减少|放宽|期限|年限|长达|达|再|为期)$/;
/** After `到35年` / `至25年`: what a target date is followed by (`到35年基本实现…`, `到25年，…`). */
const TARGET_AFTER = /^(?:[，,]|基本|全面|初步|实现|建成|形成|达到|力争|要|将|前|以前|之前|时)/;
/** A full year earlier in the clause: `从2020年到25年`, `2021年至25年`. */
const FULL_YEAR_BEFORE = /(?:19|20)[0-9]{2}年[^，。；;,]{0,12}$/;

/**
 * A year shortened to two digits where only a year can stand (GB/T 15835 5.1.4†): opening a heading of a kind
 * (`三、26年重点工作`), after `到`/`至` with a target (`到35年基本实现`) or beside a full year (`从2020年到25年`),
 * opening a sentence that says what the year is (`26年是…`), `刚刚过去的25年`. Never a duration: `经过25年`,
 * `25年来`, `近30年`, `期限延长至30年`. SHORT_YEAR_RE finds the ones before a month or a part of the year.
 * `i`: the index of 年 in `s`; returns the context, or undefined.
 */
function shortYearContext(
  doc: { headingOfBlock: ({ textOffset: number; text: string } | undefined)[] },
  bi: number,
  bs: number,
  s: string,
  i: number,
  base: number | undefined,
): 'heading' | 'to' | 'opener' | 'past' | undefined {
  if (i < 2 || !digitAt(s, i - 1) || !digitAt(s, i - 2)) return undefined;
  if (i >= 3 && (digitAt(s, i - 3) || /[.．%％]/.test(s[i - 3]))) return undefined;
  const before = s.slice(Math.max(0, i - 14), i - 2);
  const after = s.slice(i + 1, i + 6);
  if (/^(?:来|以来|内|间|多|余|左右|后|前|之|的|期|间)/.test(after)) return undefined;
  if (/(?:经过|历经|近|约|第|多|连续|过去|未来|用|花|这|那|每|全)$/.test(before)) return undefined;
  const h = doc.headingOfBlock[bi];
  const inHeading = h ? bs + i - 2 - h.textOffset : -1;
  if (h && inHeading >= 0 && inHeading <= h.text.length - 3) {
    // the year that frames a section: at its start or after 和 (`“十二五”时期和15年工作回顾`)
    if (!/^(?:对|关于)?$|[和及暨与]$/.test(h.text.slice(0, inHeading))) return undefined;
    // a section reviews or plans a year next to the report's: `（三）30年城市发展回顾` is thirty years
    const dd = Number(toAsciiDigits(s.slice(i - 2, i)));
    if (base === undefined || Math.abs((base % 100) - dd) > 2) return undefined;
    const full = h.text.slice(0, inHeading) + '20' + h.text.slice(inHeading);
    return classifySection(full) !== 'other' ? 'heading' : undefined;
  }
  if (/刚刚过去的$/.test(before)) return 'past';
  if (/[到至]$/.test(before)) {
    if (DURATION_BEFORE_TO.test(before.slice(0, -1))) return undefined;
    if (FULL_YEAR_BEFORE.test(before.slice(0, -1)) || TARGET_AFTER.test(after)) return 'to';
    return undefined;
  }
  if ((before === '' || /[。！？!?\s\u3000]$/.test(before)) && /^[，,]?是/.test(after)) return 'opener';
  return undefined;
}

function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function cnYear(s: string): number {
  return Number([...s].map((c) => (c === '〇' || c === '零' ? '0' : String(parseChineseNumeral(c)))).join(''));
}

const rule: Rule = {
  meta: {
    id: 'date-format',
    description: msg('日期的写法：年份写全、月日不补零、日期真实存在、星期与日期相符', 'How dates are written: full years, no zero padding, real dates, matching weekdays'),
    severity: 'warning',
    tags: ['date', 'number'],
    category: CATEGORY.years,
    fixable: true,
    clause: 'GB/T 15835-2011 5.1.4; GB/T 9704-2012 7.3.5.4',
    docs: {
      why: msg(
        '年份不能简写（“23年”应为“2023年”）；公文日期用阿拉伯数字，月、日不编虚位（“01月05日”应为“1月5日”）；同一日期不混用汉字和阿拉伯数字；不存在的日期和与日期不符的星期一定是笔误。表示时长的“经过25年”“3年”不是日期，不受此规则约束。',
        'Years are written in full (2023年, not 23年); dates use Arabic numerals without zero padding (1月5日, not 01月05日); one date uses one numeral form; a date that does not exist or a weekday that does not match it is a slip. Durations such as 经过25年 are not dates.',
      ),
      examples: [
        { wrong: '23年3月，园区启动二期建设。', right: '2023年3月，园区启动二期建设。' },
        { wrong: '到35年基本实现社会主义现代化。', right: '到2035年基本实现社会主义现代化。' },
        { wrong: '经过25年的发展', note: msg('时长，不是年份，不报告', 'a duration, not a year: not reported') },
        { wrong: '2024年01月05日', right: '2024年1月5日' },
        { wrong: '2023年2月30日', note: msg('2月没有30日', 'February has no 30th') },
        { wrong: '2024年1月31日（星期四）', right: '2024年1月31日（星期三）' },
        { wrong: '二〇二三年8月', right: '2023年8月' },
      ],
    },
  },
  check({ doc, report }) {
    const base = doc.years.report ?? doc.years.summary ?? doc.years.plan;
    const allYears = indexesOf(doc.prose, '年');
    const allMonths = indexesOf(doc.prose, '月');
    for (let bi = 0; bi < doc.blocks.length; bi++) {
      const b = doc.blocks[bi];
      const years = positionsIn(allYears, b.start, b.end);
      const months = positionsIn(allMonths, b.start, b.end);
      if (!years.length && !months.length) continue;
      const s = doc.prose.slice(b.start, b.end);
      const skip = (a: number, e: number) => doc.overlapsPlaceholder(b.start + a, b.start + e);

      const shorts: { index: number; 0: string; 1: string; ahead: number }[] = matchesNear(SHORT_YEAR_RE, s, years, back2, digitAt).map((m) => ({
        index: m.index,
        0: m[0],
        1: m[1],
        ahead: 10,
      }));
      for (const i of years) {
        if (shorts.some((m) => m.index === i - 2)) continue;
        const ctx = shortYearContext(doc, bi, b.start, s, i, base);
        // a target date may lie further ahead (`到35年`, `到2050年`)
        if (ctx) shorts.push({ index: i - 2, 0: s.slice(i - 2, i + 1), 1: s.slice(i - 2, i), ahead: ctx === 'to' ? 30 : 10 });
      }
      shorts.sort((x, y) => x.index - y.index);
      for (const m of shorts) {
        if (skip(m.index, m.index + m[0].length)) continue;
        const dd = Number(toAsciiDigits(m[1]));
        const off = b.start + m.index;
        let fix: TextEdit[] | undefined;
        let full: number | undefined;
        if (base !== undefined) {
          full = Math.floor(base / 100) * 100 + dd;
          if (full > base + m.ahead) full -= 100;
          fix = [{ offset: off, endOffset: off + 2, text: String(full) }];
        }
        report({
          offset: off,
          endOffset: off + m[0].length,
          message: msg(
            `年份不应简写：“${m[0]}”${full ? `应为“${full}年”` : '应写全四位年份'}`,
            `do not shorten a year: "${m[0]}"${full ? ` should be "${full}年"` : ' needs its four digits'}`,
          ),
          ...(fix ? { fix: { edits: fix } } : {}),
        });
      }

      for (const m of matchesNear(DATE_RE, s, months, back7, digitAt)) {
        const [all, ys, ms, ds, wd] = m;
        if (skip(m.index, m.index + all.length)) continue;
        const year = ys ? Number(toAsciiDigits(ys)) : undefined;
        const month = Number(toAsciiDigits(ms));
        const day = ds ? Number(toAsciiDigits(ds)) : undefined;
        const off = b.start + m.index;
        const end = off + all.length;
        if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > daysIn(month, year)))) {
          const what = month < 1 || month > 12 ? `没有${month}月` : `${year ? `${year}年` : ''}${month}月没有${day}日`;
          const whatEn = month < 1 || month > 12 ? `there is no month ${month}` : `month ${month} has no day ${day}${year ? ` in ${year}` : ''}`;
          report({ offset: off, endOffset: end, severity: 'error', message: msg(`日期不存在：${what}`, `the date does not exist: ${whatEn}`) });
          continue;
        }
        // Zero-padded month or day (GB/T 9704 7.3.5.4: 不编虚位).
        const pads: TextEdit[] = [];
        const mAt = off + (ys ? ys.length + 1 : 0);
        if (ms.length === 2 && /^[0０]/.test(ms)) pads.push({ offset: mAt, endOffset: mAt + 1, text: '' });
        if (ds && ds.length === 2 && /^[0０]/.test(ds)) {
          const dAt = mAt + ms.length + 1;
          pads.push({ offset: dAt, endOffset: dAt + 1, text: '' });
        }
        if (pads.length) {
          const padEnd = ds ? mAt + ms.length + 1 + ds.length + 1 : mAt + ms.length + 1;
          const right = `${month}月${day !== undefined ? `${day}日` : ''}`;
          report({
            offset: mAt,
            endOffset: padEnd,
            severity: 'info',
            message: msg(`月、日不编虚位：应为“${right}”`, `no zero padding in months and days: "${right}"`),
            fix: { edits: pads },
          });
        }
        if (wd && year !== undefined && day !== undefined) {
          const actual = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
          const written = wd === '天' ? 0 : WEEKDAY.indexOf(wd);
          if (written !== actual) {
            const wAt = off + all.lastIndexOf(wd);
            report({
              offset: off,
              endOffset: end,
              message: msg(
                `${year}年${month}月${day}日是星期${WEEKDAY[actual]}，不是星期${wd}`,
                `${year}-${month}-${day} was a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][actual]}`,
              ),
              suggestions: [{ title: msg(`改为星期${WEEKDAY[actual]}`, `change the weekday to 星期${WEEKDAY[actual]}`), edits: [{ offset: wAt, endOffset: wAt + 1, text: WEEKDAY[actual] }] }],
            });
          }
        }
      }

      // Both mixed forms need a 年 and a 月.
      if (!years.length || !months.length) continue;
      for (const m of matchesNear(MIXED_CN_YEAR_RE, s, years, back4, cnDigitAt)) {
        if (skip(m.index, m.index + m[0].length)) continue;
        const off = b.start + m.index;
        const y = cnYear(m[1]);
        report({
          offset: off,
          endOffset: off + m[0].length,
          severity: 'info',
          message: msg(`同一日期混用汉字和阿拉伯数字：应为“${y}年…”`, `one date mixes Chinese and Arabic numerals: write "${y}年…"`),
          fix: { edits: [{ offset: off, endOffset: off + m[1].length, text: String(y) }] },
        });
      }
      for (const m of matchesNear(MIXED_CN_MONTH_RE, s, years, back4, digitAt)) {
        if (skip(m.index, m.index + m[0].length)) continue;
        const off = b.start + m.index;
        const mo = parseChineseNumeral(m[2])!;
        const da = m[3] ? parseChineseNumeral(m[3]) : undefined;
        if (mo > 12 || (da !== undefined && da > 31)) continue;
        const mAt = off + m[1].length + 1;
        const edits: TextEdit[] = [{ offset: mAt, endOffset: mAt + m[2].length, text: String(mo) }];
        if (m[3] && da !== undefined) {
          const dAt = mAt + m[2].length + 1;
          edits.push({ offset: dAt, endOffset: dAt + m[3].length, text: String(da) });
        }
        report({
          offset: off,
          endOffset: off + m[0].length,
          severity: 'info',
          message: msg(
            `同一日期混用阿拉伯数字和汉字：应为“${toAsciiDigits(m[1])}年${mo}月${da !== undefined ? `${da}日` : ''}”`,
            `one date mixes Arabic and Chinese numerals: write "${toAsciiDigits(m[1])}年${mo}月${da !== undefined ? `${da}日` : ''}"`,
          ),
          fix: { edits },
        });
      }
    }
  },
};
export default rule;
