// Placeholders left in a draft (X亿元, xxxx年, ××, 【待补充】). They are the model's business because every
// number, unit and punctuation rule must leave their characters alone, even with the placeholder rule off.
//
// Each case is decided from its context, by a linear scan (no backtracking regexes: a megabyte of XXXX must
// stay fast):
// - Latin tokens ([A-Za-z0-9] runs joined by a decimal point) that hold X/x: a run of X is a placeholder
//   unless the token is a Latin word (XML, Xbox, Linux, Windows XP), a model number (X5), a product
//   (iPhone X), a multiplication (3x4) or an X-ray term (X光, X射线, x轴). Units and number prefixes glued
//   to the run keep it a placeholder: XGWh, XKV, DNX, Bx版.
// - Symbol runs (××, ○○, □□, △△, ＊＊), 某某, ？？, bracketed notes (【待补充】, [待填], （待定）), TODO/TBD.
// - Blanks written with other marks where a value or a place goes: *亿元, ***县, ＿＿%, 〔...〕亿元.
// - Not blanks: a programme name or slogan in quotes (“415X”, “双X+N”, “硒+X”; but “X亿元” is a blank),
//   pinyin in brackets (習(xí)).
// - After a surname (张××, 李某某) the run is a redacted name: kind 'redacted-name'.
import { firstAtOrAfter } from './lines';
import type { Block } from './prose';

export type PlaceholderForm =
  /** X/x run standing for a value or a name: X亿元, xx.xx, 20xx, XX市. */
  | 'x-run'
  /** X run glued to Latin letters (unit or prefix): XGWh, XKV, DNX, Bx. */
  | 'x-latin'
  /** ××, ○○, □□, △△, ＊＊. */
  | 'symbol'
  /** 某某. */
  | 'mou'
  /** 【待补充】, [待填], （待定）. */
  | 'note'
  /** TODO, TBD, FIXME. */
  | 'todo'
  /** ？？. */
  | 'question';

export interface PlaceholderSpan {
  offset: number;
  endOffset: number;
  text: string;
  /** A redacted name such as 张×× is reported as info at most. */
  kind: 'placeholder' | 'redacted-name';
  /** How the placeholder is written (for messages). */
  form?: PlaceholderForm;
  /** For 'x-latin': the whole Latin token (DNX, XKV), which the writer may add to the allowlist;
   *  for a redacted name: the surname with the run (张××). */
  word?: string;
}

// ---- character classes -------------------------------------------------------------------------------

const isXChar = (c: number): boolean => c === 0x58 || c === 0x78 || c === 0xff38 || c === 0xff58;
const isUpperX = (c: number): boolean => c === 0x58 || c === 0xff38;
const isLatin = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isUpperLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a);
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isAlnum = (c: number): boolean => isLatin(c) || isDigit(c);
const isCJK = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
const isDot = (c: number): boolean => c === 0x2e || c === 0xff0e;

// Sets of code units, for lookups by charCodeAt (no one-character string per test): a bit per set in one shared
// table, as a Set<number> made a hash lookup of every character the scanners test.
const CODE_SET_BITS = new Uint16Array(0x10000);
let codeSetCount = 0;

class CodeSet {
  constructor(private readonly bit: number) {}
  /** False for -1 (`code` outside the block) and NaN (charCodeAt past the end). */
  has(c: number): boolean {
    return c >= 0 && c < 0x10000 && (CODE_SET_BITS[c] & this.bit) !== 0;
  }
}

/** The code units of a string of BMP characters (or of the given code units) as a CodeSet. */
function codeSet(s: string | Iterable<number>): CodeSet {
  if (codeSetCount >= 16) throw new Error('codeSet: no bit left');
  const bit = 1 << codeSetCount++;
  for (const u of typeof s === 'string' ? [...s].map((ch) => ch.charCodeAt(0)) : s) CODE_SET_BITS[u] |= bit;
  return new CodeSet(bit);
}

const isFullWidthAlnum = (c: number): boolean => (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);

