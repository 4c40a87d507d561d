// Finding the formulations of the pack (rules/data/formulations.ts) in a document's prose: exact names, numbered
// names with a wrong count or a misspelt word, 、-lists of members with one member changed or missing, long
// wordings with one character changed, and old wordings replaced by newer ones. Used by the `formulation` rule,
// and by the consistency rules through inFormulation() (a count inside a formulation is the formulation's).
import type { ReportDocument } from '../model/document';
import { parseChineseNumeral } from '../model/numerals';
import { FORMULATIONS, type Formulation, type Superseded } from '../data/formulations';
import { PhraseIndex, sharedPhraseIndex, type PhraseEntry } from './phrase-index';

/** What is wrong: the reported span [offset, endOffset), what it should read (fixText), and for the message the
 * whole name, member or wording as found and as it should be. */
export type FormulationIssue =
  | { kind: 'count' | 'name' | 'member' | 'wording'; f: Formulation; offset: number; endOffset: number; found: string; right: string; fixText: string }
  | { kind: 'missing'; f: Formulation; offset: number; endOffset: number; missing: string; insertAt?: number; insert?: string }
  | { kind: 'superseded'; f: Formulation; offset: number; endOffset: number; found: string; change: Superseded };

export interface FormulationScan {
  issues: FormulationIssue[];
  /** Spans [start, end) of formulations found (exact or with an issue), sorted by start. */
  spans: [number, number][];
}

interface Literal extends PhraseEntry {
  f: Formulation;
  what: 'name' | 'variant' | 'old' | 'half';
  right?: string;
  change?: Superseded;
  /** (half) the whole wording and where the half sits in it. */
  wording?: string;
  at?: number;
}

interface Packed {
  literals: PhraseIndex<Literal>;
  /** halves of the long wordings (searched with overlaps: wordings overlap in real text) */
  halves: PhraseIndex<Literal>;
  /** stem → entries with a numbered name on it */
  stems: Map<string, Formulation>;
  /** member → listed entries it belongs to */
  byMember: Map<string, Formulation[]>;
  names: Set<string>;
  /** lengths of members (ascending) and the suffixes members may carry */
  lengths: number[];
  /** 1 for a character that starts / ends some member */
  firstChars: Uint8Array;
  lastChars: Uint8Array;
  suffixes: string[];
}

// Numbered formulations that are not in the pack but are real: a misspelt name is never "corrected" into one of ours
// when it is one of these.
const OTHER_NAMES = new Set(['两个确保', '两个维度', '四个自觉', '四个自我', '四个坚持', '四个服务', '四个伟大', '四个现代化', '两个结合', '两个务必', '三个务必', '两个大局', '四个必须', '三个代表', '两个先行', '四个走在前']);
// Stems whose numbered name is national only (no unit coins its own “三个意识”): a wrong count is reported.
const NATIONAL_STEMS = new Set(['意识', '自信', '维护', '确立']);

let packed: Packed | undefined;

function pack(): Packed {
  if (packed) return packed;
  const lits: Literal[] = [];
  const halves: Literal[] = [];
  const stems = new Map<string, Formulation>();
  const byMember = new Map<string, Formulation[]>();
  const names = new Set<string>();
  for (const f of FORMULATIONS) {
    for (const n of f.names) {
      names.add(n);
      lits.push({ wrong: n, f, what: 'name', notBefore: n === '三保' ? '障险' : undefined });
    }
    if (f.stem) stems.set(f.stem, f);
    if (f.listed) for (const m of f.members ?? []) {
      const l = byMember.get(m);
      if (l) l.push(f);
      else byMember.set(m, [f]);
    }
    for (const v of f.variants ?? []) lits.push({ wrong: v.wrong, f, what: 'variant', right: v.right });
    // old long wordings on their own (an old member of a list is checked in its list)
    for (const c of f.superseded ?? []) if (c.old.length >= 8 && !f.listed) lits.push({ wrong: c.old, f, what: 'old', change: c });
    for (const w of f.wordings ?? []) {
      // A one-character slip leaves one half intact: find either half, then compare the whole.
      const k = w.length >> 1;
      halves.push({ wrong: w.slice(0, k), f, what: 'half', wording: w, at: 0 });
      halves.push({ wrong: w.slice(k), f, what: 'half', wording: w, at: k });
    }
  }
  const lengths = [...new Set([...byMember.keys()].map((m) => m.length))].sort((a, b) => a - b);
  const suffixes = [...new Set(FORMULATIONS.flatMap((f) => (f.memberSuffix ? [f.memberSuffix] : [])))];
  const firstChars = new Uint8Array(0x10000);
  const lastChars = new Uint8Array(0x10000);
  for (const m of byMember.keys()) {
    firstChars[m.charCodeAt(0)] = 1;
    lastChars[m.charCodeAt(m.length - 1)] = 1;
  }
  for (const x of suffixes) lastChars[x.charCodeAt(x.length - 1)] = 1;
  packed = { halves: new PhraseIndex(halves), literals: new PhraseIndex(lits), stems, byMember, names, lengths, suffixes, firstChars, lastChars };
  return packed;
}

