// Output formats: stylish (people), json (the public contract), sarif 2.1.0, github (workflow commands), junit.
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Lang } from '../rules/types';
import type { FileReport, JsonDiagnostic } from './lint-file';
import { ChunkWriter, encodedOnce, memo, numWidth } from './chunk-writer';
import { allRules } from '../rules/all-rules';
import { reasonText } from './messages';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  lang: Lang;
  color: boolean;
  version: string;
  /** Where published rule docs live (…/docs/rules/); '' when none is configured: SARIF then has no helpUri. */
  docsBase: string;
  /** Base for repository-relative paths (git root, else cwd). */
  root: string;
  cwd: string;
  rules: RuleMeta[];
  /** Absolute paths by display path (SARIF needs repository-relative URIs). */
  absPath: (display: string) => string;
}

/** One file's entry of the JSON contract. */
export function formatJsonEntry(r: FileReport): string {
  const o: Record<string, unknown> = { file: r.file, diagnostics: r.diagnostics, placeholders: r.placeholders };
  if (r.skipped !== undefined) o.skipped = r.skipped;
  if (r.limits?.length) o.limits = r.limits;
  return JSON.stringify(o);
}

/**
 * The JSON contract: one array, one entry per file (the same text as JSON.stringify of the array), as UTF-8
 * pieces to write one after the other. An entry rendered already where it was linted (`r.rendered`) is used as it is.
 */
export function formatJson(reports: FileReport[]): Uint8Array[] {
  const enc = new TextEncoder();
  const out: Uint8Array[] = [enc.encode('[')];
  const comma = enc.encode(',');
  reports.forEach((r, i) => {
    if (i) out.push(comma);
    out.push(r.rendered ?? enc.encode(formatJsonEntry(r)));
  });
  out.push(enc.encode(']\n'));
  return out;
}

// ---- control characters ----

// C0 controls (with tab and line breaks), DEL and the C1 controls (U+009B is an 8-bit CSI to some terminals)
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROLS_BUT_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Text from a document or a file name, safe to print: each control character becomes a visible `\xNN`, so an
 * escape sequence in a report (`ESC c` resets a terminal) or a line break in a file name never reaches the terminal
 * or a CI log as what it is. `keepBreaks` leaves CR and LF for a format that escapes them itself.
 */
export function sanitize(s: string, keepBreaks = false): string {
  if (!CONTROL.test(s)) return s;
  return s.replace(keepBreaks ? CONTROLS_BUT_BREAKS : CONTROLS, hex);
}

// ---- stylish ----

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  placeholders: number;
  placeholderFiles: number;
  skipped: number;
  /** [errors, warnings, infos] by rule id. */
  rules: Map<string, [number, number, number]>;
}

export function totals(reports: FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, placeholders: 0, placeholderFiles: 0, skipped: 0, rules: new Map() };
  const rule = (id: string) => {
    let c = t.rules.get(id);
    if (!c) t.rules.set(id, (c = [0, 0, 0]));
    return c;
  };
  for (const r of reports) {
    if (r.shown) {
      // rendered where it was linted: its diagnostics are gone, their counts kept
      t.errors += r.shown.errors;
      t.warnings += r.shown.warnings;
      t.infos += r.shown.infos;
      t.fixable += r.shown.fixable;
      for (const [id, [e, w, i]] of Object.entries(r.shown.rules ?? {})) {
        const c = rule(id);
        c[0] += e;
        c[1] += w;
        c[2] += i;
      }
    }
    for (const d of r.diagnostics) {
      const c = rule(d.rule);
      if (d.severity === 'error') t.errors++, c[0]++;
      else if (d.severity === 'warning') t.warnings++, c[1]++;
      else t.infos++, c[2]++;
      // --fix cannot write a .docx: its fixes are not counted as fixable with --fix
      if (d.fix && !r.docx) t.fixable++;
    }
    t.placeholders += r.placeholders;
    if (r.placeholders > 0) t.placeholderFiles++;
    if (r.skipped !== undefined) t.skipped++;
  }
  return t;
}

