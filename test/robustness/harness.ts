// Property-test harness shared by the vitest properties (test/robustness/properties.test.ts) and the long
// fuzz run (scripts/fuzz.mjs, bundled from scripts/fuzz-entry.ts): document generators that mutate the
// seed reports, and the invariants every document must satisfy with every rule on.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, fixText, lint, selectFixes, type LintOptions } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import type { Finding, Rule, TextEdit } from '../../rules/types';

export const FILENAMES = ['x.txt', 'x.md'] as const;

/** The seed reports in examples/ (relative to the repository root). */
export function loadSeeds(root: string): string[] {
  const dir = join(root, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Fragments that rules and the model react to, and the odd input that reaches editors. */
export const TOKENS: string[] = [
  // placeholders
  'X', 'XX', 'x', 'xxxx', 'XXXX年', 'X.X', 'X亿元', '同比增长X%', '××', '×', '【待补充】', '【待', 'Ｘ',
  // ordinals (right and wrong forms), enumerations
  '一、', '（一）', '1.', '（1）', '①', '(一)', '1、', '一.', '1．', '１.', '（ 一 ）', '（一）、', '十一、', '二十、', '⑳',
  '一是', '二是', '三是，', '第一，', '第二、', '首先，', '其次，', '最后，', '百、',
  // brackets and quotes
  '（', '）', '(', ')', '【', '】', '《', '》', '〈', '〉', '“', '”', '"', "'", '‘', '’', '「', '」', '[', ']',
  // digits, numbers, units, ranges
  '0', '1', '9', '12', '2023', '２０２３', '１', '3.5', '1,000', '１，０００', '%', '％', '亿元', '万元', '万', '℃', 'km', '~', '〜',
  // dashes and tildes
  '-', '－', '—', '——', '～', '–', '―', '-—',
  // years
  '2023年', '2024年', '2022年', '2019年', '1999', '2100年', '今年', '明年', '去年', '二〇二三年',
  // punctuation
  '。', '，', '、', '；', '：', '？', '！', '…', '……', '...', ',', '.', ';', ':', '?', '!', '·', '•',
  // whitespace and line breaks
  ' ', '  ', '　', '　　', '\t', '\u00a0', '\n', '\n\n', '\r\n', '\r', '\u2028', '\u000c', '\u200b',
  // Markdown and inline config
  '#', '# ', '## ', '- ', '* ', '> ', '```', '`', '**', '_', '[a](http://b.cn)', '<br>', '<!-- x -->',
  '<!-- report-lint-disable -->', '<!-- report-lint-enable -->', 'report-lint-disable-next-line', 'report-lint-disable-line placeholder',
  'http://www.gov.cn/一', 'https://x.cn/a?b=1', 'a@b.cn',
  // odd Unicode
  '\uFEFF', '\uFFFC', '\uFFFD', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0301', '\u20DD', 'e\u0301', '😀', '👨‍👩‍👧', '🇨🇳', '𠀀', '𪚥',
  'مرحبا', 'שלום', '\u202E', '\u202D', '\u200F', '\u061C',
  // Chinese text
  '工作总结', '工作思路', '政府工作报告', '绿建区', '招商', '同比增长', '完成', '园区',
];

/** Rare tokens that change a whole document (binary detection). */
const RARE_TOKENS = ['\u0000', '\u0001\u0002\u0003'];

const LONG_TOKENS = [
  (n: number) => 'x'.repeat(n),
  (n: number) => 'X'.repeat(n),
  (n: number) => '一'.repeat(n),
  (n: number) => '。'.repeat(n),
  (n: number) => '（'.repeat(n),
  (n: number) => '“'.repeat(n),
  (n: number) => '1.'.repeat(n >> 1),
  (n: number) => 'x-'.repeat(n >> 1),
  (n: number) => '　'.repeat(n),
  (n: number) => '😀'.repeat(n >> 1),
  (n: number) => '一、'.repeat(n >> 1),
  (n: number) => '2023年'.repeat(n >> 3),
];

export const tokenArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LONG_TOKENS), fc.integer({ min: 200, max: 6000 })).map(([f, n]) => f(n)) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE_TOKENS) },
);

type Mutation =
  | { op: 'insert'; at: number; token: string; lineStart: boolean }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'swapChars'; a: number; b: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'insertLine'; line: number; token: string }
  | { op: 'eol'; eol: string };

const pos = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ op: fc.constant('insert' as const), at: pos, token: tokenArb, lineStart: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: pos, len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: pos, len: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapChars' as const), a: pos, b: pos }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: pos }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), line: pos }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: pos, b: pos }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insertLine' as const), line: pos, token: fc.array(tokenArb, { minLength: 1, maxLength: 6 }).map((a) => a.join('')) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n', '\r', '\n\n', '\u2028') }) },
);

function lineStarts(s: string): number[] {
  const out = [0];
  for (let i = 0; i < s.length; i++) if (s[i] === '\n') out.push(i + 1);
  return out;
}

