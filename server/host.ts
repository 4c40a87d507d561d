// What the language server needs from where it runs. Node (server/main.ts) reads files on disk; a web worker
// (server/browser.ts) has no file system and asks the client, and has no Word documents or workspace walk.
import type { ResolvedConfig } from '../rules/config';
import type { Finding, Lang, Msg, Rule } from '../rules/types';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckDocxResult, ClientInitOptions } from './protocol';

/** The `.reportlintrc.json` that applies to a document. */
export interface ConfigSource {
  /** Its path or URI, as messages name it. */
  file: string;
  /** Identity of its content (e.g. path, mtime, size): a parsed config is reused while it stays the same. */
  stamp: string;
  /** Reads and validates it, with the term files it names; throws ConfigError for the config itself. */
  load(): LoadedConfigSource | Promise<LoadedConfigSource>;
  /** Its text, for telling one broken content from another (the error is shown once per content). */
  content(): string;
}

/** A config as a host loaded it. */
export interface LoadedConfigSource {
  config: ResolvedConfig;
  /** What is wrong with the term files it names (each names its file): the config applies without them. */
  problems: Msg[];
  /** Identity of the config and its term files as read, when it says more than the source's `stamp`. */
  stamp?: string;
  /** The term files it names (paths or URIs): the server watches them as it watches config files. */
  watch: string[];
}

/** A report found by the workspace walk. */
export interface WorkspaceJob {
  abs: string;
  display: string;
  skip?: string;
}

export interface ServerHost {
  /** Local path of a document URI, when it has one (file: URIs in Node). */
  filePathOf(uri: string): string | undefined;
  /** The config file that applies to a document: undefined when there is none, 'gone' when it vanished meanwhile. */
  findConfig(uri: string): ConfigSource | undefined | 'gone' | Promise<ConfigSource | undefined | 'gone'>;
  /** `.reportlintrc.json` files changed (didChangeWatchedFiles): forget what was found. */
  configFilesChanged?(): void;
  /** A link to the rule's page shipped with the server, if there is one. */
  bundledDocHref?(ruleId: string): string | undefined;
  /** Checks a Word document (Node only). */
  checkDocx?(uri: string, path: string, trackChanges: boolean, ctx: DocxContext): Promise<CheckDocxResult>;
  /** The workspace walk, as the CLI does it (Node only). */
  workspace?: {
    list(dir: string, lang: Lang): WorkspaceJob[];
    read(abs: string, lang: Lang): Promise<{ text: string; docx: boolean } | { skipped: string }>;
    uriOf(abs: string): string;
  };
  /** The client sent `shutdown`. */
  onShutdown?(): void;
  /** The connection is initialized: problems may now be logged through it. */
  onInitialize?(init: ClientInitOptions | undefined): void;
  /** Push mode: diagnostics are written and no lint waits (a time for housekeeping that no edit waits for). */
  onIdle?(): void;
  /** Warm-up: encodes a message as it would be sent, and drops it (the stdio writer's own encoder). */
  rehearseSend?(msg: unknown): void;
}

/** What the server lends a host's Word check: the language, the config that applies, the rules, its diagnostics. */
export interface DocxContext {
  lang: Lang;
  config: ResolvedConfig;
  rules: Rule[];
  diagnostic(doc: TextDocument, f: Finding): Diagnostic;
}
