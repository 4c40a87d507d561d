// Inline enumerations: 一是…二是…, 第一，第二，, 首先…其次…最后 (GB/T 15834-2011 B.3.1, B.3.7).
import { firstAtOrAfter } from './lines';
import { parseChineseNumeral } from './numerals';
import type { Block } from './prose';
import type { Heading } from './document';

export type EnumerationStyle = 'shi' | 'di' | 'order-words';

export interface EnumerationItem {
  value: number;
  /** The marker word (`二是`, `第二`, `其次`). */
  offset: number;
  endOffset: number;
  numeralOffset: number;
  numeralEndOffset: number;
  /** A punctuation mark written right after the marker (`一是，`), if any. */
  mark?: { offset: number; text: string };
  block: Block;
}

export interface Enumeration {
  style: EnumerationStyle;
  items: EnumerationItem[];
}

// The marker must open a clause: start of the block or after a clause mark, so that 统一是 / 之一是 are not read.
// A web copy may wrap the line inside the marker, leaving a blank: `四 是`.
const SHI_RE = /(^|[。；;，,：:！？!?、\s\u3000\uFFFC（(“"])([一二三四五六七八九十]{1,3})([ \u3000]?是)([，,、：:．.]?)/g;
const DI_RE = /(^|[。；;：:！？!?\s\u3000\uFFFC（(“"])第([一二三四五六七八九十]{1,3})([，,、：:])/g;
const ORDER_RE = /(^|[。；;：:！？!?\s\u3000\uFFFC（(“"])(首先|其次|再次|最后)([，,、：:])/g;
const ORDER_VALUE: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };

/**
 * `cores`: the style's core starts (styleCores). A match starts at most three units before its core (a clause
 * mark and up to three numerals before 是), so the search skips ahead to the next core each time.
 */
function scan(re: RegExp, style: EnumerationStyle, s: string, b: Block, out: EnumerationItem[], cores: number[]): void {
  re.lastIndex = 0;
  let k = firstAtOrAfter(cores, b.start);
  for (;;) {
    while (k < cores.length && cores[k] - b.start < re.lastIndex) k++;
    if (k === cores.length) break;
    re.lastIndex = Math.max(re.lastIndex, cores[k] - b.start - 3);
    const m = re.exec(s);
    if (!m) break;
    const word = m[2];
    // the blank and 是 of the shi style (`四 是`); the mark after the word is the last group
    const shi = style === 'shi' ? m[3] : '';
    const markText = style === 'shi' ? m[4] : m[3];
    // `第一、二轮`, `第一、第二批`: ordinals listed together (the first and second rounds), no enumeration
    if (style === 'di' && m[3] === '、' && /[一二三四五六七八九十第]/.test(s.charAt(m.index + m[0].length))) continue;
    const value = style === 'order-words' ? ORDER_VALUE[word] : parseChineseNumeral(word);
    if (!value) continue;
    const start = b.start + m.index + m[1].length;
    const numeralOffset = style === 'di' ? start + 1 : start;
    const numeralEnd = numeralOffset + word.length;
    const wordEnd = numeralEnd + shi.length;
    const mark = markText ? { offset: wordEnd, text: markText } : undefined;
    out.push({ value, offset: start, endOffset: wordEnd, numeralOffset, numeralEndOffset: numeralEnd, mark, block: b });
    // let the next marker reuse the clause mark we consumed
    if (markText) re.lastIndex = m.index + m[0].length - markText.length;
  }
}

const STYLES = [
  [SHI_RE, 'shi'],
  [DI_RE, 'di'],
  [ORDER_RE, 'order-words'],
] as const;

const CN_DIGIT = new Set([...'一二三四五六七八九十']);

/** The characters a marker word is found by: 是 after a numeral, 第 before one, the second of 首先/其次/再次/最后. */
export const ENUMERATION_KEYS = '是第先次后';

/** Offsets of the ENUMERATION_KEYS in the prose, ascending. */
export function enumerationKeys(prose: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < prose.length; i++) if (ENUMERATION_KEYS.includes(prose[i])) out.push(i);
  return out;
}

/**
 * Starts of the two-character cores each style needs (numeral + 是, 第 + numeral, 首先/其次/再次/最后), from the
 * keys: most blocks have none and skip that style's regex, which cannot match there.
 */
function styleCores(prose: string, keys: number[]): [number[], number[], number[]] {
  const shi: number[] = [];
  const di: number[] = [];
  const order: number[] = [];
  for (const i of keys) {
    const prev = prose[i - 1];
    switch (prose[i]) {
      case '是':
        if (CN_DIGIT.has(prev)) shi.push(i - 1);
        else if ((prev === ' ' || prev === '\u3000') && CN_DIGIT.has(prose[i - 2])) shi.push(i - 2);
        break;
      case '第':
        if (CN_DIGIT.has(prose[i + 1])) di.push(i);
        break;
      case '先':
        if (prev === '首') order.push(i - 1);
        break;
      case '次':
        if (prev === '其' || prev === '再') order.push(i - 1);
        break;
      case '后':
        if (prev === '最') order.push(i - 1);
        break;
    }
  }
  return [shi, di, order];
}

/**
 * Is there a core [p, p + 2) inside [from, end)? `next[style]`: where the search for the previous block stopped; the
 * first core at or after `from` is found from there when it lies ahead (else by a binary search), and kept there.
 */
function hasCore(starts: number[], from: number, end: number, next: number[], style: number): boolean {
  let k = next[style];
  if (k > 0 && starts[k - 1] >= from) k = firstAtOrAfter(starts, from);
  else while (k < starts.length && starts[k] < from) k++;
  next[style] = k;
  return k < starts.length && starts[k] + 2 <= end;
}

/** `keys`: enumerationKeys(prose), which buildDocument finds in a pass it shares with other scanners. */
export function findEnumerations(prose: string, blocks: Block[], headingOfBlock: (Heading | undefined)[], keys = enumerationKeys(prose)): Enumeration[] {
  const result: Enumeration[] = [];
  // the open run of each style, by its index in STYLES
  const open: (Enumeration | undefined)[] = [undefined, undefined, undefined];
  const styleStarts = styleCores(prose, keys);
  // per style, the first core at or after the previous block's `from` (blocks come in document order)
  const next = [0, 0, 0];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const h = headingOfBlock[i];
    // A heading closes the runs of the section before it.
    if (h) open.fill(undefined);
    const from = h ? h.textEndOffset : b.start;
    let s: string | undefined;
    let sub: Block | undefined;
    for (let k = 0; k < STYLES.length; k++) {
      // no items: nothing below would change
      if (!hasCore(styleStarts[k], from, b.end, next, k)) continue;
      const [re, style] = STYLES[k];
      s ??= prose.slice(from, b.end);
      sub ??= { start: from, end: b.end, line: b.line, source: b.source, mdDepth: b.mdDepth };
      const items: EnumerationItem[] = [];
      scan(re, style, s, sub, items, styleStarts[k]);
      for (const it of items) it.block = b;
      let run = open[k];
      if (items.length === 0) continue;
      // A run continues into a later block of the same section only when that block opens with a later marker
      // (reports put 一是…, 二是… at the head of successive paragraphs, with paragraphs between them).
      if (run && (items[0].value === 1 || items[0].offset - b.start > 12)) {
        open[k] = undefined;
        run = undefined;
      }
      for (const it of items) {
        if (!run || it.value === 1) {
          run = { style, items: [] };
          result.push(run);
        }
        run.items.push(it);
      }
      if (run) open[k] = run;
    }
  }
  return result;
}

const BRACKET_LEAD = /[。；;，,：:！？!?\s\u3000]/;

/**
 * Inline bracketed items (`（1）…。（2）…。（3）…`, `①…②…`) opening at `start` and running on in the same paragraph
 * (up to `end`): the offsets of the markers, in order, while they count 1, 2, 3 … and each opens a clause. Undefined
 * when no item 1 opens at `start`. (These are not headings: the paragraph goes on after its colon.)
 */
export function bracketItemsAt(prose: string, start: number, end: number): number[] | undefined {
  const circled = prose.charCodeAt(start) === 0x2460; // ①
  const marker = (n: number) => (circled ? String.fromCharCode(0x2460 + n - 1) : `（${n}）`);
  if (!prose.startsWith(marker(1), start)) return undefined;
  const out = [start];
  for (let n = 2; n <= 20; n++) {
    const at = prose.indexOf(marker(n), out[out.length - 1] + 1);
    if (at < 0 || at >= end || !BRACKET_LEAD.test(prose[at - 1])) break;
    // a restart in between (`（1）` again) ends the run
    const again = prose.indexOf(marker(1), out[out.length - 1] + 1);
    if (again >= 0 && again < at) break;
    out.push(at);
  }
  return out;
}
