// heading-marker: the mark after a heading ordinal (GB/T 15834-2011 B.3.2–B.3.4).
import type { Msg, Rule, Suggestion, TextEdit } from '../types';
import { canonicalNumeral, type MarkerProblem, type OrdinalMarker } from '../model/headings';
import { toAsciiDigits } from '../model/numerals';
import { msg } from '../util';
import { differingMarks } from '../lib/mark-names';
import { CATEGORY } from '../categories';

const PROBLEM_TEXT: Record<MarkerProblem, { zh: string; en: string }> = {
  'arabic-dun': { zh: '阿拉伯数字序号后用下脚点“.”，不用顿号“、”', en: 'an Arabic-numeral ordinal takes a full stop ".", not the enumeration comma 、' },
  'cn-dot': { zh: '汉字数字序号后用顿号“、”', en: 'a Chinese-numeral ordinal takes the enumeration comma 、' },
  'fullwidth-dot': { zh: '序号后的下脚点应为半角句点“.”，不用全角句点“．”', en: 'the dot after an ordinal is the half-width full stop ".", not the full-width "．"' },
  'fullwidth-digit': { zh: '序号应使用半角阿拉伯数字，不用全角数字', en: 'ordinal digits are half-width, not full-width' },
  'halfwidth-paren': { zh: '括号序号应使用全角括号“（）”，不用半角括号“()”', en: 'a bracketed ordinal uses full-width brackets （）, not half-width ()' },
  'trailing-mark': { zh: '括号序号后不再加标点', en: 'a bracketed ordinal takes no mark after it' },
  'inner-space': { zh: '括号序号内不留空格', en: 'no space inside a bracketed ordinal' },
  split: { zh: '序号被换行拆开', en: 'a line break splits the ordinal' },
  inline: { zh: '标题与上一段连在一起，应另起一行', en: 'the heading runs into the paragraph before it: it starts a line of its own' },
};

// The problems' texts joined, made once per sequence of problems (a number: each problem's place in PROBLEM_TEXT
// plus one, in base 16, in the order the model found them).
const PROBLEM_INDEX = new Map(Object.keys(PROBLEM_TEXT).map((p, i) => [p, i + 1]));
const problemTexts = new Map<number, Msg>();
function problemText(problems: readonly MarkerProblem[]): Msg {
  let key = 0;
  for (const p of problems) key = key * 16 + PROBLEM_INDEX.get(p)!;
  let t = problemTexts.get(key);
  if (!t) {
    t = { zh: problems.map((p) => PROBLEM_TEXT[p].zh).join('；'), en: problems.map((p) => PROBLEM_TEXT[p].en).join('; ') };
    problemTexts.set(key, t);
  }
  return t;
}

/** `…：“(一)”（半角括号）应为“（一）”（全角括号）`: the look-alike marks named, not only shown. */
// A report repeats the same wrong marker many times (every “1、”): its message is made once. Messages are never
// changed after they are reported, so findings may share one. Bounded: the texts come from the document.
const messages = new Map<string, Msg>();
function markerMessage(zh: string, en: string, text: string, canonical: string): Msg {
  const key = `${zh}\u0000${en}\u0000${text}\u0000${canonical}`;
  let m = messages.get(key);
  if (!m) {
    if (messages.size >= 2000) messages.clear();
    m = makeMarkerMessage(zh, en, text, canonical);
    messages.set(key, m);
  }
  return m;
}

function makeMarkerMessage(zh: string, en: string, text: string, canonical: string): Msg {
  const [a, b] = differingMarks(text, canonical);
  const zhName = (n: { zh: string }) => (n.zh ? `（${n.zh}）` : '');
  const enName = (n: { en: string }) => (n.en ? ` (${n.en})` : '');
  return msg(`${zh}：“${text}”${zhName(a)}应为“${canonical}”${zhName(b)}`, `${en}: "${text}"${enName(a)} should be "${canonical}"${enName(b)}`);
}

/**
 * A marker split over two lines is joined where its rest is: the head moves down to the rest (the line break and
 * blanks between them stay before it), or, when the head is all its line holds, the rest joins it. The numeral
 * itself is left to heading-sequence, like in markerEdits.
 */
function splitEdits(m: OrdinalMarker): TextEdit[] {
  const sp = m.split!;
  const c = m.canonical;
  const numeral = canonicalNumeral(m.type, m.value);
  const at = c.indexOf(numeral);
  const pre = c.slice(0, at);
  const suf = c.slice(at + numeral.length);
  const edits: TextEdit[] = [{ offset: m.offset, endOffset: m.numeralOffset, text: (sp.alone ? '' : sp.between) + pre }];
  if (m.type === 'circled') return [{ offset: m.offset, endOffset: m.endOffset, text: (sp.alone ? '' : sp.between) + c }];
  edits.push({ offset: m.numeralEndOffset, endOffset: m.endOffset, text: suf });
  if (m.problems.includes('fullwidth-digit')) edits.push({ offset: m.numeralOffset, endOffset: m.numeralEndOffset, text: toAsciiDigits(prose(m)) });
  return edits.filter((e) => m.text.slice(e.offset - m.offset, e.endOffset - m.offset) !== e.text);
}

