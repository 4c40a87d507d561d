// Lints (and fixes) one file: read and decode, call the engine, turn findings into the public JSON shape.
// Runs on the main thread or in a worker; everything in and out is plain data.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { fixText, lint, messageText } from '../rules/engine';
import type { ResolvedConfig } from '../rules/config';
import type { Finding, Lang, Severity, TextEdit } from '../rules/types';
import { LineIndex } from '../rules/model/lines';
import type { SourceFormat } from '../rules/model/prose';
import { renderJsonEntry, writeJsonEntry } from './json-entry';
import { ChunkWriter } from './chunk-writer';
import { changesBetween, formatChanges } from './changes';
import { sarifLocation, writeSarifResults, writeStylishFile } from './formats';
import type { Stats } from 'node:fs';
import { decodeBytes, encodeText, readReportFile, type ReadResult, type TextEncoding } from '../node/files';
import { describeOpenError, FixNotWritten, writeFixedFile } from '../node/safe-fs';

export type Mode = 'lint' | 'fix' | 'fix-dry-run';

export interface Job {
  /** Absolute path (undefined for stdin). */
  path?: string;
  /** The path as the user gave it (or as found under a directory they gave). */
  display: string;
  config: ResolvedConfig;
  lang: Lang;
  inlineConfig: boolean;
  mode: Mode;
  maxBytes: number;
  /** Text read from stdin. */
  stdin?: Buffer;
  /** Found by a directory walk but not to be read (a dangling link, a link loop, a link out of the walk's root). */
  skip?: string;
  /** Return the content hash (for --cache). */
  hash?: boolean;
  /**
   * Render the report's `--format json` entry here (`json`, `counts`) instead of returning its diagnostics:
   * a worker then sends one string, not thousands of objects to clone, and the JSON is built in parallel.
   */
  renderJson?: { quiet: boolean };
  /** The same for `--format stylish`: the file's lines (`rendered`), `counts` and the `shown` counts. */
  renderStylish?: { quiet: boolean; color: boolean };
  /** The same for `--format sarif` (files only, not stdin): the file's results; `root` is the repository's. */
  renderSarif?: { quiet: boolean; root: string };
}

// One writer for every file's stylish lines or SARIF results, emptied by takeCopy: its buffer stays warm.
const renderWriter = new ChunkWriter(64 * 1024);

export interface JsonEdit {
  offset: number;
  endOffset: number;
  text: string;
}

/** One finding in the public JSON contract (issue 2). */
export interface JsonDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  fix?: { edits: JsonEdit[] };
  suggestions?: { title: string; edits: JsonEdit[] }[];
}

export interface FileReport {
  file: string;
  diagnostics: JsonDiagnostic[];
  placeholders: number;
  skipped?: string;
  /** The file could not be read (exit 2). */
  error?: string;
  /** Rules that threw or reported bad ranges. */
  internalErrors?: string[];
  /** --fix: fixes applied and written. */
  fixed?: number;
  /** --fix-dry-run: the fixes --fix would apply, and each change with its context (see changes.ts). */
  wouldFix?: number;
  diff?: string;
  /**
   * --fix could not write the file (it changed or was deleted during the run, is read-only, the disk is full…): the
   * file is as it was read, the findings are those of that text, and the run exits 2.
   */
  writeError?: string;
  /** --fix refused (e.g. .docx). */
  fixRefused?: string;
  /** For --cache: sha1 of the file's bytes. */
  hash?: string;
  /**
   * With Job.renderJson: the file's JSON entry as UTF-8 (diagnostics then left empty; a worker transfers the bytes,
   * it does not clone thousands of objects) and its counts by severity.
   */
  rendered?: Uint8Array;
  counts?: { errors: number; warnings: number };
  /** With Job.renderStylish: the counts of what is shown (after --quiet), for the summary; `rules`: [errors, warnings, infos] by rule. */
  shown?: { errors: number; warnings: number; infos: number; fixable: number; rules?: Record<string, [number, number, number]> };
}

const edits = (es: TextEdit[]): JsonEdit[] => es.map((e) => ({ offset: e.offset, endOffset: e.endOffset, text: e.text }));

export function toDiagnostics(text: string, findings: Finding[], lang: Lang, index?: LineIndex): JsonDiagnostic[] {
  const lines = index && index.text === text ? index : new LineIndex(text);
  return findings.map((f) => {
    const s = lines.position(f.offset);
    const e = lines.position(f.endOffset);
    const d: JsonDiagnostic = {
      rule: f.ruleId,
      severity: f.severity,
      message: messageText(f.message, lang),
      line: s.line + 1,
      column: s.column + 1,
      endLine: e.line + 1,
      endColumn: e.column + 1,
      offset: f.offset,
      endOffset: f.endOffset,
    };
    if (f.fix) d.fix = { edits: edits(f.fix.edits) };
    if (f.suggestions?.length) d.suggestions = f.suggestions.map((s) => ({ title: messageText(s.title, lang), edits: edits(s.edits) }));
    return d;
  });
}

export function sha1(data: Uint8Array | string): string {
  return createHash('sha1').update(data).digest('hex');
}

function formatFor(display: string, encoding: string): SourceFormat | undefined {
  // A .docx is linted as plain text: its paragraphs are lines.
  if (encoding === 'docx') return 'text';
  const ext = extname(display).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
}

/**
 * The run's `--format json` array, written entry by entry in job order by a thread that lints the jobs one after the
 * other: no copy per file. `entries` counts what is in it (for the commas).
 */
