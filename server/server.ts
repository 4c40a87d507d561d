// The language server: an adapter from the engine (rules/) to LSP, on a connection given by its entry point:
// server/main.ts (Node: stdio or node-ipc) or server/browser.ts (a web worker). What only Node can do (files on
// disk, Word documents, the workspace walk) comes through a ServerHost; pull diagnostics where the client supports
// them, push otherwise.
import {
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  MessageType,
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type CancellationToken,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, lintSteps, fixText, LintMemo, PLACEHOLDER_RULE, type LintOptions, type LintResult } from '../rules/engine';
import { ConfigError, emptyConfig, mergeConfigs, type ResolvedConfig } from '../rules/config';
import type { Finding, Lang, Rule } from '../rules/types';
import { formatForFilename, type SourceFormat } from '../rules/model/prose';
import { allRules } from '../rules/all-rules';
import type { ServerHost } from './host';
import { createWarmUp } from './warm-up';
import {
  PlaceholdersRequest,
  PlaceholderCountNotification,
  CategoriesRequest,
  CheckWorkspaceRequest,
  CheckWorkspaceProgressNotification,
  ClientCommands,
  type AddToAllowListArgs,
  type CategoriesResult,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type ClientInitOptions,
  type PlaceholdersParams,
  type PlaceholdersResult,
  type PlaceholderCountParams,
  CheckDocxRequest,
  type CheckDocxParams,
  type CheckDocxResult,
  type WorkspaceFileResult,
} from './protocol';
import { SERVER_VERSION, normalizeSettings, resolveLang, settingsConfig, type ServerSettings } from './settings';
import {
  FIX_ALL_KIND,
  action,
  allowListTitle,
  placeholderNavTitle,
  disableFileEdit,
  disableFileTitle,
  disableLineEdit,
  disableLineTitle,
  documentSymbols,
  fixAllTitle,
  fixRuleTitle,
  foldingRanges,
  hoverFor,
  kindWanted,
  minimalEdit,
  quickFixTitle,
  toDiagnostic,
  reuseUnchanged,
  versionedEdit,
  type DocsHref,
} from './convert';

// ——— Rules ———

/** Only for the LSP tests: a rule that always throws, to prove that one broken rule cannot take the server down. */
const throwingRule: Rule = {
  meta: {
    id: 'test-throwing-rule',
    description: { zh: '测试用：总是抛出异常的规则', en: 'Test only: a rule that always throws' },
    severity: 'warning',
    tags: ['test'],
    category: { id: 'test', order: 999, name: { zh: '测试', en: 'Test' } },
    fixable: false,
    clause: '',
    docs: { why: { zh: '测试用', en: 'test only' }, examples: [] },
  },
  check() {
    throw new Error('deliberate failure of the test rule');
  },
};
const rules: Rule[] = typeof process !== 'undefined' && process.env?.REPORT_LINT_TEST_THROWING_RULE === '1' ? [...allRules, throwingRule] : allRules;
const rulesById = new Map(rules.map((r) => [r.meta.id, r]));
/** Rules with an `allow` option: one "add to allow list" action serves them all. */
const allowRules = new Set(
  rules.filter((r) => !!(r.meta.optionsSchema?.properties as Record<string, unknown> | undefined)?.allow).map((r) => r.meta.id),
);
const knownRuleIds = new Set(rules.map((r) => r.meta.id));

/** A turn of the event loop: setImmediate in Node; a web worker has only timers. */
const nextTurn = (): Promise<void> =>
  new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Milliseconds, for the warm-up: a monotonic clock where there is one. */
const clock: () => number = typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** Longer documents are warmed up on their beginning: a step then stays short. */
const WARM_UP_MAX = 30_000;

const baseName = (path: string) => path.replace(/^.*[\\/]/, '');

// ——— Connection and state ———