export function applyMutation(s: string, m: Mutation): string {
  const at = (p: number) => Math.floor(p * (s.length + 1));
  switch (m.op) {
    case 'insert': {
      let i = at(m.at);
      if (m.lineStart) {
        const ls = lineStarts(s);
        i = ls[Math.floor(m.at * ls.length)];
      }
      return s.slice(0, i) + m.token + s.slice(i);
    }
    case 'delete': {
      const i = at(m.at);
      return s.slice(0, i) + s.slice(i + m.len);
    }
    case 'duplicate': {
      const i = at(m.at);
      return s.slice(0, i + m.len) + s.slice(i, i + m.len) + s.slice(i + m.len);
    }
    case 'swapChars': {
      if (s.length < 2) return s;
      let a = Math.floor(m.a * s.length);
      let b = Math.floor(m.b * s.length);
      if (a === b) return s;
      if (a > b) [a, b] = [b, a];
      // UTF-16 units on purpose: swapping the halves of a surrogate pair makes lone surrogates
      return s.slice(0, a) + s[b] + s.slice(a + 1, b) + s[a] + s.slice(b + 1);
    }
    case 'deleteLine':
    case 'duplicateLine':
    case 'swapLines':
    case 'insertLine': {
      const lines = s.split('\n');
      const li = (p: number) => Math.floor(p * lines.length);
      if (m.op === 'deleteLine') lines.splice(li(m.line), 1);
      else if (m.op === 'duplicateLine') lines.splice(li(m.line), 0, lines[li(m.line)]);
      else if (m.op === 'insertLine') lines.splice(Math.floor(m.line * (lines.length + 1)), 0, m.token);
      else {
        const a = li(m.a);
        const b = li(m.b);
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      return lines.join('\n');
    }
    case 'eol':
      return s.replace(/\n/g, m.eol);
  }
}

/** A window of whole lines of a seed (most cases), or the whole seed. */
function windowOf(seed: string, start: number, count: number): string {
  const lines = seed.split('\n');
  const a = Math.floor(start * lines.length);
  return lines.slice(a, a + count).join('\n');
}

export function mutatedSeedArb(seeds: string[], maxMutations = 8): fc.Arbitrary<string> {
  const base = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...seeds), pos, fc.integer({ min: 1, max: 60 })).map(([s, a, n]) => windowOf(s, a, n)) },
    { weight: 1, arbitrary: fc.constantFrom(...seeds) },
  );
  return fc
    .tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: maxMutations }))
    .map(([s, ms]) => ms.reduce(applyMutation, s));
}

/** Purely random text: Unicode graphemes, any code units, and random sequences of report tokens. */
const ORDINALS = ['一、', '二、', '三、', '（一）', '（二）', '1.', '2.', '3.', '（1）', '（2）', '①', '②', '(一)', '1、', '2、', '一.', '十、', '# ', '## ', '- ', '1. ', '> '];

/** Report-shaped lines: an ordinal (or not), then report tokens. */
export function reportLinesArb(): fc.Arbitrary<string> {
  const line = fc
    .tuple(fc.option(fc.constantFrom(...ORDINALS), { freq: 2 }), fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }))
    .map(([o, ts]) => (o ?? '') + ts.join(''));
  return fc.tuple(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n')).map(([ls, eol]) => ls.join(eol));
}

export function randomTextArb(): fc.Arbitrary<string> {
  return fc.oneof(
    reportLinesArb(),
    reportLinesArb(),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 120 }),
    fc.string({ unit: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 })), maxLength: 200 }),
  );
}

export function documentArb(seeds: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: mutatedSeedArb(seeds) }, { weight: 2, arbitrary: randomTextArb() });
}

// ---------------------------------------------------------------------------------------------
// Invariants

export class PropertyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PropertyViolation';
  }
}

function fail(msg: string): never {
  throw new PropertyViolation(msg);
}

function splitsPair(text: string, o: number): boolean {
  if (o <= 0 || o >= text.length) return false;
  const a = text.charCodeAt(o - 1);
  const b = text.charCodeAt(o);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

function checkRange(text: string, a: number, b: number, what: string): void {
  if (!Number.isInteger(a) || !Number.isInteger(b)) fail(`${what}: non-integer range [${a}, ${b})`);
  if (a < 0 || b < a || b > text.length) fail(`${what}: range [${a}, ${b}) outside the document (length ${text.length})`);
  if (splitsPair(text, a) || splitsPair(text, b)) fail(`${what}: range [${a}, ${b}) splits a surrogate pair`);
}

function describeFinding(text: string, f: Finding): string {
  return `${f.ruleId} [${f.offset}, ${f.endOffset}) ${JSON.stringify(text.slice(f.offset, f.endOffset))}`;
}

function checkEdits(text: string, edits: TextEdit[], what: string, within?: [number, number]): void {
  if (!Array.isArray(edits) || edits.length === 0) fail(`${what}: no edits`);
  const sorted = [...edits].sort((x, y) => x.offset - y.offset || x.endOffset - y.endOffset);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (typeof e.text !== 'string') fail(`${what}: edit text is not a string`);
    checkRange(text, e.offset, e.endOffset, what);
    if (within && (e.offset < within[0] || e.endOffset > within[1])) {
      fail(`${what}: edit [${e.offset}, ${e.endOffset}) outside the finding's range [${within[0]}, ${within[1]})`);
    }
    if (i > 0 && e.offset < sorted[i - 1].endOffset) fail(`${what}: edits overlap`);
  }
}

