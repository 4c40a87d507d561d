// number-range: the connector of a span or range of numbers (GB/T 15834-2011 4.13; GB/T 15835-2011 5.1.3).
import type { Rule, RuleContext } from '../types';
import { charTable, matchesNear, msg } from '../util';
import { G_CONN, isHyphen, isLatin, marksIn, numberMarks } from '../lib/numbers-text';
import { namedMark } from '../lib/mark-names';
import { CATEGORY } from '../categories';

// A number (ASCII or full-width digits, one decimal part) or a run of placeholder x's.
const NUM = '(?:[0-9\\uff10-\\uff19]+(?:[.．][0-9\\uff10-\\uff19]+)?|[Xx]+)';
// A unit kept on the first value.
const UNIT_A = '(?:[%％‰]|万亿元|万亿|万元|亿元|[万亿]|元|年|月|日)';
// The connector: a hyphen of any width, a wave dash, or a single 一字线 (never the dash 破折号 ——).
const CONN = '(?:[\\-\\uff0d\\u2010\\u2013~～〜]|—(?!—))';
// Not inside a code, an ID, a time, a chain or a Latin word: nothing number-like right before the first value.
const RANGE_RE = new RegExp(
  `(?<![0-9\\uff10-\\uff19.．A-Za-z/\\\\_#＃:：~～〜—\\-\\uff0d\\u2010\\u2013])(${NUM})(${UNIT_A})?(${CONN})(${NUM})`,
  'y',
);
// RANGE_RE is tried only before a connector (util.matchesNear): the first value and its unit are a run of these.
const VALUE_CHAR = charTable('0123456789０１２３４５６７８９.．Xx%％‰万亿元年月日');
const VALUE_LEAD = charTable('0123456789０１２３４５６７８９Xx');
const valueStart = (s: string, p: number, next: number) => {
  let j = p;
  while (j > next && VALUE_CHAR[s.charCodeAt(j - 1)] === 1) j--;
  return j;
};
const valueLead = (s: string, i: number) => VALUE_LEAD[s.charCodeAt(i)] === 1;

// What may follow the second value of a range joined by a hyphen: a measure word makes it a range or a span.
// Addresses and ordinals (号 楼 室 栋 层 期) are left alone: `3-2号楼` is a name, not a range.
const MAGNITUDE_RE = /^(?:[%％‰]|万亿|[万亿])/;
const CALENDAR_RE = /^(?:年(?!代)|月(?!份?[0-9０-９])|月份|日|时(?!间)|季度|世纪)/;
const VALUE_UNIT_RE =
  /^(?:[%％‰℃]|万亿|[万亿]|元|美元|个|人|名|家|户|项|次|件|台|套|所|岁|周岁|倍|天|小时|分钟|秒|年|米|公里|千米|厘米|毫米|平方|立方|亩|公顷|吨|千克|公斤|克|斤|度|千瓦|瓦|伏|条|座|辆|头|只|株|棵|张|床|位|篇|本|场|轮|届|成|级|部|批|支|周|日)/;

const SPAN_DASH = '—';
const RANGE_MARK = '～';