/** Full-width Latin letters and digits to ASCII, for comparisons. */
function ascii(s: string): string {
  // most tokens hold none: no regex
  let i = 0;
  while (i < s.length && !isFullWidthAlnum(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// Characters that follow a number: measure words, magnitudes, units, dates, percent. A symbol or a run next
// to one of them stands for a value.
const MEASURE =
  '个家项名人位次件台套条批栋幢座层户元角亿万千百十%％‰年月日号时分秒天周期届宗亩顷米吨度倍余多所处份篇场轮版页类种款辆架艘部只册张间类平方公里斤克升瓦伏标准强佳';
// Place words: 某市/××县/□□区.
const PLACE = '市县区镇乡村省州盟旗街路园镇港湾湖山河江';
const MEASURE_SET = codeSet(MEASURE + PLACE);

// Chinese terms in which a single X is the letter itself (X-ray, x-axis, X chromosome…), with what must
// not follow for the term to hold (X线城市 is "某线城市", X型号 a model number to fill in). Only X光, X射线
// and x轴 are also written lower-case: x型 is a number left out (2型糖尿病 → x型糖尿病).
const X_TERMS: { word: string; lower?: boolean; unless?: string[] }[] = [
  { word: '光', lower: true },
  { word: '射线', lower: true },
  { word: '轴', lower: true },
  { word: '线', unless: ['城市'] },
  { word: '型', unless: ['号'] },
  { word: '形' },
  { word: '染色体' },
  { word: '连锁' },
  { word: '刀' },
  { word: '片', unless: ['区'] },
  { word: '战警' },
  // X波段 (X-band radar)
  { word: '波段' },
];

// Unit symbols glued after a run of X (XGWh, XKV, Xkm): the X is the missing number. Power units compare
// case-insensitively (drafts write KV, MW, KWH); the others only as written, so that XML, XL, XV (Roman),
// XS stay words.
const UNITS_CI = new Set(['kv', 'kva', 'mva', 'mvar', 'kw', 'kwh', 'kwp', 'mw', 'mwh', 'mwp', 'gw', 'gwh', 'tw', 'twh']);
const UNITS_CS = new Set([
  'km', 'km2', 'mm', 'cm', 'nm', 'μm', 'kg', 'mg', 'ha', 'Hz', 'kHz', 'MHz', 'GHz', 'Mbps', 'Gbps', 'TB', 'PB',
  'MPa', 'kPa', 'GPa', 'mL', 'ml', 'mAh', 'Wh', 'm', 't', 'g',
]);
// Prefixes glued to the number they take (DN100 nominal pipe diameter, PN16 pressure, PM10). Not NO/SO:
// NOx and SOx are nitrogen and sulphur oxides.
const NUMBER_PREFIXES = new Set(['DN', 'PN', 'De', 'DE', 'PM']);
// After a one-letter prefix and an upper-case X (BX版, AX栋): a code to fill in.
const CODE_AFTER = new Set([...'版号栋幢楼座层室期区段地块馆厅']);

// Common single-character surnames and the compound ones. Characters that mostly work as words in report
// text (和 于 时 国 平 成 向 方 高 全 安 文 关 明 海) are left out: a run after them is a value, not a name.
const SURNAMES = codeSet(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅邹孟熊秦邱尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤常温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞左柳祝包舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝靳管柴鲍喻祁蒲滕饶艾穆卓缪娄窦戚岑晏卫柏瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇桑甄虞敖巩佘麻迟邝鞠荆冀郁胥栗燕楚鄢谌奚粟冼蔺屠芮邸辜裘亓邰赫况逯茹嵇',
);
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '司徒', '长孙', '宇文', '独孤', '端木', '南宫', '西门']);
// their last characters: most runs follow none, and need no slice
const COMPOUND_LAST = codeSet([...COMPOUND_SURNAMES].map((w) => w.charCodeAt(1)));
// What follows a name: a title, a reporting verb, a conjunction, or punctuation.
const TITLE_WORDS = ['同志', '先生', '女士', '老师', '书记', '主任', '局长', '院长', '经理', '教授', '医生', '律师', '警官'];
const NAME_AFTER_WORDS = [...TITLE_WORDS, '等', '说', '称', '表示', '介绍', '和', '与', '及'];
const NAME_AFTER_PUNCT = codeSet('，,。；;：:、）)”"’\'》！!？?（(');

const TODO_WORDS = new Set(['TODO', 'TBD', 'FIXME']);

// Bracketed notes: 【待补充】 [待填] （待定） 【此处填写…】 — bounded content, so linear.
const NOTE_RE =
  /[【［\[（(〔〖]\s{0,2}(?:待(?:补充|补|填|定|完善|核实|核|确认|确定|更新|提供|录入|统计|修改|明确|落实)|请?(?:填写|补充|补填)|此处)[^【】［］\[\]（）()〔〕〖〗\r\n]{0,16}[】］\]）)〕〗]/g;
const QUESTION_PARTICLES = codeSet('吗呢么吧啊呀嘛哪谁！!');
const QUESTION_WORD_RE = /什么|怎么|怎样|为何|为什么|谁|哪|几|是否|难道|如何|多少/;

// ---- helpers ----------------------------------------------------------------------------------------

interface Ctx {
  p: string;
  /** Block bounds. */
  bs: number;
  be: number;
}

const code = (c: Ctx, i: number): number => (i >= c.bs && i < c.be ? c.p.charCodeAt(i) : -1);

function startsWithAt(c: Ctx, i: number, word: string): boolean {
  return i + word.length <= c.be && c.p.startsWith(word, i);
}

/** Length of the surname (or compound surname) that ends right before `start`; 0 when there is none. */
function surnameLength(c: Ctx, start: number): number {
  if (start - 1 < c.bs) return 0;
  const last = c.p.charCodeAt(start - 1);
  if (start - 2 >= c.bs && COMPOUND_LAST.has(last) && COMPOUND_SURNAMES.has(c.p.slice(start - 2, start))) return 2;
  return SURNAMES.has(last) ? 1 : 0;
}

const surnameBefore = (c: Ctx, start: number): boolean => surnameLength(c, start) > 0;

// Words after which a name follows (村民张XX, 联系人：王XX).
const NAME_BEFORE_WORDS = ['记者', '通讯员', '村民', '居民', '群众', '职工', '员工', '患者', '学生', '同志', '书记', '主任', '局长', '经理', '代表', '负责人', '联系人', '法人', '当事人', '犯罪嫌疑人', '被告人'];

/** A name can start at `i`: after a boundary (not a CJK character or a letter) or a role word. */
function nameStartsAt(c: Ctx, i: number): boolean {
  const prev = code(c, i - 1);
  if (prev < 0 || !(isCJK(prev) || isAlnum(prev))) return true;
  return NAME_BEFORE_WORDS.some((w) => i - w.length >= c.bs && c.p.startsWith(w, i - w.length));
}

/** The text after `end` is how a name goes on (strict: for X runs, which are mostly values). */
function nameAfterStrict(c: Ctx, end: number): boolean {
  const n = code(c, end);
  if (n < 0 || isSpace(n) || NAME_AFTER_PUNCT.has(n)) return true;
  return NAME_AFTER_WORDS.some((w) => startsWithAt(c, end, w));
}

/** The text after `end` is no measure or place word (lenient: for ×/○/□, which mostly mark redactions). */
function titleAfter(c: Ctx, end: number): boolean {
  return TITLE_WORDS.some((w) => startsWithAt(c, end, w));
}

function nameAfterLenient(c: Ctx, end: number): boolean {
  const n = code(c, end);
  if (n < 0) return true;
  return !MEASURE_SET.has(n) && !isDigit(n) && !isXChar(n);
}

function measureAfter(c: Ctx, end: number): boolean {
  const n = code(c, end);
  return n >= 0 && MEASURE_SET.has(n);
}

const MAGNITUDES = '十百千万亿';
// Units of more than one character, which a one-character measure-word test would cut short (X万美元, X平方米).
const LONG_UNITS = ['平方公里', '平方米', '千瓦时', '美元', '公里', '千米', '公顷', '人次', '户次'];
// Measure-set characters that are only the start of a longer unit or word here (xxx公司, 平方米 is above).
const NOT_A_UNIT_ALONE = '公平方标准';

const LONG_UNIT_STARTS = new Set(LONG_UNITS.map((u) => u[0]));

/** The end of a unit, measure or place word at `i`, or -1. */
function unitEnd(prose: string, i: number): number {
  if (LONG_UNIT_STARTS.has(prose[i])) for (const u of LONG_UNITS) if (prose.startsWith(u, i)) return i + u.length;
  const c = prose.charCodeAt(i);
  return MEASURE_SET.has(c) && !NOT_A_UNIT_ALONE.includes(prose[i]) ? i + 1 : -1;
}

/**
 * Where the words a blank stands in front of end, for messages and the allow-list word: magnitudes, 余/多, then one
 * unit, measure or place word (X亿元, X万件, X余人, X个, X市, xxxx年, X%), not the noun after them (X个|待评审项目).
 * `end` itself when none follows.
 */
export function placeholderPhraseEnd(prose: string, end: number): number {
  let i = end;
  while (i < prose.length && i - end < 4 && MAGNITUDES.includes(prose[i])) i++;
  if ((prose[i] === '余' || prose[i] === '多') && unitEnd(prose, i + 1) > 0) i++;
  const u = unitEnd(prose, i);
  return u > 0 ? u : i;
}

/** A unit symbol follows after one space (X GWh). */
function unitWordAt(c: Ctx, i: number): boolean {
  let j = i;
  while (j < c.be && isLatin(c.p.charCodeAt(j))) j++;
  if (j === i) return false;
  const w = ascii(c.p.slice(i, j));
  return UNITS_CI.has(w.toLowerCase()) || UNITS_CS.has(w);
}

// ---- X runs in Latin tokens --------------------------------------------------------------------------

/** Is [a, b) made only of X characters, digits and decimal points, with at least one X? */
function xNumber(p: string, a: number, b: number): { xs: number; digits: number; seps: number } | undefined {
  let xs = 0;
  let digits = 0;
  let seps = 0;
  for (let i = a; i < b; i++) {
    const ch = p.charCodeAt(i);
    if (isXChar(ch)) xs++;
    else if (isDigit(ch)) digits++;
    else if (isDot(ch) || ch === 0x2c) seps++;
    else return undefined;
  }
  return xs > 0 ? { xs, digits, seps } : undefined;
}

/** End of the alnum chunk that starts at i. */
function chunkEnd(c: Ctx, i: number): number {
  let k = i;
  while (k < c.be && isAlnum(c.p.charCodeAt(k))) k++;
  return k;
}

function allXOrDigit(p: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const ch = p.charCodeAt(i);
    if (!isXChar(ch) && !isDigit(ch)) return false;
  }
  return true;
}

