// count-consistency: a count (`三大平台`, `五个方面`, `两项措施`) and the members listed after it must agree
// (公文写作规范：数据前后一致). Members are read where they can be delimited with confidence: `即/分别为/包括/：`
// followed by a 、 list, `：一是…二是…` (the model's enumerations), `：（1）…（2）…` in the paragraph (bracketItemsAt) and
// `…五个方面工作：` before a run of headings (the model's headingRunAfter). Anything less certain is left alone.
// Set formulations (四个意识 …) are skipped through lib/formulation-counts.ts.
import type { ReportDocument } from '../model/document';
import type { Rule } from '../types';
import { parseChineseNumeral, toAsciiDigits, toChineseNumeral } from '../model/numerals';
import { isFormulationCount } from '../lib/formulation-counts';
import { inFormulation } from '../lib/formulations';
import { bracketItemsAt } from '../model/enumerations';
import { msg } from '../util';
import { positionsOf } from '../lib/anchor-positions';
import { CATEGORY } from '../categories';

// A count and its noun, ending where the introducer starts (the window is cut there): `三大平台”，`, `五个方面工作`.
const COUNT_BEFORE_RE =
  /(?<![一二两三四五六七八九十百千万零〇0-9０-９.．第每前后近约数几多])([一二两三四五六七八九十]{1,3}|[0-9０-９]{1,2})(大|个|项|方面|件|部分)((?:[\u4e00-\u9fff0-9%“”"]){0,10}?)[”"]?[，,：:]?$/;
const CLASSIFIER = new Uint8Array(0x10000);
for (const ch of '大个项面件分') CLASSIFIER[ch.charCodeAt(0)] = 1;
const COUNT_NUMERAL = new Uint8Array(0x10000);
for (const ch of '一二两三四五六七八九十0123456789０１２３４５６７８９') COUNT_NUMERAL[ch.charCodeAt(0)] = 1;

/** A numeral right before a classifier (`三大`, `五个`, `两方面`, `三部分`) in [from, end): the regex's precondition. */
function hasCountShape(prose: string, from: number, end: number): boolean {
  for (let i = end - 1; i > from; i--) {
    if (CLASSIFIER[prose.charCodeAt(i)] !== 1) continue;
    const c = prose[i];
    const j = c === '面' || c === '分' ? i - 1 : i; // 方面, 部分
    if (j > from && COUNT_NUMERAL[prose.charCodeAt(j - 1)] === 1) return true;
  }
  return false;
}

const CLAUSE_END = /[，。；;！？!?\n\r,：:]/;
const CONJUNCTIONS = ['以及', '和', '及', '与'];

/** The last conjunction with text on both sides: [end of the head, start of the tail], or undefined. */
function lastConjunction(s: string): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const w of CONJUNCTIONS) {
    const i = s.lastIndexOf(w, s.length - w.length - 1);
    if (i > 0 && (!best || i > best[0]) && !/\s/.test(s[i - 1]) && !/\s/.test(s[i + w.length])) best = [i, i + w.length];
  }
  return best;
}

/** s without the closing quotes and brackets at its end (a loop: a regex `[…]+$` is quadratic on a run of them). */
function trimClosers(s: string, closers: string): string {
  let e = s.length;
  while (e > 0 && closers.includes(s[e - 1])) e--;
  return s.slice(0, e);
}

const OPENERS = '“《（(‘';
const CLOSERS = '”》）)’';