function digitsOf(s: string): string {
  return s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const rule: Rule = {
  meta: {
    id: 'number-range',
    description: msg('数值范围和时间、地点起止的连接号', 'The connector of number ranges and spans'),
    severity: 'error',
    tags: ['numbers', 'punctuation'],
    category: CATEGORY.numbers,
    fixable: true,
    clause: 'GB/T 15834-2011 4.13; GB/T 15835-2011 5.1.3',
    docs: {
      why: msg(
        '连接号“-”只用于化合物名称、门牌号、电话号码、产品型号和纯数字日期。时间、地点的起止用一字线“—”（也可用浪纹线），数值范围用浪纹线“～”（也可用一字线）；范围前一个数值的“%”“万”“亿”不能省略，否则数值就变了。',
        'A hyphen belongs to compounds, model numbers, phone numbers and numeric dates. A span of time or place takes the en-dash-like 一字线 "—" (or "～"), a value range the wave dash "～" (or "—"); the first value keeps %, 万 and 亿, since dropping them changes the number.',
      ),
      examples: [
        { wrong: '1-9月，园区实现工业总产值X亿元', right: '1—9月，园区实现工业总产值X亿元' },
        { wrong: '“十四五”（2021-2025年）期间', right: '“十四五”（2021—2025年）期间' },
        { wrong: '国内生产总值增长6.5%－7%', right: '国内生产总值增长6.5%～7%' },
        { wrong: '增速保持在15～30%', right: '增速保持在15%～30%' },
        { wrong: '带动就业5-10万人', right: '带动就业5万～10万人' },
        { wrong: '计划投资9～16亿元', right: '计划投资9亿～16亿元' },
        { wrong: '今年x-xx月，园区实现主营业务收入xxx.xx亿元', right: '今年x—xx月，园区实现主营业务收入xxx.xx亿元' },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { doc } = ctx;
    const marks = numberMarks(doc);
    for (let k = 0; k < doc.blocks.length; k++) {
      // RANGE_RE needs a connector (CONN) to match
      if (!(marks.flags[k] & G_CONN)) continue;
      const block = doc.blocks[k];
      const s = doc.prose.slice(block.start, block.end);
      for (const m of matchesNear(RANGE_RE, s, marksIn(marks, k, block.start, G_CONN), valueStart, valueLead)) {
        const [, a, unitA = '', conn, b] = m;
        const aStart = m.index;
        const connStart = aStart + a.length + unitA.length;
        const bStart = connStart + conn.length;
        const bEnd = bStart + b.length;
        const after = s.slice(bEnd, bEnd + 4);
        const next = after[0];
        // A chain (2024-01-31, 1-1-1, 1.2.3), a time (8:30), a code (9704-2012A) or a Latin word: not a range.
        if (next !== undefined && (/[0-9A-Za-z/\\_:：]/.test(next) || ((isHyphen(next) || next === '.' || next === '．') && /[0-9０-９Xx]/.test(after[1] ?? ''))))
          continue;
        // `GB/T 9704-2012`: a number right after a Latin word and a space is a code.
        if (/\s/.test(s[aStart - 1] ?? '') && (isLatin(s[aStart - 2]) || /[0-9]/.test(s[aStart - 2] ?? ''))) continue;
        // x's count as numbers only where they are placeholders (not a Latin X).
        const aPh = /^[Xx]+$/.test(a);
        const bPh = /^[Xx]+$/.test(b);
        if (aPh && !doc.overlapsPlaceholder(block.start + aStart, block.start + aStart + a.length)) continue;
        if (bPh && !doc.overlapsPlaceholder(block.start + bStart, block.start + bEnd)) continue;
        const hyphen = isHyphen(conn);
        const magnitude = MAGNITUDE_RE.exec(after)?.[0];
        // The first value dropped the %, 万 or 亿 of the second: `15～30%`.
        const dropped = !unitA && magnitude ? magnitude : '';
        const aDigits = digitsOf(a);
        const bDigits = digitsOf(b);

        let kind: 'span' | 'range';
        if (hyphen) {
          // Numeric dates, IDs and phone numbers have zero-padded parts: 2024-01, 0512-6888.
          if ((/^0\d/.test(aDigits) && !aPh) || (/^0\d/.test(bDigits) && !bPh)) continue;
          const calendar = CALENDAR_RE.test(after);
          const years = /^\d{4}$/.test(aDigits) && /^\d{4}$/.test(bDigits);
          if (/^[年月日]$/.test(unitA) || (calendar && (!after.startsWith('年') || years || aPh || bPh))) kind = 'span';
          else if (unitA || VALUE_UNIT_RE.test(after)) kind = 'range';
          else continue; // no unit on either side: a code or a label (图3-1), not a range
        } else {
          if (!dropped) continue; // ～, ~ and — are accepted; only a dropped % / 万 / 亿 is wrong
          kind = 'range';
        }

        const newConn = hyphen ? (kind === 'span' ? SPAN_DASH : RANGE_MARK) : conn;
        const text = (kind === 'range' ? dropped : '') + newConn;
        const connOffset = block.start + connStart;
        const connEnd = connOffset + conn.length;
        // The finding covers the whole range, unless a placeholder is in it: then the connector alone.
        const magEnd = block.start + bEnd + (magnitude?.length ?? 0);
        const calEnd = block.start + bEnd + (kind === 'span' && /^[年月日]/.test(after) ? 1 : 0);
        let offset = block.start + aStart;
        let endOffset = kind === 'range' ? magEnd : calEnd;
        if (doc.overlapsPlaceholder(offset, endOffset)) {
          offset = connOffset;
          endOffset = connEnd;
        }
        const shown = doc.text.slice(offset, endOffset);
        let message;
        if (hyphen && kind === 'span') {
          message = msg(
            `时间、地点的起止用一字线“—”，不用${namedMark(conn).zh}`,
            `a span of time or place takes the em dash "—", not the ${namedMark(conn).en}`,
          );
        } else if (hyphen && !dropped) {
          message = msg(`数值范围用浪纹线“～”，不用${namedMark(conn).zh}`, `a value range takes the wave dash "～", not the ${namedMark(conn).en}`);
        } else if (hyphen) {
          message = msg(
            `数值范围用浪纹线“～”，不用${namedMark(conn).zh}；前一个数值的“${dropped}”不能省略`,
            `a value range takes the wave dash "～", not the ${namedMark(conn).en}; the first value keeps its "${dropped}"`,
          );
        } else {
          message = msg(
            `数值范围前一个数值的“${dropped}”不能省略：“${shown}”`,
            `the first value of a range keeps its "${dropped}" ("${shown}")`,
          );
        }
        ctx.report({
          offset,
          endOffset,
          message,
          fix: { edits: [{ offset: connOffset, endOffset: connEnd, text }] },
        });
      }
    }
  },
};
export default rule;
