// Pure conversions from engine results to LSP shapes: diagnostics, code actions, symbols, folding, hover.
// Nothing here decides what is wrong or how to fix it; that is the engine's (rules/).
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Lang, Rule, Severity, TextEdit } from '../rules/types';
import type { Heading, ReportDocument } from '../rules/model/document';
import { messageText } from '../rules/engine';
import { FixAllCodeActionKind } from './protocol';
import { isStable, markStable } from './stable-json';

export const SOURCE = 'report-lint';

export interface DiagnosticData {
  ruleId: string;
  /** Document version the finding was computed on. */
  version: number;
  /** The fix as UTF-16 offsets into that version. */
  fix?: TextEdit[];
  suggestions?: { title: string; edits: TextEdit[] }[];
}

const t = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

export function toSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function rangeOf(doc: TextDocument, offset: number, endOffset: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(endOffset) };
}

export function withClause(text: string, clause: string | undefined, lang: Lang): string {
  if (!clause) return text;
  return lang === 'en' ? `${text} (${clause})` : `${text}（${clause}）`;
}

/** The link of a rule's documentation (a URL, a bundled file or an editor command), or undefined for none. */
export type DocsHref = (ruleId: string) => string | undefined;

export function toDiagnostic(doc: TextDocument, f: Finding, lang: Lang, docsHref: DocsHref, withData = true): Diagnostic {
  const href = docsHref(f.ruleId);
  const d: Diagnostic = {
    range: rangeOf(doc, f.offset, f.endOffset),
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.ruleId,
    message: withClause(messageText(f.message, lang), f.clause, lang),
  };
  if (withData) {
    const data: DiagnosticData = { ruleId: f.ruleId, version: doc.version };
    if (f.fix) data.fix = f.fix.edits;
    if (f.suggestions?.length) data.suggestions = f.suggestions.map((s) => ({ title: messageText(s.title, lang), edits: s.edits }));
    d.data = data;
  }
  if (href) d.codeDescription = { href };
  return d;
}

const samePosition = (a: Position, b: Position): boolean => a.line === b.line && a.character === b.character;
const beforePosition = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Equal JSON data, property order included (it decides the bytes). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameJson((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/** Two diagnostics made by toDiagnostic that serialise to the same bytes. */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    samePosition(a.range.start, b.range.start) &&
    samePosition(a.range.end, b.range.end) &&
    a.code === b.code &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.codeDescription?.href === b.codeDescription?.href &&
    (a.codeDescription === undefined) === (b.codeDescription === undefined) &&
    sameJson(a.data, b.data)
  );
}

/**
 * A new lint's diagnostics, where each one equal to a diagnostic of the document's previous lint is that very object
 * (both lists are in document order). An edit changes a few of a report's diagnostics, and the stdio writer encodes a
 * stable object once (server/json-encoder.ts). Once a document is edited (`previous` given) every diagnostic returned
 * is marked stable, and so frozen all through: nothing changes a diagnostic once made (its fix edits are the rule's own
 * objects, never changed after either). A document only opened keeps no encoded copy (200 open reports would hold
 * their diagnostics' JSON, ≈ 40 MiB).
 */
export function reuseUnchanged(previous: readonly Diagnostic[] | undefined, next: Diagnostic[]): Diagnostic[] {
  if (!previous) return next;
  let j = 0;
  for (let i = 0; i < next.length; i++) {
    const d = next[i];
    while (j < previous.length && beforePosition(previous[j].range.start, d.range.start)) j++;
    // several diagnostics may start at one place
    for (let k = j; k < previous.length && samePosition(previous[k].range.start, d.range.start); k++) {
      if (sameDiagnostic(previous[k], d)) {
        next[i] = previous[k];
        break;
      }
    }
    if (!isStable(next[i])) markStable(next[i]);
  }
  return next;
}