/** Serves LSP on `connection` until it closes. One server per process (or worker). */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  connection.onShutdown(() => {
    warmUp.stop();
    host.onShutdown?.();
  });

  let pullMode = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let watcherRegistration = false;
  let configChangeRegistration = false;
  let codeActionResolve = false;
  /** Client without resolve but with workspace/applyEdit: "fix all" actions run a server command, computed when chosen. */
  let fixAllByCommand = false;
  /** The server command behind those actions (not a client command: VS Code resolves instead). */
  const FIX_ALL_COMMAND = 'report-lint.server.fixAll';
  let locale: string | undefined;
  /** Settings pushed by clients without workspace/configuration (didChangeConfiguration or initializationOptions). */
  let pushedSettings: unknown;
  /** Bumped when settings or config files change: cached results become stale. */
  let generation = 0;

  interface Entry {
    uri: string;
    version: number;
    /** The text that was linted: a client may send new text under a version it already used (#22). */
    text: string;
    /** Unique per lint: result ids and lazy code actions name the exact result they came from. */
    serial: number;
    key: string;
    result: LintResult;
    diagnostics: Diagnostic[];
    lang: Lang;
    settings: ServerSettings;
    lintOptions: LintOptions;
    /** Findings with a fix, per rule (computed once per lint, not per code action request). */
    fixable?: Map<string, number>;
    /** "Fix all" edits already computed for this result, by rule id ('' for every rule): fixText costs whole lints. */
    fixEdits?: Map<string, WorkspaceEdit | undefined>;
  }

  const cache = new Map<string, Entry>();
  /** The last document linted: what the warm-up lints. */
  let latest: Entry | undefined;
  let entrySerial = 0;
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const scheduleSeq = new Map<string, number>();
  const savedVersion = new Map<string, number>();
  /** Messages shown once: internal errors per rule, skipped documents, broken config files. */
  const shownOnce = new Set<string>();
  const loggedSettingProblems = new Set<string>();
  /** Pull mode: what each document was last given, for `unchanged` reports and run=onSave. */
  const lastPulled = new Map<string, { resultId: string; items: Diagnostic[] }>();

  const t = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

  function errText(e: unknown): string {
    return e instanceof Error ? (e.stack ?? e.message) : String(e);
  }

  function log(type: MessageType, message: string): void {
    try {
      void connection.sendNotification('window/logMessage', { type, message });
    } catch {
      // the connection is gone; nothing left to tell
    }
  }

  function showOnce(key: string, type: MessageType, message: string): void {
    if (shownOnce.has(key)) return;
    shownOnce.add(key);
    log(type, message);
    void connection.sendNotification('window/showMessage', { type, message });
  }

  // ——— Rule docs links ———

  /** Set by a client that opens the bundled docs itself (the VS Code extension): rule links run this command. */
  let ruleDocsCommand: string | undefined;
  /** Client commands (ClientCommands) the client implements: code actions may run them. */
  const clientCommands = new Set<string>();
  /** Whether diagnostics carry `data` (ClientInitOptions.diagnosticData: only when the client asks for it). */
  let diagnosticData = false;
  const bundledDocs = new Map<string, string | undefined>();

  /** The rule's page shipped with the server (docs/rules/<id>.md next to dist/), if the host has one. */
  function bundledDocHref(ruleId: string): string | undefined {
    if (bundledDocs.has(ruleId)) return bundledDocs.get(ruleId);
    let href: string | undefined;
    try {
      if (/^[a-z0-9-]+$/.test(ruleId)) href = host.bundledDocHref?.(ruleId);
    } catch {
      href = undefined;
    }
    bundledDocs.set(ruleId, href);
    return href;
  }

  /** Where a rule id links: the configured site, else the bundled page (through the client's command if it has one). */
  function docsHrefFor(settings: ServerSettings): DocsHref {
    const base = settings.docsBaseUrl;
    const memo = new Map<string, string | undefined>();
    return (ruleId) => {
      if (memo.has(ruleId)) return memo.get(ruleId);
      let href: string | undefined;
      if (base) href = `${base}${ruleId}.md`;
      else if (ruleDocsCommand) href = `command:${ruleDocsCommand}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
      else href = bundledDocHref(ruleId);
      memo.set(ruleId, href);
      return href;
    };
  }

  // ——— Settings and config ———

  function uiLangFor(settings: ServerSettings): Lang {
    return resolveLang(settings.language, locale);
  }

  function settingsFor(uri: string): Promise<ServerSettings> {
    let p = settingsCache.get(uri);
    if (!p) {
      p = readSettings(uri);
      settingsCache.set(uri, p);
    }
    return p;
  }

  async function readSettings(uri: string): Promise<ServerSettings> {
    let raw: unknown = pushedSettings;
    if (configurationSupport) {
      try {
        raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'reportLint' });
      } catch (e) {
        log(MessageType.Warning, `report-lint: could not read the settings for ${uri}: ${errText(e)}`);
        raw = undefined;
      }
    }
    const { settings, problems } = normalizeSettings(raw, knownRuleIds);
    for (const p of problems) {
      if (loggedSettingProblems.has(p)) continue;
      loggedSettingProblems.add(p);
      log(MessageType.Warning, `report-lint: ${p}; the default is used.`);
    }
    return settings;
  }

  function filePathOf(uri: string): string | undefined {
    try {
      return host.filePathOf(uri);
    } catch {
      return undefined;
    }
  }

  interface ConfigState {
    config: ResolvedConfig;
    /** Identity of the config file's content (path, mtime, size; and its term files'), part of the cache key. */
    key: string;
  }

  const parsedConfigs = new Map<string, { stamp: string; config: ResolvedConfig }>();

  /** The `.reportlintrc.json` that applies to a document, found as the CLI finds it; defaults when it is broken. */
  async function fileConfigFor(uri: string, lang: Lang): Promise<ConfigState> {
    let source: Awaited<ReturnType<ServerHost['findConfig']>>;
    try {
      source = await host.findConfig(uri);
    } catch {
      source = undefined;
    }
    if (!source) return { config: emptyConfig(), key: 'none' };
    if (source === 'gone') return { config: emptyConfig(), key: 'gone' };
    const { file, stamp } = source;
    const cached = parsedConfigs.get(file);
    if (cached && cached.stamp === stamp) return { config: cached.config, key: stamp };
    let config: ResolvedConfig;
    let after = stamp;
    try {
      const loaded = await source.load();
      config = loaded.config;
      if (loaded.stamp) after = loaded.stamp;
      watchTermFiles(loaded.watch);
      if (loaded.problems.length) {
        const problems = loaded.problems.map((m) => (lang === 'en' ? m.en : m.zh)).join(lang === 'en' ? '; ' : '；');
        showOnce(
          `terms\0${file}\0${after}\0${problems}`,
          MessageType.Error,
          t(
            lang,
            `report-lint：配置文件 ${file} 所列的术语文件有误：${problems}。这些文件在改正之前不生效，其余设置照常使用。`,
            `report-lint: the config file ${file} names term files that cannot be used: ${problems}. They are left out until they are fixed; the rest of the config applies.`,
          ),
        );
      }
    } catch (e) {
      let content = '';
      try {
        content = source.content();
      } catch {
        // unreadable: the error below says so
      }
      const problems = e instanceof ConfigError ? e.problems.join('; ') : errText(e);
      showOnce(
        `config\0${file}\0${content}`,
        MessageType.Error,
        t(
          lang,
          `report-lint：配置文件 ${file} 有误：${problems}。在改正之前使用默认设置。`,
          `report-lint: the config file ${file} is invalid: ${problems}. Using the default settings until it is fixed.`,
        ),
      );
      config = emptyConfig();
    }
    parsedConfigs.set(file, { stamp: after, config });
    return { config, key: after };
  }

  /** Term files named by configs, watched as `.reportlintrc.json` files are: a change re-reads the configs. */
  const watchedTermNames = new Set<string>();
  function watchTermFiles(files: string[]): void {
    if (!watcherRegistration) return;
    for (const f of files) {
      // by name anywhere in the workspace (a plain glob every client understands); a glob character in it becomes '?'
      const name = f.slice(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1).replace(/[*?[\]{}!\\]/g, '?');
      if (!name || watchedTermNames.has(name)) continue;
      watchedTermNames.add(name);
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${name}` }] })
        .catch((e) => log(MessageType.Warning, `report-lint: could not watch the term file ${f}: ${errText(e)}`));
    }
  }

  function formatOf(doc: TextDocument, filename: string | undefined): SourceFormat {
    if (doc.languageId === 'markdown') return 'markdown';
    if (doc.languageId === 'plaintext') return 'text';
    return formatForFilename(filename);
  }

  // ——— Linting ———

  /** Per open document, kept across its lints: rules reuse work on the lines an edit left alone (LintMemo). */
  const memos = new Map<string, LintMemo>();
  function memoFor(uri: string): LintMemo {
    let m = memos.get(uri);
    if (!m) memos.set(uri, (m = new LintMemo()));
    return m;
  }

  /** Lints the current version of a document (or returns the cached result for it). Undefined when disabled or closed. */
  async function ensureEntry(uri: string): Promise<Entry | undefined> {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc || !settings.enable) return undefined;
    const lang = uiLangFor(settings);
    const { config: fileConfig, key: configKey } = await fileConfigFor(uri, lang);
    const key = `${generation}|${configKey}`;
    const cached = cache.get(uri);
    const text = doc.getText();
    // The version alone is not enough: the same version may come again with other text.
    if (cached && cached.version === doc.version && cached.key === key && cached.text === text) return cached;

    const filename = filePathOf(uri) ?? decodeURIComponentSafe(uri);
    const lintOptions: LintOptions = {
      filename,
      format: formatOf(doc, filename),
      config: mergeConfigs(fileConfig, settingsConfig(settings)),
      rules,
      memo: memoFor(uri),
    };
    const result = lint(text, lintOptions);
    const docsHref = docsHrefFor(settings);
    const diagnostics = reuseUnchanged(
      cached?.lang === lang ? cached.diagnostics : undefined,
      result.findings.map((f) => toDiagnostic(doc, f, lang, docsHref, diagnosticData)),
    );
    const entry: Entry = { uri, version: doc.version, text, serial: ++entrySerial, key, result, diagnostics, lang, settings, lintOptions };
    cache.set(uri, entry);
    latest = entry;
    afterLint(entry, filename);
    return entry;
  }

  function decodeURIComponentSafe(s: string): string {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }

  function afterLint(entry: Entry, filename: string): void {
    const { result, lang } = entry;
    for (const e of result.internalErrors) {
      if (shownOnce.has(`internal\0${e.ruleId}`)) continue;
      log(MessageType.Error, `report-lint: internal error in rule ${e.ruleId}: ${e.message}`);
      showOnce(
        `internal\0${e.ruleId}`,
        MessageType.Warning,
        t(
          lang,
          `report-lint：规则 ${e.ruleId} 内部出错，已跳过（${e.message}）。其他规则照常检查。`,
          `report-lint: internal error in rule ${e.ruleId}; it was skipped (${e.message}). The other rules still run.`,
        ),
      );
    }
    if (result.skipped) {
      showOnce(
        `skipped\0${entry.uri}\0${result.skipped}`,
        MessageType.Info,
        t(lang, `report-lint 未检查 ${baseName(filename)}（skipped: ${result.skipped}）`, `report-lint skipped ${baseName(filename)}: ${result.skipped}`),
      );
    }
    const count: PlaceholderCountParams = { uri: entry.uri, count: result.placeholders, version: entry.version };
    void connection.sendNotification(PlaceholderCountNotification, count);
  }

  /**
   * Push mode: lints after the debounce and publishes. Work is coalesced per document (#12): an edit only marks the
   * document dirty; one loop per document lints whatever version is current once the edits already received have
   * been read, and waits for the diagnostics to be written before it lints again. With `debounceMs: 0` and a client
   * that sends edits faster than a lint takes, the server therefore holds one lint and one publish per document,
   * never one per edit.
   */
  function schedule(uri: string, reason: 'open' | 'change' | 'save' | 'refresh'): void {
    if (pullMode) return;
    const seq = (scheduleSeq.get(uri) ?? 0) + 1;
    scheduleSeq.set(uri, seq);
    const pending = timers.get(uri);
    if (pending) {
      clearTimeout(pending);
      timers.delete(uri);
    }
    settingsFor(uri)
      .then((settings) => {
        if (scheduleSeq.get(uri) !== seq) return; // a newer change is on its way
        if (!settings.enable) {
          void connection.sendDiagnostics({ uri, diagnostics: [] });
          return;
        }
        if (reason === 'change' && settings.run === 'onSave') return;
        if (!documents.get(uri)) return;
        const delay = reason === 'change' ? settings.debounceMs : 0;
        const run = () => {
          timers.delete(uri);
          requestLint(uri);
        };
        if (delay > 0) timers.set(uri, setTimeout(run, delay));
        else run();
      })
      .catch((e) => log(MessageType.Error, `report-lint: scheduling failed for ${uri}: ${errText(e)}`));
  }

  interface PushState {
    running: boolean;
    dirty: boolean;
  }
  const pushStates = new Map<string, PushState>();
  /** Bumped by every didOpen and didChange as it is read: tells whether the client's queued edits are all in. */
  let edits = 0;

  function requestLint(uri: string): void {
    let st = pushStates.get(uri);
    if (!st) {
      st = { running: false, dirty: false };
      pushStates.set(uri, st);
    }
    st.dirty = true;
    if (!st.running) void lintLoop(uri, st);
  }


  /** Resolves once a turn of the event loop passed without a new edit (at most ~1,000 turns: a steady stream still gets linted). */
  async function editsSettled(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const seen = edits;
      await nextTurn();
      if (edits === seen) return;
    }
  }

  async function lintLoop(uri: string, st: PushState): Promise<void> {
    st.running = true;
    try {
      while (st.dirty && pushStates.get(uri) === st) {
        await editsSettled();
        st.dirty = false;
        await publish(uri, st);
      }
    } finally {
      st.running = false;
    }
    try {
      host.onIdle?.();
    } catch {
      // housekeeping only
    }
    warmUp.poke();
  }

  /** Lints running (push) or waiting for their debounce: the warm-up keeps out of their way. */
  function busy(): boolean {
    if (timers.size > 0 || pulling > 0) return true;
    for (const st of pushStates.values()) if (st.running) return true;
    return false;
  }
  let pulling = 0;

  /**
   * One warm-up job: the latest document linted again, its diagnostics made and, over stdio, encoded, as an edit
   * does it; nothing is kept or sent. Long documents are cut to their first WARM_UP_MAX characters (at a line
   * break): the same code runs, and no step takes long.
   */
  function* warmUpJob(entry: Entry): Generator<void, void, void> {
    let text = entry.text;
    if (text.length > WARM_UP_MAX) {
      const cut = text.lastIndexOf('\n', WARM_UP_MAX);
      text = text.slice(0, cut > 0 ? cut : WARM_UP_MAX);
    }
    const result = yield* lintSteps(text, entry.lintOptions);
    const doc = TextDocument.create(entry.uri, 'plaintext', entry.version, text);
    const docsHref = docsHrefFor(entry.settings);
    const batch: Diagnostic[] = [];
    let from = 0;
    for (const f of result.findings) {
      batch.push(toDiagnostic(doc, f, entry.lang, docsHref, diagnosticData));
      if (batch.length === 256) {
        // as an edit keeps the diagnostics that did not change (all of them here: the same text)
        reuseUnchanged(entry.diagnostics.slice(from), batch);
        from += batch.length;
        host.rehearseSend?.({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: entry.uri, version: entry.version, diagnostics: batch } });
        batch.length = 0;
        yield;
      }
    }
  }

  const warmUp = createWarmUp({
    job: () => (latest && !latest.result.skipped && documents.get(latest.uri) ? warmUpJob(latest) : undefined),
    busy,
    activity: () => edits,
    now: clock,
    yieldTurn: (fn) => void nextTurn().then(fn),
    afterJobs: () => host.onIdle?.(),
    onDone: (s) => log(MessageType.Log, `report-lint: engine warmed up in idle time (${s.jobs} lints, ${Math.round(s.spentMs)} ms)`),
  });

  async function publish(uri: string, st: PushState): Promise<void> {
    try {
      if (!documents.get(uri)) return;
      const entry = await ensureEntry(uri);
      const now = documents.get(uri);
      if (!now || pushStates.get(uri) !== st) return;
      if (!entry) {
        await connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      // Never publish results for a text the editor no longer shows: the loop lints the new one.
      if (now.version !== entry.version || now.getText() !== entry.text) {
        st.dirty = true;
        return;
      }
      // Waiting for the write keeps a client that reads slowly from piling diagnostics up in the server.
      await connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics });
    } catch (e) {
      log(MessageType.Error, `report-lint: linting ${uri} failed: ${errText(e)}`);
    }
  }

  /** Settings or config files changed: everything is linted again. */
  function refreshAll(): void {
    generation++;
    cache.clear();
    if (pullMode) {
      if (refreshSupport) connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) schedule(doc.uri, 'refresh');
  }

  // ——— Handler safety: bad params get InvalidParams, exceptions become a logged InternalError ———

  function invalid(message: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, message);
  }

  function requireUri(params: unknown, method: string): string {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== 'string' || uri.length === 0) throw invalid(`${method}: params.textDocument.uri must be a string`);
    return uri;
  }

  function isPosition(p: unknown): p is Position {
    const q = p as Position | null;
    return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
  }

  function isRange(r: unknown): r is Range {
    const q = r as Range | null;
    return !!q && isPosition(q.start) && isPosition(q.end);
  }

  function guard<P, R>(method: string, fn: (params: P, token: CancellationToken) => Promise<R> | R) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<any>> => {
      try {
        return await fn(params, token);
      } catch (e) {
        if (e instanceof ResponseError) return e;
        log(MessageType.Error, `report-lint: ${method} failed: ${errText(e)}`);
        return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }

  function guardNotification<P>(method: string, fn: (params: P) => void | Promise<void>) {
    return (params: P): void => {
      try {
        const r = fn(params);
        if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((e) => log(MessageType.Error, `report-lint: ${method} failed: ${errText(e)}`));
      } catch (e) {
        log(MessageType.Error, `report-lint: ${method} failed: ${errText(e)}`);
      }
    };
  }

  // ——— Lifecycle ———

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    pullMode = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationSupport = !!caps.workspace?.configuration;
    watcherRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    configChangeRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    locale = params.locale;
    const init = params.initializationOptions as (ClientInitOptions & { ruleDocsCommand?: unknown; commands?: unknown }) | undefined;
    if (init && typeof init === 'object' && init.settings !== undefined) pushedSettings = init.settings;
    if (init && typeof init === 'object' && typeof init.ruleDocsCommand === 'string' && /^[\w.-]+$/.test(init.ruleDocsCommand)) {
      ruleDocsCommand = init.ruleDocsCommand;
    }
    if (init && typeof init === 'object' && init.diagnosticData === true) diagnosticData = true;
    host.onInitialize?.(init && typeof init === 'object' ? init : undefined);
    if (init && typeof init === 'object' && Array.isArray(init.commands)) {
      for (const c of init.commands) if (typeof c === 'string') clientCommands.add(c);
    }
    const resolveSupport = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    codeActionResolve = resolveSupport;
    fixAllByCommand = !resolveSupport && !!caps.workspace?.applyEdit;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: resolveSupport,
        },
        documentSymbolProvider: { label: 'report-lint' },
        foldingRangeProvider: true,
        hoverProvider: true,
        ...(fixAllByCommand ? { executeCommandProvider: { commands: [FIX_ALL_COMMAND] } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'report-lint', version: SERVER_VERSION },
    };
    if (pullMode) {
      result.capabilities.diagnosticProvider = { identifier: 'report-lint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });


  connection.onInitialized(() => {
    if (watcherRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.reportlintrc.json' }] })
        .catch((e) => log(MessageType.Warning, `report-lint: could not watch .reportlintrc.json files: ${errText(e)}`));
    }
    if (configChangeRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(
    guardNotification('workspace/didChangeConfiguration', (params) => {
      const s = (params as { settings?: { reportLint?: unknown } } | null)?.settings;
      if (!configurationSupport && s && typeof s === 'object' && 'reportLint' in s) pushedSettings = s.reportLint;
      settingsCache.clear();
      loggedSettingProblems.clear();
      refreshAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification('workspace/didChangeWatchedFiles', () => {
      parsedConfigs.clear();
      host.configFilesChanged?.();
      refreshAll();
    }),
  );

  // TextDocuments fires onDidOpen, then onDidChangeContent for the same version.
  const justOpened = new Set<string>();

  documents.onDidOpen((e) => {
    edits++;
    savedVersion.set(e.document.uri, e.document.version);
    justOpened.add(e.document.uri);
  });

  documents.onDidChangeContent((e) => {
    edits++;
    try {
      schedule(e.document.uri, justOpened.delete(e.document.uri) ? 'open' : 'change');
    } catch (err) {
      log(MessageType.Error, `report-lint: didChange failed: ${errText(err)}`);
    }
  });

  documents.onDidSave((e) => {
    try {
      savedVersion.set(e.document.uri, e.document.version);
      if (pullMode) {
        // The client pulls on save itself; with run=onSave a refresh makes it pull the saved version.
        return;
      }
      schedule(e.document.uri, 'save');
    } catch (err) {
      log(MessageType.Error, `report-lint: didSave failed: ${errText(err)}`);
    }
  });

  documents.onDidClose((e) => {
    try {
      const uri = e.document.uri;
      const pending = timers.get(uri);
      if (pending) clearTimeout(pending);
      timers.delete(uri);
      scheduleSeq.set(uri, (scheduleSeq.get(uri) ?? 0) + 1);
      pushStates.delete(uri);
      cache.delete(uri);
      memos.delete(uri);
      if (latest?.uri === uri) latest = undefined;
      settingsCache.delete(uri);
      savedVersion.delete(uri);
      lastPulled.delete(uri);
      justOpened.delete(uri);
      if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
    } catch (err) {
      log(MessageType.Error, `report-lint: didClose failed: ${errText(err)}`);
    }
  });

  // ——— Pull diagnostics ———

  connection.languages.diagnostics.on(
    guard('textDocument/diagnostic', async (params, token): Promise<DocumentDiagnosticReport> => {
      const uri = requireUri(params, 'textDocument/diagnostic');
      const doc = documents.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const settings = await settingsFor(uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
      if (!settings.enable) {
        lastPulled.delete(uri);
        return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      const prev = lastPulled.get(uri);
      if (settings.run === 'onSave' && savedVersion.get(uri) !== doc.version && prev) {
        // Not saved yet: keep what the client shows until the next save.
        if (params.previousResultId === prev.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: prev.resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId: prev.resultId, items: prev.items };
      }
      let entry: Entry | undefined;
      pulling++;
      try {
        entry = await ensureEntry(uri);
      } finally {
        pulling--;
        warmUp.poke();
      }
      if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${entry.version}|${entry.serial}`;
      lastPulled.set(uri, { resultId, items: entry.diagnostics });
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: entry.diagnostics };
    }),
  );


  // ——— Code actions ———

  /** The entry for the document's current version, or undefined (closed, disabled, skipped). */
  async function currentEntry(uri: string): Promise<{ doc: TextDocument; entry: Entry } | undefined> {
    const entry = await ensureEntry(uri);
    const doc = documents.get(uri);
    if (!entry || !doc || doc.version !== entry.version || doc.getText() !== entry.text || !entry.result.doc) return undefined;
    return { doc, entry };
  }

  function offsetsOf(doc: TextDocument, r: Range): [number, number] {
    const a = doc.offsetAt(r.start);
    const b = doc.offsetAt(r.end);
    return a <= b ? [a, b] : [b, a];
  }

  /** The edit of "fix all" (of one rule, or of every rule), computed once per lint result. */
  function fixRuleEdit(doc: TextDocument, entry: Entry, ruleId?: string): WorkspaceEdit | undefined {
    const key = ruleId ?? '';
    entry.fixEdits ??= new Map();
    if (entry.fixEdits.has(key)) return entry.fixEdits.get(key);
    const text = doc.getText();
    const { output } = fixText(text, entry.lintOptions, ruleId ? [ruleId] : undefined);
    const e = minimalEdit(text, output);
    const edit = e ? versionedEdit(doc, [e]) : undefined;
    entry.fixEdits.set(key, edit);
    return edit;
  }

  function fixableByRule(entry: Entry): Map<string, number> {
    if (!entry.fixable) {
      entry.fixable = new Map();
      for (const f of entry.result.findings) if (f.fix) entry.fixable.set(f.ruleId, (entry.fixable.get(f.ruleId) ?? 0) + 1);
    }
    return entry.fixable;
  }

  /**
   * A "fix all" action. Its edit costs whole lints (fixText), so it is computed only when chosen where the client
   * can ask for that: on codeAction/resolve, or through FIX_ALL_COMMAND. Only a client that can do neither gets the
   * edit at once (cached per lint result).
   */
  function fixAllAction(title: string, kind: string, doc: TextDocument, entry: Entry, data: ResolveData, extra: Partial<CodeAction> = {}): CodeAction | undefined {
    if (codeActionResolve) return action(title, kind, undefined, { ...extra, data });
    if (fixAllByCommand) return action(title, kind, undefined, { ...extra, command: { title, command: FIX_ALL_COMMAND, arguments: [data] } });
    const edit = fixRuleEdit(doc, entry, data.ruleId);
    return edit ? action(title, kind, edit, { ...extra, data }) : undefined;
  }

  interface ResolveData {
    uri: string;
    version: number;
    /** Entry.serial of the result the action was offered on: the same version may carry other text later. */
    serial: number;
    ruleId?: string;
  }

  connection.onCodeAction(
    guard('textDocument/codeAction', async (params: CodeActionParams): Promise<CodeAction[]> => {
      const uri = requireUri(params, 'textDocument/codeAction');
      if (!isRange(params.range)) throw invalid('textDocument/codeAction: params.range must be a range');
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
      const cur = await currentEntry(uri);
      if (!cur) return [];
      const { doc, entry } = cur;
      const lang = entry.lang;
      const model = entry.result.doc!;
      const findings = entry.result.findings;
      const [from, to] = offsetsOf(doc, params.range);
      const actions: CodeAction[] = [];
      const fixable = fixableByRule(entry);

      if (kindWanted(CodeActionKind.QuickFix, only)) {
        const here: { f: Finding; i: number }[] = [];
        for (let i = 0; i < findings.length; i++) {
          const f = findings[i];
          if (f.offset > to) break; // sorted by offset
          if (f.endOffset >= from) here.push({ f, i });
        }
        const rulesHere: Finding[] = [];
        for (const { f, i } of here) {
          const diag = entry.diagnostics[i];
          if (f.fix) actions.push(action(quickFixTitle(f, lang), CodeActionKind.QuickFix, versionedEdit(doc, f.fix.edits), { diagnostics: [diag], isPreferred: true }));
          for (const s of f.suggestions ?? []) {
            const title = lang === 'en' ? s.title.en : s.title.zh;
            actions.push(action(title, CodeActionKind.QuickFix, versionedEdit(doc, s.edits), { diagnostics: [diag], isPreferred: false }));
          }
          if (!rulesHere.some((g) => g.ruleId === f.ruleId)) rulesHere.push(f);
        }
        for (const f of rulesHere) {
          const diags = here.filter((h) => h.f.ruleId === f.ruleId).map((h) => entry.diagnostics[h.i]);
          if ((fixable.get(f.ruleId) ?? 0) >= 2) {
            const data: ResolveData = { uri, version: doc.version, serial: entry.serial, ruleId: f.ruleId };
            const a = fixAllAction(fixRuleTitle(f.ruleId, lang), CodeActionKind.QuickFix, doc, entry, data, { diagnostics: diags });
            if (a) actions.push(a);
          }
        }
        // Placeholders: there is no right value to put in, so the actions move between them (client commands).
        const placeholderHere = here.find(({ f }) => f.ruleId === PLACEHOLDER_RULE);
        if (placeholderHere) {
          const diags = [entry.diagnostics[placeholderHere.i]];
          for (const [next, id] of [[true, ClientCommands.nextPlaceholder], [false, ClientCommands.previousPlaceholder]] as const) {
            if (!clientCommands.has(id)) continue;
            const title = placeholderNavTitle(next, lang);
            actions.push(action(title, CodeActionKind.QuickFix, undefined, { diagnostics: diags, command: { title, command: id } }));
          }
        }
        // One "add to allow list" for every rule with an `allow` option: the client edits .reportlintrc.json.
        if (clientCommands.has(ClientCommands.addToAllowList)) {
          const offered = new Set<string>();
          for (const { f, i } of here) {
            const value = f.allow ?? doc.getText().slice(f.offset, f.endOffset).trim();
            if (!allowRules.has(f.ruleId) || !value || offered.has(`${f.ruleId}\0${value}`)) continue;
            offered.add(`${f.ruleId}\0${value}`);
            const args: AddToAllowListArgs = { uri, ruleId: f.ruleId, value, severity: rulesById.get(f.ruleId)!.meta.severity };
            const title = allowListTitle(value, f.ruleId, lang);
            actions.push(action(title, CodeActionKind.QuickFix, undefined, { diagnostics: [entry.diagnostics[i]], command: { title, command: ClientCommands.addToAllowList, arguments: [args] } }));
          }
        }
        for (const f of rulesHere) {
          actions.push(action(disableLineTitle(f.ruleId, lang), CodeActionKind.QuickFix, versionedEdit(doc, [disableLineEdit(model, f)])));
        }
        for (const f of rulesHere) {
          actions.push(action(disableFileTitle(f.ruleId, lang), CodeActionKind.QuickFix, versionedEdit(doc, [disableFileEdit(model, f.ruleId)])));
        }
      }
      // Fix all: only offered when asked for a source action (or for everything) and something is fixable.
      if (fixable.size > 0 && kindWanted(FIX_ALL_KIND, only) && (only === undefined || only.some((o) => o.startsWith(CodeActionKind.Source)))) {
        const data: ResolveData = { uri, version: doc.version, serial: entry.serial };
        const a = fixAllAction(fixAllTitle(lang), FIX_ALL_KIND, doc, entry, data);
        if (a) actions.push(a);
      }
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    guard('codeAction/resolve', async (a: CodeAction): Promise<CodeAction> => {
      if (!a || typeof a !== 'object' || typeof a.title !== 'string') throw invalid('codeAction/resolve: params must be a code action');
      const data = a.data as ResolveData | undefined;
      if (a.edit || !data || typeof data.uri !== 'string') return a;
      const cur = await currentEntry(data.uri);
      // Computed on another version: no edit rather than a wrong one.
      if (!cur || cur.doc.version !== data.version || cur.entry.serial !== data.serial) return a;
      const edit = fixRuleEdit(cur.doc, cur.entry, data.ruleId);
      if (edit) a.edit = edit;
      return a;
    }),
  );

  connection.onExecuteCommand(
    guard('workspace/executeCommand', async (params: { command?: unknown; arguments?: unknown[] }) => {
      if (params?.command !== FIX_ALL_COMMAND) throw invalid(`workspace/executeCommand: unknown command ${String(params?.command)}`);
      const data = params.arguments?.[0] as ResolveData | undefined;
      if (!data || typeof data.uri !== 'string') throw invalid(`${FIX_ALL_COMMAND}: the argument must name a document`);
      const cur = await currentEntry(data.uri);
      // Offered on another text: nothing rather than a wrong edit.
      if (!cur || cur.doc.version !== data.version || cur.entry.serial !== data.serial) {
        const lang = cur?.entry.lang ?? 'zh';
        void connection.window.showWarningMessage(t(lang, 'report-lint：文档已更改，请重试。', 'report-lint: the document changed meanwhile; try again.'));
        return null;
      }
      const edit = fixRuleEdit(cur.doc, cur.entry, data.ruleId);
      if (edit) await connection.workspace.applyEdit({ label: 'report-lint', edit });
      return null;
    }),
  );

  // ——— Reading aids ———

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', async (params) => {
      const uri = requireUri(params, 'textDocument/documentSymbol');
      const cur = await currentEntry(uri);
      if (!cur) return [];
      return documentSymbols(cur.doc, cur.entry.result.doc!, cur.entry.lang);
    }),
  );

  connection.onFoldingRanges(
    guard('textDocument/foldingRange', async (params) => {
      const uri = requireUri(params, 'textDocument/foldingRange');
      const cur = await currentEntry(uri);
      if (!cur) return [];
      return foldingRanges(cur.entry.result.doc!);
    }),
  );

  connection.onHover(
    guard('textDocument/hover', async (params) => {
      const uri = requireUri(params, 'textDocument/hover');
      if (!isPosition(params.position)) throw invalid('textDocument/hover: params.position must be a position');
      const cur = await currentEntry(uri);
      if (!cur) return null;
      const o = cur.doc.offsetAt(params.position);
      const here = cur.entry.result.findings.filter((f) => (f.offset === f.endOffset ? f.offset === o : f.offset <= o && o < f.endOffset));
      return hoverFor(cur.doc, here, rulesById, cur.entry.lang, docsHrefFor(cur.entry.settings));
    }),
  );

  connection.onRequest(
    PlaceholdersRequest,
    guard(PlaceholdersRequest, async (params: PlaceholdersParams): Promise<PlaceholdersResult> => {
      const uri = (params as PlaceholdersParams | null)?.uri;
      if (typeof uri !== 'string') throw invalid(`${PlaceholdersRequest}: params.uri must be a string`);
      const cur = await currentEntry(uri);
      if (!cur) return { placeholders: [] };
      const placeholders = cur.entry.result.findings
        .filter((f) => f.ruleId === PLACEHOLDER_RULE && f.severity !== 'info')
        .map((f) => ({ range: { start: cur.doc.positionAt(f.offset), end: cur.doc.positionAt(f.endOffset) } }));
      return { placeholders };
    }),
  );

  connection.onRequest(
    CheckDocxRequest,
    guard(CheckDocxRequest, async (params: CheckDocxParams): Promise<CheckDocxResult> => {
      const uri = (params as CheckDocxParams | null)?.uri;
      if (typeof uri !== 'string') throw invalid(`${CheckDocxRequest}: params.uri must be a string`);
      const path = filePathOf(uri);
      if (!path) throw invalid(`${CheckDocxRequest}: ${uri} is not a file`);
      const settings = await settingsFor(uri);
      const lang = uiLangFor(settings);
      if (!host.checkDocx) return { skipped: t(lang, '此环境不能读取 Word 文档。', 'Word documents cannot be read here.') };
      const config = mergeConfigs((await fileConfigFor(uri, lang)).config, settingsConfig(settings));
      const docsHref = docsHrefFor(settings);
      return host.checkDocx(uri, path, !!params.trackChanges, { lang, config, rules, diagnostic: (doc, f) => toDiagnostic(doc, f, lang, docsHref) });
    }),
  );

  // ——— Overview: categories and the whole workspace ———

  connection.onRequest(
    CategoriesRequest,
    guard(CategoriesRequest, (): CategoriesResult => {
      const byId = new Map<string, CategoriesResult['categories'][number]>();
      const ruleCats: Record<string, string> = {};
      for (const r of rules) {
        const c = r.meta.category;
        if (!byId.has(c.id)) byId.set(c.id, { id: c.id, name: { zh: c.name.zh, en: c.name.en }, order: c.order });
        ruleCats[r.meta.id] = c.id;
      }
      const categories = [...byId.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
      return { categories, rules: ruleCats, allowRules: [...allowRules].sort() };
    }),
  );

  const yieldToMessages = nextTurn;

  /**
   * Checks every report under the folders, found as the CLI finds them (directory walk, .gitignore and
   * .reportlintignore), each with its own .reportlintrc.json and the folder's settings; an open document is checked as
   * the editor shows it. Yields between files so that a cancel ($/cancelRequest) is read at once.
   */
  connection.onRequest(
    CheckWorkspaceRequest,
    guard(CheckWorkspaceRequest, async (params: CheckWorkspaceParams, token): Promise<CheckWorkspaceResult> => {
      const folders = (params as CheckWorkspaceParams | null)?.folders;
      if (!Array.isArray(folders) || folders.some((f) => typeof f !== 'string')) throw invalid(`${CheckWorkspaceRequest}: params.folders must be an array of URIs`);
      const walk = host.workspace;
      if (!walk) throw new ResponseError(ErrorCodes.InternalError, 'checking the whole workspace needs the desktop (Node) language server');
      const jobs: { abs: string; display: string; skip?: string }[] = [];
      for (const folder of folders) {
        const dir = filePathOf(folder);
        if (!dir) continue;
        const settings = await settingsFor(folder);
        try {
          jobs.push(...walk.list(dir, uiLangFor(settings)));
        } catch (e) {
          log(MessageType.Warning, `report-lint: could not list the reports in ${dir}: ${errText(e)}`);
        }
      }
      const files: WorkspaceFileResult[] = [];
      const total = jobs.length;
      let last = 0;
      for (let i = 0; i < jobs.length; i++) {
        await yieldToMessages();
        if (token.isCancellationRequested) return { files, total, cancelled: true };
        const job = jobs[i];
        const uri = walk.uriOf(job.abs);
        const out: WorkspaceFileResult = { uri, display: job.display, rules: {} };
        files.push(out);
        if (job.skip !== undefined) {
          out.skipped = job.skip;
          continue;
        }
        const settings = await settingsFor(uri);
        if (!settings.enable) continue;
        const lang = uiLangFor(settings);
        const open = documents.get(uri);
        let text: string;
        let format: SourceFormat | undefined;
        if (open) {
          text = open.getText();
          format = formatOf(open, job.abs);
        } else {
          try {
            const read = await walk.read(job.abs, lang);
            if ('skipped' in read) {
              out.skipped = read.skipped;
              continue;
            }
            text = read.text;
            format = read.docx ? 'text' : formatForFilename(job.abs);
          } catch (e) {
            out.skipped = e instanceof Error ? e.message : String(e);
            continue;
          }
        }
        const config = mergeConfigs((await fileConfigFor(uri, lang)).config, settingsConfig(settings));
        const result = lint(text, { filename: job.abs, format, config, rules });
        if (result.skipped) {
          out.skipped = result.skipped;
          continue;
        }
        const lines = result.doc!.lines;
        for (const f of result.findings) {
          const r = out.rules[f.ruleId];
          if (r) r.count++;
          else {
            const s = lines.position(f.offset);
            const e = lines.position(f.endOffset);
            out.rules[f.ruleId] = { count: 1, first: { start: { line: s.line, character: s.column }, end: { line: e.line, character: e.column } } };
          }
        }
        const now = Date.now();
        if (now - last > 100 || i === jobs.length - 1) {
          last = now;
          void connection.sendNotification(CheckWorkspaceProgressNotification, { done: i + 1, total, display: job.display });
        }
      }
      return { files, total, cancelled: false };
    }),
  );

  documents.listen(connection);
  connection.listen();
}