/** Applies sorted, non-overlapping edits by hand and proves every character outside them is kept. */
function applyAndCheckOutside(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1];
    const e = sorted[i];
    // two insertions at one point, or a replacement that overlaps another, would be ambiguous
    if (e.offset < p.endOffset || (e.offset === p.offset && e.offset === e.endOffset && p.offset === p.endOffset)) {
      fail(`selectFixes chose overlapping edits [${p.offset}, ${p.endOffset}) and [${e.offset}, ${e.endOffset})`);
    }
  }
  const out = applyEdits(text, edits);
  // walk the output: each gap of untouched text must appear verbatim at its shifted position
  let shift = 0;
  let pos = 0;
  for (const e of sorted) {
    const gap = text.slice(pos, e.offset);
    if (out.slice(pos + shift, e.offset + shift) !== gap) fail(`text outside the fixed spans changed before offset ${e.offset}`);
    if (out.slice(e.offset + shift, e.offset + shift + e.text.length) !== e.text) fail(`fix text not applied at offset ${e.offset}`);
    shift += e.text.length - (e.endOffset - e.offset);
    pos = e.endOffset;
  }
  if (out.slice(pos + shift) !== text.slice(pos)) fail('text after the last fixed span changed');
  if (out.length !== text.length + shift) fail('fixed text has the wrong length');
  return out;
}

export interface CheckStats {
  findings: number;
  fixes: number;
  skipped: boolean;
}

/** Lints a document with every rule on and checks every invariant; throws PropertyViolation (or the engine's error). */
export function checkDocument(text: string, filename: string, rules: Rule[] = allRules, year?: number): CheckStats {
  const ruleIds = new Set(rules.map((x) => x.meta.id));
  const opts: LintOptions = { filename, rules, ...(year !== undefined ? { config: { rules: {}, settings: { year } } } : {}) };
  const r = lint(text, opts);
  if (r.internalErrors.length) fail(`internal errors: ${r.internalErrors.map((e) => e.message).join(' | ')}`);
  if (r.skipped) {
    if (r.findings.length) fail('a skipped document has findings');
    return { findings: 0, fixes: 0, skipped: true };
  }
  let fixes = 0;
  for (const f of r.findings) {
    const what = describeFinding(text, f);
    if (!ruleIds.has(f.ruleId)) fail(`${what}: unknown rule id`);
    checkRange(text, f.offset, f.endOffset, what);
    if (!f.message || typeof f.message.zh !== 'string' || !f.message.zh || typeof f.message.en !== 'string' || !f.message.en) {
      fail(`${what}: message missing in zh or en`);
    }
    if (f.fix) {
      fixes++;
      checkEdits(text, f.fix.edits, `${what} fix`, [f.offset, f.endOffset]);
    }
    for (const s of f.suggestions ?? []) checkEdits(text, s.edits, `${what} suggestion`);
  }
  // One pass of the selected fixes: only the fixed spans change.
  const all = r.findings.filter((f) => f.fix).map((f) => f.fix!);
  if (all.length) {
    const { edits } = selectFixes(all);
    applyAndCheckOutside(text, edits);
  }
  // Fix-all is idempotent and never leaves the engine in a failing state.
  const once = fixText(text, opts);
  if (once.result.internalErrors.length) fail(`internal errors after fix-all: ${once.result.internalErrors.map((e) => e.message).join(' | ')}`);
  const twice = fixText(once.output, opts);
  if (twice.output !== once.output) {
    fail(`fix-all is not idempotent: second run changed ${JSON.stringify(firstDiff(once.output, twice.output))}`);
  }
  return { findings: r.findings.length, fixes, skipped: false };
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${a.slice(Math.max(0, i - 10), i + 20)} → ${b.slice(Math.max(0, i - 10), i + 20)}`;
}

/** A configured report year (the `year` setting) for some cases; most infer it from the title. */
export const yearArb: fc.Arbitrary<number | undefined> = fc.option(fc.integer({ min: 1990, max: 2100 }), { freq: 4 });

/** Both file types. */
export function checkBoth(text: string, year?: number): void {
  for (const f of FILENAMES) {
    try {
      checkDocument(text, f, allRules, year);
    } catch (e) {
      if (e instanceof Error) e.message = `[${f}${year !== undefined ? `, year ${year}` : ''}] ${e.message}`;
      throw e;
    }
  }
}
