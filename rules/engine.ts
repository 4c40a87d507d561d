// The engine: builds the report model, runs the rules, validates what they report, applies
// severities and inline directives, and applies fixes.
import { buildDocument, type ReportDocument } from './model/document';
import type { SourceFormat } from './model/prose';
import { DEFAULT_MAX_SIZE, emptyConfig, type ResolvedConfig } from './config';
import type { Finding, Fix, Msg, ReportInput, Rule, Severity, TextEdit } from './types';
import { allRules } from './all-rules';

export interface LintOptions {
  filename?: string;
  /** Overrides the format implied by the file name. */
  format?: SourceFormat;
  config?: ResolvedConfig;
  /** The rules to run (default: every built-in rule). */
  rules?: Rule[];
  /** Honour `report-lint-disable` comments (default true). */
  inlineConfig?: boolean;
}

export interface InternalError {
  ruleId: string;
  message: string;
}

export interface LintResult {
  /** Undefined when the document was skipped. */
  doc?: ReportDocument;
  findings: Finding[];
  /** Placeholders left in the document (findings of the placeholder rule that are not redacted names). */
  placeholders: number;
  /** A rule that threw or reported an invalid range: reported once each, the other rules still run. */
  internalErrors: InternalError[];
  /** Why the document was not linted (too large, binary). */
  skipped?: string;
}

export const PLACEHOLDER_RULE = 'placeholder';

function isBadBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const prev = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

function validRange(text: string, a: number, b: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= text.length && !isBadBoundary(text, a) && !isBadBoundary(text, b);
}

function validEdits(text: string, edits: TextEdit[], within?: [number, number]): boolean {
  if (!Array.isArray(edits) || edits.length === 0) return false;
  const sorted = [...edits].sort((x, y) => x.offset - y.offset);
  let last = -1;
  for (const e of sorted) {
    if (!validRange(text, e.offset, e.endOffset) || typeof e.text !== 'string') return false;
    if (e.offset < last) return false;
    if (within && (e.offset < within[0] || e.endOffset > within[1])) return false;
    last = e.endOffset;
  }
  return true;
}

/** Documents with NUL or many control characters are binary, not text. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ctrl++;
  }
  return ctrl / n > 0.1;
}

/** Lines on which each rule is disabled by inline comments; `*` stands for every rule. */
function disabledChecker(doc: ReportDocument): (ruleId: string, offset: number) => boolean {
  const ds = doc.directives;
  if (ds.length === 0) return () => false;
  const lineOf = (o: number) => doc.lines.position(o).line;
  return (ruleId, offset) => {
    const line = lineOf(offset);
    let off = false;
    for (const d of ds) {
      const applies = d.rules.length === 0 || d.rules.includes(ruleId);
      if (!applies) continue;
      if (d.kind === 'disable-line' && d.line === line) return true;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.offset <= offset) {
        if (d.kind === 'disable') off = true;
        else if (d.kind === 'enable') off = false;
      }
    }
    return off;
  };
}

function msgOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function lint(text: string, opts: LintOptions = {}): LintResult {
  const config = opts.config ?? emptyConfig();
  const rules = opts.rules ?? allRules;
  const maxSize = config.settings.maxSize ?? DEFAULT_MAX_SIZE;
  if (text.length > maxSize) {
    return { findings: [], placeholders: 0, internalErrors: [], skipped: `too large (${text.length} characters, limit ${maxSize})` };
  }
  if (looksBinary(text)) return { findings: [], placeholders: 0, internalErrors: [], skipped: 'binary content' };

  const placeholderOptions = config.rules[PLACEHOLDER_RULE]?.options as { allow?: string[] } | undefined;
  const doc = buildDocument(text, {
    filename: opts.filename,
    format: opts.format,
    year: config.settings.year,
    placeholderAllow: placeholderOptions?.allow,
  });
  const isDisabled = opts.inlineConfig === false ? () => false : disabledChecker(doc);
  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];

  for (const rule of rules) {
    const id = rule.meta.id;
    const rc = config.rules[id];
    if (rc?.severity === 'off') continue;
    const forced: Severity | undefined = rc?.severity;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(rc?.options ?? {}) };
    let invalid = 0;
    const report = (r: ReportInput): void => {
      if (!r || !validRange(text, r.offset, r.endOffset) || !r.message || typeof r.message.zh !== 'string') {
        invalid++;
        return;
      }
      if (isDisabled(id, r.offset)) return;
      const f: Finding = {
        ruleId: id,
        severity: forced ?? r.severity ?? rule.meta.severity,
        message: r.message,
        offset: r.offset,
        endOffset: r.endOffset,
        clause: rule.meta.clause,
      };
      if (r.fix) {
        // A fix touches only the span it reports.
        if (validEdits(text, r.fix.edits, [r.offset, r.endOffset])) f.fix = { edits: r.fix.edits.map((e) => ({ ...e })) };
        else invalid++;
      }
      if (r.suggestions?.length) {
        const ok = r.suggestions.filter((s) => s && s.title && validEdits(text, s.edits));
        if (ok.length !== r.suggestions.length) invalid++;
        if (ok.length) f.suggestions = ok;
      }
      findings.push(f);
    };
    try {
      rule.check({ doc, options, settings: config.settings, report });
    } catch (e) {
      internalErrors.push({ ruleId: id, message: `rule ${id} failed: ${msgOf(e)}` });
    }
    if (invalid) internalErrors.push({ ruleId: id, message: `rule ${id} reported ${invalid} invalid range(s) or fix(es); they were dropped` });
  }
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  const placeholders = findings.filter((f) => f.ruleId === PLACEHOLDER_RULE && f.severity !== 'info').length;
  return { doc, findings, placeholders, internalErrors };
}

/** Applies edits (sorted, non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.offset) + e.text;
    pos = e.endOffset;
  }
  return out + text.slice(pos);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.offset === a.endOffset && b.offset === b.endOffset) return a.offset === b.offset;
  return a.offset < b.endOffset && b.offset < a.endOffset || (a.offset === a.endOffset && a.offset > b.offset && a.offset < b.endOffset) || (b.offset === b.endOffset && b.offset > a.offset && b.offset < a.endOffset);
}

/**
 * Picks the fixes of one pass: whole fixes only, never two that overlap, in document order.
 * Returns the edits to apply and how many fixes they come from.
 */
export function selectFixes(fixes: Fix[]): { edits: TextEdit[]; count: number } {
  const chosen: TextEdit[] = [];
  let count = 0;
  const ordered = [...fixes].sort((a, b) => Math.min(...a.edits.map((e) => e.offset)) - Math.min(...b.edits.map((e) => e.offset)));
  for (const fix of ordered) {
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    // a fix that changes nothing is no fix
    chosen.push(...fix.edits);
    count++;
  }
  return { edits: chosen, count };
}

export interface FixResult {
  output: string;
  /** Fixes applied over all passes. */
  applied: number;
  passes: number;
  /** Lint result of the final text. */
  result: LintResult;
}

export const MAX_FIX_PASSES = 10;

/**
 * Applies every fix (optionally of some rules only), re-linting between passes until nothing changes
 * or MAX_FIX_PASSES is reached, so that fixing twice gives the same text as fixing once.
 */
export function fixText(text: string, opts: LintOptions = {}, onlyRules?: string[]): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  let result = lint(current, opts);
  while (passes < MAX_FIX_PASSES) {
    const fixes = result.findings.filter((f) => f.fix && (!onlyRules || onlyRules.includes(f.ruleId))).map((f) => f.fix!);
    if (fixes.length === 0) break;
    const { edits, count } = selectFixes(fixes);
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    applied += count;
    current = next;
    result = lint(current, opts);
  }
  return { output: current, applied, passes, result };
}

/** Picks the message in a language. */
export function messageText(m: Msg, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'en' ? m.en : m.zh;
}