function hasX(p: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isXChar(p.charCodeAt(i))) return true;
  return false;
}

const isSep = (c: number): boolean => isDot(c) || c === 0x2c;

/**
 * Scans the Latin tokens of a block: alnum chunks joined by a decimal point (xx.xx, 1x.5) or a thousands
 * comma (x,xxx) when the left chunk is a number with an X in it. "2.X" stays two tokens: a heading
 * ordinal or a finished number before the dot is not part of the placeholder.
 *
 * Only a token that holds a TOKEN character (an X, or the T/F a TODO word starts with) can be a placeholder, so
 * the scan starts from those (`cands[k0, k1)`: the block's candidates, see placeholderCandidates), each time
 * from a point where a scan of the whole block would start a token too, and reads tokens as that scan would.
 */
function scanTokens(c: Ctx, out: PlaceholderSpan[], cands: number[], k0: number, k1: number): void {
  const { p } = c;
  let done = c.bs; // where the tokens read so far end
  for (let n = k0; n < k1; n++) {
    const q = cands[n];
    if (q < done || !(CHAR_FLAGS[p.charCodeAt(q)] & TOKEN)) continue;
    // back over q's chunk and every chunk a separator may join to it
    let i = q;
    for (;;) {
      while (i > done && isAlnum(p.charCodeAt(i - 1))) i--;
      if (i - 2 < done || !isSep(p.charCodeAt(i - 1)) || !isAlnum(p.charCodeAt(i - 2))) break;
      i -= 2;
    }
    while (i <= q) {
      if (!isAlnum(p.charCodeAt(i))) i++;
      else i = readToken(c, i, out);
    }
    done = i;
  }
}

