// What the VS Code client asks of the server for issue 15: rule links that open the bundled docs, messages in the
// report's language, placeholder actions and "add to allow list" (offered only to a client that implements them),
// the categories of the overview and "check the whole workspace" (the CLI's file walk, progress, cancel).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import { addToAllowList } from '../../rules/config-edit';
import { LspClient, SEED_000, SEED_001, fileUri, seed } from './client';
import type { CategoriesResult, CheckWorkspaceResult } from '../../server/protocol';

const COMMANDS = ['report-lint.nextPlaceholder', 'report-lint.previousPlaceholder', 'report-lint.addToAllowList'];
const VSCODE_INIT = { ruleDocsCommand: 'report-lint.openRuleDocs', commands: COMMANDS, diagnosticData: false };
const text001 = seed(SEED_001);

let ws: string;
let vscodeLike: LspClient;

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'rl-lsp-editor-'));
  // locale en-US: an English editor, and still Chinese messages (the report's language)
  vscodeLike = await LspClient.start({ pull: true, rootPath: ws, locale: 'en-US', initializationOptions: VSCODE_INIT });
});

afterAll(async () => {
  await vscodeLike?.stop();
  rmSync(ws, { recursive: true, force: true });
});

async function open(c: LspClient, name: string, text: string): Promise<{ uri: string; items: Diagnostic[] }> {
  const uri = fileUri(join(ws, name));
  writeFileSync(join(ws, name), text);
  await c.open(uri, text);
  const r = await c.pull(uri);
  return { uri, items: r.items! };
}

function at(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('rule documentation links', () => {
  it('are a command that opens the bundled page for the VS Code client, in Problems and in the hover', async () => {
    const { uri, items } = await open(vscodeLike, 'links.txt', text001);
    const hm = items.find((d) => d.code === 'heading-marker')!;
    expect(hm.codeDescription?.href).toBe(`command:report-lint.openRuleDocs?${encodeURIComponent('["heading-marker"]')}`);
    // the VS Code client reads no diagnostic data: none is sent (a client may ask for it: diagnosticData)
    expect(items.every((d) => d.data === undefined)).toBe(true);
    expect(items.every((d) => !d.codeDescription || !d.codeDescription.href.includes('example.invalid'))).toBe(true);
    const hover = await vscodeLike.request<Hover>('textDocument/hover', { textDocument: { uri }, position: hm.range.start });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain(`[规则说明](command:report-lint.openRuleDocs?${encodeURIComponent('["heading-marker"]')})`);
    // without data the quick fix is still there: the server computes actions from its own results
    const actions = await vscodeLike.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: hm.range, context: { diagnostics: [hm] } });
    expect(actions.find((a) => a.isPreferred)?.edit).toBeDefined();
    // the page the command opens is shipped (the .vsix carries docs/rules/**)
    expect(existsSync(join(fileURLToPath(new URL('../..', import.meta.url)), 'docs', 'rules', 'heading-marker.md'))).toBe(true);
  });

  it('a client that sends no initializationOptions (Neovim, Helix) gets diagnostics without data, and still its quick fixes', async () => {
    const c = await LspClient.start({ pull: true, rootPath: ws });
    try {
      const { uri, items } = await open(c, 'plain-client.txt', text001);
      expect(items.length).toBeGreaterThan(400);
      expect(items.filter((d) => d.data !== undefined)).toEqual([]);
      const hm = items.find((d) => d.code === 'heading-marker')!;
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: hm.range, context: { diagnostics: [hm] } });
      expect(actions.find((a) => a.isPreferred)?.edit).toBeDefined();
    } finally {
      await c.stop();
    }
  });

  it('go to the configured http(s) site when docsBaseUrl is set', async () => {
    const c = await LspClient.start({ pull: true, rootPath: ws, settings: { docsBaseUrl: 'https://docs.example.org/rules/' }, initializationOptions: VSCODE_INIT });
    try {
      const { items } = await open(c, 'links-site.txt', text001);
      expect(items.find((d) => d.code === 'placeholder')!.codeDescription?.href).toBe('https://docs.example.org/rules/placeholder.md');
    } finally {
      await c.stop();
    }
  });
});

describe('message language', () => {
  it('is the report\'s (Chinese) for "auto", even for an English editor; "en" switches', async () => {
    const { items } = await open(vscodeLike, 'lang.txt', text001);
    expect(items.find((d) => d.code === 'heading-marker')!.message).toMatch(/[\u4e00-\u9fff]/);
    const c = await LspClient.start({ pull: true, rootPath: ws, locale: 'zh-CN', settings: { language: 'en' } });
    try {
      const en = await open(c, 'lang-en.txt', text001);
      expect(en.items.find((d) => d.code === 'heading-marker')!.message).not.toMatch(/[\u4e00-\u9fff]{2}/);
    } finally {
      await c.stop();
    }
  });
});

