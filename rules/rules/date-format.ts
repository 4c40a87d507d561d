// date-format: how dates are written (GB/T 15835-2011 5.1.4†, GB/T 9704-2012 7.3.5.4).
import { parseChineseNumeral, toAsciiDigits } from '../model/numerals';
import type { Rule, TextEdit } from '../types';
import { charTable, indexesOf, matchesNear, msg, positionsIn } from '../util';
import { CATEGORY } from '../categories';

const D = '[0-9０-９]';
/** `23年3月`, `23年度`, `23年底`, `23年上半年`: two digits that can only be a year (a count is `经过25年的`). */
const SHORT_YEAR_RE = new RegExp(`(?<![0-9０-９.．第约近])(${D}{2})年(?=${D}{1,2}月|度|底|末|初|上半年|下半年|第?[一二三四]季度|前三季度)`, 'y');
/** A date with Arabic month (and day): `2024年1月31日`, `01月05日`, `2月30日`. */
const DATE_RE = new RegExp(
  `(?<![0-9０-９.．—～\\-－])(?:(${D}{4})年)?(${D}{1,2})月(?:(${D}{1,2})[日号])?(?:[（(]?(?:星期|周|礼拜)([一二三四五六日天])[）)]?)?`,
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
    for (const b of doc.blocks) {
      const years = positionsIn(allYears, b.start, b.end);
      const months = positionsIn(allMonths, b.start, b.end);
      if (!years.length && !months.length) continue;
      const s = doc.prose.slice(b.start, b.end);
      const skip = (a: number, e: number) => doc.overlapsPlaceholder(b.start + a, b.start + e);

      for (const m of matchesNear(SHORT_YEAR_RE, s, years, back2, digitAt)) {
        if (skip(m.index, m.index + m[0].length)) continue;
        const dd = Number(toAsciiDigits(m[1]));
        const off = b.start + m.index;
        let fix: TextEdit[] | undefined;
        let full: number | undefined;
        if (base !== undefined) {
          full = Math.floor(base / 100) * 100 + dd;
          if (full > base + 10) full -= 100;
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