/** Reads the token that starts at `start` and analyses it; returns its end. */
function readToken(c: Ctx, start: number, out: PlaceholderSpan[]): number {
  const { p } = c;
  let a = start;
  let k = chunkEnd(c, a);
  for (;;) {
    if (k + 1 >= c.be) break;
    const sep = p.charCodeAt(k);
    if (!isSep(sep)) break;
    if (!isAlnum(p.charCodeAt(k + 1))) break;
    if (!allXOrDigit(p, a, k) || !hasX(p, a, k)) break;
    const r = chunkEnd(c, k + 1);
    if (!allXOrDigit(p, k + 1, r)) break;
    if (sep === 0x2c && (r - (k + 1) !== 3 || !hasX(p, k + 1, r))) break;
    a = k + 1;
    k = r;
  }
  analyzeToken(c, start, k, out);
  return k;
}

function analyzeToken(c: Ctx, start: number, end: number, out: PlaceholderSpan[]): void {
  const { p } = c;
  if (!hasX(p, start, end)) {
    // most tokens are numbers: only 3 to 5 units can be TODO, TBD or FIXME (ascii keeps the length)
    if (end - start < 3 || end - start > 5) return;
    // and they start with T or F (full-width too): no slice for the others
    const c0 = p.charCodeAt(start);
    if (c0 !== 0x54 && c0 !== 0x46 && c0 !== 0xff34 && c0 !== 0xff26) return;
    const token = p.slice(start, end);
    if (TODO_WORDS.has(ascii(token))) out.push({ offset: start, endOffset: end, text: token, kind: 'placeholder', form: 'todo', word: undefined });
    return;
  }
  // prefix and suffix: Latin letters other than X at either end
  let a = start;
  while (a < end && isLatin(p.charCodeAt(a)) && !isXChar(p.charCodeAt(a))) a++;
  let b = end;
  while (b > a && isLatin(p.charCodeAt(b - 1)) && !isXChar(p.charCodeAt(b - 1))) b--;
  const core = xNumber(p, a, b);
  if (!core) return; // X inside a word: EXPO, Linux, XbX
  const prefix = a > start ? ascii(p.slice(start, a)) : '';
  const suffix = b < end ? ascii(p.slice(b, end)) : '';
  const pureX = core.digits === 0 && core.seps === 0;

  if (prefix && suffix) return; // EXPO, eXtra…
  if (prefix) {
    // DNX, PNX: a prefix that takes a number; Bx版: a one-letter code with a lower-case x
    const oneUpper = prefix.length === 1 && isUpperLatin(p.charCodeAt(start));
    const lowerRun = !isUpperX(p.charCodeAt(a)) && pureX;
    const ok =
      NUMBER_PREFIXES.has(prefix) ||
      (oneUpper && lowerRun) ||
      (oneUpper && pureX && CODE_AFTER.has(p[end] ?? '') && end < c.be);
    if (!ok) return; // Linux, Max, Box, WindowsX
    out.push({ offset: a, endOffset: b, text: p.slice(a, b), kind: 'placeholder', form: 'x-latin', word: p.slice(start, end) });
    return;
  }
  if (suffix) {
    // XGWh, XKV, xxkm: a unit symbol after the missing number; XML, Xbox, XP are words
    if (!(UNITS_CI.has(suffix.toLowerCase()) || UNITS_CS.has(suffix))) return;
    out.push({ offset: a, endOffset: b, text: p.slice(a, b), kind: 'placeholder', form: 'x-latin', word: p.slice(start, end) });
    return;
  }
  // the token is all X, digits and decimal points
  if (pinyinNeighbour(c, start, end)) return;
  if (quotedName(c, start, end)) return;
  if (core.xs === 1 && core.seps === 0 && core.digits > 0) {
    const xi = firstX(p, a, b);
    // 3x4, 1920x1080: multiplication; X5, X86: a model number
    if (xi > a && xi < b - 1) return;
    if (xi === a) return;
  }
  if (pureX) {
    if (latinContext(c, start, end)) return;
    // X光, X射线; but 第X线 is an ordinal to fill in
    if (core.xs === 1 && code(c, start - 1) !== 0x7b2c /* 第 */ && xTerm(c, end)) return;
    // 1+X证书, N+X: a term of a formula, unless a measure word makes it a count (3+X个)
    if (core.xs === 1 && isUpperX(p.charCodeAt(a)) && plusTerm(c, start, end)) return;
    // Roman numerals: XX世纪
    if (core.xs <= 3 && isUpperRun(p, a, b) && startsWithAt(c, end, '世纪')) return;
    // 3 x 4 with spaces
    if (core.xs === 1 && isMultiplication(c, start, end)) return;
    // 王XX同志, 联系人：王XX, 村民张XX说; but 奖补资金X， is an amount (金 is a surname too)
    const sl = core.xs <= 3 ? surnameLength(c, start) : 0;
    if (sl > 0 && nameAfterStrict(c, end) && (nameStartsAt(c, start - sl) || titleAfter(c, end))) {
      out.push({ offset: start, endOffset: end, text: p.slice(start, end), kind: 'redacted-name', form: 'x-run', word: undefined });
      return;
    }
  }
  out.push({ offset: start, endOffset: end, text: p.slice(start, end), kind: 'placeholder', form: 'x-run', word: undefined });
}

/** Latin letters with tone marks next to the token: pinyin (習(xí), xiāng), not a blank. */
function pinyinNeighbour(c: Ctx, start: number, end: number): boolean {
  const toned = (ch: number): boolean => (ch >= 0xc0 && ch <= 0x24f && ch !== 0xd7 && ch !== 0xf7) || (ch >= 0x300 && ch <= 0x36f) || (ch >= 0x1e00 && ch <= 0x1eff);
  return toned(code(c, start - 1)) || toned(code(c, end));
}

const OPEN_QUOTES = codeSet('“"「『');
const CLOSE_QUOTES = codeSet('”"」』');
const STOPS = codeSet('，,。；;！!？?：:、\r\n');

