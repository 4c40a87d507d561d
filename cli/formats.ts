// Output formats: stylish (people), json (the public contract), sarif 2.1.0, github (workflow commands), junit.
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Lang } from '../rules/types';
import type { FileReport } from './lint-file';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  lang: Lang;
  color: boolean;
  version: string;
  /** Where rule docs live (…/blob/main/docs/rules/). */
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
  return JSON.stringify(o);
}

/**
 * The JSON contract: one array, one entry per file (the same text as JSON.stringify of the array), as UTF-8
 * pieces to write one after the other. An entry rendered already where it was linted (`r.json`) is used as it is.
 */
export function formatJson(reports: FileReport[]): Uint8Array[] {
  const enc = new TextEncoder();
  const out: Uint8Array[] = [enc.encode('[')];
  const comma = enc.encode(',');
  reports.forEach((r, i) => {
    if (i) out.push(comma);
    out.push(r.json ?? enc.encode(formatJsonEntry(r)));
  });
  out.push(enc.encode(']\n'));
  return out;
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
}

export function totals(reports: FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, placeholders: 0, placeholderFiles: 0, skipped: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') t.errors++;
      else if (d.severity === 'warning') t.warnings++;
      else t.infos++;
      if (d.fix) t.fixable++;
    }
    t.placeholders += r.placeholders;
    if (r.placeholders > 0) t.placeholderFiles++;
    if (r.skipped !== undefined) t.skipped++;
  }
  return t;
}

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

