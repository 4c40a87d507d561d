// Pairing of straight quotes (" and ') in Chinese text, shared by punctuation-width (which converts the
// paired ones to “” ‘’) and punctuation-pairs (which reports the lone ones), so the two rules agree.
//
// Straight quotes have no direction, so they are paired within a sentence: a pair never crosses 。！？.
// A sentence continues into the next paragraph when a paragraph ends mid-sentence (see blockRuns).
// A quote right after a sentence end closes that sentence's open quote (`他说："好。"`), otherwise it
// opens the next sentence. With an odd number of quotes in a sentence, one is lone: the one whose
// removal leaves the most plausible pairs (an opening quote is not followed by ，、；：, a closing quote
// does not follow one), the last one on a tie (seed 001 line 73: `"规定动作",…解决"燃眉之急,…。`).
// One exception to "a pair never crosses 。！？": a quotation of several sentences, whose opening quote is
// the last, lone quote of a sentence and whose closing quote is the first, lone quote of a later one, placed
// right after 。！？ (`"考试合格。相当于有了从业资格。"她说`), with no quote of that kind between them.
import type { ReportDocument } from '../model/document';
import { blockRuns, flagged, hasChinese, hasHan, inChineseText, isBlank, isDigit, isLatinLetter, textTables, type TextTables } from './cjk-text';

export type QuoteRole = 'open' | 'close' | 'lone';

export interface StraightQuote {
  offset: number;
  ch: '"' | "'";
  role: QuoteRole;
  /** Offset of the other quote of the pair. */
  partner?: number;
  /** Whether the quote (its pair, for a paired one) is part of Chinese text. */
  chinese: boolean;
}

const cache = new WeakMap<ReportDocument, StraightQuote[]>();

const DQ = 0x22;
const SQ = 0x27;
/** 。！？!? end a sentence. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}
/** Marks that do not start a quotation's content nor end it. */
const INNER_STOP = new Set(['，', '、', '；', '：', ',', ';', ':', '。']);

/** Candidates of one sentence, as parallel arrays (no object per quote). */
class Cands {
  offset: number[] = [];
  block: number[] = [];
  push(offset: number, block: number): void {
    this.offset.push(offset);
    this.block.push(block);
  }
  get length(): number {
    return this.offset.length;
  }
  clear(): void {
    // setting an array's length is a runtime call: most sentences have no quote
    if (this.offset.length === 0) return;
    this.offset.length = 0;
    this.block.length = 0;
  }
}

/** Is the ' at i an apostrophe or a prime (China's, 90's, 5'), not a quote? */
function isApostrophe(p: string, i: number, lo: number, hi: number): boolean {
  const a = i > lo ? p.charCodeAt(i - 1) : -1;
  const b = i + 1 < hi ? p.charCodeAt(i + 1) : -1;
  const alnum = (c: number) => isLatinLetter(c) || isDigit(c);
  return (alnum(a) && alnum(b)) || isDigit(a);
}

/**
 * Pairs the quotes qs[from..] of one sentence; pushes every pair and the lone quote (if any) to out.
 * Returns the index in qs of the lone quote, or -1.
 */
function pairSentence(doc: ReportDocument, t: TextTables, ch: '"' | "'", qs: Cands, from: number, out: StraightQuote[]): number {
  const n = qs.length - from;
  if (n <= 0) return -1;
  const p = doc.prose;
  const blocks = doc.blocks;
  const off = (i: number) => qs.offset[from + i];
  const lo = (i: number) => blocks[qs.block[from + i]].start;
  const hi = (i: number) => blocks[qs.block[from + i]].end;
  let lone = -1;
  if (n % 2 === 1) {
    // po[i]: cost of quote i opening; pc[i]: cost of quote i closing.
    const po = new Uint8Array(n);
    const pc = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const o = off(i);
      const after = o + 1 < hi(i) ? p[o + 1] : '';
      const before = o > lo(i) ? p[o - 1] : '';
      po[i] = after === '' || INNER_STOP.has(after) ? 1 : 0;
      pc[i] = before === '' || INNER_STOP.has(before) ? 1 : 0;
    }
    // prefix[k]: cost of pairing 0..k-1 as (0,1)(2,3)…; suffix[k]: cost of pairing k..n-1 the same way.
    const prefix = new Int32Array(n + 1);
    for (let k = 2; k <= n; k += 2) prefix[k] = prefix[k - 2] + po[k - 2] + pc[k - 1];
    const suffix = new Int32Array(n + 2);
    for (let k = n - 2; k >= 1; k -= 2) suffix[k] = suffix[k + 2] + po[k] + pc[k + 1];
    let best = Infinity;
    for (let k = 0; k < n; k += 2) {
      const cost = prefix[k] + suffix[k + 1];
      if (cost <= best) {
        best = cost;
        lone = k;
      }
    }
  }
  for (let i = 0; i < n; ) {
    const a = off(i);
    if (i === lone) {
      out.push({ offset: a, ch, role: 'lone', chinese: inChineseText(doc, t, a, 1, lo(i), hi(i)) });
      i++;
      continue;
    }
    const b = off(i + 1);
    const chinese = hasHan(t, a + 1, b) || inChineseText(doc, t, a, 1, lo(i), hi(i)) || inChineseText(doc, t, b, 1, lo(i + 1), hi(i + 1));
    out.push({ offset: a, ch, role: 'open', partner: b, chinese });
    out.push({ offset: b, ch, role: 'close', partner: a, chinese });
    i += 2;
  }
  return lone < 0 ? -1 : from + lone;
}

