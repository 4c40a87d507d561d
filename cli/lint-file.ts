// Lints (and fixes) one file: read and decode, call the engine, turn findings into the public JSON shape.
// Runs on the main thread or in a worker; everything in and out is plain data.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { fixText, lint, messageText, MAX_FIX_PASSES, type LintResult } from '../rules/engine';
import type { ResolvedConfig } from '../rules/config';
import type { Finding, Lang, Severity, TextEdit } from '../rules/types';
import { LineIndex } from '../rules/model/lines';
import type { SourceFormat } from '../rules/model/prose';
import { renderJsonEntry, writeJsonEntry } from './json-entry';
import { ChunkWriter } from './chunk-writer';
import { changesBetween, formatChanges } from './changes';
import { sanitize, sarifLocation, writeSarifResults, writeStylishFile } from './formats';
import type { Stats } from 'node:fs';
import { decodeBytes, encodeText, maxBytesFor, readReportFile, type DecodedFile, type ReadResult, type TextEncoding } from '../node/files';
import { describeOpenError, FixNotWritten, writeFixedFile } from '../node/safe-fs';
import { spliceGb18030, type ExplicitEncoding } from '../node/encoding';

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
  /** The size limit in characters (config maxSize); the engine applies it to the decoded text. */
  maxSize: number;
  /** --encoding: how files without a byte order mark are decoded (and --fix may then write them). */
  encoding?: ExplicitEncoding;
  /** Text read from stdin. */
  stdin?: Buffer;
  /** Found by a directory walk but not to be read (a dangling link, a link loop, a link out of the walk's root). */
  skip?: string;
  /** Return the content hash (for --cache). */
  hash?: boolean;
  /** --review: write a .docx's reviewed copy (comments; with trackChanges, the fixes as tracked changes). */
  review?: { trackChanges: boolean; quiet: boolean };
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
  /** A .docx: where the finding is, in Word's terms (第5段, 表1第2行第3列, 页眉…), and a short excerpt. */
  location?: string;
  excerpt?: string;
}

