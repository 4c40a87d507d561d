// The VS Code extension, shared by its two entry points: client/node.ts starts the bundled language server
// (dist/server.js) over IPC, client/browser.ts (VS Code for the Web) in a web worker. It adds what LSP has no
// standard words for: the placeholder count in the status bar, "go to next/previous placeholder", "fix all",
// "restart", the bundled rule docs, "add to allow list", the proofreading overview and "check the whole workspace".
// Diagnostics (pull where the server offers it), code actions, symbols, folding and hover all come from the server.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  DiagnosticPullMode,
  State,
  type BaseLanguageClient,
  type LanguageClientOptions,
  type DocumentSelector,
} from 'vscode-languageclient';
import {
  PlaceholdersRequest,
  PlaceholderCountNotification,
  FixAllCodeActionKind,
  ClientCommands,
  CategoriesRequest,
  CheckWorkspaceRequest,
  CheckWorkspaceProgressNotification,
  type CategoriesResult,
  type CheckWorkspaceParams,
  type CheckWorkspaceProgressParams,
  type CheckWorkspaceResult,
  type ClientInitOptions,
  type PlaceholdersParams,
  type PlaceholdersResult,
  type PlaceholderCountParams,
  CheckDocxRequest,
  type CheckDocxParams,
  type CheckDocxResult,
  FindConfigRequest,
  type FindConfigParams,
  type FindConfigResult,
  ReadTermFileRequest,
  type ReadTermFileParams,
  type ReadTermFileResult,
} from '../server/protocol';
import { termFilePathProblem } from '../rules/terms-files';
import { withoutWorkspaceValues } from './trust';
import { Overview, OVERVIEW_VIEW } from './overview';
import { addToAllowList, configTarget } from './allow-list';

/** Where the extension runs: what differs between the desktop and VS Code for the Web. */
export interface ClientPlatform {
  /** VS Code for the Web: the server runs in a web worker, with no file system, Word documents or workspace walk. */
  web: boolean;
  /** The language client with its server (a Node process, or a web worker). */
  newClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
}

type LanguageClient = BaseLanguageClient;
let platform: ClientPlatform;

const SECTION = 'reportLint';

let client: LanguageClient | undefined;
let selector: DocumentSelector = [];
let statusItem: vscode.StatusBarItem;
let output: vscode.OutputChannel;
let configWatcher: vscode.FileSystemWatcher;
/** Placeholder count per document URI, as last reported by the server. */
const counts = new Map<string, number>();
let overview: Overview | undefined;
let extensionUri: vscode.Uri;
/** Progress of the running "check the whole workspace", fed by the server's notifications. */
let workspaceProgress: ((p: CheckWorkspaceProgressParams) => void) | undefined;

type Lang = 'zh' | 'en';

/**
 * Message language: "auto" follows the report, which is Chinese, whatever the editor's display language (as the
 * server decides, server/settings.ts resolveLang); "en" switches to English.
 */
function uiLang(resource?: vscode.Uri): Lang {
  const configured = vscode.workspace.getConfiguration(SECTION, resource).get<string>('language', 'auto');
  return configured === 'en' ? 'en' : 'zh';
}
const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** markdown and plaintext (saved files and untitled buffers), plus the user's extra languages and globs. */
function buildSelector(): DocumentSelector {
  const config = vscode.workspace.getConfiguration(SECTION);
  const languages = new Set(['markdown', 'plaintext']);
  for (const id of config.get<unknown[]>('additionalLanguages', [])) {
    if (typeof id === 'string' && id.trim()) languages.add(id.trim());
  }
  const result: DocumentSelector = [];
  // Files on disk, untitled buffers, and the files of a virtual workspace (vscode-vfs: on github.dev,
  // vscode-remote: in code-server's browser): the schemes of the workspace folders. Not git:, output: and the like.
  const schemes = new Set(['file']);
  for (const f of vscode.workspace.workspaceFolders ?? []) schemes.add(f.uri.scheme);
  for (const language of languages) {
    for (const scheme of schemes) result.push({ scheme, language });
    result.push({ scheme: 'untitled', language });
  }
  for (const pattern of config.get<unknown[]>('additionalFileGlobs', [])) {
    if (typeof pattern !== 'string' || !pattern.trim()) continue;
    for (const scheme of schemes) result.push({ scheme, pattern: pattern.trim() });
  }
  return result;
}

