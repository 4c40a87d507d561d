// punctuation-pairs: quotes and brackets that do not pair, or whose nesting crosses (GB/T 15834-2011 4.8, 4.9, 4.15).
import type { Rule } from '../types';
import { msg } from '../util';
import { blockRuns, firstMark, inChineseText, isDigit, isLatinLetter, MAX_FINDINGS, textTables } from '../lib/cjk-text';
import { straightQuotes } from '../lib/quotes';
import { namedMark } from '../lib/mark-names';
import { CATEGORY } from '../categories';

// Kinds: 1 double quote, 2 single quote, 3 bracket, 4 title mark, 5 lenticular bracket. Codes are scanned
// with charCodeAt (no per-mark allocation: a megabyte of brackets must lint fast).
const OPEN_KIND = new Map<number, number>([
  [0x201c, 1], // “
  [0x2018, 2], // ‘
  [0xff08, 3], // （
  [0x28, 3], // (
  [0x300a, 4], // 《
  [0x3010, 5], // 【
]);
const CLOSE_KIND = new Map<number, number>([
  [0x201d, 1], // ”
  [0x2019, 2], // ’
  [0xff09, 3], // ）
  [0x29, 3], // )
  [0x300b, 4], // 》
  [0x3011, 5], // 】
]);
/** By code unit: the kind of an opening mark, or 8 + the kind of a closing mark, or 0 (one typed-array load per character). */
const MARK_KIND = new Uint8Array(0x10000);
for (const [c, k] of OPEN_KIND) MARK_KIND[c] = k;
for (const [c, k] of CLOSE_KIND) MARK_KIND[c] = 8 + k;
const OPENER_OF = ['', '“', '‘', '（', '《', '【'];
const CLOSER_OF = ['', '”', '’', '）', '》', '】'];
/** How many open marks a crossing closer looks through to flag them (bounded: keeps the scan linear). */
const CROSS_LOOKBACK = 16;

/**
 * A stack of integers in a typed array that grows by doubling: a megabyte of brackets pushes a million
 * entries, and plain arrays made that garbage-collector work (and its timing erratic).
 */
class IntStack {
  a = new Int32Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  /** Removes and returns the top entry (undefined when empty, as Array.prototype.pop). */
  pop(): number | undefined {
    return this.length > 0 ? this.a[--this.length] : undefined;
  }
  get(i: number): number {
    return this.a[i];
  }
}

/** `1)` `a）` used as a list marker: a closing bracket after one or two digits/letters at a clause start. */
function listMarker(p: string, i: number, lo: number): boolean {
  let j = i - 1;
  let n = 0;
  while (j >= lo && n < 3 && (isDigit(p.charCodeAt(j)) || isLatinLetter(p.charCodeAt(j)))) {
    j--;
    n++;
  }
  if (n === 0 || n > 2) return false;
  return j < lo || ' \t\u3000：；:;，,。'.includes(p[j]);
}

