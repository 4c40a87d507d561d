// Public types of the engine. Offsets are UTF-16 code units into the decoded document text.
import type { ReportDocument } from './model/document';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Lang = 'zh' | 'en';

/** A message in both languages; the adapter picks one. */
export interface Msg {
  zh: string;
  en: string;
}

export interface TextEdit {
  offset: number;
  endOffset: number;
  text: string;
}

export interface Fix {
  edits: TextEdit[];
}

export interface Suggestion {
  title: Msg;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Msg;
  offset: number;
  endOffset: number;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** The standard clause the rule enforces (copied from the rule's metadata). */
  clause?: string;
  /** For a rule with an `allow` option: the entry that accepts this finding ("add to allow list"). */
  allow?: string;
}

export interface RuleDocs {
  /** Why the rule exists, zh and en. */
  why: Msg;
  /** Wrong → right examples, real report language. */
  examples: { wrong: string; right?: string; note?: Msg }[];
}

/** A proofreading category (占位符, 标题序号…): the editor's overview counts findings by it. */
export interface RuleCategory {
  id: string;
  name: Msg;
  /** Position in the overview (lower first). */
  order: number;
}

export interface RuleMeta {
  id: string;
  description: Msg;
  severity: Severity;
  tags: string[];
  /** Where the rule's findings are counted in the overview (rules/categories.ts). */
  category: RuleCategory;
  fixable: boolean;
  /** Standard and clause, e.g. "GB/T 15834-2011 B.3.3". */
  clause: string;
  docs: RuleDocs;
  /** JSON schema of the rule's options object (for `[severity, options]`), if it has any. */
  optionsSchema?: Record<string, unknown>;
  /** Default options merged under the configured ones. */
  defaultOptions?: Record<string, unknown>;
}

export interface ReportInput {
  offset: number;
  endOffset: number;
  message: Msg;
  /** Overrides the rule's default severity for this finding (config still wins over both). */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** The entry of the rule's `allow` option that would accept this finding (the word it is in), if it has one. */
  allow?: string;
}

export interface RuleContext {
  doc: ReportDocument;
  /** The rule's options: its defaultOptions merged with the configured ones. */
  options: Record<string, any>;
  /** Settings that apply to every rule (e.g. the configured report year). */
  settings: GlobalSettings;
  report(input: ReportInput): void;
  /**
   * This rule's memo for this document, when the caller lints the same document again and again (the language
   * server: one per open report, across edits). A rule may keep work there that depends only on text it can check
   * again (a line and what it asked of the rest), never on the previous result as such. Absent for one-off lints.
   */
  memo?: RuleMemo;
}

/** A slot a rule may fill for its next lint of the same document (RuleContext.memo). */
export interface RuleMemo {
  value?: unknown;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export interface GlobalSettings {
  /** Overrides the report year inferred from the title or dateline. */
  year?: number;
  /** Maximum document size in UTF-16 code units before the document is skipped. */
  maxSize?: number;
}
