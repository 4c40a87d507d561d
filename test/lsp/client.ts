// A real LSP client for the tests: spawns the BUILT dist/server.js over stdio and talks JSON-RPC to it.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  ShowMessageParams,
  LogMessageParams,
  TextDocumentContentChangeEvent,
  WorkspaceEdit,
  ClientCapabilities,
  Registration,
} from 'vscode-languageserver-protocol';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverPath = join(root, 'dist', 'server.js');

export function ensureBuilt(): void {
  if (!existsSync(serverPath)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

export function seed(name: string): string {
  return readFileSync(join(root, 'examples', name), 'utf8');
}

export const SEED_000 = '000_14fc8861097ac680.txt';
export const SEED_001 = '001_2083e9362e9f1629.txt';

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface ClientOptions {
  /** LSP 3.17 pull diagnostics (VS Code) or push only (Neovim 0.7). */
  pull: boolean;
  /** `reportLint` settings answered to workspace/configuration (pull) or sent as initializationOptions (push). */
  settings?: Record<string, unknown>;
  locale?: string;
  env?: Record<string, string>;
  rootPath?: string;
  resolveSupport?: boolean;
  /** workspace/applyEdit: the server may ask the client to apply an edit (recorded in `appliedEdits`). */
  applyEdit?: boolean;
  /** Extra initializationOptions (e.g. what the VS Code client sends: ruleDocsCommand, commands). */
  initializationOptions?: Record<string, unknown>;
}

function capabilities(o: ClientOptions): ClientCapabilities {
  const kinds = ['', 'quickfix', 'refactor', 'source', 'source.fixAll', 'source.organizeImports'];
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: kinds } },
        isPreferredSupport: true,
        dataSupport: true,
        ...(o.resolveSupport ? { resolveSupport: { properties: ['edit'] } } : {}),
      },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      ...(o.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      configuration: o.pull,
      didChangeConfiguration: { dynamicRegistration: false },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      ...(o.applyEdit ? { applyEdit: true } : {}),
      ...(o.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly shown: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly placeholderCounts: { uri: string; count: number; version?: number }[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly appliedEdits: { label?: string; edit: WorkspaceEdit }[] = [];
  refreshes = 0;
  stderr = '';
  init!: InitializeResult;
  settings: Record<string, unknown>;
  /** Per-scope settings (multi-root): when set, answers workspace/configuration by the item's scopeUri. */
  settingsFor?: (scopeUri: string | undefined) => Record<string, unknown>;
  private listeners: (() => void)[] = [];
  private versions = new Map<string, number>();
  readonly docs = new Map<string, TextDocument>();

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions): Promise<LspClient> {
    ensureBuilt();
    const proc = spawn(process.execPath, [serverPath, '--stdio'], {
      env: { ...process.env, ...(options.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new LspClient(proc, conn, options);
    proc.stderr!.on('data', (d) => (c.stderr += String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.published.push(p);
      c.notify();
    });
    conn.onNotification('window/showMessage', (p: ShowMessageParams) => {
      c.shown.push(p);
      c.notify();
    });
    conn.onNotification('window/logMessage', (p: LogMessageParams) => c.logs.push(p));
    conn.onNotification('reportLint/placeholderCount', (p: { uri: string; count: number }) => {
      c.placeholderCounts.push(p);
      c.notify();
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      c.configurationRequests.push(p);
      return p.items.map((i) => (c.settingsFor ? c.settingsFor(i.scopeUri) : c.settings));
    });
    conn.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      c.registrations.push(...p.registrations);
      c.notify();
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      c.refreshes++;
      c.notify();
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/applyEdit', (p: { label?: string; edit: WorkspaceEdit }) => {
      c.appliedEdits.push(p);
      c.notify();
      return { applied: true };
    });
    conn.listen();
    const rootUri = options.rootPath ? fileUri(options.rootPath) : null;
    c.init = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: capabilities(options),
      locale: options.locale,
      initializationOptions:
        options.pull && !options.initializationOptions
          ? undefined
          : { ...(options.pull ? {} : { settings: options.settings ?? {} }), ...(options.initializationOptions ?? {}) },
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `pred` holds (checked now and after every message from the server). */
  waitFor<T>(pred: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let v: T | undefined | false;
        try {
          v = pred();
        } catch (e) {
          cleanup();
          reject(e);
          return;
        }
        if (v) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  /** Push mode: the diagnostics published for a document version. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => {
        for (let i = this.published.length - 1; i >= 0; i--) {
          const p = this.published[i];
          if (p.uri === uri && p.version === version) return p.diagnostics;
        }
        return undefined;
      },
      `diagnostics of ${uri} v${version}`,
      timeoutMs,
    );
  }

  async pull(uri: string, previousResultId?: string): Promise<{ kind: string; items?: Diagnostic[]; resultId?: string }> {
    return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const doc = this.docs.get(uri)!;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text as one incremental change. */
  async replaceAll(uri: string, text: string): Promise<number> {
    const doc = this.docs.get(uri)!;
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }]);
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.versions.get(uri)!;
  }

  /** Applies a WorkspaceEdit the way an editor does: only to the version it names. */
  applyEdit(uri: string, edit: WorkspaceEdit): string {
    const changes = edit.documentChanges;
    if (!changes || changes.length !== 1) throw new Error('expected exactly one documentChanges entry');
    const change = changes[0] as { textDocument: { uri: string; version: number | null }; edits: { range: never; newText: string }[] };
    if (change.textDocument.uri !== uri) throw new Error(`edit for ${change.textDocument.uri}, expected ${uri}`);
    if (change.textDocument.version !== this.version(uri)) throw new Error(`edit for version ${change.textDocument.version}, document is at ${this.version(uri)}`);
    return TextDocument.applyEdits(this.docs.get(uri)!, change.edits);
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify_(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill();
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