function matches(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(selector as vscode.DocumentSelector, doc) > 0;
}

/** The config file that applies to a document, read through workspace.fs (for a server without a file system). */
async function findConfig(params: FindConfigParams): Promise<FindConfigResult | null> {
  if (!params || typeof params.uri !== 'string') return null;
  const target = await configTarget(vscode.Uri.parse(params.uri));
  if (!target?.exists) return null;
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target.uri));
    return { uri: target.uri.toString(), text };
  } catch (err) {
    output.appendLine(`report-lint: could not read ${target.uri.toString()}: ${String(err)}`);
    return null;
  }
}

/**
 * A term file a config names (terms rule, `files`), read through workspace.fs for a server without a file system:
 * relative to the config's folder and inside it (the server checked the path; it is checked again here), at most
 * `cap` bytes. Never its content in an error.
 */
async function readTermFile(params: ReadTermFileParams): Promise<ReadTermFileResult | null> {
  if (!params || typeof params.config !== 'string' || typeof params.path !== 'string' || typeof params.cap !== 'number') return null;
  // the server's own check of the path, again here: relative, inside the config's folder, a term file's name
  if (termFilePathProblem(params.path)) return null;
  const segments = params.path.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  const config = vscode.Uri.parse(params.config);
  const folder = config.with({ path: config.path.replace(/\/[^/]*$/, '') || '/' });
  const uri = vscode.Uri.joinPath(folder, ...segments);
  const shown = uri.toString();
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.Directory) return { uri: shown, error: 'a folder, not a file' };
    if (st.size > params.cap) return { uri: shown, size: st.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > params.cap) return { uri: shown, size: bytes.length };
    try {
      return { uri: shown, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { uri: shown, error: 'NotUtf8' };
    }
  } catch (err) {
    return { uri: shown, error: err instanceof vscode.FileSystemError ? err.code : 'Unreadable' };
  }
}