/** The numeral as written. */
function prose(m: OrdinalMarker): string {
  return m.text.slice(m.numeralOffset - m.offset, m.numeralEndOffset - m.offset);
}

/** The smallest edits that turn a marker into its canonical form, leaving the numeral to heading-sequence. */
function markerEdits(m: OrdinalMarker): TextEdit[] {
  const edits: TextEdit[] = [];
  const t = m.text;
  const at = (i: number) => m.offset + i;
  const numStart = m.numeralOffset - m.offset;
  const numEnd = m.numeralEndOffset - m.offset;
  const numeral = t.slice(numStart, numEnd);
  if (m.problems.includes('fullwidth-digit')) edits.push({ offset: m.numeralOffset, endOffset: m.numeralEndOffset, text: toAsciiDigits(numeral) });
  if (m.type === 'paren-cn' || m.type === 'paren-arabic') {
    // before the numeral: the open bracket (and a space); after: space, close bracket, trailing mark
    if (t.slice(0, numStart) !== '（') edits.push({ offset: at(0), endOffset: at(numStart), text: '（' });
    if (t.slice(numEnd) !== '）') edits.push({ offset: at(numEnd), endOffset: at(t.length), text: '）' });
  } else if (m.type === 'cn' || m.type === 'arabic') {
    const right = m.type === 'cn' ? '、' : '.';
    if (t.slice(numEnd) !== right) edits.push({ offset: at(numEnd), endOffset: at(t.length), text: right });
  }
  return edits;
}

const rule: Rule = {
  meta: {
    id: 'heading-marker',
    description: msg('标题序号后的标点和括号形式', 'The mark and brackets of a heading ordinal'),
    severity: 'error',
    tags: ['heading', 'punctuation'],
    category: CATEGORY.headings,
    fixable: true,
    clause: 'GB/T 15834-2011 B.3.2–B.3.4',
    docs: {
      why: msg(
        '汉字数字序号后用顿号（一、），阿拉伯数字序号后用下脚点（1.），括号序号用全角括号且其后不加标点（（一）（1））。“1、”“（一）、”“(一)”都是常见错误。',
        'Chinese-numeral ordinals take 、 (一、), Arabic ones a full stop (1.), bracketed ones full-width brackets and no mark after them ((一) is wrong, so are 1、 and （一）、).',
      ),
      examples: [
        { wrong: '1、深入实施精准招商。', right: '1.深入实施精准招商。' },
        { wrong: '(一)紧扣“强产业”，园区发展的质量与效益显著提升', right: '（一）紧扣“强产业”，园区发展的质量与效益显著提升' },
        { wrong: '（一）、平台建设纵深推进', right: '（一）平台建设纵深推进' },
        { wrong: '一.2023年工作总结', right: '一、2023年工作总结' },
        {
          wrong: '（二）扩大有效投资。重点项目超额完成。（三）深化重点领域改革。',
          note: msg(
            '“（二）”“（四）”之间缺少的“（三）”连在上一段末尾（换行丢失）：在“（三）”处报告一次，只建议换行，不自动修改',
            'the （三） missing between （二） and （四） runs into the end of the paragraph before it (a lost line break): reported once, at （三）, with a line break suggested, not made',
          ),
        },
      ],
    },
  },
  check({ doc, report }) {
    let eol: string | undefined;
    for (let k = 0; k < doc.headings.length; k++) {
      const h = doc.headings[k];
      const m = h.marker;
      if (!m || m.problems.length === 0) continue;
      const edits = m.split ? splitEdits(m) : markerEdits(m);
      // a heading run into the paragraph before it (model: Heading.inline): a line break is suggested, never made
      const problems = m.problems.length === 1 && m.problems[0] !== 'inline' ? m.problems : m.problems.filter((p) => p !== 'inline');
      let suggestions: Suggestion[] | undefined;
      if (m.inline) {
        eol ??= doc.text.includes('\r\n') ? '\r\n' : '\n';
        (suggestions ??= []).push({ title: msg('在标题前换行', 'Start the heading on a new line'), edits: [{ offset: m.inline.breakStart, endOffset: m.offset, text: eol }] });
      }
      const { zh, en } = problemText(problems);
      // a split marker shows its line break as ⏎
      const shown = m.split ? m.text.replace(/[\r\n][\s\u3000]*/g, '⏎') : m.text;
      let message = problems.length ? markerMessage(zh, en, shown, m.canonical) : undefined;
      if (m.inline && message) message = msg(`${message.zh}；${PROBLEM_TEXT.inline.zh}`, `${message.en}; ${PROBLEM_TEXT.inline.en}`);
      else if (m.inline) {
        const title = h.text.length > 12 ? `${h.text.slice(0, 12)}…` : h.text;
        message = msg(`标题“${shown}${title}”与上一段连在一起，应另起一行`, `the heading "${shown}${title}" runs into the paragraph before it: it starts a line of its own`);
      }
      report({
        offset: m.offset,
        endOffset: m.endOffset,
        message: message!,
        fix: edits.length ? { edits } : undefined,
        suggestions,
      });
    }
  },
};
export default rule;
