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
  /** Facts for adapters (copied from the report): e.g. what an "add to allow list" action adds. */
  data?: FindingData;
}

export interface FindingData {
  /** The string that, added to this rule's `allow` option, silences this finding (and the same string elsewhere). */
  allow?: string;
}

export interface RuleDocs {
  /** Why the rule exists, zh and en. */
  why: Msg;
  /** Wrong → right examples, real report language. */
  examples: { wrong: string; right?: string; note?: Msg }[];
}

export interface RuleMeta {
  id: string;
  description: Msg;
  severity: Severity;
  tags: string[];
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
  data?: FindingData;
}

export interface RuleContext {
  doc: ReportDocument;
  /** The rule's options: its defaultOptions merged with the configured ones. */
  options: Record<string, any>;
  /** Settings that apply to every rule (e.g. the configured report year). */
  settings: GlobalSettings;
  report(input: ReportInput): void;
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