async function createClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  selector = buildSelector();
  const initializationOptions: ClientInitOptions = {
    // rule links (the code in Problems, the hover's 规则说明) open the bundled docs in the Markdown preview
    ruleDocsCommand: ClientCommands.openRuleDocs,
    commands: [ClientCommands.nextPlaceholder, ClientCommands.previousPlaceholder, ClientCommands.addToAllowList],
    // nothing here reads diagnostics' data: leaving it out makes every edit's diagnostics a fifth smaller
    diagnosticData: false,
    // .reportlintrc.json for documents the server cannot read itself (web worker, virtual workspace): findConfig
    findConfig: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions,
    // the hover's rule link is a command: URI of this one command, nothing else
    markdown: { isTrusted: { enabledCommands: [ClientCommands.openRuleDocs] } },
    synchronize: {
      // The server reads these through workspace/configuration per folder; this also sends didChangeConfiguration.
      configurationSection: SECTION,
      fileEvents: configWatcher,
    },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // With "run": "onSave" there is no point pulling on every keystroke; the server also honours the setting.
      filter: (doc, mode) =>
        mode === DiagnosticPullMode.onType &&
        vscode.workspace.getConfiguration(SECTION, doc.uri).get<string>('run', 'onType') === 'onSave',
    },
    // Keep languageclient's default error handler: it restarts a crashed server (up to 4 times in 3 minutes).
    middleware: {
      // Restricted Mode: nothing may write the workspace's config, so "add to allow list" is not offered.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        if (!actions || vscode.workspace.isTrusted) return actions;
        return actions.filter((a) => {
          const command = a instanceof vscode.CodeAction ? a.command : (a as vscode.Command);
          return command?.command !== ClientCommands.addToAllowList;
        });
      },
      workspace: {
        // Restricted Mode: a workspace may not point the rule links somewhere else (docsBaseUrl); the server only
        // sees the user's own value. package.json lists the key in restrictedConfigurations as well.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return result.map((section, i) => {
            const item = params.items[i];
            if (item?.section !== SECTION) return section;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const config = vscode.workspace.getConfiguration(SECTION, scope);
            return withoutWorkspaceValues(section, false, (key) => config.inspect(key));
          });
        },
      },
    },
  };
  const c = await platform.newClient(context, clientOptions);
  c.onRequest(FindConfigRequest, findConfig);
  c.onRequest(ReadTermFileRequest, readTermFile);
  c.onNotification(PlaceholderCountNotification, (p: PlaceholderCountParams) => {
    if (!p || typeof p.uri !== 'string' || typeof p.count !== 'number') return;
    counts.set(p.uri, p.count);
    if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) void updateStatus();
  });
  c.onNotification(CheckWorkspaceProgressNotification, (p: CheckWorkspaceProgressParams) => workspaceProgress?.(p));
  c.onDidChangeState((e) => {
    if (e.newState === State.Stopped) counts.clear();
    if (e.newState === State.Running) overview?.reset();
    void updateStatus();
  });
  return c;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  try {
    client = await createClient(context);
    await client.start();
  } catch (err) {
    output.appendLine(`report-lint: the language server did not start: ${String(err)}`);
    void vscode.window.showErrorMessage(
      t(uiLang(), `report-lint 语言服务器启动失败：${String(err)}`, `report-lint: the language server did not start: ${String(err)}`),
    );
  }
  void updateStatus();
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  counts.clear();
  if (c && c.needsStop()) {
    try {
      await c.stop(5000);
    } catch (err) {
      output.appendLine(`report-lint: stopping the server failed: ${String(err)}`);
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stopClient();
  await startClient(context);
}

async function placeholdersOf(doc: vscode.TextDocument): Promise<PlaceholdersResult | undefined> {
  if (!client || !client.isRunning()) return undefined;
  const params: PlaceholdersParams = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
  try {
    return await client.sendRequest<PlaceholdersResult>(PlaceholdersRequest, params);
  } catch (err) {
    output.appendLine(`report-lint: ${PlaceholdersRequest} failed: ${String(err)}`);
    return undefined;
  }
}

async function updateStatus(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  if (!doc || !client || !matches(doc) || !vscode.workspace.getConfiguration(SECTION, doc.uri).get('enable', true)) {
    statusItem.hide();
    return;
  }
  const key = doc.uri.toString();
  let count = counts.get(key);
  if (count === undefined && client.isRunning()) {
    // No notification yet for this document (e.g. just switched to it): ask.
    const result = await placeholdersOf(doc);
    if (result && Array.isArray(result.placeholders)) {
      count = result.placeholders.length;
      if (!counts.has(key)) counts.set(key, count);
    }
    if (vscode.window.activeTextEditor?.document !== doc) return; // the user moved on meanwhile
  }
  const lang = uiLang(doc.uri);
  if (count === undefined) {
    statusItem.hide();
    return;
  }
  if (count > 0) {
    statusItem.text = t(lang, `$(warning) 待补充 ${count}`, `$(warning) ${count} ${count === 1 ? 'placeholder' : 'placeholders'}`);
    statusItem.tooltip = t(lang, `本文还有 ${count} 处占位符待补充（如 X亿元）。点击跳到下一处。`, `${count} placeholders left to fill in (e.g. X亿元). Click to go to the next one.`);
  } else {
    statusItem.text = t(lang, '$(check) 无待补充', '$(check) No placeholders');
    statusItem.tooltip = t(lang, '本文没有占位符。', 'No placeholders left in this document.');
  }
  statusItem.show();
}

async function goToPlaceholder(next: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const lang = uiLang(editor.document.uri);
  if (!client || !client.isRunning() || !matches(editor.document)) {
    void vscode.window.showInformationMessage(t(lang, 'report-lint 未检查此文档。', 'report-lint is not checking this document.'));
    return;
  }
  const result = await placeholdersOf(editor.document);
  const ranges = (result?.placeholders ?? [])
    .map((p) => client!.protocol2CodeConverter.asRange(p.range))
    .sort((a, b) => a.start.compareTo(b.start));
  counts.set(editor.document.uri.toString(), ranges.length);
  void updateStatus();
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage(t(lang, '本文没有占位符。', 'No placeholders left in this document.'));
    return;
  }
  // Next: the first placeholder starting after the selection's start; previous: the last one starting before it.
  // Both wrap around at the ends of the document.
  const from = editor.selection.start;
  const target = next
    ? (ranges.find((r) => r.start.isAfter(from)) ?? ranges[0])
    : ([...ranges].reverse().find((r) => r.start.isBefore(from)) ?? ranges[ranges.length - 1]);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const lang = uiLang(doc.uri);
  if (!client || !client.isRunning() || !matches(doc)) {
    void vscode.window.showInformationMessage(t(lang, 'report-lint 未检查此文档。', 'report-lint is not checking this document.'));
    return;
  }
  const version = doc.version;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      FixAllCodeActionKind,
      10, // resolve lazily computed edits
    )) ?? [];
  const kind = vscode.CodeActionKind.Source.append('fixAll').append('report-lint');
  const action = actions.find((a) => a.kind && kind.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage(t(lang, '没有可自动修复的问题。', 'Nothing to fix automatically.'));
    return;
  }
  // Never apply edits computed for another version of the text.
  if (doc.version !== version) {
    void vscode.window.showWarningMessage(t(lang, '文档已更改，请重试。', 'The document changed meanwhile; try again.'));
    return;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(t(lang, '修复未能应用。', 'The fixes could not be applied.'));
    return;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

// ——— Word documents: a read-only view of the text read from a .docx, its findings in Problems, the reviewed copy ———

const DOCX_SCHEME = 'report-lint-docx';
/** Text read from each checked .docx, by the URI of its read-only view. */
const docxTexts = new Map<string, string>();
const docxChanged = new vscode.EventEmitter<vscode.Uri>();
let docxDiagnostics: vscode.DiagnosticCollection;

/** The .docx to check: the one given (explorer menu), the active tab's, or one picked from the workspace. */
async function pickDocx(lang: Lang, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given && /\.docx$/i.test(given.path)) return given;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  if (input?.uri && /\.docx$/i.test(input.uri.path) && input.uri.scheme === 'file') return input.uri;
  const found = (await vscode.workspace.findFiles('**/*.docx', '**/node_modules/**', 500)).filter((u) => !/\.reviewed(-\d+)?\.docx$/i.test(u.path));
  if (found.length === 0) {
    void vscode.window.showInformationMessage(t(lang, '工作区中没有 .docx 文件。', 'There is no .docx file in the workspace.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    found.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
    { placeHolder: t(lang, '选择要检查的 Word 文档', 'Pick the Word document to check') },
  );
  return picked?.uri;
}

async function checkDocx(given?: vscode.Uri): Promise<void> {
  const lang = uiLang(given);
  if (platform.web) {
    void vscode.window.showInformationMessage(t(lang, 'VS Code 网页版中不能检查 Word 文档，请使用桌面版 VS Code 或命令行。', 'Word documents cannot be checked in VS Code for the Web: use desktop VS Code or the command line.'));
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showInformationMessage(t(lang, 'report-lint 语言服务器未运行。', 'The report-lint language server is not running.'));
    return;
  }
  const uri = await pickDocx(lang, given);
  if (!uri) return;
  const params: CheckDocxParams = { uri: uri.toString() };
  const result = await client.sendRequest<CheckDocxResult>(CheckDocxRequest, params);
  const name = vscode.workspace.asRelativePath(uri);
  if (result.skipped !== undefined) {
    void vscode.window.showWarningMessage(t(lang, `report-lint 未检查 ${name}：${result.skipped}`, `report-lint did not check ${name}: ${result.skipped}`));
    return;
  }
  // the read-only view: the document's text as checked, one line per paragraph
  const view = vscode.Uri.from({ scheme: DOCX_SCHEME, path: `${uri.path}.txt` });
  docxTexts.set(view.toString(), result.text ?? '');
  docxChanged.fire(view);
  const diagnostics = await client.protocol2CodeConverter.asDiagnostics((result.diagnostics ?? []) as Parameters<typeof client.protocol2CodeConverter.asDiagnostics>[0]);
  docxDiagnostics.set(view, diagnostics);
  const doc = await vscode.workspace.openTextDocument(view);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (result.reviewed) {
    const copy = vscode.workspace.asRelativePath(result.reviewed);
    void vscode.window.showInformationMessage(
      t(lang, `${name}：${diagnostics.length} 个问题；已写出审阅副本 ${copy}（${result.comments ?? 0} 条批注）。`, `${name}: ${diagnostics.length} problem(s); wrote the reviewed copy ${copy} (${result.comments ?? 0} comments).`),
    );
  } else if (result.reviewError) {
    void vscode.window.showWarningMessage(t(lang, `未能写出审阅副本：${result.reviewError}`, `Could not write the reviewed copy: ${result.reviewError}`));
  }
}

let overviewTimer: ReturnType<typeof setTimeout> | undefined;
/** Diagnostics arrive on every keystroke: the overview is redrawn at most every 300 ms. */
function scheduleOverview(): void {
  if (overviewTimer) return;
  overviewTimer = setTimeout(() => {
    overviewTimer = undefined;
    overview?.refresh();
  }, 300);
}

/** Opens docs/rules/<id>.md bundled with the extension in the Markdown preview (the rule links run this). */
async function openRuleDocs(ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (id === undefined) {
    // From the Command Palette: pick a rule.
    const files = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'docs', 'rules')).then(
      (entries) => entries.map(([name]) => name).filter((n) => n.endsWith('.md') && n !== 'README.md').map((n) => n.slice(0, -3)).sort(),
      () => [] as string[],
    );
    id = await vscode.window.showQuickPick(files, { placeHolder: t(uiLang(), '选择规则', 'Pick a rule') });
    if (!id) return;
  }
  if (!/^[a-z0-9-]+$/.test(id)) return;
  const uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(t(uiLang(), `没有规则 ${id} 的说明。`, `There is no documentation for the rule ${id}.`));
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // no Markdown preview (the built-in extension disabled): the page as text, read-only
    await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}

