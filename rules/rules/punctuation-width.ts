// punctuation-width: half-width , ; : ? ! ( ) and straight quotes inside Chinese text (GB/T 15834-2011 §5).
import type { ReportDocument } from '../model/document';
import type { Rule, ReportInput } from '../types';
import { msg } from '../util';
import { F_MARKER, firstMark, hasChinese, hasHan, inChineseText, isChineseChar, isDigit, K_DIGIT, MAX_FINDINGS, nearKind, side, textTables, type TextTables } from '../lib/cjk-text';
import { straightQuotes } from '../lib/quotes';
import { namedMark } from '../lib/mark-names';
import { CATEGORY } from '../categories';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Words that make a sentence a question (so a `?` after it is a question mark, not a stray character). */
const QUESTION_RE = /[吗呢么谁哪怎岂]|什么|如何|为何|何以|何时|何处|何在|为什么|是否|能否|可否|难道|多少|几[个时年次何]|有没有|是不是|能不能|会不会|要不要|行不行|好不好|对不对/;

// One message object per mark: a report has hundreds of these findings, and the CLI escapes each distinct message once.
const fullMarkMessages = new Map<string, ReportInput['message']>();
function fullMark(ch: string): ReportInput['message'] {
  let m = fullMarkMessages.get(ch);
  if (!m) fullMarkMessages.set(ch, (m = fullMarkMessage(ch)));
  return m;
}

function fullMarkMessage(ch: string): ReportInput['message'] {
  const right = namedMark(FULL[ch]);
  const wrong = namedMark(ch);
  return msg(`中文里应使用${right.zh}，不用${wrong.zh}`, `Chinese text takes the ${right.en}, not the ${wrong.en}`);
}

const curlyMessages = new Map<string, ReportInput['message']>();
function curlyQuote(ch: string, text: string): ReportInput['message'] {
  let m = curlyMessages.get(ch + text);
  if (!m) {
    // the marks are named and shown bare: in quotes, “"” and “““ are hard to read
    const right = namedMark(text);
    const wrong = namedMark(ch);
    m = msg(
      `中文里的引号用弯引号，不用直引号：此处的${wrong.zh}应为${right.zh}`,
      `Chinese text takes curly quotes, not straight ones: this ${wrong.en} should be the ${right.en}`,
    );
    curlyMessages.set(ch + text, m);
  }
  return m;
}

/** A `,` or `:` between digits is part of a number (`1,234`, `12:30`, `3.6 : 48`). */
function numeric(doc: ReportDocument, t: TextTables, i: number, lo: number, hi: number): boolean {
  const p = doc.prose;
  if (i > lo && i + 1 < hi && isDigit(p.charCodeAt(i - 1)) && isDigit(p.charCodeAt(i + 1))) return true;
  return nearKind(side(t, i, -1, lo, hi)) === K_DIGIT && nearKind(side(t, i, 1, lo, hi)) === K_DIGIT;
}

/** `&nbsp;` `&#160;`: an HTML entity's semicolon. */
function entity(p: string, i: number, lo: number): boolean {
  const s = p.slice(Math.max(lo, i - 10), i);
  return /&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,5})$/.test(s);
}

/**
 * The brackets around the year of a 发文字号 (`国办发(2024)1号`): their form (〔〕) is document-number's
 * business (GB/T 9704-2012 7.2.5), so they are not reported as half-width brackets here.
 */
function documentNumberYear(p: string, open: number, close: number, hi: number): boolean {
  return close - open <= 7 && /^[ \u3000]?\d{2,4}[ \u3000]?$/.test(p.slice(open + 1, close)) && /^[ \u3000]?第?\d{1,5}号/.test(p.slice(close + 1, Math.min(hi, close + 9)));
}

/** Is the `?` at i ending a question? Looks back to the start of its sentence. */
function isQuestion(p: string, i: number, lo: number): boolean {
  let j = i - 1;
  const stop = Math.max(lo, i - 80);
  while (j >= stop && !'。！？!?；;\n'.includes(p[j])) j--;
  return QUESTION_RE.test(p.slice(j + 1, i));
}