/**
 * An X in a short quoted name: a programme (“415X”工程, “551X”), a formula slogan (“双X+N”, “硒+X”, “123+X”), or
 * `“X”即…` after such a slogan in the same block. A run with a measure word after it (“X亿元”) is still a blank.
 */
function quotedName(c: Ctx, start: number, end: number): boolean {
  if (measureAfter(c, end)) return false;
  let i = start - 1;
  while (i >= c.bs && start - i <= 12 && !OPEN_QUOTES.has(c.p.charCodeAt(i))) {
    if (STOPS.has(c.p.charCodeAt(i)) || CLOSE_QUOTES.has(c.p.charCodeAt(i))) return false;
    i--;
  }
  if (i < c.bs || start - i > 12) return false;
  let j = end;
  while (j < c.be && j - end <= 12 && !CLOSE_QUOTES.has(c.p.charCodeAt(j))) {
    if (STOPS.has(c.p.charCodeAt(j)) || OPEN_QUOTES.has(c.p.charCodeAt(j)) && c.p.charCodeAt(j) !== 0x22) return false;
    j++;
  }
  if (j >= c.be || j - end > 12 || !CLOSE_QUOTES.has(c.p.charCodeAt(j))) return false;
  const inner = c.p.slice(i + 1, j);
  const plus = (ch: number): boolean => ch === 0x2b || ch === 0xff0b;
  // a formula: a plus sign between the run and a term that is no blank (双X+N, 123+X; not x+x); a code: an
  // upper-case X after digits (415X)
  if (plus(code(c, start - 1)) && code(c, start - 2) >= 0 && !isXChar(code(c, start - 2)) && !OPEN_QUOTES.has(code(c, start - 2))) return true;
  if (plus(code(c, end)) && code(c, end + 1) >= 0 && !isXChar(code(c, end + 1)) && !CLOSE_QUOTES.has(code(c, end + 1))) return true;
  if (/^[0-9０-９]{2,}[XＸ]$/.test(c.p.slice(start, end))) return true;
  // “X”即… naming the X of a slogan quoted before it in the block (“123+X”)
  if (inner.length === end - start) return /[^XxＸｘ“"「『][+＋][XxＸｘ][”"」』]/.test(c.p.slice(c.bs, i));
  return false;
}

function plusTerm(c: Ctx, start: number, end: number): boolean {
  const prev = code(c, start - 1);
  if (prev !== 0x2b && prev !== 0xff0b) return false;
  const before = code(c, start - 2);
  return (isDigit(before) || (isLatin(before) && !isXChar(before))) && !measureAfter(c, end);
}

function firstX(p: string, a: number, b: number): number {
  for (let i = a; i < b; i++) if (isXChar(p.charCodeAt(i))) return i;
  return -1;
}

function isUpperRun(p: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isUpperX(p.charCodeAt(i))) return false;
  return true;
}

/** iPhone X, Windows X, X Factor, X-ray: the run is a Latin word's neighbour, and no measure word follows. */
function latinContext(c: Ctx, start: number, end: number): boolean {
  if (measureAfter(c, end)) return false;
  const prev = code(c, start - 1);
  const prev2 = code(c, start - 2);
  const next = code(c, end);
  const next2 = code(c, end + 1);
  const latinNotX = (ch: number): boolean => isLatin(ch) && !isXChar(ch);
  if (isSpace(prev) && latinNotX(prev2)) return true;
  if (isSpace(next) && latinNotX(next2) && !unitWordAt(c, end + 1)) return true;
  if (next === 0x2d && latinNotX(next2)) return true;
  if (prev === 0x2d && latinNotX(prev2)) return true;
  return false;
}

// the first characters of the X_TERMS: after most runs there is none
const X_TERM_FIRST = codeSet(X_TERMS.map((t) => t.word.charCodeAt(0)));

function xTerm(c: Ctx, end: number): boolean {
  if (!X_TERM_FIRST.has(code(c, end))) return false;
  const upper = isUpperX(c.p.charCodeAt(end - 1));
  for (const t of X_TERMS) {
    if (!upper && !t.lower) continue;
    if (!startsWithAt(c, end, t.word)) continue;
    const after = end + t.word.length;
    if (t.unless?.some((u) => startsWithAt(c, after, u))) continue;
    return true;
  }
  return false;
}

/** A single x or × between two numbers or Latin terms, spaced or not: 3 x 4, 长×宽 is handled by callers. */
function isMultiplication(c: Ctx, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= c.bs && isSpace(c.p.charCodeAt(i))) i--;
  let j = end;
  while (j < c.be && isSpace(c.p.charCodeAt(j))) j++;
  const l = code(c, i);
  const r = code(c, j);
  // (a+b)×(c+d): a closing bracket on the left, an opening one on the right
  const left = isDigit(l) || l === 0x29 || l === 0xff09;
  const right = isDigit(r) || r === 0x28 || r === 0xff08;
  return left && right;
}

// ---- symbols, 某某, ？？, notes ------------------------------------------------------------------------

const CN_NUMERALS = new Set([...'〇零一二三四五六七八九十百千']);