async function loadCategories(): Promise<CategoriesResult | undefined> {
  if (!client || !client.isRunning()) return undefined;
  try {
    return await client.sendRequest<CategoriesResult>(CategoriesRequest, {});
  } catch (err) {
    output.appendLine(`report-lint: ${CategoriesRequest} failed: ${String(err)}`);
    return undefined;
  }
}

/** "检查整个工作区": the server walks the folders as the CLI does; progress in a notification, with a cancel button. */
async function checkWorkspace(): Promise<CheckWorkspaceResult | undefined> {
  const lang = uiLang();
  if (platform.web) {
    void vscode.window.showInformationMessage(t(lang, 'VS Code 网页版中不能检查整个工作区，请使用桌面版 VS Code 或命令行（report-lint .）。', 'Checking the whole workspace is not available in VS Code for the Web: use desktop VS Code or the command line (report-lint .).'));
    return undefined;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (!client || !client.isRunning() || folders.length === 0) {
    void vscode.window.showInformationMessage(t(lang, '没有可检查的文件夹。', 'There is no folder to check.'));
    return undefined;
  }
  const c = client;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t(lang, 'report-lint：检查整个工作区', 'report-lint: checking the whole workspace'), cancellable: true },
    async (progress, token) => {
      let reported = 0;
      workspaceProgress = (p) => {
        const pct = p.total ? (100 * p.done) / p.total : 100;
        progress.report({ message: `${p.done}/${p.total}${p.display ? ` · ${p.display}` : ''}`, increment: pct - reported });
        reported = pct;
      };
      try {
        const params: CheckWorkspaceParams = { folders: folders.map((f) => c.code2ProtocolConverter.asUri(f.uri)) };
        return await c.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequest, params, token);
      } catch (err) {
        if (!token.isCancellationRequested) {
          output.appendLine(`report-lint: ${CheckWorkspaceRequest} failed: ${String(err)}`);
          void vscode.window.showErrorMessage(t(lang, `检查工作区失败：${String(err)}`, `Checking the workspace failed: ${String(err)}`));
        }
        return undefined;
      } finally {
        workspaceProgress = undefined;
      }
    },
  );
  if (result) {
    overview?.setWorkspace(result);
    void vscode.commands.executeCommand(`${OVERVIEW_VIEW}.focus`);
  }
  return result;
}

