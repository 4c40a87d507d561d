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
  previousPlaceholder: 'report-lint.previousPlaceholder',
  restartServer: 'report-lint.restartServer',
  checkDocx: 'report-lint.checkDocx',
  openRuleDocs: 'report-lint.openRuleDocs',
  addToAllowList: 'report-lint.addToAllowList',
  checkWorkspace: 'report-lint.checkWorkspace',
  refreshOverview: 'report-lint.refreshOverview',
} as const;

/** Request client → server: the proofreading categories (from the rule metadata) and which rule is in which. */
export const CategoriesRequest = 'reportLint/categories';

export interface CategoryInfo {
  id: string;
  name: { zh: string; en: string };
  order: number;
}
export interface CategoriesResult {
  categories: CategoryInfo[];
  /** rule id → category id */
  rules: Record<string, string>;
  /** Rules with an `allow` option ("add to allow list" is offered for their findings). */
  allowRules: string[];
}

/** Request client → server: check every report under some folders (the CLI's file walk), cancellable. */
export const CheckWorkspaceRequest = 'reportLint/checkWorkspace';

export interface CheckWorkspaceParams {
  /** Folder URIs (file: only). */
  folders: string[];
}
export interface WorkspaceFileResult {
  uri: string;
  /** Path relative to its folder. */
  display: string;
  /** Per rule: how many findings, and the first one's range. */
  rules: Record<string, { count: number; first: LspRange }>;
  /** Why the file was not checked (too large, binary, undecodable). */
  skipped?: string;
}
export interface CheckWorkspaceResult {
  files: WorkspaceFileResult[];
  /** Files found by the walk (checked or not). */
  total: number;
  /** True when cancelled: `files` holds what was checked until then. */
  cancelled: boolean;
}

/** Notification server → client while checking the workspace. */
export const CheckWorkspaceProgressNotification = 'reportLint/checkWorkspaceProgress';
export interface CheckWorkspaceProgressParams {
  done: number;
  total: number;
  /** The file just checked. */
  display?: string;
}

/** Argument of the client command "add to allow list" (ClientCommands.addToAllowList). */
export interface AddToAllowListArgs {
  /** The document the finding is in. */
  uri: string;
  ruleId: string;
  /** The entry to add to the rule's `allow` option. */
  value: string;
  /** The rule's default severity, written when the config file does not name the rule yet. */
  severity: 'error' | 'warning' | 'info';
}

/**
 * initializationOptions the VS Code client sends: `ruleDocsCommand` (rule links run it with the rule id) and the
 * client commands the server may put in code actions.
 */
export interface ClientInitOptions {
  settings?: unknown;
  ruleDocsCommand?: string;
  commands?: string[];
  /**
   * true: diagnostics carry `data` (DiagnosticData: the rule, the version and the fix as offsets), for a client that
   * reads fixes from diagnostics. Off by default: code actions are computed by the server from its own results, and
   * the data is a fifth of what is serialised and parsed on every edit.
   */
  diagnosticData?: boolean;
  /** The client answers FindConfigRequest (the VS Code extension): documents that are not files get their config. */
  findConfig?: boolean;
}

/**
 * Request server → client, for a document the server cannot read around (VS Code for the Web, where the server runs
 * in a web worker; a virtual workspace on the desktop): the `.reportlintrc.json` that applies to it, read by the
 * client through `workspace.fs` (the nearest one in the document's folder or above it). Null when there is none.
 */
export const FindConfigRequest = 'reportLint/findConfig';

export interface FindConfigParams {
  /** Document URI. */
  uri: string;
}
export interface FindConfigResult {
  /** URI of the config file. */
  uri: string;
  /** Its text (UTF-8). */
  text: string;
}

/**
 * Request server → client, after FindConfigRequest: a term file the config names (the terms rule's `files` option),
 * read by the client through `workspace.fs`. `path` is as the config writes it, already checked by the server to be
 * relative and inside the config's folder; the client joins it to that folder. The client reads at most `cap`
 * bytes: a larger file is answered with its `size` only. Null, or an error, when the client does not read term files.
 */
export const ReadTermFileRequest = 'reportLint/readTermFile';

export interface ReadTermFileParams {
  /** URI of the config file (FindConfigResult.uri). */
  config: string;
  /** The path as written in the config, relative to its folder. */
  path: string;
  /** Largest size read, in bytes. */
  cap: number;
}
export interface ReadTermFileResult {
  /** URI of the term file. */
  uri: string;
  /** Its text (UTF-8), when it was read. */
  text?: string;
  /** Its size, when it is larger than `cap` (not read). */
  size?: number;
  /** Why it could not be read. */
  error?: string;
}
