// parts-whole: parts that exceed their whole (公文写作规范：数据前后一致): a 三次产业结构 ratio whose terms do not
// sum to 100 (±0.2), shares of one whole listed together (`分别占…的x%、y%、z%`) summing over 100 where the parts
// cannot overlap (three industries, places, town and country: `民间投资、工业投资分别占…` may well exceed 100), and a
// `其中` part larger than the total before it in its sentence (same unit, 万/亿 scaled; averages and thresholds left
// out).
import type { Rule } from '../types';
import { msg } from '../util';
import { positionsOf } from '../lib/anchor-positions';
import { CATEGORY } from '../categories';
import { toHalfWidthNumber } from '../lib/numbers-text';

const NUM = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
const num = (s: string): number => Number(toHalfWidthNumber(s));
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** 。；;！？!? and a line break: what ends the sentence a total and its 其中 parts share. */
const isSentenceStop = (c: number): boolean =>
  c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 10 || c === 13;
const isNumChar = (c: number): boolean => isDigit(c) || c === 0x2e || c === 0xff0e;

// 1. A three-term ratio: a:b:c with ASCII, full-width or ratio colons; a fourth term makes it no industry structure.
const RATIO_RE = new RegExp(`(${NUM})[:：∶](${NUM})[:：∶](${NUM})(?![0-9０-９.．:：∶])`, 'y');
const RATIO_SUBJECT = /(?:三次产业|一二三产|三产|产业结构|产业比)/;
const CLAUSE_STOP = /[。；;！？!?\n]/;

// 2. Shares listed together after 分别占: `分别占全省的36.2%、22.5%和18%`.
const SHARES_RE = new RegExp(`分别占(?:比)?([^。；;，,%％\\d０-９]{0,20}?)(?:的)?(?:比重|比例)?(?:为|是|达)?((?:${NUM}[%％](?:左右)?(?:、|和|及|与|以及)){1,7}${NUM}[%％])`, 'y');

// 3. Amounts around 其中. Money is scaled to 元; other units must be equal.
const UNITS = '万亿元|亿元|万元|元|亿美元|万美元|美元|万人次|人次|万人|人|万户|户|个|家|项|万亩|亩|万吨|吨|辆|套|所|处|件|名|座|台|条|万千瓦|千瓦|万平方米|平方米|平方公里|公里|张|间';
// a number is tried from the start of its digits only: from inside a run, a failing unit made the scan quadratic
const AMOUNT_RE = new RegExp(`(?<![0-9０-９.．])(${NUM})(万亿|万|亿)?(${UNITS})`, 'g');
// before an amount: a change or an average, not a quantity of the whole or its part
// (突破/超过 N: a threshold each member passes, `2户企业产值突破50亿元，其中…60.3亿元`)
const NOT_A_QUANTITY_BEFORE = /(?:增长|增加|减少|下降|提高|降低|增|减|多|少|带动|撬动|拉动|吸引|突破|超过?|逾|过)$/;
// in the clause before an amount: an average or a rate, which a part may exceed (`人均…22508元，其中城镇居民…35692元`)
const AVERAGE = /人均|户均|年均|平均|亩均|均价|单价|每/;
const CLAUSE_MARK = /[，,、；;：:。]/;
// after an amount: a threshold or a noun it qualifies (`10亿元以上项目`, `亿元级`), a rate (`元/吨`)
const QUANTITY_AFTER = /^(?:$|[，。；、,;）)\s]|左右|增长|同比|比上年|比去年|，)/;

interface Amount {
  value: number;
  unit: string;
  offset: number;
  endOffset: number;
}

function scaleOf(mag: string | undefined): number {
  return mag === '万亿' ? 1e12 : mag === '亿' ? 1e8 : mag === '万' ? 1e4 : 1;
}