/** Where a finding of a .docx is (node/docx/locate.ts). */
export type Locator = (offset: number, endOffset: number) => { location: string; excerpt: string } | undefined;
/** A limit that was hit, with the message that says so (in the run's language). */
export interface LimitNote {
  kind: 'findings' | 'fix-passes';
  /** The rule that stopped reporting (kind findings). */
  rule?: string;
  limit: number;
  message: string;
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
  /** A .docx: its fixes are not counted as writable by --fix (they go into --review's copy). */
  docx?: boolean;
  /** --review: what was written (path, comments, tracked changes), or why not. */
  reviewed?: { path: string; comments: number; revisions: number };
  reviewError?: string;
  /** Limits that were hit: a rule's most findings per document, --fix's most passes (issue 13 #21). */
  limits?: LimitNote[];
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

export function toDiagnostics(text: string, findings: Finding[], lang: Lang, index?: LineIndex, locate?: Locator): JsonDiagnostic[] {
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
    const at = locate?.(f.offset, f.endOffset);
    if (at) {
      d.location = at.location;
      d.excerpt = at.excerpt;
    }
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

/** The limits a file's run hit, each said in the run's language. */
function limitNotes(result: LintResult, passLimitReached: boolean, job: Job): LimitNote[] {
  const en = job.lang === 'en';
  const fixing = job.mode !== 'lint';
  const notes: LimitNote[] = [];
  if (passLimitReached) {
    notes.push({
      kind: 'fix-passes',
      limit: MAX_FIX_PASSES,
      message: en
        ? `--fix stopped after ${MAX_FIX_PASSES} passes with fixes left: run --fix again`
        : `--fix 已达 ${MAX_FIX_PASSES} 轮修复的上限，仍有可修复的问题：请再运行一次 --fix`,
    });
  }
  for (const l of result.limits ?? []) {
    notes.push({
      kind: 'findings',
      rule: l.ruleId,
      limit: l.limit,
      message: en
        ? `rule ${l.ruleId} stopped at ${l.limit} findings, its most per document: there may be more${fixing ? '; run --fix again' : '; fix these and run it again'}`
        : `规则 ${l.ruleId} 每个文件最多报告 ${l.limit} 个问题，已达上限，可能还有更多${fixing ? '；请再运行一次 --fix' : '；改正后请再检查一次'}`,
    });
  }
  return notes;
}

/** Why --fix does not write a file whose encoding was guessed, and the option that makes it certain. */
function uncertainMessage(read: DecodedFile, job: Job): string {
  const en = job.lang === 'en';
  const f = job.display;
  switch (read.uncertain) {
    case 'utf16-no-bom': {
      const name = read.encoding === 'utf16be-nobom' ? 'utf16be' : 'utf16le';
      return en
        ? `fixes not written to "${f}": it reads as UTF-16 without a byte order mark, which is a guess; if it is, run --fix again with --encoding ${name}`
        : `未写入修复（"${f}"）：文件看起来是没有字节顺序标记（BOM）的 UTF-16，编码是推测的；如确是，请加 --encoding ${name} 再运行 --fix`;
    }
    case 'utf8-truncated':
      return en
        ? `fixes not written to "${f}": it is UTF-8 with its last character cut off; writing would change those bytes. Repair the end of the file, or name its encoding with --encoding`
        : `未写入修复（"${f}"）：文件是 UTF-8，但最后一个字符不完整，写回会改变这些字节；请修复文件末尾，或用 --encoding 指定编码`;
    case 'gb18030-roundtrip':
      return en
        ? `fixes not written to "${f}": read as GB18030/GBK, but some of its bytes (such as a CP936 € 0x80) would not be written back as they are; with --encoding gb18030 only the fixed spans are re-encoded`
        : `未写入修复（"${f}"）：按 GB18030/GBK 读取，但其中有字节（如 CP936 的 € 0x80）无法原样写回；加 --encoding gb18030 则只重新编码修复之处`;
    default:
      return en
        ? `fixes not written to "${f}": it is not UTF-8 and reading it as GB18030/GBK is a guess; name its encoding with --encoding (utf8, utf16le, utf16be, gb18030)`
        : `未写入修复（"${f}"）：文件不是 UTF-8，按 GB18030/GBK 读取只是推测；请用 --encoding 指定编码（utf8、utf16le、utf16be、gb18030）`;
  }
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
  const { report, findings, lines, locate } = await lintJobReport(job);
  if (job.renderJson && !report.error) {
    if (sink) {
      if (sink.entries++) sink.writer.ascii(',');
      report.counts = writeJsonEntry(sink.writer, report, findings, lines, job.lang, job.renderJson.quiet, locate);
    } else {
      const { json, errors, warnings } = renderJsonEntry(report, findings, lines, job.lang, job.renderJson.quiet, locate);
      report.counts = { errors, warnings };
      report.rendered = json;
    }
    report.diagnostics = [];
  } else if ((job.renderStylish || (job.renderSarif && job.path)) && !report.error) {
    const all = findings.length ? toDiagnostics(lines!.text, findings, job.lang, lines, locate) : [];
    const { errors, warnings } = countBySeverity(all);
    report.counts = { errors, warnings };
    const shown = (job.renderStylish ?? job.renderSarif)!.quiet ? all.filter((d) => d.severity === 'error') : all;
    if (job.renderStylish) {
      report.shown = countBySeverity(shown);
      // --fix cannot write a .docx: its fixes are not "fixable with --fix" in the summary
      if (report.docx) report.shown.fixable = 0;
      writeStylishFile(renderWriter, { ...report, diagnostics: shown }, job.lang, job.renderStylish.color);
    } else writeSarifResults(renderWriter, shown, sarifLocation(job.renderSarif!.root, report.file, job.path!), job.lang);
    report.rendered = renderWriter.takeCopy();
  } else if (findings.length) report.diagnostics = toDiagnostics(lines!.text, findings, job.lang, lines, locate);
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
  locate?: Locator;
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
    if (job.stdin) read = { ...decodeBytes(job.stdin, { encoding: job.encoding }), bytes: job.stdin };
    else read = await readReportFile(job.path!, { maxBytes: maxBytesFor(job.maxSize), maxChars: job.maxSize, encoding: job.encoding, lang: job.lang });
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
  let locate: Locator | undefined;
  if (read.docx) {
    report.docx = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    locate = (require('../node/docx/locate') as typeof import('../node/docx/locate')).docxLocator(read.docx, job.lang);
  }
  const opts = { filename: job.display, format: formatFor(job.display, encoding), config: job.config, inlineConfig: job.inlineConfig };

  let result;
  let finalText = text;
  let passLimitReached = false;
  if (job.mode !== 'lint' && encoding === 'docx') {
    report.fixRefused = `--fix cannot write .docx files ("${job.display}"): use --review to get a copy with the findings as Word comments (and --track-changes for the fixes as tracked changes)`;
    result = lint(text, opts);
  } else if (job.mode !== 'lint' && read.uncertain && !read.explicit) {
    // a guessed encoding is linted, never written back
    result = lint(text, opts);
    if (result.findings.some((f) => f.fix)) report.fixRefused = uncertainMessage(read, job);
  } else if (job.mode !== 'lint') {
    const fixed = fixText(text, opts);
    passLimitReached = fixed.passLimitReached;
    result = fixed.result;
    finalText = fixed.output;
    if (fixed.output !== text) {
      // GB18030: only the fixed spans are re-encoded; the other bytes stay as they were
      const data = encoding === 'gb18030' && read.bytes ? spliceGb18030(read.bytes, text, fixed.output) : encodeText(fixed.output, encoding as TextEncoding);
      if (!data) {
        report.fixRefused = job.lang === 'en'
          ? `fixes not written to "${job.display}": some of its GB18030 bytes do not round-trip and the fixes touch them; fix it in an editor that keeps its encoding`
          : `未写入修复（"${job.display}"）：文件中有不能按原字节写回的 GB18030 字符，且修复涉及这些字符；请在能保留原编码的编辑器中修改`;
        result = lint(text, opts);
        finalText = text;
      } else if (job.mode === 'fix' && job.path) {
        try {
          writeFixedFile(job.path, data, { bytes: read.bytes!, stat: read.stat! }, job.lang);
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
        report.diff = formatChanges(sanitize(job.display), text, changesBetween(text, fixed.output), fixed.applied, job.lang);
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
  if (job.review && read.docx && job.path && read.bytes) await writeReview(job, report, read.bytes, result.findings);
  const limits = limitNotes(result, passLimitReached, job);
  if (limits.length) report.limits = limits;
  if (result.internalErrors.length) report.internalErrors = result.internalErrors.map((e) => e.message);
  const lines = result.doc?.lines && result.doc.lines.text === finalText ? result.doc.lines : new LineIndex(finalText);
  return { report, findings: result.findings, lines, locate };
}

async function writeReview(job: Job, report: FileReport, bytes: Buffer, findings: Finding[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { reviewDocx, writeReviewedCopy } = require('../node/docx/review') as typeof import('../node/docx/review');
  try {
    const shown = job.review!.quiet ? findings.filter((f) => f.severity === 'error') : findings;
    const r = await reviewDocx(bytes, shown, { lang: job.lang, trackChanges: job.review!.trackChanges });
    report.reviewed = { path: writeReviewedCopy(job.path!, r.data), comments: r.comments, revisions: r.revisions };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    report.reviewError = `cannot write the reviewed copy of "${job.display}": ${err.code ?? err.message}`;
  }
}