/** Runs of one symbol or 某, from the block's candidates `cands[k0, k1)`. */
function scanSymbols(c: Ctx, out: PlaceholderSpan[], decorativeOnly: boolean, cands: number[], k0: number, k1: number): void {
  const { p } = c;
  let done = c.bs; // end of the last run
  for (let k = k0; k < k1; k++) {
    const i = cands[k];
    const ch = p.charCodeAt(i);
    if (i < done || !(CHAR_FLAGS[ch] & SYM)) continue;
    let j = i + 1;
    while (j < c.be && p.charCodeAt(j) === ch) j++;
    const len = j - i;
    const text = p.slice(i, j);
    if (ch === 0x67d0) {
      if (len >= 2) {
        const name = surnameBefore(c, i);
        out.push({ offset: i, endOffset: j, text, kind: name ? 'redacted-name' : 'placeholder', form: 'mou', word: undefined });
      }
    } else if (!decorativeOnly) {
      const s = symbolSpan(c, ch, i, j, len);
      if (s) out.push({ offset: i, endOffset: j, text, kind: s, form: 'symbol', word: undefined });
    }
    done = j;
  }
}

/** `*`, `_`, `＿`: blanks only where a value or a place goes (*亿元, ***县, ＿＿%); elsewhere notes and markup. */
const isBlankMark = (ch: number): boolean => ch === 0x2a || ch === 0x5f || ch === 0xff3f;

function symbolSpan(c: Ctx, ch: number, i: number, j: number, len: number): PlaceholderSpan['kind'] | undefined {
  const { p } = c;
  if (isBlankMark(ch)) {
    if (!measureAfter(c, j)) return undefined;
    return surnameBefore(c, i) && len <= 3 && titleAfter(c, j) ? 'redacted-name' : 'placeholder';
  }
  // ○ and 〇 next to Chinese numerals are zeros: 二○○八年
  if (ch === 0x25cb || ch === 0x25ef || ch === 0x3007) {
    if (CN_NUMERALS.has(p[i - 1] ?? '') && i - 1 >= c.bs) return undefined;
    if (CN_NUMERALS.has(p[j] ?? '') && j < c.be) return undefined;
    if (ch === 0x3007 && len === 1) return undefined;
  }
  if (ch === 0xd7 && len === 1 && isMultiplication(c, i, j)) return undefined;
  const name = surnameBefore(c, i) && len <= 3 && nameAfterLenient(c, j);
  if (name) return 'redacted-name';
  if (len >= 2) return 'placeholder';
  // one symbol: a value only where a measure or place word follows directly (□亿元, ×市), or 第 precedes;
  // a lone □ before a space is a byline mark (□ 记者), a lone ○/△ a bullet, 长×宽 a product
  if (measureAfter(c, j) || (i - 1 >= c.bs && p[i - 1] === '第')) return 'placeholder';
  return undefined;
}

const DOT_OPENS: Record<number, number> = { 0x3014: 0x3015, 0x3010: 0x3011, 0xff3b: 0xff3d, 0xff08: 0xff09, 0x28: 0x29, 0x5b: 0x5d };
/** Dots, ellipses and blanks that fill a bracket left empty: 〔...〕, （……）, 【  】. */
const isFiller = (ch: number): boolean => ch === 0x2e || ch === 0xff0e || ch === 0x3002 || ch === 0x2026 || ch === 0xb7 || ch === 0x5f || ch === 0xff3f || isSpace(ch);

/** A bracket holding only dots or blanks before a measure word: 〔...〕亿元, （……）个. `cands[k0, k1)`: the block's candidates. */
function scanEmptyBrackets(c: Ctx, out: PlaceholderSpan[], cands: number[], k0: number, k1: number): void {
  const { p } = c;
  let done = c.bs;
  for (let k = k0; k < k1; k++) {
    const q = cands[k];
    if (q < done || !(CHAR_FLAGS[p.charCodeAt(q)] & BRACKET)) continue;
    // the opening bracket: q itself (〔) or up to 8 fillers before an ellipsis
    let i = q;
    while (i > c.bs && q - i < 8 && !DOT_OPENS[p.charCodeAt(i)] && isFiller(p.charCodeAt(i))) i--;
    const close = DOT_OPENS[p.charCodeAt(i)];
    if (!close) continue;
    let j = i + 1;
    while (j < c.be && j - i <= 8 && isFiller(p.charCodeAt(j))) j++;
    if (j === i + 1 || j >= c.be || p.charCodeAt(j) !== close || !measureAfter(c, j + 1)) continue;
    out.push({ offset: i, endOffset: j + 1, text: p.slice(i, j + 1), kind: 'placeholder', form: 'symbol', word: undefined });
    done = j + 1;
  }
}

function scanQuestions(c: Ctx, out: PlaceholderSpan[]): void {
  const { p } = c;
  let i = c.bs;
  let clauseStart = c.bs;
  while (i < c.be) {
    const ch = p.charCodeAt(i);
    const q = ch === 0x3f || ch === 0xff1f;
    if (!q) {
      if (ch === 0xff0c || ch === 0x3002 || ch === 0xff1b || ch === 0xff01 || ch === 0x2c || ch === 0x3b || ch === 0x21) clauseStart = i + 1; // ，。；！,;!
      i++;
      continue;
    }
    let j = i + 1;
    while (j < c.be && (p.charCodeAt(j) === 0x3f || p.charCodeAt(j) === 0xff1f)) j++;
    if (j - i >= 2 && !isQuestion(c, clauseStart, i, j)) {
      out.push({ offset: i, endOffset: j, text: p.slice(i, j), kind: 'placeholder', form: 'question', word: undefined });
    }
    clauseStart = j;
    i = j;
  }
}

/** ？？ that ends a real question (为什么？？, 对吗？？) rather than standing for a value. */
function isQuestion(c: Ctx, clauseStart: number, i: number, j: number): boolean {
  const prev = code(c, i - 1);
  if (prev < 0) return false;
  if (isLatin(prev)) return true; // what??
  if (QUESTION_PARTICLES.has(prev)) return true;
  if (measureAfter(c, j) || isDigit(code(c, j))) return false;
  // a clause that asks something (为什么要抓项目？？)
  return QUESTION_WORD_RE.test(c.p.slice(Math.max(clauseStart, i - 40), i));
}