/** A WorkspaceEdit pinned to the document version the edits were computed on. */
export function versionedEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: rangeOf(doc, e.offset, e.endOffset), newText: e.text }));
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lspEdits }] };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** One edit turning `before` into `after`: the differing middle only (never splitting a surrogate pair). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (endB < before.length && isLow(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { offset: start, endOffset: endB, text: after.slice(start, endA) };
}

/** True when a code action of `kind` was asked for (`only` absent means every kind). */
export function kindWanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export const FIX_ALL_KIND = FixAllCodeActionKind;

/** The document's own line ending (its first one): CRLF, CR (old Mac files) or LF. */
export function eolOf(text: string): string {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr < 0) return '\n';
  if (lf < 0 || cr < lf) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

const MD_LINE_DIRECTIVE = /<!--\s*report-lint-disable-line\b[^\n]*-->\s*$/;
const MD_FILE_DIRECTIVE = /^\uFEFF?<!--\s*report-lint-disable\b(?!-)[^\n]*-->[ \t]*$/;
const TXT_NEXT_DIRECTIVE = /^\s*report-lint-disable-next-line\b[^\n]*?(\s*)$/;
const TXT_FILE_DIRECTIVE = /^\uFEFF?\s*report-lint-disable\b(?!-)[^\n]*?(\s*)$/;

/** Offset of the `-->` that ends the last comment in `s`, before the spaces in front of it. */
function beforeCommentEnd(s: string): number {
  let at = s.lastIndexOf('-->');
  while (at > 0 && /\s/.test(s[at - 1])) at--;
  return at;
}

/** The inline comment that turns a rule off on the finding's line (or adds the rule to the one there). */
export function disableLineEdit(model: ReportDocument, f: Finding): TextEdit {
  const text = model.text;
  const line = model.lines.position(f.offset).line;
  const start = model.lines.starts[line];
  const end = model.lines.lineEnd(line);
  if (model.format === 'markdown') {
    const s = text.slice(start, end);
    if (MD_LINE_DIRECTIVE.test(s)) {
      const at = start + beforeCommentEnd(s);
      return { offset: at, endOffset: at, text: ` ${f.ruleId}` };
    }
    return { offset: end, endOffset: end, text: ` <!-- report-lint-disable-line ${f.ruleId} -->` };
  }
  if (line > 0) {
    const pStart = model.lines.starts[line - 1];
    const pEnd = model.lines.lineEnd(line - 1);
    const m = TXT_NEXT_DIRECTIVE.exec(text.slice(pStart, pEnd));
    if (m) {
      const at = pEnd - m[1].length;
      return { offset: at, endOffset: at, text: ` ${f.ruleId}` };
    }
  }
  const indent = /^[ \t\u3000]*/.exec(text.slice(start, end))![0];
  return { offset: start, endOffset: start, text: `${indent}report-lint-disable-next-line ${f.ruleId}${eolOf(text)}` };
}

/** The comment at the top of the document that turns a rule off for the whole file. */
export function disableFileEdit(model: ReportDocument, ruleId: string): TextEdit {
  const text = model.text;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = model.lines.lineEnd(0);
  const first = text.slice(0, firstEnd);
  if (model.format === 'markdown') {
    if (MD_FILE_DIRECTIVE.test(first)) {
      const at = beforeCommentEnd(first);
      return { offset: at, endOffset: at, text: ` ${ruleId}` };
    }
    return { offset: bom, endOffset: bom, text: `<!-- report-lint-disable ${ruleId} -->${eolOf(text)}` };
  }
  const m = TXT_FILE_DIRECTIVE.exec(first);
  if (m) {
    const at = firstEnd - m[1].length;
    return { offset: at, endOffset: at, text: ` ${ruleId}` };
  }
  return { offset: bom, endOffset: bom, text: `report-lint-disable ${ruleId}${eolOf(text)}` };
}

export function quickFixTitle(f: Finding, lang: Lang): string {
  return t(lang, `修复：${messageText(f.message, 'zh')}`, `Fix: ${messageText(f.message, 'en')}`);
}

export function fixRuleTitle(ruleId: string, lang: Lang): string {
  return t(lang, `修复全部 ${ruleId} 问题`, `Fix all ${ruleId} problems`);
}

export function fixAllTitle(lang: Lang): string {
  return t(lang, '修复全部 report-lint 问题', 'Fix all report-lint problems');
}

export function disableLineTitle(ruleId: string, lang: Lang): string {
  return t(lang, `在本行停用 ${ruleId}`, `Disable ${ruleId} for this line`);
}

export function disableFileTitle(ruleId: string, lang: Lang): string {
  return t(lang, `在本文件停用 ${ruleId}`, `Disable ${ruleId} for this file`);
}

export function allowListTitle(value: string, ruleId: string, lang: Lang): string {
  return t(lang, `将“${value}”加入 ${ruleId} 的允许列表（.reportlintrc.json）`, `Add "${value}" to the ${ruleId} allow list (.reportlintrc.json)`);
}

export function placeholderNavTitle(next: boolean, lang: Lang): string {
  return next ? t(lang, '转到下一个占位符', 'Go to next placeholder') : t(lang, '转到上一个占位符', 'Go to previous placeholder');
}

export function action(title: string, kind: string, edit: WorkspaceEdit | undefined, extra: Partial<CodeAction> = {}): CodeAction {
  const a = CodeAction.create(title, kind as CodeActionKind);
  if (edit) a.edit = edit;
  return Object.assign(a, extra);
}

// ——— Reading aids ———

const LEVEL_KIND: SymbolKind[] = [SymbolKind.Namespace, SymbolKind.Module, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field];

function kindLabel(h: Heading, lang: Lang): string | undefined {
  const k = h.kind === 'summary' ? t(lang, '总结', 'summary') : h.kind === 'plan' ? t(lang, '打算', 'plan') : undefined;
  if (!k) return h.year ? String(h.year) : undefined;
  return h.year ? `${h.year} ${k}` : k;
}

/** Where a section's content really ends: before the blank lines that precede the next heading. */
function contentEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1])) e--;
  return Math.max(e, start);
}

