// Custom protocol between the VS Code client (client/extension.ts) and the language server (server/main.ts).
// Plain names and types only: no imports, so both bundles can include it.

/** Request client → server: the placeholder spans left in a document (e.g. X亿元, xxxx年). */
export const PlaceholdersRequest = 'reportLint/placeholders';

export interface LspPosition {
  line: number;
  /** UTF-16 code units, as everywhere in LSP. */
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface PlaceholdersParams {
  /** Document URI as the client sent it in didOpen. */
  uri: string;
}
export interface PlaceholdersResult {
  /** In document order. Empty when the document is unknown, disabled or has none. */
  placeholders: { range: LspRange }[];
}

/** Notification server → client, sent after each lint of a document: how many placeholders it still has. */
export const PlaceholderCountNotification = 'reportLint/placeholderCount';

export interface PlaceholderCountParams {
  uri: string;
  /** Placeholders left (LintResult.placeholders). */
  count: number;
  /** Document version the count was computed on, if known. */
  version?: number;
}

/** Code action kind of "fix all report-lint problems" (usable in editor.codeActionsOnSave). */
export const FixAllCodeActionKind = 'source.fixAll.report-lint';

/**
 * Request client → server: check a .docx of the workspace and write its reviewed copy (`<name>.reviewed.docx`,
 * never over an existing file). The findings come back on the document's text as read (one line per paragraph),
 * for a read-only view; each message says where it is in Word's terms (第N段, 表1第2行第3列).
 */
export const CheckDocxRequest = 'reportLint/checkDocx';

export interface CheckDocxParams {
  /** file: URI of the .docx. */
  uri: string;
  /** Fixes also as tracked changes. */
  trackChanges?: boolean;
}

export interface CheckDocxResult {
  /** Why the file was not checked (not readable, encrypted, too large…); nothing else is set then. */
  skipped?: string;
  text?: string;
  /** LSP diagnostics on `text`. */
  diagnostics?: unknown[];
  /** The reviewed copy written, or why it could not be. */
  reviewed?: string;
  reviewError?: string;
  comments?: number;
  revisions?: number;
}

/** Client-side command ids contributed by the extension (package.json contributes.commands). */
export const ClientCommands = {
  fixAll: 'report-lint.fixAll',
  nextPlaceholder: 'report-lint.nextPlaceholder',
  restartServer: 'report-lint.restartServer',
  checkDocx: 'report-lint.checkDocx',
} as const;