const NOTE_OPEN = codeSet('【［[（(〔〖');

/** `cands[k0, k1)`: the block's candidates. */
function scanNotes(c: Ctx, out: PlaceholderSpan[], cands: number[], k0: number, k1: number): void {
  // NOTE_RE puts its opening bracket at most four units (two blanks, 请) before a 待/填/补/此: without one, no regex
  let opens = false;
  for (let k = k0; k < k1 && !opens; k++) {
    const j = cands[k];
    if (!(CHAR_FLAGS[c.p.charCodeAt(j)] & NOTE)) continue;
    for (let i = Math.max(c.bs, j - 4); i < j && !opens; i++) opens = NOTE_OPEN.has(c.p.charCodeAt(i));
  }
  if (!opens) return;
  const s = c.p.slice(c.bs, c.be);
  NOTE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOTE_RE.exec(s))) {
    if (!bracketsPair(m[0])) continue;
    out.push({ offset: c.bs + m.index, endOffset: c.bs + m.index + m[0].length, text: m[0], kind: 'placeholder', form: 'note', word: undefined });
  }
}

const CLOSE_OF: Record<string, string> = { '【': '】', '［': '］', '[': ']', '（': '）', '(': ')', '〔': '〕', '〖': '〗' };

function bracketsPair(s: string): boolean {
  const close = CLOSE_OF[s[0]];
  const last = s[s.length - 1];
  // （待定) and (待定） are the same note with a typo in its brackets; 【】 and [] must pair exactly
  if (close === last) return true;
  return (s[0] === '（' || s[0] === '(') && (last === '）' || last === ')');
}

// ---- allowlist and assembly ----------------------------------------------------------------------------

/**
 * Bounds on the allowlist, which comes from the workspace (`.reportlintrc.json`) and so is untrusted data: at
 * most MAX_ALLOW_WORDS words of at most MAX_ALLOW_WORD_LENGTH code units are used (the config schema rejects
 * more; here the rest is ignored). With the one-pass matcher below, the cost of the list is then bounded by
 * their product for building and linear in the text for matching.
 */
export const MAX_ALLOW_WORDS = 1000;
export const MAX_ALLOW_WORD_LENGTH = 100;

function cleanAllow(allow: unknown): string[] {
  if (!Array.isArray(allow)) return [];
  const out: string[] = [];
  for (const w of allow.slice(0, MAX_ALLOW_WORDS)) {
    if (typeof w !== 'string') continue;
    const t = w.trim();
    if (t.length > 0 && t.length <= MAX_ALLOW_WORD_LENGTH) out.push(t);
  }
  return out;
}

/**
 * The allowlisted words as one automaton (Aho–Corasick): one pass over a block finds, for every position, the
 * longest word ending there. Searching each word on its own kept every occurrence of every word (50 words of
 * `X…` over 1 MB of `X`: 50 million intervals, the heap exhausted).
 */
interface AllowMatcher {
  next: Map<number, number>[];
  fail: Int32Array;
  /** Length of the longest word that ends at this state (0: none). */
  longest: Int32Array;
}

function buildMatcher(words: string[]): AllowMatcher | undefined {
  if (words.length === 0) return undefined;
  const next: Map<number, number>[] = [new Map()];
  const depth: number[] = [0];
  const terminal: boolean[] = [false];
  for (const w of words) {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let t = next[s].get(c);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        depth.push(depth[s] + 1);
        terminal.push(false);
        next[s].set(c, t);
      }
      s = t;
    }
    terminal[s] = true;
  }
  const fail = new Int32Array(next.length);
  const longest = new Int32Array(next.length);
  // breadth first: a state's fail link is shallower, so it is done before the state
  const queue: number[] = [];
  for (const t of next[0].values()) queue.push(t);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    longest[s] = terminal[s] ? depth[s] : longest[fail[s]];
    for (const [c, t] of next[s]) {
      let f = fail[s];
      while (f !== 0 && !next[f].has(c)) f = fail[f];
      const g = next[f].get(c);
      fail[t] = g !== undefined && g !== t ? g : 0;
      queue.push(t);
    }
  }
  return { next, fail, longest };
}

const matchers = new WeakMap<unknown[], AllowMatcher | undefined>();

/** The matcher of an allowlist, built once per list (the server lints with the same config object many times). */
function matcherFor(allow: unknown): AllowMatcher | undefined {
  // an empty list (the usual case, often a fresh [] per document) has no matcher: no WeakMap entry for it
  if (!Array.isArray(allow) || allow.length === 0) return undefined;
  if (!matchers.has(allow)) matchers.set(allow, buildMatcher(cleanAllow(allow)));
  return matchers.get(allow);
}

/** Drops spans that lie inside an occurrence of an allowlisted word. Linear in the block. */
function applyAllow(c: Ctx, spans: PlaceholderSpan[], m: AllowMatcher | undefined): PlaceholderSpan[] {
  return m && spans.length > 0 ? outsideMatches(c.p, c.bs, c.be, spans, m) : spans;
}

/** The spans (offsets into `text`, inside [start, end)) that no occurrence of an allowlisted word in [start, end) contains. */
export function spansOutsideAllow<T extends { offset: number; endOffset: number }>(text: string, start: number, end: number, spans: T[], allow: unknown): T[] {
  const m = matcherFor(allow);
  return m && spans.length > 0 ? outsideMatches(text, start, end, spans, m) : spans;
}