/** Amounts in s[from, to) that are quantities (see the two guards above), in order. */
function amounts(s: string, from: number, to: number): Amount[] {
  const out: Amount[] = [];
  const t = s.slice(from, to);
  AMOUNT_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = AMOUNT_RE.exec(t)); ) {
    const start = m.index;
    // a number inside a longer one (`2023.5`, `5G`) or a ratio term
    if (start > 0 && (isNumChar(t.charCodeAt(start - 1)) || /[:：∶\-－~～—]/.test(t[start - 1]))) continue;
    if (NOT_A_QUANTITY_BEFORE.test(t.slice(Math.max(0, start - 6), start))) continue;
    let c = start;
    while (c > 0 && !CLAUSE_MARK.test(t[c - 1])) c--;
    if (AVERAGE.test(t.slice(c, start))) continue;
    const after = t.slice(start + m[0].length, start + m[0].length + 3);
    if (!QUANTITY_AFTER.test(after)) continue;
    let unit = m[3];
    let scale = scaleOf(m[2]);
    // 亿元 / 万元 / 万人 …: the magnitude written in the unit
    const u = /^(万亿|亿|万)(.+)$/.exec(unit);
    if (u) {
      scale *= scaleOf(u[1]);
      unit = u[2];
    }
    out.push({ value: num(m[1]) * scale, unit, offset: from + start, endOffset: from + start + m[0].length });
  }
  return out;
}

// Subjects that partition a whole: the three industries, places side by side, town and country, men and women.
const INDUSTRIES = /(?:第?[一二三](?:次产业|产业?)?[、和及与]){1,2}第?[一二三](?:次)?产/;
const PLACE = /^[\u4e00-\u9fff]{1,5}(?:县|区|市|镇|乡|街道|旗)$/;
const PAIRS = /^(?:城镇(?:居民)?[、和与及]农村|男性?[、和与及]女|国有[、和与及]民营|公办[、和与及]民办)/;