const rule: Rule = {
  meta: {
    id: 'punctuation-width',
    description: msg('中文里的标点用全角：，；：？！（）“”‘’', 'Chinese text takes full-width punctuation: ，；：？！（）“”‘’'),
    severity: 'warning',
    tags: ['punctuation'],
    category: CATEGORY.punctuation,
    fixable: true,
    clause: 'GB/T 15834-2011 §5',
    docs: {
      why: msg(
        '中文句子里的逗号、分号、冒号、问号、叹号、括号和引号都用全角形式（，；：？！（）“”‘’）。从网页、Word 或英文输入法带进来的半角“, ; : ? ! ( )”和直引号（\" \'）是常见错误。西文句子、数字（1.5、12:30、1,234）、网址、邮箱和代码保留半角；标题序号“(一)”由 heading-marker 报告。直引号在句内成对转换为“”（引文跨几句时，句末“。\"”处的引号与前句的开引号配对），找不到配对的那个留给 punctuation-pairs 报告，不自动修改。',
        'In Chinese sentences the comma, semicolon, colon, question and exclamation marks, brackets and quotes are full-width (，；：？！（）“”‘’). Half-width marks and straight quotes slip in from web pages, Word and English input methods. Latin sentences, numbers (1.5, 12:30, 1,234), URLs, e-mail addresses and code keep theirs; a heading ordinal "(一)" is heading-marker\'s. Straight quotes are paired within a sentence and converted to “” (a quotation of several sentences closes right after 。！？); a quote without a partner is left to punctuation-pairs and not changed.',
      ),
      examples: [
        { wrong: '2023年是全面贯彻落实党的二十大精神的开局之年,是深入推进“532”发展战略的决胜之年。', right: '2023年是全面贯彻落实党的二十大精神的开局之年，是深入推进“532”发展战略的决胜之年。' },
        { wrong: '完成2022年度"亩均论英雄"企业绩效评价', right: '完成2022年度“亩均论英雄”企业绩效评价' },
        { wrong: '武进绿建区：打造(近)零碳先行示范园区', right: '武进绿建区：打造（近）零碳先行示范园区' },
        { wrong: '信息名称: 绿建区2023年工作总结', right: '信息名称：绿建区2023年工作总结' },
        { wrong: '为建设国际化的草原旅游名城而努力奋斗!', right: '为建设国际化的草原旅游名城而努力奋斗！' },
        { wrong: '国内生产总值(GDP)增长5.2%', right: '国内生产总值（GDP）增长5.2%' },
        { wrong: 'The plan (2021-2025) was adopted.', note: msg('西文句子保留半角标点，不报告', 'a Latin sentence keeps its marks: not reported') },
        { wrong: '会议于12:30开始，共有1,234人参加。', note: msg('数字中的冒号和千分撇不报告', 'marks inside numbers are not reported') },
      ],
    },
  },
  check({ doc, report: sink }) {
    let count = 0;
    const report: typeof sink = (r) => {
      if (count++ < MAX_FINDINGS) sink(r);
    };
    const t = textTables(doc);
    const p = doc.prose;
    // the mark at `at` is outside placeholders (its flags are 0): only a space taken along can be inside one
    const reportMark = (at: number, end: number, ch: string) => {
      if (end > at + 1 && doc.overlapsPlaceholder(at, end)) return;
      report({ offset: at, endOffset: end, message: fullMark(ch), fix: { edits: [{ offset: at, endOffset: end, text: FULL[ch] }] } });
    };

    const marks = t.marks;
    // partner offset + 1 of a paired half-width bracket, by index in marks (0: none); the stack of open ones
    let pairOf: Int32Array | undefined;
    let open: Int32Array | undefined;
    for (const b of doc.blocks) {
      if (count >= MAX_FINDINGS) return;
      const lo = b.start;
      const hi = b.end;
      // no Chinese in the paragraph: nothing in it is Chinese text
      if (!hasChinese(t, lo, hi)) continue;
      const first = firstMark(t, lo);
      let last = first;
      while (last < marks.length && marks[last] < hi) last++;
      // Half-width brackets are decided per pair: both are converted or neither.
      let top = 0;
      let cleared = false;
      for (let k = first; k < last; k++) {
        const i = marks[k];
        const c = p.charCodeAt(i);
        if ((c !== 0x28 && c !== 0x29) || t.markFlags[k] & F_MARKER) continue;
        if (!pairOf || !open) {
          pairOf = new Int32Array(marks.length);
          open = new Int32Array(marks.length);
        } else if (!cleared) pairOf.fill(0, k, last);
        cleared = true;
        if (c === 0x28) open[top++] = k;
        else if (top) {
          const o = open[--top];
          pairOf[o] = i + 1;
          pairOf[k] = marks[o] + 1;
        }
      }
      for (let k = first; k < last; k++) {
        if (count >= MAX_FINDINGS) return;
        const i = marks[k];
        const c = p.charCodeAt(i);
        // “”‘’（）《》【】 are punctuation-pairs' marks
        if (c > 0x3f || t.markFlags[k]) continue;
        const ch = p[i];
        if (c === 0x28 || c === 0x29) {
          const other = pairOf ? pairOf[k] - 1 : -1;
          let chinese: boolean;
          if (other >= 0 && documentNumberYear(p, Math.min(i, other), Math.max(i, other), hi)) continue;
          if (other < 0) chinese = inChineseText(doc, t, i, 1, lo, hi);
          else {
            const a = Math.min(i, other);
            const z = Math.max(i, other);
            chinese = hasHan(t, a + 1, z) || inChineseText(doc, t, a, 1, lo, hi) || inChineseText(doc, t, z, 1, lo, hi);
          }
          if (chinese) reportMark(i, i + 1, ch);
          continue;
        }
        if ((ch === ',' || ch === ':') && numeric(doc, t, i, lo, hi)) continue;
        if (ch === ';' && entity(p, i, lo)) continue;
        if (!inChineseText(doc, t, i, 1, lo, hi)) continue;
        // A Latin-style space after , ; ! ? goes with the mark when Chinese text follows.
        let end = i + 1;
        if (ch !== ':') {
          let k = end;
          while (k < hi && (p.charCodeAt(k) === 0x20 || p.charCodeAt(k) === 0xa0)) k++;
          if (k > end && k < hi && isChineseChar(p.charCodeAt(k))) end = k;
        }
        if (ch === '?' && !isQuestion(p, i, lo)) {
          // `国务院总理?李克强`, `各位代表：?`: a character lost in a web copy, not a question mark.
          if (doc.overlapsPlaceholder(i, end)) continue;
          report({
            offset: i,
            endOffset: i + 1,
            message: msg(
              '中文里的半角问号“?”不像句末问号，可能是复制时丢失的字符：是问号请改为全角问号“？”，否则删除',
              'a half-width question mark "?" in Chinese text that does not end a question, probably a character lost in copying: use the full-width "？" if it is a question mark, otherwise delete it',
            ),
            suggestions: [
              { title: msg('改为全角问号“？”', 'Replace with the full-width "？"'), edits: [{ offset: i, endOffset: i + 1, text: '？' }] },
              { title: msg('删除半角问号“?”', 'Delete the half-width "?"'), edits: [{ offset: i, endOffset: i + 1, text: '' }] },
            ],
          });
          continue;
        }
        reportMark(i, end, ch);
      }
    }

    // Straight quotes: the paired ones in Chinese text become “” / ‘’; lone ones are punctuation-pairs'.
    for (const q of straightQuotes(doc)) {
      if (count >= MAX_FINDINGS) return;
      if (q.role === 'lone' || !q.chinese) continue;
      if (doc.overlapsPlaceholder(q.offset, q.offset + 1)) continue;
      const text = q.ch === '"' ? (q.role === 'open' ? '“' : '”') : q.role === 'open' ? '‘' : '’';
      report({
        offset: q.offset,
        endOffset: q.offset + 1,
        message: curlyQuote(q.ch, text),
        fix: { edits: [{ offset: q.offset, endOffset: q.offset + 1, text }] },
      });
    }
  },
};
export default rule;