export async function activateWith(context: vscode.ExtensionContext, where: ClientPlatform): Promise<void> {
  platform = where;
  extensionUri = context.extensionUri;
  overview = new Overview(() => uiLang(), (doc) => matches(doc), loadCategories, !where.web);
  docxDiagnostics = vscode.languages.createDiagnosticCollection('report-lint-docx');
  context.subscriptions.push(
    docxDiagnostics,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, {
      onDidChange: docxChanged.event,
      provideTextDocumentContent: (u) => docxTexts.get(u.toString()) ?? '',
    }),
    vscode.commands.registerCommand(ClientCommands.checkDocx, checkDocx),
  );
  output = vscode.window.createOutputChannel('report-lint');
  configWatcher = vscode.workspace.createFileSystemWatcher('**/.reportlintrc.json');
  statusItem = vscode.window.createStatusBarItem('reportLint.placeholders', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'report-lint';
  statusItem.command = ClientCommands.nextPlaceholder;
  context.subscriptions.push(
    output,
    configWatcher,
    statusItem,
    vscode.commands.registerCommand(ClientCommands.restartServer, () => restart(context)),
    vscode.commands.registerCommand(ClientCommands.nextPlaceholder, () => goToPlaceholder(true)),
    vscode.commands.registerCommand(ClientCommands.previousPlaceholder, () => goToPlaceholder(false)),
    vscode.commands.registerCommand(ClientCommands.openRuleDocs, openRuleDocs),
    vscode.commands.registerCommand(ClientCommands.addToAllowList, (args: unknown) =>
      addToAllowList(args, uiLang(), (uri, created) => {
        // tell the server at once (the file watcher does too, a moment later)
        if (client?.isRunning()) {
          void client.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: client.code2ProtocolConverter.asUri(uri), type: created ? 1 : 2 }],
          });
        }
      }),
    ),
    vscode.commands.registerCommand(ClientCommands.checkWorkspace, checkWorkspace),
    vscode.commands.registerCommand(ClientCommands.refreshOverview, () => overview?.refresh()),
    vscode.window.registerTreeDataProvider(OVERVIEW_VIEW, overview),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const shown = overview?.documentUri?.toString();
      if (shown && e.uris.some((u) => u.toString() === shown)) scheduleOverview();
    }),
    vscode.commands.registerCommand(ClientCommands.fixAll, fixAll),
    vscode.window.onDidChangeActiveTextEditor(() => {
      void updateStatus();
      scheduleOverview();
    }),
    // Trust granted: the workspace's own values now apply; the server reads the settings again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => counts.delete(doc.uri.toString())),
    // The document selector names the workspace folders' schemes: a folder of another scheme needs a new client.
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (JSON.stringify(buildSelector()) !== JSON.stringify(selector)) void restart(context);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: changing it needs a restart.
      if (e.affectsConfiguration(`${SECTION}.additionalLanguages`) || e.affectsConfiguration(`${SECTION}.additionalFileGlobs`)) {
        void restart(context);
      } else if (e.affectsConfiguration(SECTION)) {
        void updateStatus();
        scheduleOverview();
      }
    }),
    { dispose: () => void stopClient() },
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
