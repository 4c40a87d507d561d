// Word's automatic numbering (numbering.xml), rendered as Word shows it: the heading checks must see the
// ordinals the writer sees ("一、", "（一）", "1.").
import { attr, children, child } from './xml';
import type { Element } from '@xmldom/xmldom';

interface Level {
  fmt: string;
  text: string;
  start: number;
  suff: string;
  isLgl: boolean;
  /** lvlRestart: the level (1-based) whose use restarts this one; 0 = never. Default: any higher level. */
  restart?: number;
}

interface Num {
  abstractId: string;
  /** Level overrides of this instance (startOverride or a whole w:lvl). */
  overrides: Map<number, { start?: number; level?: Level }>;
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_TRAD = '零壹貳參肆伍陸柒捌玖';

/** 1..99999 in Chinese counting (十一, 二十, 一百零一), as Word's chineseCounting. */
function chineseCount(n: number, digits: string, units: string[]): string {
  if (n <= 0 || n >= 100000) return String(n);
  const d = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  for (let i = 0; i < d.length; i++) {
    const pos = d.length - 1 - i;
    if (d[i] === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits === DIGITS ? '零' : digits[0];
    zero = false;
    // 10..19: "十一", not "一十一"
    if (!(d[i] === 1 && pos === 1 && i === 0 && digits === DIGITS)) out += digits[d[i]];
    out += units[pos];
  }
  return out;
}

const letters = (n: number, upper: boolean) => {
  // Word: A..Z, then AA..ZZ, AAA..
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
};

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function formatNumber(n: number, fmt: string): string {
  const units = ['', '十', '百', '千', '万'];
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(n));
    case 'decimalHalfWidth':
      return String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCount(n, DIGITS, units);
    case 'chineseLegalSimplified':
      return chineseCount(n, LEGAL, ['', '拾', '佰', '仟', '万']);
    case 'ideographLegalTraditional':
      return chineseCount(n, LEGAL_TRAD, ['', '拾', '佰', '仟', '萬']);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function readLevel(lvl: Element): Level {
  const val = (name: string) => {
    const e = child(lvl, name);
    return e ? attr(e, 'val') : undefined;
  };
  const restart = val('lvlRestart');
  return {
    fmt: val('numFmt') ?? 'decimal',
    text: val('lvlText') ?? '',
    start: Number(val('start') ?? 1) || 0,
    suff: val('suff') ?? 'tab',
    isLgl: !!child(lvl, 'isLgl'),
    restart: restart !== undefined ? Number(restart) : undefined,
  };
}

/** The numbering of one document: call `label` for each numbered paragraph, in reading order. */
export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private nums = new Map<string, Num>();
  /** Counters per list: an instance with overrides counts on its own, the others share their abstract's. */
  private counters = new Map<string, (number | undefined)[]>();

  constructor(root: Element | undefined) {
    if (!root) return;
    for (const a of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'lvl')) levels.set(Number(attr(l, 'ilvl') ?? 0), readLevel(l));
      this.abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of children(root, 'num')) {
      const abs = child(n, 'abstractNumId');
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'lvlOverride')) {
        const so = child(o, 'startOverride');
        const lvl = child(o, 'lvl');
        overrides.set(Number(attr(o, 'ilvl') ?? 0), { start: so ? Number(attr(so, 'val') ?? 0) : undefined, level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(attr(n, 'numId') ?? '', { abstractId: abs ? attr(abs, 'val') ?? '' : '', overrides });
    }
  }

  private level(num: Num, ilvl: number): Level | undefined {
    const o = num.overrides.get(ilvl);
    const base = o?.level ?? this.abstracts.get(num.abstractId)?.get(ilvl);
    if (!base) return undefined;
    return o?.start !== undefined ? { ...base, start: o.start } : base;
  }

  /** The label Word shows before a paragraph of list `numId` at level `ilvl` (with its suffix), or ''. */
  label(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return '';
    const lvl = this.level(num, ilvl);
    if (!lvl) return '';
    const key = num.overrides.size ? `num:${numId}` : `abs:${num.abstractId}`;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    c[ilvl] = c[ilvl] === undefined ? lvl.start : c[ilvl]! + 1;
    // a deeper level starts again after this one (unless its lvlRestart says otherwise)
    for (let k = ilvl + 1; k < 9; k++) {
      const deeper = this.level(num, k);
      if (deeper?.restart === 0) continue;
      if (deeper?.restart !== undefined && deeper.restart - 1 < ilvl) continue;
      c[k] = undefined;
    }
    if (lvl.fmt === 'bullet' || lvl.fmt === 'none') return '';
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = this.level(num, k);
      const n = c![k] ?? l?.start ?? 1;
      return formatNumber(n, lvl.isLgl && k < ilvl ? 'decimal' : (l?.fmt ?? 'decimal'));
    });
    if (!text) return '';
    return text + (lvl.suff === 'space' ? ' ' : lvl.suff === 'nothing' ? '' : '\t');
  }
}