const rule: Rule = {
  meta: {
    id: 'punctuation-pairs',
    description: msg('引号、括号、书名号要成对，且不能交叉', 'Quotes, brackets and title marks pair up and do not cross'),
    severity: 'error',
    tags: ['punctuation'],
    category: CATEGORY.punctuation,
    fixable: false,
    clause: 'GB/T 15834-2011 4.8, 4.9, 4.15',
    docs: {
      why: msg(
        '引号、括号、书名号、方头括号都成对使用：“有“无”、有（无）、《无》的地方，要么漏了一半，要么多了一个；嵌套也不能交叉（（“…）”）。配对在段内查找；段落不以“。！？”结束时（网页复制常把一句话断成两段），配对延续到下一段。直引号的配对与 punctuation-width 一致，找不到配对的直引号在此报告。缺的是哪一半由作者判断，因此不自动修改。',
        'Quotes, brackets, title marks and lenticular brackets come in pairs: an opening mark without its closing one (or the reverse) is half of a pair lost or one too many, and pairs do not cross (（“…）”). Pairs are sought within a paragraph, and continue into the next one when a paragraph ends mid-sentence (web copies wrap paragraphs). Straight quotes are paired as punctuation-width pairs them; a straight quote without a partner is reported here. Only the writer knows which half is missing, so there is no automatic fix.',
      ),
      examples: [
        { wrong: '切实帮助广大企业解决"燃眉之急,解决痛点难点问题。', right: '切实帮助广大企业解决“燃眉之急”，解决痛点难点问题。' },
        { wrong: '深入实施“法援惠民生“优质公共法律进基层”等系列活动', right: '深入实施“法援惠民生”“优质公共法律进基层”等系列活动' },
        { wrong: '出台了《加强工业园区非公党建工作十二条，全面推进', right: '出台了《加强工业园区非公党建工作十二条》，全面推进' },
        { wrong: '推进江苏（武进技能人才服务产业园提档升级', right: '推进江苏（武进）技能人才服务产业园提档升级' },
        { wrong: '明确（“一园一城）”的发展定位', right: '明确（“一园一城”）的发展定位' },
      ],
    },
  },
  check({ doc, report }) {
    const t = textTables(doc);
    const marks = t.marks;
    const p = doc.prose;
    const reported = new Set<number>();
    const say = (offset: number, zh: string, en: string) => {
      if (reported.size >= MAX_FINDINGS || reported.has(offset) || doc.overlapsPlaceholder(offset, offset + 1)) return;
      reported.add(offset);
      report({ offset, endOffset: offset + 1, message: msg(zh, en) });
    };

    // The stack of open marks, as parallel arrays: kind, offset, block index; the removed ones (closed by a
    // crossing closer) and those an outer closer crossed (→ the closer's offset) are rare, kept aside.
    const sKind = new IntStack();
    const sOff = new IntStack();
    const sBlock = new IntStack();
    const sRemoved = new Set<number>();
    const sCrossed = new Map<number, number>();
    const truncate = (n: number) => {
      // stale entries of sRemoved/sCrossed at ≥ n are cleared when their slot is pushed again
      sKind.length = sOff.length = sBlock.length = n;
    };
    // index in doc.blocks of the current block (the runs, one after the other, are doc.blocks)
    let bi = -1;
    const open = [new IntStack(), new IntStack(), new IntStack(), new IntStack(), new IntStack(), new IntStack()];

    // indexed loops: in a one-off pass over a long document (before the optimizer takes over) for…of made an
    // iterator result per step
    const runs = blockRuns(doc);
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      if (reported.size >= MAX_FINDINGS) return;
      truncate(0);
      if (sRemoved.size) sRemoved.clear();
      if (sCrossed.size) sCrossed.clear();
      // indices into the stack of the open marks of each kind that are not removed
      for (let o = 0; o < open.length; o++) open[o].length = 0;
      for (let bk = 0; bk < run.length; bk++) {
        const b = run[bk];
        bi++;
        for (let m = firstMark(t, b.start); m < marks.length && marks[m] < b.end; m++) {
          const i = marks[m];
          const c = p.charCodeAt(i);
          const mk = MARK_KIND[c];
          if (mk === 0) continue;
          const ok = mk < 8 ? mk : undefined;
          const ck = mk < 8 ? undefined : mk - 8;
          if (t.markFlags[m]) continue;
          // ’ between Latin letters is an apostrophe (China’s, the 1990’s)
          if ((c === 0x2019 || c === 0x2018) && (isLatinLetter(p.charCodeAt(i - 1)) || isDigit(p.charCodeAt(i - 1))) && isLatinLetter(p.charCodeAt(i + 1))) continue;
          if (ok !== undefined) {
            const slot = sKind.length;
            if (sRemoved.size) sRemoved.delete(slot);
            if (sCrossed.size) sCrossed.delete(slot);
            open[ok].push(slot);
            sKind.push(ok);
            sOff.push(i);
            sBlock.push(bi);
            continue;
          }
          const k = ck!;
          let top = sKind.length;
          while (top && sRemoved.has(top - 1)) top--;
          if (top !== sKind.length) truncate(top);
          top--;
          if (top >= 0 && sKind.get(top) === k) {
            open[k].pop();
            const crossed = sCrossed.get(top) ?? -1;
            const opener = p[sOff.get(top)];
            truncate(top);
            if (crossed >= 0) {
              const cc = p[crossed];
              const c1 = namedMark(cc);
              const o1 = namedMark(opener);
              say(crossed, `标点交叉嵌套：${c1.zh}出现在里层的${o1.zh}闭合之前`, `marks cross: the ${c1.en} comes before the inner ${o1.en} is closed`);
              if (reported.size >= MAX_FINDINGS) return;
            }
            continue;
          }
          if (open[k].length) {
            // crossing: an outer mark closes while inner ones are still open (（“…）”)
            const j = open[k].pop()!;
            sRemoved.add(j);
            for (let x = sKind.length - 1, n = 0; x > j && n < CROSS_LOOKBACK; x--, n++) {
              if (!sRemoved.has(x) && !sCrossed.has(x)) sCrossed.set(x, i);
            }
            continue;
          }
          if ((c === 0x29 || c === 0xff09) && listMarker(p, i, b.start)) continue;
          // a half-width bracket in Latin text is not this rule's business
          if (c === 0x29 && !inChineseText(doc, t, i, 1, b.start, b.end)) continue;
          const ch = p[i];
          const c2 = namedMark(ch);
          const o2 = namedMark(ch === ')' ? '(' : OPENER_OF[k]);
          say(i, `${c2.zh}前面缺少与之配对的${o2.zh}`, `the ${c2.en} has no matching ${o2.en} before it`);
          if (reported.size >= MAX_FINDINGS) return;
        }
      }
      // A quotation of several paragraphs opens each one with “ and closes only the last (GB/T 15834-2011
      // 4.8): an open “ at the end of a paragraph is fine when the next paragraph opens with “.
      const next = doc.blocks[bi + 1];
      let k = next ? next.start : 0;
      while (next && k < next.end && /[\s\u3000\uFFFC]/.test(p[k])) k++;
      const quoteContinues = !!next && p[k] === '“';
      for (let x = 0; x < sKind.length; x++) {
        if (sRemoved.has(x)) continue;
        const o = sOff.get(x);
        const ch = p[o];
        const b = doc.blocks[sBlock.get(x)];
        if (ch === '(' && !inChineseText(doc, t, o, 1, b.start, b.end)) continue;
        if (quoteContinues && ch === '“') continue;
        const o3 = namedMark(ch);
        const c3 = namedMark(ch === '(' ? ')' : CLOSER_OF[sKind.get(x)]);
        say(o, `${o3.zh}缺少与之配对的${c3.zh}`, `the ${o3.en} has no matching ${c3.en}`);
        if (reported.size >= MAX_FINDINGS) return;
      }
    }

    // Straight quotes without a partner in their sentence (pairing shared with punctuation-width).
    for (const q of straightQuotes(doc)) {
      if (reported.size >= MAX_FINDINGS) return;
      if (q.role !== 'lone' || !q.chinese) continue;
      say(
        q.offset,
        `${namedMark(q.ch).zh}在本句中找不到与之配对的引号（中文应使用成对的弯引号${q.ch === '"' ? '“”' : '‘’'}）`,
        `the ${namedMark(q.ch).en} has no partner in its sentence (Chinese text uses paired curly quotes ${q.ch === '"' ? '“”' : '‘’'})`,
      );
    }
  },
};
export default rule;
