// The engine: builds the report model, runs the rules, validates what they report, applies
// severities and inline directives, and applies fixes.
import { buildDocument, type ReportDocument } from './model/document';
import type { Directive, SourceFormat } from './model/prose';
import { DEFAULT_MAX_SIZE, emptyConfig, type ResolvedConfig } from './config';
import type { Finding, Fix, Msg, ReportInput, Rule, RuleMemo, Severity, TextEdit } from './types';
import { allRules } from './all-rules';
import { MAX_FINDINGS } from './lib/cjk-text';

export interface LintOptions {
  filename?: string;
  /** Overrides the format implied by the file name. */
  format?: SourceFormat;
  config?: ResolvedConfig;
  /** The rules to run (default: every built-in rule). */
  rules?: Rule[];
  /** Honour `report-lint-disable` comments (default true). */
  inlineConfig?: boolean;
  /** Kept by a caller that lints one document again and again (the language server, per open report): rules reuse
   *  work on text that did not change (RuleContext.memo). One memo per document; the findings are the same without. */
  memo?: LintMemo;
}

/** The rules' memos for one document (LintOptions.memo). */
export class LintMemo {
  private readonly byRule = new Map<string, RuleMemo>();

  forRule(id: string): RuleMemo {
    let m = this.byRule.get(id);
    if (!m) this.byRule.set(id, (m = {}));
    return m;
  }
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
  /** Rules that stopped at their most findings per document (there may be more than they reported). */
  limits?: FindingsLimit[];
}

export interface FindingsLimit {
  ruleId: string;
  /** The most findings the rule reports per document (MAX_FINDINGS). */
  limit: number;
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

function validEdit(text: string, e: TextEdit, lo: number, hi: number): boolean {
  return !!e && validRange(text, e.offset, e.endOffset) && typeof e.text === 'string' && e.offset >= lo && e.endOffset <= hi;
}

function validEdits(text: string, edits: TextEdit[], within?: [number, number]): boolean {
  if (!Array.isArray(edits) || edits.length === 0) return false;
  // one edit, the common case: no sorted copy
  if (edits.length === 1) return validEdit(text, edits[0], within ? within[0] : 0, within ? within[1] : text.length);
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

/** Documents with NUL or many control characters (in their first 8 KB) are binary, not text. */
export function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.length === 0) return false;
  if (head.includes('\u0000')) return true;
  const ctrl = head.match(/[\u0001-\u0008\u000b\u000e-\u001f]/g);
  return ctrl !== null && ctrl.length / head.length > 0.1;
}

/**
 * Whether a rule is disabled at an offset by inline comments. Line directives are looked up by line;
 * disable/enable ranges by a binary search over that rule's events, so many directives stay cheap.
 */
function disabledChecker(doc: ReportDocument): (ruleId: string, offset: number) => boolean {
  const ds = doc.directives;
  if (ds.length === 0) return () => false;
  const byLine = new Map<number, Directive[]>();
  const ranges: Directive[] = [];
  for (const d of ds) {
    if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
      const line = d.kind === 'disable-line' ? d.line : d.line + 1;
      const list = byLine.get(line) ?? [];
      list.push(d);
      byLine.set(line, list);
    } else ranges.push(d);
  }
  ranges.sort((a, b) => a.offset - b.offset);
  const perRule = new Map<string, { offsets: number[]; off: boolean[] }>();
  const eventsFor = (ruleId: string) => {
    let ev = perRule.get(ruleId);
    if (!ev) {
      ev = { offsets: [], off: [] };
      for (const d of ranges) {
        if (d.rules.length && !d.rules.includes(ruleId)) continue;
        ev.offsets.push(d.offset);
        ev.off.push(d.kind === 'disable');
      }
      perRule.set(ruleId, ev);
    }
    return ev;
  };
  const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);
  return (ruleId, offset) => {
    const lineDs = byLine.get(doc.lines.position(offset).line);
    if (lineDs && lineDs.some((d) => applies(d, ruleId))) return true;
    const ev = eventsFor(ruleId);
    let lo = 0;
    let hi = ev.offsets.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ev.offsets[mid] <= offset) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return idx >= 0 && ev.off[idx];
  };
}

function msgOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function lint(text: string, opts: LintOptions = {}): LintResult {
  const steps = lintSteps(text, opts);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * lint() in steps: it pauses after the report model is built and after each rule. The language server warms the
 * engine up in idle time with it (server/warm-up.ts), a step at a time so that an edit never waits for a whole lint,
 * and through the very code that lint() runs, so that what V8 learns and compiles is what lint() then uses.
 */
export function* lintSteps(text: string, opts: LintOptions = {}): Generator<void, LintResult, void> {
  const config = opts.config ?? emptyConfig();
  const rules = opts.rules ?? allRules;
  const maxSize = config.settings.maxSize ?? DEFAULT_MAX_SIZE;
  if (text.length > maxSize) {
    return { findings: [], placeholders: 0, internalErrors: [], skipped: `too large (${text.length} characters, limit ${maxSize})` };
  }
  if (looksBinary(text)) return { findings: [], placeholders: 0, internalErrors: [], skipped: 'binary content' };

  const placeholderOptions = config.rules[PLACEHOLDER_RULE]?.options as { allow?: string[] } | undefined;
  let doc: ReportDocument;
  try {
    doc = buildDocument(text, {
      filename: opts.filename,
      format: opts.format,
      year: config.settings.year,
      placeholderAllow: placeholderOptions?.allow,
    });
  } catch (e) {
    // A model bug on odd input must not take the editor or the CI run down: report it, skip the document.
    return { findings: [], placeholders: 0, internalErrors: [{ ruleId: 'engine', message: `reading the document failed: ${msgOf(e)}` }], skipped: 'internal error' };
  }
  yield;
  const isDisabled = opts.inlineConfig === false ? () => false : disabledChecker(doc);
  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];
  let placeholderCount = 0;
  let limits: FindingsLimit[] | undefined;

  // where each rule's findings start in `findings`: each rule reports in document order (nearly always), so the
  // sorted whole is a merge of these runs
  const runStarts: number[] = [];
  for (const rule of rules) {
    runStarts.push(findings.length);
    const id = rule.meta.id;
    const rc = config.rules[id];
    if (rc?.severity === 'off') continue;
    const forced: Severity | undefined = rc?.severity;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(rc?.options ?? {}) };
    let invalid = 0;
    let calls = 0;
    const report = (r: ReportInput): void => {
      calls++;
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
      if (typeof r.allow === 'string' && r.allow.trim()) f.allow = r.allow.trim();
      if (r.fix) {
        // A fix touches only the span it reports.
        const es = r.fix.edits;
        if (Array.isArray(es) && es.length === 1 ? validEdit(text, es[0], r.offset, r.endOffset) : validEdits(text, es, [r.offset, r.endOffset])) {
          // the rule's own edit objects, validated above (not copied: fixes are many and never changed after)
          f.fix = { edits: es };
        } else invalid++;
      }
      if (r.suggestions?.length) {
        const ok = r.suggestions.filter((s) => s && s.title && validEdits(text, s.edits));
        if (ok.length !== r.suggestions.length) invalid++;
        if (ok.length) f.suggestions = ok;
      }
      findings.push(f);
      // Redacted names are reported as info by the rule: not placeholders left, whatever severity is configured.
      if (id === PLACEHOLDER_RULE && (r.severity ?? rule.meta.severity) !== 'info') placeholderCount++;
    };
    try {
      rule.check({ doc, options, settings: config.settings, report, memo: opts.memo?.forRule(id) });
    } catch (e) {
      internalErrors.push({ ruleId: id, message: `rule ${id} failed: ${msgOf(e)}` });
    }
    if (invalid) internalErrors.push({ ruleId: id, message: `rule ${id} reported ${invalid} invalid range(s) or fix(es); they were dropped` });
    // The rules that cap their findings (punctuation-width, punctuation-pairs) stop at exactly MAX_FINDINGS
    // reports, counted before inline directives drop any: then there may be more, and the user is told.
    if (calls === MAX_FINDINGS) (limits ??= []).push({ ruleId: id, limit: MAX_FINDINGS });
    yield;
  }
  return { doc, findings: sortFindings(findings, runStarts), placeholders: placeholderCount, internalErrors, ...(limits ? { limits } : {}) };
}