/** A .docx finding's place in Word's terms and its excerpt, for the formats that have one message: ` — 第5段「…」`. */
export function locatedMessage(d: JsonDiagnostic, lang: Lang): string {
  if (!d.location) return d.message;
  return lang === 'en' ? `${d.message} — ${d.location}: "${d.excerpt ?? ''}"` : `${d.message}——${d.location}「${d.excerpt ?? ''}」`;
}

const findingCount = (reports: FileReport[]) => reports.reduce((n, r) => n + r.diagnostics.length, 0);

/** East Asian wide characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Stylish's pieces for one language and colour setting, built once: escape codes, severity names, encoded messages. */
interface StylishParts {
  zh: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  under: (s: string) => string;
  sevText: (s: string) => string;
  sevColor: (s: string) => (s: string) => string;
  dimOn: Uint8Array;
  dimOff: Uint8Array;
  messageWidth: (m: string) => number;
  message: (m: string) => Uint8Array;
  rule: (id: string) => Uint8Array;
}

const stylishCache = new Map<string, StylishParts>();
function stylishParts(lang: Lang, color: boolean): StylishParts {
  const key = `${lang} ${color}`;
  let p = stylishCache.get(key);
  if (p) return p;
  const zh = lang === 'zh';
  const dim = ansi('2', color);
  const red = ansi('31', color);
  const yellow = ansi('33', color);
  const blue = ansi('34', color);
  // (dimOn, dimOff: the escape codes around dimmed text; none without colour)
  const [dimOn, dimOff] = dim('\0').split('\0').map((x) => Buffer.from(x));
  p = {
    zh,
    bold: ansi('1', color),
    dim,
    red,
    yellow,
    under: ansi('4', color),
    sevText: (s: string) => (zh ? ({ error: '错误', warning: '警告', info: '提示' } as Record<string, string>)[s] : s),
    sevColor: (s: string) => (s === 'error' ? red : s === 'warning' ? yellow : blue),
    dimOn,
    dimOff,
    messageWidth: memo((m) => width(sanitize(m))),
    message: encodedOnce((m) => `  ${sanitize(m)}`),
    rule: encodedOnce((id) => `  ${dim(id)}\n`),
  };
  stylishCache.set(key, p);
  return p;
}

/** What stylish prints for one file (nothing for a file without findings or notes), into `w`. */
export function writeStylishFile(w: ChunkWriter, r: FileReport, lang: Lang, color: boolean): void {
  if (r.diagnostics.length === 0 && !r.placeholders && r.skipped === undefined && !r.fixRefused && !r.fixed && !r.wouldFix && !r.limits?.length) return;
  const { zh, bold, dim, yellow, under, sevText, sevColor, dimOn, dimOff, messageWidth, message, rule } = stylishParts(lang, color);
  const line = (s: string) => w.text(`${s}\n`);
  line(under(sanitize(r.file)));
  if (r.skipped !== undefined) line(`  ${dim(zh ? `已跳过：${sanitize(reasonText(r.skipped, lang))}` : `skipped: ${sanitize(r.skipped)}`)}`);
  if (r.fixRefused) line(`  ${yellow(sanitize(reasonText(r.fixRefused, lang)))}`);
  if (r.fixed) line(`  ${dim(zh ? `已修复 ${r.fixed} 处` : `${r.fixed} fix${r.fixed === 1 ? '' : 'es'} applied`)}`);
  if (r.wouldFix) line(`  ${dim(zh ? `可修复 ${r.wouldFix} 处（试运行，未写入文件）` : `${r.wouldFix} fix${r.wouldFix === 1 ? '' : 'es'} would be applied (dry run, nothing written)`)}`);
  for (const l of r.limits ?? []) line(`  ${yellow(sanitize(l.message))}`);
  // a finding's line: "  <pos>  <severity>  <message>  <rule>", each column padded to the file's widest
  let posW = 0;
  let msgW = 0;
  const severities = new Set<string>();
  for (const d of r.diagnostics) {
    posW = Math.max(posW, d.location ? width(d.location) : numWidth(d.line) + 1 + numWidth(d.column));
    msgW = Math.max(msgW, messageWidth(d.message));
    severities.add(d.severity);
  }
  msgW = Math.min(80, msgW);
  const sevW = Math.max(0, ...[...severities].map((s) => width(sevText(s))));
  // "  " after the position column, then the padded, coloured severity
  const severity = new Map([...severities].map((s) => [s, Buffer.from(`${dimOff}  ${sevColor(s)(pad(sevText(s), sevW))}`)]));
  for (const d of r.diagnostics) {
    w.ascii('  ');
    w.bytes(dimOn);
    if (d.location) {
      // a .docx: 第5段 / 表1第2行第3列 instead of line:column, and the excerpt after the message
      w.text(d.location);
      w.spaces(posW - width(d.location));
      w.bytes(severity.get(d.severity)!);
      w.bytes(message(d.message));
      w.spaces(msgW - messageWidth(d.message));
      w.text(zh ? `  「${d.excerpt ?? ''}」` : `  "${d.excerpt ?? ''}"`);
      w.bytes(rule(d.rule));
      continue;
    }
    w.num(d.line);
    w.ascii(':');
    w.num(d.column);
    w.spaces(posW - numWidth(d.line) - 1 - numWidth(d.column));
    w.bytes(severity.get(d.severity)!);
    w.bytes(message(d.message));
    w.spaces(msgW - messageWidth(d.message));
    w.bytes(rule(d.rule));
  }
  if (r.placeholders) line(`  ${bold(zh ? `剩余 ${r.placeholders} 处占位符` : `${r.placeholders} placeholder${r.placeholders === 1 ? '' : 's'} left`)}`);
  line('');
}

