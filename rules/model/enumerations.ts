// Inline enumerations: 一是…二是…, 第一，第二，, 首先…其次…最后 (GB/T 15834-2011 B.3.1, B.3.7).
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
const SHI_RE = /(^|[。；;，,：:！？!?、\s\u3000\uFFFC（(“"])([一二三四五六七八九十]{1,3})是([，,、：:．.]?)/g;
const DI_RE = /(^|[。；;：:！？!?\s\u3000\uFFFC（(“"])第([一二三四五六七八九十]{1,3})([，,、：:])/g;
const ORDER_RE = /(^|[。；;：:！？!?\s\u3000\uFFFC（(“"])(首先|其次|再次|最后)([，,、：:])/g;
const ORDER_VALUE: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };

function scan(re: RegExp, style: EnumerationStyle, s: string, b: Block, out: EnumerationItem[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const word = m[2];
    const value = style === 'order-words' ? ORDER_VALUE[word] : parseChineseNumeral(word);
    if (!value) continue;
    const start = b.start + m.index + m[1].length;
    const numeralOffset = style === 'di' ? start + 1 : start;
    const numeralEnd = numeralOffset + word.length;
    const wordEnd = style === 'shi' ? numeralEnd + 1 : numeralEnd;
    const mark = m[3] ? { offset: wordEnd, text: m[3] } : undefined;
    out.push({ value, offset: start, endOffset: wordEnd, numeralOffset, numeralEndOffset: numeralEnd, mark, block: b });
    // let the next marker reuse the clause mark we consumed
    if (m[3]) re.lastIndex = m.index + m[0].length - m[3].length;
  }
}

export function findEnumerations(prose: string, blocks: Block[], headingOfBlock: (Heading | undefined)[]): Enumeration[] {
  const result: Enumeration[] = [];
  const open = new Map<EnumerationStyle, Enumeration>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const h = headingOfBlock[i];
    // A heading closes the runs of the section before it.
    if (h) open.clear();
    const from = h ? h.textEndOffset : b.start;
    const s = prose.slice(from, b.end);
    const sub: Block = { ...b, start: from };
    for (const [re, style] of [
      [SHI_RE, 'shi'],
      [DI_RE, 'di'],
      [ORDER_RE, 'order-words'],
    ] as const) {
      const items: EnumerationItem[] = [];
      scan(re, style, s, sub, items);
      for (const it of items) it.block = b;
      let run = open.get(style);
      if (items.length === 0) continue;
      // A run continues into a later block of the same section only when that block opens with a later marker
      // (reports put 一是…, 二是… at the head of successive paragraphs, with paragraphs between them).
      if (run && (items[0].value === 1 || items[0].offset - b.start > 12)) {
        open.delete(style);
        run = undefined;
      }
      for (const it of items) {
        if (!run || it.value === 1) {
          run = { style, items: [] };
          result.push(run);
        }
        run.items.push(it);
      }
      if (run) open.set(style, run);
    }
  }
  return result;
}