const byPosition = (a: Finding, b: Finding): number => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId);

/**
 * The findings in document order (offset, end, rule id): each rule's run sorted (a check, as they nearly always
 * are), then the runs merged pairwise. A sort of the whole with a comparator cost more than a rule on a
 * document with tens of thousands of findings.
 */
function sortFindings(findings: Finding[], runStarts: number[]): Finding[] {
  let runs: Finding[][] = [];
  for (let r = 0; r < runStarts.length; r++) {
    const from = runStarts[r];
    const to = r + 1 < runStarts.length ? runStarts[r + 1] : findings.length;
    if (to === from) continue;
    const run = findings.slice(from, to);
    for (let i = 1; i < run.length; i++) {
      if (byPosition(run[i - 1], run[i]) > 0) {
        run.sort(byPosition);
        break;
      }
    }
    runs.push(run);
  }
  if (runs.length === 0) return [];
  while (runs.length > 1) {
    const next: Finding[][] = [];
    for (let k = 0; k + 1 < runs.length; k += 2) next.push(mergeRuns(runs[k], runs[k + 1]));
    if (runs.length % 2) next.push(runs[runs.length - 1]);
    runs = next;
  }
  return runs[0];
}

function mergeRuns(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    // stable: on a tie the earlier run first, as Array#sort keeps it
    if (x.offset < y.offset || (x.offset === y.offset && (x.endOffset < y.endOffset || (x.endOffset === y.endOffset && x.ruleId.localeCompare(y.ruleId) <= 0)))) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
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

/**
 * Picks the fixes of one pass: whole fixes only, in document order, each taking the span from its first
 * to its last edit, never two whose spans overlap (or that insert at the same point). Linear after sorting;
 * a fix left out is applied in the next pass.
 */
export function selectFixes(fixes: Fix[]): { edits: TextEdit[]; count: number } {
  const spans = fixes
    .filter((f) => f.edits.length > 0)
    .map((f) => ({
      fix: f,
      start: Math.min(...f.edits.map((e) => e.offset)),
      end: Math.max(...f.edits.map((e) => e.endOffset)),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let count = 0;
  let lastEnd = -1;
  for (const s of spans) {
    if (s.start < lastEnd || s.start === lastEnd && (s.start === s.end || chosen.length > 0 && chosen[chosen.length - 1].offset === lastEnd)) continue;
    chosen.push(...[...s.fix.edits].sort((a, b) => a.offset - b.offset));
    lastEnd = s.end;
    count++;
  }
  return { edits: chosen, count };
}

export interface FixResult {
  output: string;
  /** Fixes applied over all passes. */
  applied: number;
  passes: number;
  /** MAX_FIX_PASSES passes were made and fixes are left: fixing again changes more. */
  passLimitReached: boolean;
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
  const fixable = (r: LintResult) => r.findings.filter((f) => f.fix && (!onlyRules || onlyRules.includes(f.ruleId))).map((f) => f.fix!);
  let passLimitReached = false;
  for (;;) {
    const fixes = fixable(result);
    if (fixes.length === 0) break;
    if (passes === MAX_FIX_PASSES) {
      passLimitReached = true;
      break;
    }
    const { edits, count } = selectFixes(fixes);
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    applied += count;
    current = next;
    result = lint(current, opts);
  }
  return { output: current, applied, passes, passLimitReached, result };
}

/** Picks the message in a language. */
export function messageText(m: Msg, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'en' ? m.en : m.zh;
}
