// "Add to allow list": adds an entry to a rule's `allow` option in the nearest `.reportlintrc.json` (the one the
// server applies to the document), keeping its comments; creates one at the workspace folder root when there is
// none. Through workspace.fs, so it also works on virtual file systems. Refused in Restricted Mode.
import * as vscode from 'vscode';
import { addToAllowList as addToAllowText, ConfigEditError } from '../rules/config-edit';
import type { AddToAllowListArgs } from '../server/protocol';

export const CONFIG_FILENAME = '.reportlintrc.json';

type Lang = 'zh' | 'en';
const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory;
  } catch {
    return false;
  }
}

/** The config file that applies to `doc` (the nearest one up the tree, as the server finds it), or where to create one. */
export async function configTarget(doc: vscode.Uri): Promise<{ uri: vscode.Uri; exists: boolean } | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(doc) ?? vscode.workspace.workspaceFolders?.[0];
  if (doc.scheme !== 'untitled') {
    let dir = vscode.Uri.joinPath(doc, '..');
    for (let i = 0; i < 64; i++) {
      const candidate = vscode.Uri.joinPath(dir, CONFIG_FILENAME);
      if (await exists(candidate)) return { uri: candidate, exists: true };
      const up = vscode.Uri.joinPath(dir, '..');
      if (up.path === dir.path) break;
      dir = up;
    }
  }
  if (!folder) return undefined;
  return { uri: vscode.Uri.joinPath(folder.uri, CONFIG_FILENAME), exists: false };
}

function validArgs(a: unknown): a is AddToAllowListArgs {
  const x = a as AddToAllowListArgs | null;
  return !!x && typeof x.uri === 'string' && typeof x.ruleId === 'string' && /^[a-z0-9-]+$/.test(x.ruleId) &&
    typeof x.value === 'string' && x.value.trim().length > 0 && x.value.length <= 200 && ['error', 'warning', 'info'].includes(x.severity);
}

/**
 * Runs the command; `reload` tells the server the file changed (the file watcher would too, a moment later).
 * Returns the config file's URI when it was written.
 */
export async function addToAllowList(raw: unknown, lang: Lang, reload: (uri: vscode.Uri, created: boolean) => void): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      t(lang, '受限模式下 report-lint 不修改 .reportlintrc.json。信任此文件夹后再试。', 'In Restricted Mode report-lint does not change .reportlintrc.json. Trust this folder and try again.'),
    );
    return undefined;
  }
  if (!validArgs(raw)) return undefined;
  const args = raw;
  const target = await configTarget(vscode.Uri.parse(args.uri));
  if (!target) {
    void vscode.window.showWarningMessage(t(lang, '没有打开文件夹，无处创建 .reportlintrc.json。', 'No folder is open: there is nowhere to create .reportlintrc.json.'));
    return undefined;
  }
  // An open editor of the config file may hold unsaved changes: edit what it shows, then save.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri.toString());
  let before: string | undefined;
  if (open) before = open.getText();
  else if (target.exists) before = new TextDecoder().decode(await vscode.workspace.fs.readFile(target.uri));
  let after: string;
  try {
    after = addToAllowText(before, args.ruleId, args.value.trim(), args.severity);
  } catch (e) {
    const why = e instanceof ConfigEditError ? e.message : String(e);
    void vscode.window.showErrorMessage(
      t(lang, `无法修改 ${target.uri.fsPath}：${why === 'not valid JSON' ? '文件不是有效的 JSON' : why}。请先改正该文件。`, `Cannot change ${target.uri.fsPath}: ${why}. Fix the file first.`),
    );
    return undefined;
  }
  if (after !== before) {
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), after);
      if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) {
        void vscode.window.showErrorMessage(t(lang, `无法保存 ${target.uri.fsPath}。`, `Could not save ${target.uri.fsPath}.`));
        return undefined;
      }
    } else {
      await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(after));
    }
    reload(target.uri, !target.exists);
  }
  const openLabel = t(lang, '打开配置文件', 'Open the config file');
  void vscode.window
    .showInformationMessage(
      t(lang, `已将“${args.value}”加入 ${args.ruleId} 的允许列表（${vscode.workspace.asRelativePath(target.uri)}）。`, `Added "${args.value}" to the ${args.ruleId} allow list (${vscode.workspace.asRelativePath(target.uri)}).`),
      openLabel,
    )
    .then((choice) => {
      if (choice === openLabel) void vscode.window.showTextDocument(target.uri);
    });
  return target.uri;
}
