// Names of look-alike marks, zh and en. In an editor's Problems panel and hover the font narrows a full-width
// mark next to quotes, so `“，”` and `“,”` look the same: a message names the marks in words, not only shows them.
import type { Msg } from '../types';

const NAMES: Record<string, Msg> = {
  ',': { zh: '半角逗号', en: 'half-width comma' },
  '，': { zh: '全角逗号', en: 'full-width comma' },
  ';': { zh: '半角分号', en: 'half-width semicolon' },
  '；': { zh: '全角分号', en: 'full-width semicolon' },
  ':': { zh: '半角冒号', en: 'half-width colon' },
  '：': { zh: '全角冒号', en: 'full-width colon' },
  '?': { zh: '半角问号', en: 'half-width question mark' },
  '？': { zh: '全角问号', en: 'full-width question mark' },
  '!': { zh: '半角叹号', en: 'half-width exclamation mark' },
  '！': { zh: '全角叹号', en: 'full-width exclamation mark' },
  '(': { zh: '半角左括号', en: 'half-width opening bracket' },
  ')': { zh: '半角右括号', en: 'half-width closing bracket' },
  '（': { zh: '全角左括号', en: 'full-width opening bracket' },
  '）': { zh: '全角右括号', en: 'full-width closing bracket' },
  '〔': { zh: '左六角括号', en: 'opening tortoise-shell bracket' },
  '〕': { zh: '右六角括号', en: 'closing tortoise-shell bracket' },
  '【': { zh: '左方头括号', en: 'opening lenticular bracket' },
  '】': { zh: '右方头括号', en: 'closing lenticular bracket' },
  '《': { zh: '左书名号', en: 'opening title mark' },
  '》': { zh: '右书名号', en: 'closing title mark' },
  '〈': { zh: '左单书名号', en: 'opening single title mark' },
  '〉': { zh: '右单书名号', en: 'closing single title mark' },
  '"': { zh: '直双引号', en: 'straight double quote' },
  "'": { zh: '直单引号', en: 'straight single quote' },
  '“': { zh: '左弯引号', en: 'left curly double quote' },
  '”': { zh: '右弯引号', en: 'right curly double quote' },
  '‘': { zh: '左单弯引号', en: 'left curly single quote' },
  '’': { zh: '右单弯引号', en: 'right curly single quote' },
  '-': { zh: '半角连字符', en: 'hyphen' },
  '－': { zh: '全角连字符', en: 'full-width hyphen' },
  '‐': { zh: '连字符（U+2010）', en: 'hyphen (U+2010)' },
  '–': { zh: '半字线（短破折号）', en: 'en dash' },
  '—': { zh: '一字线', en: 'em dash' },
  '～': { zh: '浪纹线', en: 'wave dash' },
  '~': { zh: '半角波浪号', en: 'half-width tilde' },
  '.': { zh: '下脚点', en: 'full stop' },
  '．': { zh: '全角句点', en: 'full-width full stop' },
  '、': { zh: '顿号', en: 'enumeration comma (顿号)' },
  '。': { zh: '句号', en: 'Chinese full stop' },
};

/** The name of one mark, zh and en (undefined for anything else). */
export function markName(ch: string): Msg | undefined {
  return NAMES[ch];
}

const QUOTES = '"\'“”‘’';

/**
 * `全角逗号“，”` / `full-width comma "，"`: a mark named and shown. A quote mark is shown in brackets,
 * `左弯引号（“）`: inside quotes (`“““`) it cannot be read.
 */
export function namedMark(ch: string): Msg {
  const n = NAMES[ch] ?? { zh: '', en: '' };
  if (QUOTES.includes(ch) && n.zh) return { zh: `${n.zh}（${ch}）`, en: `${n.en} (${ch})` };
  return { zh: `${n.zh}“${ch}”`, en: `${n.en ? n.en + ' ' : ''}"${ch}"` };
}

const FULL_WIDTH_DIGIT = /[０-９]/;
const HALF_BRACKET = /[()]/;
const FULL_BRACKET = /[（）]/;

/**
 * The look-alike marks in a short text, named, in order of first appearance (`(一)` → 半角括号): for messages
 * that show a wrong and a right form side by side. Brackets are named as a pair; digits as full-width digits.
 */
export function marksIn(s: string): Msg {
  const { zh, en } = markList(s);
  return { zh: zh.join('、'), en: en.join(', ') };
}

/** The marks named in `wrong` and not in `right`, and the other way round: what tells two forms apart. */
export function differingMarks(wrong: string, right: string): [Msg, Msg] {
  const a = markList(wrong);
  const b = markList(right);
  const only = (x: typeof a, y: typeof a): Msg => {
    const keep = x.zh.map((z, i) => (y.zh.includes(z) ? -1 : i)).filter((i) => i >= 0);
    return { zh: keep.map((i) => x.zh[i]).join('、'), en: keep.map((i) => x.en[i]).join(', ') };
  };
  return [only(a, b), only(b, a)];
}

function markList(s: string): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (z: string, e: string) => {
    if (!zh.includes(z)) {
      zh.push(z);
      en.push(e);
    }
  };
  for (const ch of s) {
    if (HALF_BRACKET.test(ch)) add('半角括号', 'half-width brackets');
    else if (FULL_BRACKET.test(ch)) add('全角括号', 'full-width brackets');
    else if (FULL_WIDTH_DIGIT.test(ch)) add('全角数字', 'full-width digits');
    else if (NAMES[ch]) add(NAMES[ch].zh, NAMES[ch].en);
  }
  return { zh, en };
}