export interface JsonSink {
  writer: ChunkWriter;
  entries: number;
}

export async function lintJob(job: Job, sink?: JsonSink): Promise<FileReport> {
  const { report, findings, lines } = await lintJobReport(job);
  if (job.renderJson && !report.error) {
    if (sink) {
      if (sink.entries++) sink.writer.ascii(',');
      report.counts = writeJsonEntry(sink.writer, report, findings, lines, job.lang, job.renderJson.quiet);
    } else {
      const { json, errors, warnings } = renderJsonEntry(report, findings, lines, job.lang, job.renderJson.quiet);
      report.counts = { errors, warnings };
      report.rendered = json;
    }
    report.diagnostics = [];
  } else if ((job.renderStylish || (job.renderSarif && job.path)) && !report.error) {
    const all = findings.length ? toDiagnostics(lines!.text, findings, job.lang, lines) : [];
    const { errors, warnings } = countBySeverity(all);
    report.counts = { errors, warnings };
    const shown = (job.renderStylish ?? job.renderSarif)!.quiet ? all.filter((d) => d.severity === 'error') : all;
    if (job.renderStylish) {
      report.shown = countBySeverity(shown);
      writeStylishFile(renderWriter, { ...report, diagnostics: shown }, job.lang, job.renderStylish.color);
    } else writeSarifResults(renderWriter, shown, sarifLocation(job.renderSarif!.root, report.file, job.path!));
    report.rendered = renderWriter.takeCopy();
  } else if (findings.length) report.diagnostics = toDiagnostics(lines!.text, findings, job.lang, lines);
  return report;
}

function countBySeverity(ds: JsonDiagnostic[]): Required<NonNullable<FileReport['shown']>> {
  const c = { errors: 0, warnings: 0, infos: 0, fixable: 0, rules: {} as Record<string, [number, number, number]> };
  for (const d of ds) {
    const r = (c.rules[d.rule] ??= [0, 0, 0]);
    if (d.severity === 'error') c.errors++, r[0]++;
    else if (d.severity === 'warning') c.warnings++, r[1]++;
    else c.infos++, r[2]++;
    if (d.fix) c.fixable++;
  }
  return c;
}

interface Linted {
  report: FileReport;
  /** The findings, for lintJob to render (toDiagnostics or renderJsonEntry), and the lines of the text they are in. */
  findings: Finding[];
  lines?: LineIndex;
}

async function lintJobReport(job: Job): Promise<Linted> {
  const report: FileReport = { file: job.display, diagnostics: [], placeholders: 0 };
  const none = { report, findings: [] };
  if (job.skip !== undefined) {
    report.skipped = job.skip;
    return none;
  }
  let read: ReadResult & { bytes?: Buffer; stat?: Stats };
  try {
    if (job.stdin) read = { ...decodeBytes(job.stdin), bytes: job.stdin };
    else read = await readReportFile(job.path!, { maxBytes: job.maxBytes, lang: job.lang });
  } catch (e) {
    const why = describeOpenError(job.path!, e as NodeJS.ErrnoException, job.lang);
    report.error = job.lang === 'en' ? `cannot read "${job.display}": ${why}` : `无法读取“${job.display}”：${why}`;
    return none;
  }
  if (read.bytes && job.hash) report.hash = sha1(read.bytes);
  if (read.skipped !== undefined) {
    report.skipped = read.skipped;
    return none;
  }
  const { text, encoding } = read;
  const opts = { filename: job.display, format: formatFor(job.display, encoding), config: job.config, inlineConfig: job.inlineConfig };

  let result;
  let finalText = text;
  if (job.mode !== 'lint' && encoding === 'docx') {
    report.fixRefused = `--fix cannot write .docx files ("${job.display}"): fix the findings in Word, or convert the report to .md or .txt`;
    result = lint(text, opts);
  } else if (job.mode !== 'lint') {
    const fixed = fixText(text, opts);
    result = fixed.result;
    finalText = fixed.output;
    if (fixed.output !== text) {
      if (job.mode === 'fix' && job.path) {
        try {
          writeFixedFile(job.path, encodeText(fixed.output, encoding as TextEncoding), { bytes: read.bytes!, stat: read.stat! }, job.lang);
        } catch (e) {
          // The file is as it was read (the check failed, or the rename never happened): say why, and report its
          // findings, so that the summary counts it and shows what is still there.
          const why = e instanceof FixNotWritten ? e.message : `${(e as Error).message}`;
          report.writeError = job.lang === 'en' ? `cannot write the fixes to "${job.display}": ${why}` : `无法把修复写入“${job.display}”：${why}`;
          result = lint(text, opts);
          finalText = text;
        }
        if (!report.writeError) report.fixed = fixed.applied;
      } else {
        // nothing is written: each change with a little context (formatChanges), and the count of fixes it would apply
        report.diff = formatChanges(job.display, text, changesBetween(text, fixed.output), fixed.applied, job.lang);
        report.wouldFix = fixed.applied;
      }
    }
  } else {
    result = lint(text, opts);
  }
  if (result.skipped !== undefined) {
    report.skipped = result.skipped;
    return none;
  }
  report.placeholders = result.placeholders;
  if (result.internalErrors.length) report.internalErrors = result.internalErrors.map((e) => e.message);
  const lines = result.doc?.lines && result.doc.lines.text === finalText ? result.doc.lines : new LineIndex(finalText);
  return { report, findings: result.findings, lines };
}
