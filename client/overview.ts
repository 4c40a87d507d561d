// The proofreading overview (a tree view in report-lint's side bar): findings counted by category (占位符, 标题序号,
// 年份…, from the rule metadata, so a new rule appears by itself) for the open report, from the diagnostics VS Code
// holds, and for the whole workspace, from the last "check the whole workspace". Each count opens its findings.
import * as vscode from 'vscode';
import type { CategoriesResult, CategoryInfo, CheckWorkspaceResult, LspRange } from '../server/protocol';

type Lang = 'zh' | 'en';
const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

type Scope = 'document' | 'workspace';
type Node =
  | { kind: 'scope'; scope: Scope }
  | { kind: 'category'; scope: Scope; cat: CategoryInfo; count: number }
  | { kind: 'finding'; uri: vscode.Uri; diag: vscode.Diagnostic }
  | { kind: 'file'; uri: vscode.Uri; display: string; count: number; first: LspRange }
  | { kind: 'action'; label: string; command: string };

export const OVERVIEW_VIEW = 'reportLint.overview';
const SOURCE = 'report-lint';
/** Findings listed under one category of the open report (the count still says how many there are). */
const MAX_LISTED = 500;

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  return typeof d.code === 'object' && d.code ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined;
}

const before = (a: LspRange['start'], b: LspRange['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class Overview implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private categories?: CategoriesResult;
  private workspace?: CheckWorkspaceResult;
  /** The report the "open report" part shows: the active editor's, or the last one that was active. */
  private document?: vscode.Uri;

  constructor(
    private readonly lang: () => Lang,
    private readonly isReport: (doc: vscode.TextDocument) => boolean,
    private readonly loadCategories: () => Promise<CategoriesResult | undefined>,
    /** False in VS Code for the Web: the workspace walk needs the desktop (Node) language server. */
    private readonly canCheckWorkspace = true,
  ) {}

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.isReport(editor.document)) this.document = editor.document.uri;
    this.emitter.fire(undefined);
  }

  /** Forget the categories (the server restarted). */
  reset(): void {
    this.categories = undefined;
    this.refresh();
  }

  setWorkspace(result: CheckWorkspaceResult | undefined): void {
    this.workspace = result;
    this.emitter.fire(undefined);
  }

  get documentUri(): vscode.Uri | undefined {
    return this.document;
  }

  private async cats(): Promise<CategoriesResult | undefined> {
    if (!this.categories) this.categories = await this.loadCategories();
    return this.categories;
  }

  private documentDiagnostics(): vscode.Diagnostic[] {
    if (!this.document) return [];
    return vscode.languages.getDiagnostics(this.document).filter((d) => d.source === SOURCE);
  }

  /** Counts per category of the open report (or the workspace): category id → count. */
  countsOf(scope: Scope, cats: CategoriesResult): Map<string, number> {
    const counts = new Map<string, number>();
    if (scope === 'document') {
      for (const d of this.documentDiagnostics()) {
        const cat = cats.rules[ruleOf(d) ?? ''];
        if (cat) counts.set(cat, (counts.get(cat) ?? 0) + 1);
      }
    } else {
      for (const f of this.workspace?.files ?? []) {
        for (const [rule, r] of Object.entries(f.rules)) {
          const cat = cats.rules[rule];
          if (cat) counts.set(cat, (counts.get(cat) ?? 0) + r.count);
        }
      }
    }
    return counts;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const lang = this.lang();
    if (!node) return [{ kind: 'scope', scope: 'document' }, { kind: 'scope', scope: 'workspace' }];
    if (node.kind === 'scope') {
      if (node.scope === 'workspace' && !this.workspace) {
        if (!this.canCheckWorkspace) {
          // the command explains where the check is available
          return [{ kind: 'action', label: t(lang, '请用桌面版 VS Code 或命令行 report-lint .', 'Use desktop VS Code or the command line: report-lint .'), command: 'report-lint.checkWorkspace' }];
        }
        return [{ kind: 'action', label: t(lang, '检查整个工作区…', 'Check the whole workspace…'), command: 'report-lint.checkWorkspace' }];
      }
      if (node.scope === 'document' && !this.document) return [];
      const cats = await this.cats();
      if (!cats) return [];
      const counts = this.countsOf(node.scope, cats);
      return cats.categories.map((cat) => ({ kind: 'category', scope: node.scope, cat, count: counts.get(cat.id) ?? 0 }));
    }
    if (node.kind === 'category') {
      const cats = await this.cats();
      if (!cats || node.count === 0) return [];
      if (node.scope === 'document' && this.document) {
        const uri = this.document;
        return this.documentDiagnostics()
          .filter((d) => cats.rules[ruleOf(d) ?? ''] === node.cat.id)
          .sort((a, b) => a.range.start.compareTo(b.range.start))
          .slice(0, MAX_LISTED)
          .map((diag) => ({ kind: 'finding', uri, diag }));
      }
      const files: Node[] = [];
      for (const f of this.workspace?.files ?? []) {
        let count = 0;
        let first: LspRange | undefined;
        for (const [rule, r] of Object.entries(f.rules)) {
          if (cats.rules[rule] !== node.cat.id) continue;
          count += r.count;
          if (!first || before(r.first.start, first.start)) first = r.first;
        }
        if (count && first) files.push({ kind: 'file', uri: vscode.Uri.parse(f.uri), display: f.display, count, first });
      }
      return files.sort((a, b) => (b as { count: number }).count - (a as { count: number }).count);
    }
    return [];
  }

  async getTreeItem(node: Node): Promise<vscode.TreeItem> {
    const lang = this.lang();
    switch (node.kind) {
      case 'scope': {
        if (node.scope === 'document') {
          const item = new vscode.TreeItem(t(lang, '当前报告', 'Open report'), vscode.TreeItemCollapsibleState.Expanded);
          item.id = 'scope:document';
          if (this.document) {
            const n = this.documentDiagnostics().length;
            item.description = `${vscode.workspace.asRelativePath(this.document)} · ${t(lang, `${n} 处`, `${n} ${n === 1 ? 'finding' : 'findings'}`)}`;
            item.tooltip = this.document.fsPath || this.document.toString();
          } else item.description = t(lang, '未打开报告', 'no report open');
          item.iconPath = new vscode.ThemeIcon('file-text');
          return item;
        }
        const item = new vscode.TreeItem(t(lang, '整个工作区', 'Whole workspace'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'scope:workspace';
        const w = this.workspace;
        if (w) {
          const n = w.files.reduce((s, f) => s + Object.values(f.rules).reduce((x, r) => x + r.count, 0), 0);
          const files = w.files.length;
          item.description =
            t(lang, `${files} 个文件 · ${n} 处`, `${files} ${files === 1 ? 'file' : 'files'} · ${n} ${n === 1 ? 'finding' : 'findings'}`) +
            (w.cancelled ? t(lang, '（已取消，未检查完）', ' (cancelled, incomplete)') : '');
        } else item.description = this.canCheckWorkspace ? t(lang, '未检查', 'not checked yet') : t(lang, '网页版中不可用', 'not in VS Code for the Web');
        item.iconPath = new vscode.ThemeIcon('folder-library');
        return item;
      }
      case 'category': {
        const item = new vscode.TreeItem(
          lang === 'en' ? node.cat.name.en : node.cat.name.zh,
          node.count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `${node.scope}:${node.cat.id}`;
        item.description = String(node.count);
        item.contextValue = 'category';
        item.iconPath = new vscode.ThemeIcon(node.count ? (node.cat.id === 'placeholder' ? 'edit' : 'warning') : 'pass');
        item.tooltip = t(lang, `${node.cat.name.zh}：${node.count} 处`, `${node.cat.name.en}: ${node.count}`);
        return item;
      }
      case 'finding': {
        const d = node.diag;
        const item = new vscode.TreeItem(d.message.replace(/\s+/g, ' '));
        item.description = t(lang, `第 ${d.range.start.line + 1} 行`, `Ln ${d.range.start.line + 1}`);
        item.tooltip = `${d.message}\n${ruleOf(d)}`;
        item.iconPath = new vscode.ThemeIcon(d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info');
        item.command = { title: t(lang, '转到', 'Go to'), command: 'vscode.open', arguments: [node.uri, { selection: d.range, preserveFocus: false }] };
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.display);
        item.description = String(node.count);
        item.resourceUri = node.uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.command = { title: t(lang, '打开', 'Open'), command: 'vscode.open', arguments: [node.uri, { selection: toRange(node.first) }] };
        return item;
      }
      case 'action': {
        const item = new vscode.TreeItem(node.label);
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = { title: node.label, command: node.command };
        return item;
      }
    }
  }
}