export function formatStylish(reports: FileReport[], ctx: FormatContext): Uint8Array[] {
  const { zh, bold, red, yellow } = stylishParts(ctx.lang, ctx.color);
  // a finding's line takes about 130 bytes; a file rendered where it was linted (r.rendered) is a piece of its own
  const pieces: Uint8Array[] = [];
  let w: ChunkWriter | undefined;
  const writer = () => (w ??= new ChunkWriter(findingCount(reports) * 150));
  const flush = () => {
    if (w) pieces.push(...w.take());
    w = undefined;
  };
  const line = (s: string) => writer().text(`${s}\n`);
  for (const r of reports) {
    if (r.rendered) {
      flush();
      pieces.push(r.rendered);
    } else writeStylishFile(writer(), r, ctx.lang, ctx.color);
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  const files = reports.length;
  if (zh) {
    const mark = problems ? (t.errors ? red('✖') : yellow('⚠')) : '✔';
    line(bold(`${mark} 检查了 ${files} 个文件，共 ${problems} 个问题（${t.errors} 个错误，${t.warnings} 个警告，${t.infos} 个提示）`));
    if (t.fixable) line(`  其中 ${t.fixable} 个可用 --fix 自动修复`);
    line(`  剩余占位符：${t.placeholders} 处${t.placeholderFiles ? `（${t.placeholderFiles} 个文件）` : ''}`);
    if (t.skipped) line(`  跳过 ${t.skipped} 个文件：`);
  } else {
    const mark = problems ? (t.errors ? red('✖') : yellow('⚠')) : '✔';
    const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    line(bold(`${mark} ${pl(files, 'file')} checked, ${pl(problems, 'problem')} (${pl(t.errors, 'error')}, ${pl(t.warnings, 'warning')}, ${t.infos} info)`));
    if (t.fixable) line(`  ${t.fixable} fixable with --fix`);
    line(`  ${pl(t.placeholders, 'placeholder')} left${t.placeholderFiles ? ` in ${pl(t.placeholderFiles, 'file')}` : ''}`);
    if (t.skipped) line(`  ${pl(t.skipped, 'file')} skipped:`);
  }
  for (const r of reports) if (r.skipped !== undefined) line(`    ${sanitize(r.file)}${zh ? '：' : ': '}${sanitize(reasonText(r.skipped, ctx.lang))}`);
  for (const l of ruleCounts(t, ctx)) line(l);
  flush();
  return pieces;
}

/**
 * The summary's count by rule, errors first, then by count: which rules the problems come from, so that
 * hundreds of punctuation warnings do not hide a few placeholders.
 */
function ruleCounts(t: Totals, ctx: FormatContext): string[] {
  if (t.rules.size === 0) return [];
  const zh = ctx.lang === 'zh';
  const { red, yellow, dim } = stylishParts(ctx.lang, ctx.color);
  const rows = [...t.rules].map(([id, c]) => ({ id, c, n: c[0] + c[1] + c[2] }));
  rows.sort((a, b) => Number(b.c[0] > 0) - Number(a.c[0] > 0) || Number(b.c[1] > 0) - Number(a.c[1] > 0) || b.n - a.n || a.id.localeCompare(b.id));
  const descriptions = new Map(ctx.rules.map((m) => [m.id, zh ? m.description.zh : m.description.en]));
  const idW = Math.max(...rows.map((r) => r.id.length));
  const parts = (c: [number, number, number]) => {
    const out: string[] = [];
    if (c[0]) out.push(red(zh ? `${c[0]} 个错误` : `${c[0]} error${c[0] === 1 ? '' : 's'}`));
    if (c[1]) out.push(yellow(zh ? `${c[1]} 个警告` : `${c[1]} warning${c[1] === 1 ? '' : 's'}`));
    if (c[2]) out.push(zh ? `${c[2]} 个提示` : `${c[2]} info`);
    return out.join(zh ? '，' : ', ');
  };
  const texts = rows.map((r) => parts(r.c));
  // the severity columns are padded on their visible width (colour codes take none)
  const plainW = Math.max(...texts.map((s) => width(s.replace(/\u001b\[\d+m/g, ''))));
  const lines = [zh ? '  按规则：' : '  By rule:'];
  rows.forEach((r, i) => {
    const visibleW = width(texts[i].replace(/\u001b\[\d+m/g, ''));
    lines.push(`    ${r.id.padEnd(idW)}  ${texts[i]}${' '.repeat(plainW - visibleW)}  ${dim(descriptions.get(r.id) ?? '')}`.trimEnd());
  });
  return lines;
}

// ---- github workflow commands ----

// (control characters other than line breaks are made visible first: a CI log renders escape sequences)
const escData = (s: string) => sanitize(s, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(sanitize(s)).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(reports: FileReport[], ctx: FormatContext): Uint8Array[] {
  const title = encodedOnce((rule) => `,title=${escProp(rule)}::`);
  const message = encodedOnce((m) => `${escData(m)}\n`);
  // a finding's line takes about 170 bytes
  const w = new ChunkWriter(findingCount(reports) * 200);
  for (const r of reports) {
    const file = escProp(repoRelative(ctx, r.file));
    if (r.skipped !== undefined) w.text(`::notice file=${file},title=${escProp('report-lint: skipped')}::${escData(r.skipped)}\n`);
    for (const l of r.limits ?? []) w.text(`::warning file=${file},title=${escProp('report-lint: limit reached')}::${escData(l.message)}\n`);
    if (!r.diagnostics.length) continue;
    const error = Buffer.from(`::error file=${file},line=`);
    const warning = Buffer.from(`::warning file=${file},line=`);
    const notice = Buffer.from(`::notice file=${file},line=`);
    for (const d of r.diagnostics) {
      w.bytes(d.severity === 'error' ? error : d.severity === 'warning' ? warning : notice);
      w.num(d.line);
      w.ascii(',col=');
      w.num(d.column);
      w.ascii(',endLine=');
      w.num(d.endLine);
      w.ascii(',endColumn=');
      w.num(d.endColumn);
      w.bytes(title(d.rule));
      w.bytes(message(locatedMessage(d, ctx.lang)));
    }
  }
  return w.take();
}

// ---- junit ----

const xml = (s: string) =>
  sanitize(s, true)
    // characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function formatJunit(reports: FileReport[], lang: Lang = 'zh'): Uint8Array[] {
  // xml() works character by character, so the escaped parts of a text make the escaped text
  const xmlOf = encodedOnce(xml);
  const failureType = encodedOnce((severity) => `" type="${severity}">${xml(severity)}: `);
  // a finding's testcase takes about 350 bytes
  const w = new ChunkWriter(findingCount(reports) * 400);
  let tests = 0;
  let failures = 0;
  const caseCount = (r: FileReport) => r.diagnostics.length + (r.skipped !== undefined || r.diagnostics.length === 0 ? 1 : 0);
  const failureCount = (r: FileReport) => r.diagnostics.reduce((n, d) => (d.severity === 'info' ? n : n + 1), 0);
  for (const r of reports) {
    tests += caseCount(r);
    failures += failureCount(r);
  }
  w.text(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="report-lint" tests="${tests}" failures="${failures}" errors="0">\n`);
  for (const r of reports) {
    const file = xml(r.file);
    const skippedAttr = r.skipped !== undefined ? ' skipped="1"' : '';
    w.text(`  <testsuite name="${file}" tests="${caseCount(r)}" failures="${failureCount(r)}" errors="0"${skippedAttr}>\n`);
    if (r.skipped !== undefined) {
      w.text(`    <testcase name="${file}" classname="${file}"><skipped message="${xml(r.skipped)}"/></testcase>\n`);
    } else if (r.diagnostics.length === 0) {
      w.text(`    <testcase name="${file}" classname="${file}"/>\n`);
    }
    const classname = Buffer.from(`" classname="${file}">`);
    const at = Buffer.from(`) at ${file}:`);
    for (let d of r.diagnostics) {
      w.ascii('    <testcase name="');
      if (d.location) {
        w.bytes(xmlOf(d.location));
        d = { ...d, message: locatedMessage(d, lang) };
      } else {
        w.num(d.line);
        w.ascii(':');
        w.num(d.column);
      }
      w.ascii(' ');
      w.bytes(xmlOf(d.rule));
      w.bytes(classname);
      if (d.severity === 'info') {
        w.ascii('<system-out>info: ');
        w.bytes(xmlOf(d.message));
        w.ascii('</system-out></testcase>\n');
        continue;
      }
      w.ascii('<failure message="');
      w.bytes(xmlOf(d.message));
      w.bytes(failureType(d.severity));
      w.bytes(xmlOf(d.message));
      w.ascii(' (');
      w.bytes(xmlOf(d.rule));
      w.bytes(at);
      w.num(d.line);
      w.ascii(':');
      w.num(d.column);
      w.ascii('</failure></testcase>\n');
    }
    // limits that were hit: said where a CI's JUnit view shows a suite's output
    if (r.limits?.length) w.text(`    <system-err>${r.limits.map((l) => xml(l.message)).join('\n')}</system-err>\n`);
    w.ascii('  </testsuite>\n');
  }
  w.text('</testsuites>\n');
  return w.take();
}

// ---- SARIF 2.1.0 ----

function repoRelative(ctx: FormatContext, display: string): string {
  const abs = ctx.absPath(display);
  const rel = relative(ctx.root, abs);
  if (!rel || rel.startsWith('..')) return display.split(sep).join('/');
  return rel.split(sep).join('/');
}

const nl = (depth: number) => '\n' + '  '.repeat(depth);
/** A value as JSON.stringify(…, null, 2) writes it `depth` levels deep. */
const pretty = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, nl(depth));
const latin1 = (s: string) => Buffer.from(s, 'latin1');

// A result (4 levels deep in the log) as JSON.stringify(…, null, 2) writes it, in as few pieces as its varying
// parts allow (a call per piece costs more than its copying):
//   ,{ "ruleId": <rule>, "level": <level>, "message": { "text":          per rule and level (ruleHead)
//   <message> }, "locations": [ … "region": { "startLine":              per file (locationHead)
//   <line> , "startColumn": <column> … , "charLength": <length>          R
//   } } } ], "ruleIndex": <i> }   or, with a fix, … "fixes": [ { "description": { "text":   per rule (tail, fixTail)
//   <message> }, "artifactChanges": [ … "replacements": [                per file (changesHead)
//   { "deletedRegion": … } per edit, then the closing brackets             R
const R = {
  startColumn: latin1(`,${nl(9)}"startColumn": `),
  endLine: latin1(`,${nl(9)}"endLine": `),
  endColumn: latin1(`,${nl(9)}"endColumn": `),
  charOffset: latin1(`,${nl(9)}"charOffset": `),
  charLength: latin1(`,${nl(9)}"charLength": `),
  firstEdit: latin1(`${nl(10)}{${nl(11)}"deletedRegion": {${nl(12)}"charOffset": `),
  nextEdit: latin1(`${nl(11)}}${nl(10)}},${nl(10)}{${nl(11)}"deletedRegion": {${nl(12)}"charOffset": `),
  editLength: latin1(`,${nl(12)}"charLength": `),
  editText: latin1(`${nl(11)}},${nl(11)}"insertedContent": {${nl(12)}"text": `),
  fixEnd: latin1(`${nl(11)}}${nl(10)}}${nl(9)}]${nl(8)}}${nl(7)}]${nl(6)}}${nl(5)}]${nl(4)}}`),
  noEditsFixEnd: latin1(`]${nl(8)}}${nl(7)}]${nl(6)}}${nl(5)}]${nl(4)}}`),
};

interface RulePieces {
  /** ruleHead by level. */
  error?: Uint8Array;
  warning?: Uint8Array;
  note?: Uint8Array;
  tail: Uint8Array;
  fixTail: Uint8Array;
}

/**
 * The SARIF log as UTF-8 pieces: the same bytes as JSON.stringify(log, null, 2), but its results (a large run has
 * hundreds of thousands, each over a kilobyte pretty-printed) are written straight to bytes from pieces made
 * once: the fixed text, and each distinct string's JSON literal.
 */
// SARIF pieces shared by every file and run: per rule, the heads by level and the tails (with ruleIndex, the
// rule's place among the rules sorted by id, as ctx.rules lists them).
const sarifRulePieces = new Map<string, RulePieces>();
let sarifRuleIndex: Map<string, number> | undefined;
function sarifPieces(rule: string): RulePieces {
  let p = sarifRulePieces.get(rule);
  if (!p) {
    sarifRuleIndex ??= new Map(allRules.map((r) => r.meta.id).sort((x, y) => x.localeCompare(y)).map((id, i) => [id, i]));
    const i = sarifRuleIndex.get(rule);
    const tail = `${nl(8)}}${nl(7)}}${nl(6)}}${nl(5)}]${i === undefined ? '' : `,${nl(5)}"ruleIndex": ${i}`}`;
    p = {
      tail: Buffer.from(`${tail}${nl(4)}}`),
      fixTail: Buffer.from(`${tail},${nl(5)}"fixes": [${nl(6)}{${nl(7)}"description": {${nl(8)}"text": `),
    };
    sarifRulePieces.set(rule, p);
  }
  return p;
}
function sarifRuleHead(rule: string, lv: 'error' | 'warning' | 'note'): Uint8Array {
  const p = sarifPieces(rule);
  return (p[lv] ??= Buffer.from(`,${nl(4)}{${nl(5)}"ruleId": ${JSON.stringify(rule)},${nl(5)}"level": "${lv}",${nl(5)}"message": {${nl(6)}"text": `));
}
const sarifLiteral = encodedOnce((s) => JSON.stringify(s));

/** Where a file is, as SARIF names it: relative to SRCROOT inside the root, a file: URI outside. */
export function sarifLocation(root: string, display: string, abs: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, abs);
  if (rel.startsWith('..')) return { uri: pathToFileURL(abs).href };
  return { uri: (rel || display).split(sep).join('/'), uriBaseId: 'SRCROOT' };
}

/** A file's SARIF results into `w`, each with a comma before it. */
export function writeSarifResults(w: ChunkWriter, diagnostics: JsonDiagnostic[], artifactLocation: { uri: string; uriBaseId?: string }, lang: Lang = 'zh'): void {
  if (!diagnostics.length) return;
  const locationHead = Buffer.from(
    `${nl(5)}},${nl(5)}"locations": [${nl(6)}{${nl(7)}"physicalLocation": {${nl(8)}"artifactLocation": ${pretty(artifactLocation, 8)},${nl(8)}"region": {${nl(9)}"startLine": `,
  );
  const changesHead = Buffer.from(`${nl(7)}},${nl(7)}"artifactChanges": [${nl(8)}{${nl(9)}"artifactLocation": ${pretty(artifactLocation, 9)},${nl(9)}"replacements": [`);
  for (const d of diagnostics) {
    w.bytes(sarifRuleHead(d.rule, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note'));
    const message = sarifLiteral(locatedMessage(d, lang));
    w.bytes(message);
    w.bytes(locationHead);
    w.num(d.line);
    w.bytes(R.startColumn);
    w.num(d.column);
    w.bytes(R.endLine);
    w.num(d.endLine);
    w.bytes(R.endColumn);
    w.num(d.endColumn);
    w.bytes(R.charOffset);
    w.num(d.offset);
    w.bytes(R.charLength);
    w.num(d.endOffset - d.offset);
    if (!d.fix) {
      w.bytes(sarifPieces(d.rule).tail);
      continue;
    }
    w.bytes(sarifPieces(d.rule).fixTail);
    w.bytes(message);
    w.bytes(changesHead);
    const edits = d.fix.edits;
    for (let i = 0; i < edits.length; i++) {
      w.bytes(i ? R.nextEdit : R.firstEdit);
      w.num(edits[i].offset);
      w.bytes(R.editLength);
      w.num(edits[i].endOffset - edits[i].offset);
      w.bytes(R.editText);
      w.bytes(sarifLiteral(edits[i].text));
    }
    w.bytes(edits.length ? R.fixEnd : R.noEditsFixEnd);
  }
}

export function formatSarif(reports: FileReport[], ctx: FormatContext): Uint8Array[] {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  // a result with a fix takes about 1.5 kB; files rendered where they were linted (r.rendered) are copied as they are
  // each file's results are one piece of the output (made where it was linted, r.rendered, or here): not copied again
  const pieces: Uint8Array[] = [];
  const each = new ChunkWriter(64 * 1024);
  const notifications: unknown[] = [];
  let first = true;
  for (const r of reports) {
    const artifactLocation = sarifLocation(ctx.root, r.file, ctx.absPath(r.file));
    if (r.skipped !== undefined) {
      notifications.push({ level: 'note', message: { text: `${repoRelative(ctx, r.file)}: skipped: ${r.skipped}` }, locations: [{ physicalLocation: { artifactLocation } }] });
    }
    for (const l of r.limits ?? []) {
      notifications.push({
        level: 'warning',
        message: { text: `${repoRelative(ctx, r.file)}: ${l.message}` },
        locations: [{ physicalLocation: { artifactLocation } }],
        properties: { limit: { kind: l.kind, limit: l.limit, ...(l.rule ? { rule: l.rule } : {}) } },
      });
    }
    let results = r.rendered;
    if (!results) {
      writeSarifResults(each, r.diagnostics, artifactLocation, ctx.lang);
      results = each.takeCopy();
    }
    if (!results.length) continue;
    // the first result has no comma before it
    pieces.push(first ? results.subarray(1) : results);
    first = false;
  }
  const RESULTS = '\u0000results';
  const lang = ctx.lang;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-lint',
            version: ctx.version,
            semanticVersion: ctx.version,
            ...(ctx.docsBase ? { informationUri: ctx.docsBase.replace(/\/blob\/main\/docs\/rules\/$/, '') } : {}),
            rules: ctx.rules.map((m) => ({
              id: m.id,
              name: m.id,
              shortDescription: { text: lang === 'en' ? m.description.en : m.description.zh },
              fullDescription: { text: `${(lang === 'en' ? m.docs?.why?.en : m.docs?.why?.zh) || (lang === 'en' ? m.description.en : m.description.zh)}${m.clause ? ` (${m.clause})` : ''}` },
              ...(ctx.docsBase ? { helpUri: `${ctx.docsBase}${m.id}.md` } : {}),
              defaultConfiguration: { level: level(m.severity) },
              properties: { tags: m.tags, fixable: m.fixable },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(resolve(ctx.root) + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: RESULTS,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  // the log around its results, which go where the placeholder string is
  const [before, after] = (JSON.stringify(sarif, null, 2) + '\n').split(JSON.stringify(RESULTS));
  pieces.unshift(Buffer.from(`${before}[`));
  pieces.push(Buffer.from(first ? `]${after}` : `${nl(3)}]${after}`));
  return pieces;
}