function outsideMatches<T extends { offset: number; endOffset: number }>(text: string, start: number, end: number, spans: T[], m: AllowMatcher): T[] {
  const n = end - start;
  // startFrom[e]: the smallest start of an occurrence ending at or after offset e (n + 1: none), relative to start
  const startFrom = new Int32Array(n + 2).fill(n + 1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(start + i);
    let t = m.next[s].get(ch);
    while (t === undefined && s !== 0) {
      s = m.fail[s];
      t = m.next[s].get(ch);
    }
    s = t ?? 0;
    if (m.longest[s] > 0) startFrom[i + 1] = i + 1 - m.longest[s];
  }
  for (let e = n - 1; e >= 0; e--) if (startFrom[e + 1] < startFrom[e]) startFrom[e] = startFrom[e + 1];
  return spans.filter((sp) => startFrom[sp.endOffset - start] > sp.offset - start);
}

/** Sorts spans and resolves overlaps: the earlier (then longer) span wins and swallows what it covers. */
const bySpan = (a: PlaceholderSpan, b: PlaceholderSpan): number => a.offset - b.offset || b.endOffset - a.endOffset;

function normalize(spans: PlaceholderSpan[]): PlaceholderSpan[] {
  // mostly in order already: a stable sort would leave them as they are, and costs more than this check
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = bySpan(spans[i - 1], spans[i]) <= 0;
  if (!sorted) spans.sort(bySpan);
  const out: PlaceholderSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.offset < last.endOffset) continue;
    out.push(s);
  }
  return out;
}

// Which scanners a block needs, from the flags of its candidate characters (a regex test per block was a tenth
// of the model's time). CAND: any candidate at all; the others gate one scanner each, and each is a superset of
// the characters that scanner needs to find anything.
const CAND = 1;
const TOKEN = 2; // scanTokens: an X (x-run, x-latin) or the T/F of TODO, TBD, FIXME (full-width too)
const SYM = 4; // scanSymbols: ×○◯〇□△＊ or 某
const QUESTION = 8; // scanQuestions: ? or ？
const NOTE = 16; // scanNotes: 待填补此
const BRACKET = 32; // scanEmptyBrackets: 〔 or an ellipsis
const CHAR_FLAGS = new Uint8Array(0x10000);
for (const ch of 'XxＸｘ×○◯〇□△＊某?？待填补此TF*_＿〔…') CHAR_FLAGS[ch.charCodeAt(0)] |= CAND;
for (const ch of 'XxＸｘTFＴＦ') CHAR_FLAGS[ch.charCodeAt(0)] |= TOKEN;
for (const ch of '×○◯〇□△＊某*_＿') CHAR_FLAGS[ch.charCodeAt(0)] |= SYM;
for (const ch of '〔…') CHAR_FLAGS[ch.charCodeAt(0)] |= BRACKET;
for (const ch of '?？') CHAR_FLAGS[ch.charCodeAt(0)] |= QUESTION;
for (const ch of '待填补此') CHAR_FLAGS[ch.charCodeAt(0)] |= NOTE;

/** Every code unit with a flag above: the placeholder candidates. */
export const PLACEHOLDER_CHARS = 'XxＸｘ×○◯〇□△＊某?？待填补此TFＴＦ*_＿〔…';

/** Offsets of the PLACEHOLDER_CHARS in the prose, ascending. */
export function placeholderCandidates(prose: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < prose.length; i++) if (CHAR_FLAGS[prose.charCodeAt(i)]) out.push(i);
  return out;
}

/** `candidates`: placeholderCandidates(prose), which buildDocument finds in a pass it shares with other scanners. */
export function findPlaceholders(prose: string, blocks: Block[], allow: string[], candidates = placeholderCandidates(prose)): PlaceholderSpan[] {
  const matcher = matcherFor(allow);
  const out: PlaceholderSpan[] = [];
  let next = 0; // where the previous block's candidates end
  for (const b of blocks) {
    // blocks come in document order: the first candidate of this one is at or after the previous one's end
    let k0 = next;
    if (k0 > 0 && candidates[k0 - 1] >= b.start) k0 = firstAtOrAfter(candidates, b.start);
    else while (k0 < candidates.length && candidates[k0] < b.start) k0++;
    let k1 = k0;
    let flags = 0;
    while (k1 < candidates.length && candidates[k1] < b.end) flags |= CHAR_FLAGS[prose.charCodeAt(candidates[k1++])];
    next = k1;
    if (!(flags & CAND)) continue;
    const c: Ctx = { p: prose, bs: b.start, be: b.end };
    const spans: PlaceholderSpan[] = [];
    if (flags & TOKEN) scanTokens(c, spans, candidates, k0, k1);
    if (flags & SYM) {
      // a line of nothing but symbols (＊＊＊, □□□□) is a separator, not a placeholder
      const decorative = !/[\p{Script=Han}A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u.test(prose.slice(b.start, b.end));
      scanSymbols(c, spans, decorative, candidates, k0, k1);
    }
    if (flags & QUESTION) scanQuestions(c, spans);
    if (flags & NOTE) scanNotes(c, spans, candidates, k0, k1);
    if (flags & BRACKET) scanEmptyBrackets(c, spans, candidates, k0, k1);
    if (spans.length === 0) continue;
    for (const s of normalize(applyAllow(c, spans, matcher))) {
      if (s.kind === 'redacted-name') s.word = prose.slice(s.offset - surnameLength(c, s.offset), s.endOffset);
      out.push(s);
    }
  }
  // blocks may come in document order already; sort anyway (overlapsPlaceholder searches this list), unless in order
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++) sorted = out[i - 1].offset <= out[i].offset;
  if (!sorted) out.sort((a, b) => a.offset - b.offset);
  return normalize(out);
}