/** Is the quote at i right after a sentence end (。"), i.e. placed as a closing quote? */
function afterSentenceEnd(p: string, i: number, lo: number): boolean {
  let j = i - 1;
  while (j >= lo && isBlank(p.charCodeAt(j))) j--;
  return j >= lo && isSentenceEnd(p.charCodeAt(j));
}

/**
 * The straight quotes of the document that belong to Chinese text (outside code, URLs, placeholders and
 * heading markers), paired. Quotes of Latin text are left out: neither rule touches them.
 */
export function straightQuotes(doc: ReportDocument): StraightQuote[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const p = doc.prose;
  // most reports have no straight quote at all
  let nextDq = p.indexOf('"');
  let nextSq = p.indexOf("'");
  if (nextDq < 0 && nextSq < 0) {
    const none: StraightQuote[] = [];
    cache.set(doc, none);
    return none;
  }
  const t = textTables(doc);
  const out: StraightQuote[] = [];
  // index in doc.blocks of a run's first block (the runs, one after the other, are doc.blocks)
  let runStart = 0;
  const dq = new Cands();
  const sq = new Cands();
  // A quotation of several sentences: `"考试合格。相当于有了从业资格。"她说`. Its opening quote is the last,
  // lone one of a sentence, its closing quote the first, lone one of a later sentence, right after 。！？,
  // with no quote of that kind between them. pending[k] is the index in out of such an open lone quote.
  const pending = [-1, -1];
  const flushOne = (ch: '"' | "'", qs: Cands, k: number) => {
    const n = qs.length;
    if (n === 0) return;
    let from = 0;
    const pi = pending[k];
    if (pi >= 0 && n % 2 === 1) {
      const b0 = doc.blocks[qs.block[0]];
      const bOff = qs.offset[0];
      if (afterSentenceEnd(p, bOff, b0.start)) {
        const A = out[pi];
        const chinese = A.chinese || hasHan(t, A.offset + 1, bOff) || inChineseText(doc, t, bOff, 1, b0.start, b0.end);
        out[pi] = { offset: A.offset, ch, role: 'open', partner: bOff, chinese };
        out.push({ offset: bOff, ch, role: 'close', partner: A.offset, chinese });
        from = 1;
      }
    }
    const lone = pairSentence(doc, t, ch, qs, from, out);
    // the lone quote is pushed last when it is the sentence's last quote
    pending[k] = lone >= 0 && lone === n - 1 ? out.length - 1 : -1;
  };
  const flush = () => {
    flushOne('"', dq, 0);
    flushOne("'", sq, 1);
    dq.clear();
    sq.clear();
  };
  for (const run of blockRuns(doc)) {
    pending[0] = pending[1] = -1;
    let bi = runStart - 1;
    runStart += run.length;
    const start = run[0].start;
    const end = run[run.length - 1].end;
    // a run without a quote adds nothing
    if (nextDq >= 0 && nextDq < start) nextDq = p.indexOf('"', start);
    if (nextSq >= 0 && nextSq < start) nextSq = p.indexOf("'", start);
    if ((nextDq < 0 || nextDq >= end) && (nextSq < 0 || nextSq >= end)) continue;
    // a run without any Chinese has no quote of Chinese text
    if (!hasChinese(t, start, end)) continue;
    for (const b of run) {
      bi++;
      let i = b.start;
      while (i < b.end) {
        const c = p.charCodeAt(i);
        // most characters are neither a quote nor a sentence end
        if (c > 0x3f && c !== 0x3002 && c !== 0xff01 && c !== 0xff1f) {
          i++;
          continue;
        }
        if ((c === DQ || c === SQ) && !flagged(t, i)) {
          if (c === DQ) dq.push(i, bi);
          else if (!isApostrophe(p, i, b.start, b.end)) sq.push(i, bi);
          i++;
          continue;
        }
        if (isSentenceEnd(c)) {
          // the end marks, then any quote that closes this sentence's open one
          let j = i + 1;
          while (j < b.end && isSentenceEnd(p.charCodeAt(j))) j++;
          for (;;) {
            while (j + 1 < b.end && isBlank(p.charCodeAt(j)) && (p.charCodeAt(j + 1) === DQ || p.charCodeAt(j + 1) === SQ)) j++;
            const d = j < b.end ? p.charCodeAt(j) : -1;
            if (d === DQ && dq.length % 2 === 1) dq.push(j++, bi);
            else if (d === SQ && sq.length % 2 === 1 && !isApostrophe(p, j, b.start, b.end)) sq.push(j++, bi);
            else break;
          }
          if (dq.length || sq.length) flush();
          i = j;
          continue;
        }
        i++;
      }
    }
    flush();
  }
  const chinese = out.filter((q) => q.chinese).sort((a, b) => a.offset - b.offset);
  cache.set(doc, chinese);
  return chinese;
}
