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

/** Client-side command ids contributed by the extension (package.json contributes.commands). */
export const ClientCommands = {
  fixAll: 'report-lint.fixAll',
  nextPlaceholder: 'report-lint.nextPlaceholder',
  restartServer: 'report-lint.restartServer',
} as const;