/** Do the subjects before 分别占 name parts that cannot overlap? */
function disjointSubjects(clause: string): boolean {
  if (INDUSTRIES.test(clause) || PAIRS.test(clause)) return true;
  const parts = clause.split(/、|和|及|与/);
  // `甲县、乙县、丙区工业产值`: every subject but the last is a place, and the last opens with one
  return parts.length >= 2 && parts.slice(0, -1).every((x) => PLACE.test(x)) && /^[\u4e00-\u9fff]{1,5}(?:县|区|市|镇|乡|街道|旗)/.test(parts[parts.length - 1]);
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

const rule: Rule = {
  meta: {
    id: 'parts-whole',
    description: msg('部分与整体相符：结构比例之和、分项占比、“其中”分项', 'Parts agree with their whole: structure ratios, shares, 其中 parts'),
    severity: 'warning',
    tags: ['numbers', 'consistency'],
    category: CATEGORY.numbers,
    fixable: false,
    clause: '公文写作规范：数据前后一致',
    docs: {
      why: msg(
        '三次产业结构比例各项之和应为100（允许±0.2的四舍五入误差）；互不重叠的各部分（三次产业、各县区、城乡）占同一整体的比重之和不超过100%；“其中”所列部分不大于其总数。修改稿只改了一个数时，常出现这类矛盾。',
        'The terms of a three-industry structure ratio sum to 100 (±0.2 for rounding); the shares of parts that cannot overlap (the three industries, places, town and country) in one whole sum to at most 100%; a part after 其中 is no larger than its total. Editing one number of a draft often leaves such contradictions.',
      ),
      examples: [
        { wrong: '三次产业结构调整为9.7:39.5:51.8', right: '三次产业结构调整为9.7:39.5:50.8' },
        { wrong: '甲县、乙县、丙区工业产值分别占全市的45%、38%和27%', right: '甲县、乙县、丙区工业产值分别占全市的45%、28%和17%' },
        { wrong: '完成固定资产投资100亿元，其中工业投资120亿元', right: '完成固定资产投资150亿元，其中工业投资120亿元' },
      ],
    },
  },
  check({ doc, report }) {
    const p = doc.prose;
    const put = (offset: number, endOffset: number, zh: string, en: string) => {
      if (doc.overlapsPlaceholder(offset, endOffset)) return;
      report({ offset, endOffset, message: msg(zh, en) });
    };

    // 1. ratios: found from their colons
    let lastRatioEnd = -1;
    for (const colon of [':', '：', '∶']) {
      for (let i = p.indexOf(colon); i >= 0; i = p.indexOf(colon, i + 1)) {
        if (i <= lastRatioEnd || !isDigit(p.charCodeAt(i - 1)) || !isDigit(p.charCodeAt(i + 1))) continue;
        let s = i;
        while (s > 0 && isNumChar(p.charCodeAt(s - 1))) s--;
        if (s > 0 && /[:：∶]/.test(p[s - 1])) continue; // a later term of a ratio read already (or a longer one)
        RATIO_RE.lastIndex = s;
        const m = RATIO_RE.exec(p);
        if (!m) continue;
        lastRatioEnd = s + m[0].length;
        let b = s;
        while (b > 0 && s - b < 40 && !CLAUSE_STOP.test(p[b - 1])) b--;
        if (!RATIO_SUBJECT.test(p.slice(b, s))) continue;
        const sum = num(m[1]) + num(m[2]) + num(m[3]);
        if (sum < 80 || sum > 120 || Math.abs(sum - 100) <= 0.2 + 1e-9) continue;
        put(s, s + m[0].length, `三次产业结构各项之和为${fmt(sum)}，不是100：${m[0]}`, `the terms of the industry structure sum to ${fmt(sum)}, not 100: ${m[0]}`);
      }
    }

    // 2. shares of one whole
    for (const i of positionsOf(doc, '分别')) {
      if (p[i + 2] !== '占') continue;
      SHARES_RE.lastIndex = i;
      const m = SHARES_RE.exec(p);
      if (!m) continue;
      // `分别占全区、沿海三市…的39%、65.1%`: each share of its own whole
      if (/[、和与及]/.test(m[1])) continue;
      // only parts that cannot overlap: `民间投资、工业投资分别占…` may well sum over 100
      let b = i;
      while (b > 0 && i - b < 40 && !/[，,。；;：:！？!?\n]/.test(p[b - 1])) b--;
      if (!disjointSubjects(p.slice(b, i))) continue;
      const values = m[2].match(new RegExp(NUM, 'g'))!.map(num);
      const sum = values.reduce((a, v) => a + v, 0);
      if (sum <= 100.2) continue;
      const at = i + m[0].length - m[2].length;
      put(at, at + m[2].length, `同一整体的各部分占比之和为${fmt(sum)}%，超过100%`, `the shares of one whole sum to ${fmt(sum)}%, over 100%`);
    }

    // 3. 其中 parts larger than their total
    for (let i = p.indexOf('其中'); i >= 0; i = p.indexOf('其中', i + 2)) {
      if (i > 0 && !/[，,；;、：:。\s]/.test(p[i - 1])) continue;
      // the parts: the 其中 clause, up to its first comma (what follows is the sentence going on about other things)
      let e = i + 2;
      while (e < p.length && /[，,：:\s]/.test(p[e])) e++;
      let digits = false;
      for (; e < p.length && e - i < 200; e++) {
        const c = p.charCodeAt(e);
        if (c === 0xff0c || c === 0x2c || isSentenceStop(c)) break;
        if (isDigit(c)) digits = true;
      }
      if (!digits) continue;
      const parts = amounts(p, i + 2, e);
      if (parts.length === 0) continue;
      let b = i;
      while (b > 0 && i - b < 200 && !isSentenceStop(p.charCodeAt(b - 1))) b--;
      const totals = amounts(p, b, i);
      for (const part of parts) {
        let total: Amount | undefined;
        for (let k = totals.length - 1; k >= 0; k--) if (totals[k].unit === part.unit) { total = totals[k]; break; }
        if (!total || part.value <= total.value * (1 + 1e-9)) continue;
        const pt = p.slice(part.offset, part.endOffset);
        const tt = p.slice(total.offset, total.endOffset);
        put(part.offset, part.endOffset, `“其中”所列部分${pt}大于总数${tt}`, `the part after 其中 (${pt}) exceeds its total (${tt})`);
      }
    }
  },
};
export default rule;