/** s with every bracketed or quoted stretch (outermost) replaced by □, same length; unclosed ones are kept. */
function maskQuoted(s: string): string {
  let out = '';
  let open = -1;
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (OPENERS.includes(s[i])) {
      if (depth++ === 0) open = i;
    } else if (depth > 0 && CLOSERS.includes(s[i]) && --depth === 0) {
      out += s.slice(last, open) + '□'.repeat(i + 1 - open);
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

interface Count {
  value: number;
  offset: number;
  endOffset: number;
  text: string;
}

function countBefore(prose: string, end: number): Count | undefined {
  const from = Math.max(0, end - 18);
  if (!hasCountShape(prose, from, end)) return undefined;
  const w = prose.slice(from, end);
  const m = COUNT_BEFORE_RE.exec(w);
  if (!m) return undefined;
  const value = /^[0-9０-９]/.test(m[1]) ? Number(toAsciiDigits(m[1])) : parseChineseNumeral(m[1].replace(/两/g, '二'));
  if (!value || value < 2 || value > 30) return undefined;
  let text = trimClosers(m[1] + m[2] + m[3], '”"');
  // `三个一万亿”工程`: the count's own words end at the quote
  const q = text.search(/[”"]/);
  if (q > 0) text = text.slice(0, q);
  if (isFormulationCount(text)) return undefined;
  const offset = from + m.index;
  return { value, offset, endOffset: offset + text.length, text };
}

/** Members of a 、 list starting at `start`: the possible numbers of members, or undefined when not a list. */
function listMembers(prose: string, start: number): { counts: number[]; parts: string[]; split: string[] } | undefined {
  let e = start;
  let depth = 0;
  const parts: string[] = [];
  let cur = start;
  for (; e < prose.length && e - start < 200; e++) {
    const c = prose[e];
    if (c === '“' || c === '《' || c === '（' || c === '(' || c === '‘') depth++;
    else if (c === '”' || c === '》' || c === '）' || c === ')' || c === '’') depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.test(c)) break;
    else if (depth === 0 && c === '、') {
      parts.push(prose.slice(cur, e));
      cur = e + 1;
    }
  }
  if (e - start >= 200 || depth !== 0) return undefined;
  parts.push(prose.slice(cur, e));
  if (parts.length < 2) return undefined;
  // 等 / 等等: the list is open
  if (parts.some((p) => p.length < 2 || p.length > 40 || maskQuoted(p).includes('等'))) return undefined;
  const n = parts.length;
  const conj = lastConjunction(maskQuoted(parts[n - 1]));
  if (!conj) return { counts: [n], parts, split: parts };
  // `A、B和C`: split at the conjunction when its two sides end like the other members (工程, 行动 …)
  const trailing = '”"’》）)';
  const ends = parts.slice(0, -1).map((p) => trimClosers(p, trailing).slice(-1));
  const common = ends.every((c) => c === ends[0]) ? ends[0] : undefined;
  const head = parts[n - 1].slice(0, conj[0]);
  const tail = parts[n - 1].slice(conj[1]);
  const a = trimClosers(head, trailing).slice(-1);
  const b = trimClosers(tail, trailing).slice(-1);
  const split = [...parts.slice(0, -1), head, tail];
  // `A行动、B行动、C和D行动` may be three or four: both stay possible
  if (common !== undefined && a === common && b === common) return { counts: [n + 1], parts, split };
  return { counts: [n, n + 1], parts, split };
}

function short(s: string, max = 12): string {
  const t = s.replace(/\s+/g, '');
  return t.length > max ? t.slice(0, max) + '…' : t;
}

function skipBlanks(prose: string, i: number): number {
  while (i < prose.length && (prose[i] === ' ' || prose[i] === '\u3000' || prose[i] === '\t')) i++;
  return i;
}

const rule: Rule = {
  meta: {
    id: 'count-consistency',
    description: msg('总括数与所列项数一致', 'A count agrees with the members listed after it'),
    severity: 'warning',
    tags: ['numbers', 'consistency'],
    category: CATEGORY.numbers,
    fixable: false,
    clause: '公文写作规范：数据前后一致',
    docs: {
      why: msg(
        '“三大平台”“五个方面”等总括数与其后列出的项目须一致。修改稿增删一项后，总括数常未随之改动。只在能确定各项界限时（“即/分别为/包括/：”后的顿号并列、“一是…二是…”、同段“（1）…（2）…”、紧随其后的一组标题）检查；“四个意识”等固定提法不在此列。',
        'A count (三大平台, 五个方面) must agree with the members listed after it; an edit that adds or drops a member often leaves the count behind. Checked only where the members can be told apart with confidence (a 、 list after 即/分别为/包括/：, 一是…二是…, (1)…(2)… in the paragraph, a run of headings right after); set formulations such as 四个意识 are left out.',
      ),
      examples: [
        { wrong: '着力打造“三大平台”，即科技创新平台、人才服务平台、金融服务平台和开放合作平台。', right: '着力打造“四大平台”，即科技创新平台、人才服务平台、金融服务平台和开放合作平台。' },
        { wrong: '重点抓好两项工作：一是稳住工业基本盘。二是扩大有效投资。三是提升城市品质。', right: '重点抓好三项工作：一是稳住工业基本盘。二是扩大有效投资。三是提升城市品质。' },
        { wrong: '今年重点做好以下五个方面工作：\n（一）……\n（二）……\n（三）……\n（四）……', right: '今年重点做好以下四个方面工作：……' },
      ],
    },
  },
  check({ doc, report }) {
    const { prose } = doc;
    const found = (c: Count, n: number, where: string, whereEn: string) => {
      if (doc.overlapsPlaceholder(c.offset, c.endOffset)) return;
      // a count inside a formulation of the pack (四个意识, 五大发展理念 …) is the formulation rule's
      if (inFormulation(doc, c.offset, c.endOffset)) return;
      const nz = toChineseNumeral(n);
      report({
        offset: c.offset,
        endOffset: c.endOffset,
        message: msg(`“${c.text}”后列出了${nz}项：${where}`, `"${c.text}" is followed by ${n} members: ${whereEn}`),
      });
    };
    let enumAt: Map<number, ReportDocument['enumerations'][number]> | undefined;
    // 即 / 分别为 / 分别是 / 包括 / ：
    for (const [word, skipColon] of INTRODUCERS) {
      // found by their rarest character: 分别为/分别是 from the 分别 shared with parts-whole, 包括 from 括
      const anchor = word.length === 1 ? word : word === '包括' ? '括' : '分别';
      const shift = word === '包括' ? 1 : 0;
      for (const a of positionsOf(doc, anchor)) {
        const p = a - shift;
        if (p < 0 || (word.length > 1 && !prose.startsWith(word, p))) continue;
        let head = p;
        // `，即` `：即` `”即`: the count ends before the marks
        if (word === '即' && (prose[p - 1] === '，' || prose[p - 1] === ',' || prose[p - 1] === '：')) head = p - 1;
        if (word === '即' && /[立将使便可刻时日]/.test(prose[p + 1] ?? '')) continue; // 即将, 即使, 即可 …
        const c = countBefore(prose, head);
        if (!c) continue;
        let s = p + word.length;
        if (skipColon && (prose[s] === '：' || prose[s] === ':')) s++;
        s = skipBlanks(prose, s);
        // `：一是…二是…` (also `即：一是…`): the enumeration's items
        const e = (enumAt ??= enumerationStarts(doc)).get(s);
        if (e) {
          if (e.items.length !== c.value && Math.abs(e.items.length - c.value) <= 2) {
            const a = prose.slice(e.items[0].offset, e.items[0].endOffset);
            const last = e.items[e.items.length - 1];
            const z = prose.slice(last.offset, last.endOffset);
            const line = doc.lines.position(last.offset).line + 1;
            found(c, e.items.length, `${a}至${z}（第${line}行）`, `${a} to ${z} (line ${line})`);
          }
          continue;
        }
        // the introducer ends its paragraph: the run of headings after it
        const run = doc.headingRunAfter(s);
        if (run) {
          if (run.length !== c.value && Math.abs(run.length - c.value) <= 2) {
            const a = run[0].marker!;
            const z = run[run.length - 1].marker!;
            const line = doc.lines.position(z.offset).line + 1;
            found(c, run.length, `${a.text}至${z.text}（第${line}行）`, `${a.text} to ${z.text} (line ${line})`);
          }
          continue;
        }
        // `：（1）…。（2）…` in the same paragraph
        if (prose[s] === '（' || prose[s] === '①') {
          const block = doc.blocks[blockAt(doc, s)];
          const items = block && bracketItemsAt(prose, s, block.end);
          if (items) {
            if (items.length >= 2 && items.length !== c.value && Math.abs(items.length - c.value) <= 2) {
              const last = items[items.length - 1];
              const z = prose.slice(last, prose.indexOf(prose[s] === '①' ? prose[last] : '）', last) + 1);
              const line = doc.lines.position(last).line + 1;
              found(c, items.length, `${prose[s] === '①' ? '①' : '（1）'}至${z}（第${line}行）`, `${prose[s] === '①' ? '①' : '(1)'} to ${z} (line ${line})`);
            }
            continue;
          }
        }
        // an enumeration the model did not read as one: not delimited with confidence
        if ((prose[s + 1] === '是' || prose[s] === '第') && /[一二三四五六七八九十]/.test(prose[s] === '第' ? prose[s + 1] : prose[s])) continue;
        const list = listMembers(prose, s);
        if (!list || list.counts.includes(c.value)) continue;
        // the candidate closest to the count (a 和 in the last member may or may not join two)
        const n = list.counts.reduce((x, y) => (Math.abs(y - c.value) < Math.abs(x - c.value) ? y : x));
        if (Math.abs(n - c.value) > 2) continue;
        // 包括 may name only some members: only more members than counted is a contradiction
        if (word === '包括' && n < c.value) continue;
        const members = n > list.parts.length ? list.split : list.parts;
        const shown = members.slice(0, 4).map((m) => short(m)).join('、') + (members.length > 4 ? '…' : '');
        found(c, n, shown, shown);
      }
    }
    // `重点抓好以下八个方面工作。` ending its paragraph, then the run of headings it announces: only 方面, the word
    // reports introduce their sections with (a paragraph ending on `三大任务。` says nothing about what follows)
    for (const a of positionsOf(doc, '方面')) {
      let stop = a + 2;
      while (stop < prose.length && stop - a < 10 && prose[stop] !== '。' && !CLAUSE_END.test(prose[stop])) stop++;
      if (prose[stop] !== '。') continue;
      const c = countBefore(prose, stop);
      if (!c || c.offset > a) continue;
      const run = doc.headingRunAfter(stop + 1);
      if (run && run.length !== c.value && Math.abs(run.length - c.value) <= 2) {
        const first = run[0].marker!;
        const z = run[run.length - 1].marker!;
        const line = doc.lines.position(z.offset).line + 1;
        found(c, run.length, `${first.text}至${z.text}（第${line}行）`, `${first.text} to ${z.text} (line ${line})`);
      }
    }
  },
};

const INTRODUCERS: [string, boolean][] = [
  ['即', true],
  ['分别为', true],
  ['分别是', true],
  ['包括', true],
  ['：', false],
];

/** Index of the block that holds offset (blocks are in order). */
function blockAt(doc: ReportDocument, offset: number): number {
  let lo = 0;
  let hi = doc.blocks.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.blocks[mid].start <= offset) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return k;
}

/** Enumerations (`一是`, `第一，`) by the offset of their first item, when it is item 1. */
function enumerationStarts(doc: ReportDocument): Map<number, ReportDocument['enumerations'][number]> {
  const out = new Map<number, ReportDocument['enumerations'][number]>();
  for (const e of doc.enumerations) if (e.style !== 'order-words' && e.items[0].value === 1) out.set(e.items[0].offset, e);
  return out;
}

export default rule;