export function formatStylish(reports: FileReport[], ctx: FormatContext): string {
  const zh = ctx.lang === 'zh';
  const bold = ansi('1', ctx.color);
  const dim = ansi('2', ctx.color);
  const red = ansi('31', ctx.color);
  const yellow = ansi('33', ctx.color);
  const blue = ansi('34', ctx.color);
  const under = ansi('4', ctx.color);
  const sevText = (s: string) => (zh ? ({ error: '错误', warning: '警告', info: '提示' } as Record<string, string>)[s] : s);
  const sevColor = (s: string) => (s === 'error' ? red : s === 'warning' ? yellow : blue);
  const out: string[] = [];
  for (const r of reports) {
    if (r.diagnostics.length === 0 && !r.placeholders && r.skipped === undefined && !r.fixRefused && !r.fixed) continue;
    out.push(under(r.file));
    if (r.skipped !== undefined) out.push(`  ${dim(zh ? `已跳过：${r.skipped}` : `skipped: ${r.skipped}`)}`);
    if (r.fixRefused) out.push(`  ${yellow(r.fixRefused)}`);
    if (r.fixed) out.push(`  ${dim(zh ? `已修复 ${r.fixed} 处` : `${r.fixed} fix${r.fixed === 1 ? '' : 'es'} applied`)}`);
    const pos = r.diagnostics.map((d) => `${d.line}:${d.column}`);
    const posW = Math.max(0, ...pos.map((p) => p.length));
    const sevW = Math.max(0, ...r.diagnostics.map((d) => width(sevText(d.severity))));
    const msgW = Math.min(80, Math.max(0, ...r.diagnostics.map((d) => width(d.message))));
    r.diagnostics.forEach((d, i) => {
      out.push(`  ${dim(pad(pos[i], posW))}  ${sevColor(d.severity)(pad(sevText(d.severity), sevW))}  ${pad(d.message, msgW)}  ${dim(d.rule)}`);
    });
    if (r.placeholders) out.push(`  ${bold(zh ? `剩余 ${r.placeholders} 处占位符` : `${r.placeholders} placeholder${r.placeholders === 1 ? '' : 's'} left`)}`);
    out.push('');
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  const files = reports.length;
  if (zh) {
    const mark = problems ? (t.errors ? red('✖') : yellow('⚠')) : '✔';
    out.push(bold(`${mark} 检查了 ${files} 个文件，共 ${problems} 个问题（${t.errors} 个错误，${t.warnings} 个警告，${t.infos} 个提示）`));
    if (t.fixable) out.push(`  其中 ${t.fixable} 个可用 --fix 自动修复`);
    out.push(`  剩余占位符：${t.placeholders} 处${t.placeholderFiles ? `（${t.placeholderFiles} 个文件）` : ''}`);
    if (t.skipped) out.push(`  跳过 ${t.skipped} 个文件：`);
  } else {
    const mark = problems ? (t.errors ? red('✖') : yellow('⚠')) : '✔';
    const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    out.push(bold(`${mark} ${pl(files, 'file')} checked, ${pl(problems, 'problem')} (${pl(t.errors, 'error')}, ${pl(t.warnings, 'warning')}, ${t.infos} info)`));
    if (t.fixable) out.push(`  ${t.fixable} fixable with --fix`);
    out.push(`  ${pl(t.placeholders, 'placeholder')} left${t.placeholderFiles ? ` in ${pl(t.placeholderFiles, 'file')}` : ''}`);
    if (t.skipped) out.push(`  ${pl(t.skipped, 'file')} skipped:`);
  }
  for (const r of reports) if (r.skipped !== undefined) out.push(`    ${r.file}: ${r.skipped}`);
  return out.join('\n') + '\n';
}

// ---- github workflow commands ----

const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(reports: FileReport[], ctx: FormatContext): string {
  const out: string[] = [];
  for (const r of reports) {
    const file = escProp(repoRelative(ctx, r.file));
    if (r.skipped !== undefined) out.push(`::notice file=${file},title=${escProp('report-lint: skipped')}::${escData(r.skipped)}`);
    for (const d of r.diagnostics) {
      const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      out.push(`::${cmd} file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escProp(d.rule)}::${escData(d.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

// ---- junit ----

const xml = (s: string) =>
  s
    // characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function formatJunit(reports: FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of reports) {
    const cases: string[] = [];
    let f = 0;
    if (r.skipped !== undefined) {
      cases.push(`    <testcase name="${xml(r.file)}" classname="${xml(r.file)}"><skipped message="${xml(r.skipped)}"/></testcase>`);
    } else if (r.diagnostics.length === 0) {
      cases.push(`    <testcase name="${xml(r.file)}" classname="${xml(r.file)}"/>`);
    }
    for (const d of r.diagnostics) {
      const name = `${d.line}:${d.column} ${d.rule}`;
      if (d.severity === 'info') {
        cases.push(`    <testcase name="${xml(name)}" classname="${xml(r.file)}"><system-out>${xml(`info: ${d.message}`)}</system-out></testcase>`);
      } else {
        f++;
        cases.push(
          `    <testcase name="${xml(name)}" classname="${xml(r.file)}"><failure message="${xml(d.message)}" type="${d.severity}">${xml(`${d.severity}: ${d.message} (${d.rule}) at ${r.file}:${d.line}:${d.column}`)}</failure></testcase>`,
        );
      }
    }
    tests += cases.length;
    failures += f;
    const skippedAttr = r.skipped !== undefined ? ' skipped="1"' : '';
    suites.push(`  <testsuite name="${xml(r.file)}" tests="${cases.length}" failures="${f}" errors="0"${skippedAttr}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="report-lint" tests="${tests}" failures="${failures}" errors="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

// ---- SARIF 2.1.0 ----

function repoRelative(ctx: FormatContext, display: string): string {
  const abs = ctx.absPath(display);
  const rel = relative(ctx.root, abs);
  if (!rel || rel.startsWith('..')) return display.split(sep).join('/');
  return rel.split(sep).join('/');
}

export function formatSarif(reports: FileReport[], ctx: FormatContext): string {
  const ruleIndex = new Map(ctx.rules.map((m, i) => [m.id, i]));
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of reports) {
    const uri = repoRelative(ctx, r.file);
    const inRoot = !relative(ctx.root, ctx.absPath(r.file)).startsWith('..');
    const artifactLocation = inRoot ? { uri, uriBaseId: 'SRCROOT' } : { uri: pathToFileURL(ctx.absPath(r.file)).href };
    if (r.skipped !== undefined) {
      notifications.push({ level: 'note', message: { text: `${uri}: skipped: ${r.skipped}` }, locations: [{ physicalLocation: { artifactLocation } }] });
    }
    for (const d of r.diagnostics) {
      const region = { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn, charOffset: d.offset, charLength: d.endOffset - d.offset };
      const res: Record<string, unknown> = {
        ruleId: d.rule,
        level: level(d.severity),
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
      };
      const idx = ruleIndex.get(d.rule);
      if (idx !== undefined) res.ruleIndex = idx;
      if (d.fix) {
        res.fixes = [
          {
            description: { text: d.message },
            artifactChanges: [
              {
                artifactLocation,
                replacements: d.fix.edits.map((e) => ({ deletedRegion: { charOffset: e.offset, charLength: e.endOffset - e.offset }, insertedContent: { text: e.text } })),
              },
            ],
          },
        ];
      }
      results.push(res);
    }
  }
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
            informationUri: ctx.docsBase.replace(/\/blob\/main\/docs\/rules\/$/, ''),
            rules: ctx.rules.map((m) => ({
              id: m.id,
              name: m.id,
              shortDescription: { text: lang === 'en' ? m.description.en : m.description.zh },
              fullDescription: { text: `${(lang === 'en' ? m.docs?.why?.en : m.docs?.why?.zh) || (lang === 'en' ? m.description.en : m.description.zh)}${m.clause ? ` (${m.clause})` : ''}` },
              helpUri: `${ctx.docsBase}${m.id}.md`,
              defaultConfiguration: { level: level(m.severity) },
              properties: { tags: m.tags, fixable: m.fixable },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(resolve(ctx.root) + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