const SEP_TABLE = new Uint8Array(0x10000);
for (const c of '，。；：！？\n\r,;:（）()\uFFFC、') SEP_TABLE[c.charCodeAt(0)] = 1;
/** Ends a token of a 、-list: a clause mark, a line end, masked text, or the 顿号 itself. */
const isSep = (text: string, i: number) => SEP_TABLE[text.charCodeAt(i)] === 1;
const isHanCode = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** The digits of a numbered name “N个X” (the stem X is compared exact, or one character away). */
const NUMERAL_TABLE = new Uint8Array(0x10000);
for (const c of '一二两三四五六七八九十') NUMERAL_TABLE[c.charCodeAt(0)] = 1;

function hamming1(a: string, b: string): number {
  // index of the single differing character, or -1 (equal, different length, or more than one difference)
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

const scans = new WeakMap<ReportDocument, FormulationScan>();
// searched with the other phrase lists in one pass over the prose
const LITERALS = sharedPhraseIndex(() => pack().literals);
const HALVES = sharedPhraseIndex(() => pack().halves);

/** The formulations of the pack in a document (computed once per document object). */
export function scanFormulations(doc: ReportDocument): FormulationScan {
  const done = scans.get(doc);
  if (done) return done;
  const p = pack();
  const text = doc.prose;
  const issues: FormulationIssue[] = [];
  const spans: [number, number][] = [];

  // 1. literals: names, known wrong variants, old long wordings, halves of long wordings
  const seenWording = new Set<number>();
  for (const m of LITERALS.find(doc)) {
    const e = m.entry;
    if (e.what === 'name') spans.push([m.offset, m.endOffset]);
    else if (e.what === 'variant') {
      issues.push({ kind: 'wording', f: e.f, offset: m.offset, endOffset: m.endOffset, found: e.wrong, right: e.right!, fixText: e.right! });
      spans.push([m.offset, m.endOffset]);
    } else if (e.what === 'old') {
      // a text that tells the change (由…转化为…) quotes the old wording on purpose
      const around = text.slice(Math.max(0, m.offset - 12), Math.min(text.length, m.endOffset + 12));
      if (/转化|转变|已经/.test(around)) continue;
      issues.push({ kind: 'superseded', f: e.f, offset: m.offset, endOffset: m.endOffset, found: e.wrong, change: e.change! });
      spans.push([m.offset, m.endOffset]);
    }
  }

  // 1b. long wordings, exact or one character off: either half is intact
  HALVES.forEach(doc, (e, i) => {
    const w = e.wording!;
    const s = i - e.at!;
    if (s < 0 || s + w.length > text.length || seenWording.has(s * 128 + w.length)) return;
    const found = text.slice(s, s + w.length);
    if (found === w) {
      seenWording.add(s * 128 + w.length);
      spans.push([s, s + w.length]);
      return;
    }
    const at = hamming1(found, w);
    if (at < 0 || !isHanCode(found.charCodeAt(at))) return;
    // a change at an edge may be another term running on (社会主义核心价值体系): only when no Han character goes on
    if (at === 0 && s > 0 && isHanCode(text.charCodeAt(s - 1))) return;
    if (at === w.length - 1 && isHanCode(text.charCodeAt(s + w.length))) return;
    seenWording.add(s * 128 + w.length);
    issues.push({ kind: 'wording', f: e.f, offset: s + at, endOffset: s + at + 1, found, right: w, fixText: w[at] });
    spans.push([s, s + w.length]);
  });

  // 2. numbered names: 坚定“三个自信” (count), 坚定“四个自身” (a misspelt name)
  // anchored on 个 (rare next to the characters a regex would try at every position); matches do not overlap
  for (let k = text.indexOf('个', 1), from = 0; k >= 0; k = text.indexOf('个', k + 1)) {
    const off = k - 1;
    if (off < from || !NUMERAL_TABLE[text.charCodeAt(off)] || k + 2 >= text.length || !isHanCode(text.charCodeAt(k + 1)) || !isHanCode(text.charCodeAt(k + 2))) continue;
    const end = k + 3;
    from = end;
    const m = [text.slice(off, end), text[off], text.slice(k + 1, end)];
    const num = parseChineseNumeral(m[1] === '两' ? '二' : m[1]);
    const stem = m[2];
    const f = p.stems.get(stem);
    const quoted = text[off - 1] === '“' && text[end] === '”';
    const before = text.slice(Math.max(0, off - (quoted ? 5 : 4)), quoted ? off - 1 : off);
    if (f) {
      if (num === f.count) continue; // the exact name: found among the literals
      const old = f.superseded?.find((c) => c.old === m![0]);
      const governed = (f.verbs ?? []).some((v) => before.endsWith(v));
      if (old) {
        if (!governed) continue;
        issues.push({ kind: 'superseded', f, offset: off, endOffset: end, found: m[0], change: old });
        spans.push([off, end]);
        continue;
      }
      if (!quoted || !governed || !NATIONAL_STEMS.has(stem)) continue;
      issues.push({ kind: 'count', f, offset: off, endOffset: off + 1, found: m[0], right: f.names[0], fixText: f.names[0][0] });
      spans.push([off, end]);
      continue;
    }
    // a misspelt stem: quoted, after a verb of the formulation, or next to another name of the pack
    if (!quoted) continue;
    for (const [st, g] of p.stems) {
      if (g.count !== num) continue;
      const at = hamming1(stem, st);
      if (at < 0) continue;
      if (OTHER_NAMES.has(m[0]) || p.names.has(m[0])) break;
      const governed = (g.verbs ?? []).some((v) => before.endsWith(v));
      if (!governed && !nextToName(text, off - 1, end + 1, p)) break;
      issues.push({ kind: 'name', f: g, offset: off + 2 + at, endOffset: off + 3 + at, found: m[0], right: g.names[0], fixText: st[at] });
      spans.push([off, end]);
      break;
    }
  }

  // 2b. 五大发展理念 with another number (no other “N大发展理念” exists)
  for (let at = text.indexOf('大发展理念'); at >= 0; at = text.indexOf('大发展理念', at + 1)) {
    const c = text[at - 1];
    if (at === 0 || !'一二两三四六七八九十'.includes(c) || /[一二三四五六七八九十百]/.test(text[at - 2] ?? '')) continue;
    const f = FORMULATIONS.find((x) => x.id === 'new-development-philosophy')!;
    issues.push({ kind: 'count', f, offset: at - 1, endOffset: at, found: c + '大发展理念', right: '五大发展理念', fixText: '五' });
    spans.push([at - 1, at + 5]);
  }

  // 3. 、-lists of members
  scanLists(text, p, issues, spans);

  spans.sort((a, b) => a[0] - b[0]);
  issues.sort((a, b) => a.offset - b.offset);
  const scan = { issues, spans };
  scans.set(doc, scan);
  return scan;
}

/** Is a quoted name at [start, end) (quotes included) right after or before another quoted name of the pack? */
function nextToName(text: string, start: number, end: number, p: Packed): boolean {
  // …“四个意识”、坚定“四个自身”: look back and ahead over one separator and a verb of up to 4 characters
  const back = text.slice(Math.max(0, start - 12), start);
  const ahead = text.slice(end, end + 12);
  const quotedNames = (s: string) => [...s.matchAll(/“([^“”]{2,8})”/g)].some((q) => p.names.has(q[1]));
  return (/[、，]/.test(back.slice(-6)) && quotedNames(back)) || (/^[、，]/.test(ahead) && quotedNames(ahead));
}

interface Token {
  start: number;
  end: number;
}

/** Compare a token with a member: the token may carry text before (first token) or after (last token). */
function tokenPart(text: string, t: Token, member: string, pos: 'first' | 'middle' | 'last', suffix: string | undefined, exact = true): { start: number; end: number } | undefined {
  let { start, end } = t;
  // strip quotes around a member
  while (start < end && (text[start] === '“' || text[start] === '”')) start++;
  while (end > start && (text[end - 1] === '”' || text[end - 1] === '“')) end--;
  const forms = suffix ? [member + suffix, member] : [member];
  for (const form of forms) {
    const L = form.length;
    if (pos === 'middle' ? end - start !== L : end - start < L) continue;
    const at = pos === 'first' ? end - L : start;
    if (!exact || text.startsWith(form, at)) return { start: at, end: at + L };
  }
  return undefined;
}

function matches(text: string, t: Token, member: string, pos: 'first' | 'middle' | 'last', suffix: string | undefined): boolean {
  const forms = suffix ? [member + suffix, member] : [member];
  let { start, end } = t;
  while (start < end && (text[start] === '“' || text[start] === '”')) start++;
  while (end > start && (text[end - 1] === '”' || text[end - 1] === '“')) end--;
  const s = text.slice(start, end);
  return forms.some((x) => (pos === 'middle' ? s === x : pos === 'first' ? s.endsWith(x) : s.startsWith(x)));
}

function scanLists(text: string, p: Packed, issues: FormulationIssue[], spans: [number, number][]): void {
  let i = text.indexOf('、');
  while (i >= 0) {
    // the run of tokens around this 顿号: back to the previous separator, then on over every 顿号
    let start = i;
    while (start > 0 && !isSep(text, start - 1) && i - start < 40) start--;
    const tokens: Token[] = [{ start, end: i }];
    let j = i;
    for (;;) {
      let k = j + 1;
      while (k < text.length && !isSep(text, k) && k - j < 40) k++;
      tokens.push({ start: j + 1, end: k });
      if (text[k] !== '、') {
        j = k;
        break;
      }
      j = k;
    }
    if (tokens.length >= 2 && tokens.length <= 12) checkRun(text, tokens, p, issues, spans);
    i = text.indexOf('、', j);
  }
}

function checkRun(text: string, tokens: Token[], p: Packed, issues: FormulationIssue[], spans: [number, number][]): void {
  // most runs hold no member: tell by the characters at the tokens' edges, before making any string
  let plausible = 0;
  for (let k = 0; k < tokens.length && plausible < 2; k++) {
    let a = tokens[k].start;
    let b = tokens[k].end;
    if (text[a] === '“') a++;
    if (text[b - 1] === '”') b--;
    if (b <= a) continue;
    const head = k === 0 || p.firstChars[text.charCodeAt(a)] === 1;
    const tail = k === tokens.length - 1 || p.lastChars[text.charCodeAt(b - 1)] === 1;
    if (head && tail) plausible++;
  }
  if (plausible < 2) return;
  // candidate entries: any whose member is a whole middle token, or ends the first / starts the last token
  const cands = new Set<Formulation>();
  // the token without one opening quote at its start and one closing quote at its end (as /^“|”$/g removes them)
  const strip = (t: Token) => {
    let a = t.start;
    let b = t.end;
    if (b > a && text.charCodeAt(a) === 0x201c) a++;
    if (b > a && text.charCodeAt(b - 1) === 0x201d) b--;
    return text.slice(a, b);
  };
  const add = (m: string) => {
    const fs = p.byMember.get(m);
    if (fs) for (const f of fs) cands.add(f);
  };
  for (let k = 0; k < tokens.length; k++) {
    const s = strip(tokens[k]);
    if (k > 0 && k < tokens.length - 1) {
      add(s);
      for (const suf of p.suffixes) if (s.endsWith(suf)) add(s.slice(0, -suf.length));
      continue;
    }
    const forms = [s];
    if (k === 0) for (const suf of p.suffixes) if (s.endsWith(suf)) forms.push(s.slice(0, -suf.length));
    for (const x of forms) {
      if (x.length === 0 || (k === 0 ? p.lastChars[x.charCodeAt(x.length - 1)] : p.firstChars[x.charCodeAt(0)]) === 0) continue;
      for (const L of p.lengths) {
        if (x.length < L) break;
        add(k === 0 ? x.slice(-L) : x.slice(0, L));
      }
    }
  }
  for (const f of cands) checkEntry(text, tokens, f, strip, issues, spans);
}

/** One entry against a run of tokens: the members may be any window of the run (完整、准确、全面贯彻创新、协调…). */
function checkEntry(text: string, all: Token[], f: Formulation, strip: (t: Token) => string, issues: FormulationIssue[], spans: [number, number][]): void {
  const ms = f.members!;
  const n = ms.length;
  const sfx = f.memberSuffix;
  for (const k of [n, n - 1]) {
    if (k < 2 || (k === n - 1 && n < 4)) continue;
    for (let w = 0; w + k <= all.length; w++) {
      const tokens = all.slice(w, w + k);
      const pos = (idx: number): 'first' | 'middle' | 'last' => (idx === 0 ? 'first' : idx === k - 1 ? 'last' : 'middle');
      // where the list starts: the first member inside the first token
      const head = (m: string) => tokenPart(text, tokens[0], m, 'first', sfx) ?? tokens[0];
      if (k === n) {
        const bad: number[] = [];
        for (let x = 0; x < n && bad.length < 2; x++) if (!matches(text, tokens[x], ms[x], pos(x), sfx)) bad.push(x);
        if (bad.length === 0) {
          spans.push([head(ms[0]).start, tokens[k - 1].end]);
          return;
        }
        if (bad.length !== 1 || n < 3) continue;
        const x = bad[0];
        const t = strip(tokens[x]);
        const old = f.superseded?.find((c) => (pos(x) === 'middle' ? t === c.old : pos(x) === 'first' ? t.endsWith(c.old) : t.startsWith(c.old)));
        if (old) {
          const at = pos(x) === 'first' ? tokens[x].end - old.old.length - (text[tokens[x].end - 1] === '”' ? 1 : 0) : text.indexOf(old.old, tokens[x].start);
          issues.push({ kind: 'superseded', f, offset: at, endOffset: at + old.old.length, found: old.old, change: old });
          spans.push([x === 0 ? at : head(ms[0]).start, tokens[k - 1].end]);
          return;
        }
        // one character off, in a member whose other characters are right (开发 for 开放)
        const part = tokenPart(text, tokens[x], ms[x], pos(x), undefined, false);
        if (!part) continue;
        const found = text.slice(part.start, part.end);
        const at = hamming1(found, ms[x]);
        if (at < 0 || !isHanCode(found.charCodeAt(at))) continue;
        issues.push({ kind: 'member', f, offset: part.start + at, endOffset: part.start + at + 1, found, right: ms[x], fixText: ms[x][at] });
        spans.push([x === 0 ? part.start : head(ms[0]).start, tokens[k - 1].end]);
        return;
      }
      // one member left out: only when the list names its formulation right after it (…共享的新发展理念)
      const last = strip(tokens[k - 1]);
      if (!f.names.some((nm) => last.includes(nm))) continue;
      let skip = -1;
      for (let miss = 0; miss < n && skip < 0; miss++) {
        let ok = true;
        for (let x = 0, y = 0; x < k && ok; x++, y++) {
          if (y === miss) y++;
          ok = matches(text, tokens[x], ms[y], pos(x), sfx);
        }
        if (ok) skip = miss;
      }
      if (skip < 0) continue;
      const suffixed = sfx !== undefined && strip(tokens[1]).startsWith(ms[skip === 1 ? 2 : 1] + sfx);
      const word = ms[skip] + (suffixed ? sfx : '');
      let insertAt: number | undefined;
      let insert: string | undefined;
      if (skip > 0) {
        // right after the previous member, before its 顿号
        const prev = tokenPart(text, tokens[skip - 1], ms[skip - 1] + (suffixed ? sfx : ''), pos(skip - 1), undefined);
        if (prev) {
          insertAt = prev.end;
          insert = '、' + word;
        }
      } else {
        const first = tokenPart(text, tokens[0], ms[1], 'first', sfx);
        if (first) {
          insertAt = first.start;
          insert = word + '、';
        }
      }
      const start = skip === 0 ? (tokenPart(text, tokens[0], ms[1], 'first', sfx) ?? tokens[0]).start : head(ms[0]).start;
      issues.push({ kind: 'missing', f, offset: start, endOffset: tokens[k - 1].end, missing: ms[skip], insertAt, insert });
      spans.push([start, tokens[k - 1].end]);
      return;
    }
  }
}

/** The first effective report year of a change: one made in the course of a year applies from the next year's
 * reports (a report of that year may have been written before it). */
export function effectiveYear(c: Superseded): number {
  return c.month <= 2 ? c.year : c.year + 1;
}

/** Does [offset, endOffset) lie inside a formulation of the pack (its name, its member list or a fixed wording)?
 * The consistency rules skip counts there: they are the formulation rule's. */
export function inFormulation(doc: ReportDocument, offset: number, endOffset: number): boolean {
  const spans = scanFormulations(doc).spans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  for (let k = lo; k >= 0 && k >= lo - 8; k--) if (spans[k] && spans[k][0] <= offset && spans[k][1] >= endOffset) return true;
  return false;
}