export function headingName(h: Heading): string {
  const name = ((h.marker?.text ?? '') + h.text).replace(/\s+/g, ' ').trim();
  return name || '…';
}

export function documentSymbols(doc: TextDocument, model: ReportDocument, lang: Lang): DocumentSymbol[] {
  const text = model.text;
  const conv = (h: Heading): DocumentSymbol => {
    const start = h.block.start;
    const end = Math.max(contentEnd(text, start, h.sectionEnd), h.block.end);
    const selEnd = Math.min(Math.max(h.textEndOffset, h.marker?.endOffset ?? start), end);
    const kind = h.marker ? LEVEL_KIND[Math.min(Math.max(h.marker.level, 1), 5) - 1] : SymbolKind.Namespace;
    return DocumentSymbol.create(
      headingName(h),
      kindLabel(h, lang),
      kind,
      rangeOf(doc, start, end),
      rangeOf(doc, start, Math.max(selEnd, start)),
      h.children.map(conv),
    );
  };
  // the frame of a web page around the report (`打印 下载`, `相关报道`) is a part of the model, not of the outline
  return model.roots.filter((h) => h.part !== 'chrome').map(conv);
}

export function foldingRanges(model: ReportDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const h of model.headings) {
    if (h.part === 'chrome') continue;
    const startLine = model.lines.position(h.block.start).line;
    const end = contentEnd(model.text, h.block.start, h.sectionEnd);
    const endLine = model.lines.position(Math.max(end - 1, h.block.start)).line;
    if (endLine > startLine) out.push(FoldingRange.create(startLine, endLine, undefined, undefined, FoldingRangeKind.Region));
  }
  return out;
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#+!|~])/g, '\\$1');
}

export function hoverFor(doc: TextDocument, findings: Finding[], rulesById: Map<string, Rule>, lang: Lang, docsHref: DocsHref): Hover | null {
  if (findings.length === 0) return null;
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const rule = rulesById.get(f.ruleId);
    const lines: string[] = [];
    lines.push(`**report-lint · ${f.ruleId}** — ${mdEscape(withClause(messageText(f.message, lang), f.clause, lang))}`);
    if (rule && !seen.has(f.ruleId)) {
      seen.add(f.ruleId);
      lines.push('', mdEscape(messageText(rule.meta.description, lang)), '', mdEscape(messageText(rule.meta.docs.why, lang)));
      const ex = rule.meta.docs.examples.find((e) => e.right) ?? rule.meta.docs.examples[0];
      if (ex) {
        lines.push('', `${t(lang, '错误', 'Wrong')}: ${mdEscape(ex.wrong)}`);
        if (ex.right) lines.push('', `${t(lang, '正确', 'Right')}: ${mdEscape(ex.right)}`);
      }
      if (rule.meta.clause) lines.push('', `${t(lang, '依据', 'Standard')}: ${mdEscape(rule.meta.clause)}`);
    }
    const href = docsHref(f.ruleId);
    if (href) lines.push('', `[${t(lang, '规则说明', 'Rule documentation')}](${href})`);
    parts.push(lines.join('\n'));
  }
  const first = findings[0];
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: rangeOf(doc, first.offset, first.endOffset),
  };
}