describe('placeholder actions', () => {
  it('offer next/previous placeholder and "add to allow list" on a placeholder, once each', async () => {
    const { uri, items } = await open(vscodeLike, 'ph.txt', text001);
    const pos = at(text001, 'X亿元');
    const d = items.find((x) => x.code === 'placeholder' && x.range.start.line === pos.line && x.range.start.character === pos.character)!;
    expect(d).toBeDefined();
    const actions = await vscodeLike.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('转到下一个占位符');
    expect(titles).toContain('转到上一个占位符');
    const allow = actions.filter((a) => a.command?.command === 'report-lint.addToAllowList');
    expect(allow.map((a) => a.title)).toEqual(['将“X亿元”加入 placeholder 的允许列表（.reportlintrc.json）']);
    expect(allow[0].command!.arguments).toEqual([{ uri, ruleId: 'placeholder', value: 'X亿元', severity: 'error' }]);
    expect(actions.find((a) => a.title === '转到下一个占位符')!.command!.command).toBe('report-lint.nextPlaceholder');
    // a Latin word: the word itself is what the writer accepts
    const dnx = '引进DNX项目。\n';
    const { uri: u2, items: i2 } = await open(vscodeLike, 'dnx.txt', '某区2023年工作总结\n\n一、工作回顾\n\n' + dnx);
    const d2 = i2.find((x) => x.code === 'placeholder')!;
    const a2 = await vscodeLike.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u2 }, range: d2.range, context: { diagnostics: [d2] } });
    expect(a2.find((a) => a.command?.command === 'report-lint.addToAllowList')!.command!.arguments![0].value).toBe('DNX');
  });

  it('are not offered to a client that does not implement the commands (any other editor)', async () => {
    const c = await LspClient.start({ pull: true, rootPath: ws });
    try {
      const { uri, items } = await open(c, 'ph-plain.txt', text001);
      const d = items.find((x) => x.code === 'placeholder')!;
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      expect(actions.filter((a) => a.command)).toEqual([]);
      expect(actions.map((a) => a.title)).toContain('在本行停用 placeholder');
    } finally {
      await c.stop();
    }
  });

  it('the allow list edit, once on disk and announced, makes the finding disappear', async () => {
    const dir = join(ws, 'allow');
    mkdirSync(dir, { recursive: true });
    const cfg = join(dir, '.reportlintrc.json');
    writeFileSync(cfg, '// project settings\n{\n  "rules": {\n    "cjk-spacing": "off" // we use spaces\n  }\n}\n');
    const file = join(dir, 'r.txt');
    writeFileSync(file, text001);
    const uri = fileUri(file);
    await vscodeLike.open(uri, text001);
    const before = (await vscodeLike.pull(uri)).items!.filter((d) => d.code === 'placeholder');
    const xyy = before.filter((d) => text001.split('\n')[d.range.start.line].slice(d.range.start.character).startsWith('X亿元'));
    expect(xyy.length).toBeGreaterThan(5);
    writeFileSync(cfg, addToAllowList(readFileSync(cfg, 'utf8'), 'placeholder', 'X亿元', 'error'));
    expect(readFileSync(cfg, 'utf8')).toContain('// we use spaces');
    await vscodeLike.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
    const after = (await vscodeLike.pull(uri)).items!.filter((d) => d.code === 'placeholder');
    expect(before.length - after.length).toBe(xyy.length);
    expect(after.some((d) => text001.split('\n')[d.range.start.line].slice(d.range.start.character).startsWith('X亿元'))).toBe(false);
  });
});

describe('overview', () => {
  it('gets every rule\'s category from the metadata, in order', async () => {
    const r = await vscodeLike.request<CategoriesResult>('reportLint/categories', {});
    expect(Object.keys(r.rules).sort()).toEqual(allRules.map((x) => x.meta.id).sort());
    expect(r.categories.map((c) => c.name.zh)).toEqual(expect.arrayContaining(['占位符', '标题序号', '年份与日期', '数字与单位', '标点与空格']));
    expect(r.categories[0].name.zh).toBe('占位符');
    expect(r.rules['heading-marker']).toBe('headings');
    expect(r.allowRules).toContain('placeholder');
    for (const id of r.allowRules) expect(allRules.find((x) => x.meta.id === id)!.meta.optionsSchema).toHaveProperty('properties.allow');
  });

  it('checks the whole workspace with the CLI file walk (ignore files honoured), as the engine counts, with progress', async () => {
    const dir = join(ws, 'walk');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), text001);
    writeFileSync(join(dir, 'sub', 'b.md'), seed(SEED_000));
    writeFileSync(join(dir, 'drafts', 'ignored.txt'), text001);
    writeFileSync(join(dir, '.reportlintignore'), 'drafts/\n');
    writeFileSync(join(dir, 'notes.json'), '{}');
    const progress: { done: number; total: number }[] = [];
    vscodeLike.conn.onNotification('reportLint/checkWorkspaceProgress', (p: { done: number; total: number }) => progress.push(p));
    const r = await vscodeLike.request<CheckWorkspaceResult>('reportLint/checkWorkspace', { folders: [fileUri(dir)] });
    expect(r.cancelled).toBe(false);
    expect(r.files.map((f) => f.display).sort()).toEqual(['a.txt', 'sub/b.md']);
    const a = r.files.find((f) => f.display === 'a.txt')!;
    const expected = lint(text001, { filename: join(dir, 'a.txt'), format: 'text' }).findings;
    expect(Object.values(a.rules).reduce((n, x) => n + x.count, 0)).toBe(expected.length);
    expect(a.rules.placeholder.count).toBe(expected.filter((f) => f.ruleId === 'placeholder').length);
    expect(a.rules.placeholder.first.start).toEqual(at(text001, 'X亿元'));
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 });
  });

  it('stops when cancelled and says so', async () => {
    const dir = join(ws, 'many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), text001);
    const source = new CancellationTokenSource();
    const pending = vscodeLike.conn.sendRequest('reportLint/checkWorkspace', { folders: [fileUri(dir)] }, source.token) as Promise<CheckWorkspaceResult>;
    setTimeout(() => source.cancel(), 50);
    const r = await pending;
    expect(r.cancelled).toBe(true);
    expect(r.total).toBe(40);
    expect(r.files.length).toBeLessThan(40);
  });
});
