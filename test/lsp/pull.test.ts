// The built language server as VS Code uses it: LSP 3.17 pull diagnostics, workspace/configuration, code actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fixText } from '../../rules/engine';
import { LspClient, SEED_000, SEED_001, fileUri, root, seed } from './client';

const FIX_ALL = 'source.fixAll.report-lint';

let client: LspClient;
let ws: string;
let uri: string;
const text000 = seed(SEED_000);

function textAt(text: string, d: Diagnostic, c: LspClient, u: string): string {
  const doc = c.docs.get(u)!;
  return text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
}

async function pullItems(u = uri): Promise<Diagnostic[]> {
  const r = await client.pull(u);
  expect(r.kind).toBe('full');
  return r.items!;
}

function byRule(ds: Diagnostic[], rule: string): Diagnostic[] {
  return ds.filter((d) => d.code === rule);
}

async function codeActions(u: string, d: Diagnostic | { range: Diagnostic['range'] }, only?: string[]): Promise<CodeAction[]> {
  return client.request('textDocument/codeAction', {
    textDocument: { uri: u },
    range: d.range,
    context: { diagnostics: 'message' in d ? [d] : [], ...(only ? { only } : {}) },
  });
}

/** Applies an action's edit as an editor would: as incremental changes to the version it names. */
async function applyAction(u: string, a: CodeAction): Promise<string> {
  const expected = client.applyEdit(u, a.edit as WorkspaceEdit); // throws on a version mismatch
  const change = (a.edit as WorkspaceEdit).documentChanges![0] as { edits: { range: Diagnostic['range']; newText: string }[] };
  // send the edits back to front so that earlier ranges stay valid
  const edits = [...change.edits].sort((x, y) => y.range.start.line - x.range.start.line || y.range.start.character - x.range.start.character);
  await client.change(u, edits.map((e) => ({ range: e.range, text: e.newText })));
  expect(client.text(u)).toBe(expected);
  return expected;
}

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'rl-lsp-pull-'));
  writeFileSync(join(ws, 'report.txt'), text000);
  uri = fileUri(join(ws, 'report.txt'));
  // with diagnostic data (asked for: off by default), whose version and fixes the tests below read
  client = await LspClient.start({ pull: true, rootPath: ws, initializationOptions: { diagnosticData: true } });
  await client.open(uri, text000);
});

afterAll(async () => {
  await client?.stop();
  rmSync(ws, { recursive: true, force: true });
});

describe('LSP over stdio, pull client', () => {
  it('initializes with incremental sync, pull diagnostics and the fix-all kind', () => {
    const caps = client.init.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    expect((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds).toEqual(expect.arrayContaining(['quickfix', FIX_ALL]));
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
    expect(caps.hoverProvider).toBe(true);
    expect(client.init.serverInfo?.name).toBe('report-lint');
  });

  it('registers a watcher for .reportlintrc.json and reads settings per document', async () => {
    await client.waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
    const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
    expect(JSON.stringify(reg.registerOptions)).toContain('.reportlintrc.json');
    await pullItems();
    const items = client.configurationRequests.flatMap((r) => (r as { items: { scopeUri?: string; section?: string }[] }).items);
    expect(items).toContainEqual({ scopeUri: uri, section: 'reportLint' });
  });

  it('answers a pull with the findings of seed 000 as diagnostics', async () => {
    const items = await pullItems();
    const hm = byRule(items, 'heading-marker');
    expect(hm.length).toBe(22);
    const first = hm[0];
    expect(textAt(text000, first, client, uri)).toBe('(一)');
    expect(first).toMatchObject({
      source: 'report-lint',
      severity: 1,
      code: 'heading-marker',
      // no docsBaseUrl, no client command: the page bundled next to dist/server.js
      codeDescription: { href: fileUri(join(root, 'docs', 'rules', 'heading-marker.md')) },
      data: { ruleId: 'heading-marker', version: 1 },
    });
    // Chinese by default (no locale), with the standard clause
    expect(first.message).toMatch(/全角括号.*（GB\/T 15834-2011 B\.3\.2–B\.3\.4）$/);
    expect(byRule(items, 'heading-sequence')[0].message).toContain('重新从“一、”开始');
    // every range is the text of an ordinal marker
    for (const d of hm) expect(textAt(text000, d, client, uri)).toMatch(/^(\(一\)|\(二\)|\(三\)|\d+、)$/);
  });

  it('answers an unchanged pull with the same result id, and a changed document at once', async () => {
    const r1 = await client.pull(uri);
    const r2 = await client.pull(uri, r1.resultId);
    expect(r2.kind).toBe('unchanged');
    expect(r2.resultId).toBe(r1.resultId);
  });

  it('re-lints after an incremental change', async () => {
    const doc = client.docs.get(uri)!;
    const at = text000.indexOf('(一)');
    // "(一)" → "（一）": one finding fewer; a new "5、" heading after the 4th item would add one
    await client.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 3) }, text: '（一）' }]);
    const items = await pullItems();
    const hm = byRule(items, 'heading-marker');
    expect(hm.length).toBe(21);
    expect(hm.every((d) => (d.data as { version: number }).version === 2)).toBe(true);
    expect(hm.map((d) => textAt(client.text(uri), d, client, uri))).not.toContain('(一)');
  });

  it('offers the fix of a finding as the preferred quick fix, pinned to the version, and applying it removes the finding', async () => {
    const items = await pullItems();
    const target = byRule(items, 'heading-marker').find((d) => textAt(client.text(uri), d, client, uri) === '1、')!;
    const line = target.range.start.line;
    const actions = await codeActions(uri, target);
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.title).toContain('1.');
    const dc = (fix.edit as WorkspaceEdit).documentChanges![0] as { textDocument: { version: number } };
    expect(dc.textDocument.version).toBe(client.version(uri));
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('修复全部 heading-marker 问题');
    expect(titles).toContain('在本行停用 heading-marker');
    expect(titles).toContain('在本文件停用 heading-marker');
    const before = client.text(uri);
    const after = await applyAction(uri, fix);
    expect(after.length).toBe(before.length);
    expect(after.split('\n')[line]).toMatch(/^1\.深入实施精准招商/);
    const now = byRule(await pullItems(), 'heading-marker');
    expect(now.length).toBe(20);
    expect(now.some((d) => d.range.start.line === line)).toBe(false);
  });

  it('never offers an edit for an older version', async () => {
    const items = await pullItems();
    const d = byRule(items, 'heading-marker')[0];
    const old = await codeActions(uri, d);
    const oldVersion = client.version(uri);
    // the user types elsewhere (a new paragraph at the end) before applying
    const doc = client.docs.get(uri)!;
    const end = doc.positionAt(doc.getText().length);
    await client.change(uri, [{ range: { start: end, end }, text: '\n补充说明。' }]);
    const stale = old.find((a) => a.isPreferred)!;
    expect(((stale.edit as WorkspaceEdit).documentChanges![0] as { textDocument: { version: number } }).textDocument.version).toBe(oldVersion);
    expect(() => client.applyEdit(uri, stale.edit!)).toThrow(/version/);
    const fresh = (await codeActions(uri, d)).find((a) => a.isPreferred)!;
    expect(((fresh.edit as WorkspaceEdit).documentChanges![0] as { textDocument: { version: number } }).textDocument.version).toBe(client.version(uri));
  });

  it('fixes every finding of one rule with "fix all <rule>"', async () => {
    const items = await pullItems();
    const d = byRule(items, 'heading-marker')[0];
    const all = (await codeActions(uri, d)).find((a) => a.title === '修复全部 heading-marker 问题')!;
    expect(all.edit).toBeDefined();
    await applyAction(uri, all);
    const after = await pullItems();
    expect(byRule(after, 'heading-marker')).toEqual([]);
    expect(byRule(after, 'heading-sequence').length).toBeGreaterThan(0); // other rules untouched
  });

  it('applies source.fixAll.report-lint as one edit; afterwards nothing is fixable and no fix-all is offered', async () => {
    await client.replaceAll(uri, text000);
    const before = await pullItems();
    const fixable = before.filter((d) => (d.data as { fix?: unknown }).fix);
    expect(fixable.length).toBeGreaterThanOrEqual(22);
    const whole = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    const actions = await codeActions(uri, whole, [FIX_ALL]);
    expect(actions.map((a) => a.kind)).toEqual([FIX_ALL]);
    const edits = ((actions[0].edit as WorkspaceEdit).documentChanges![0] as { edits: unknown[] }).edits;
    expect(edits.length).toBe(1);
    const fixed = await applyAction(uri, actions[0]);
    expect(fixed).toContain('（一）紧扣“强产业”');
    expect(fixed).toContain('1.深入实施精准招商');
    // the same text as the engine's fix-all (the CLI's --fix)
    expect(fixed).toBe(fixText(text000, { filename: join(ws, 'report.txt') }).output);
    const after = await pullItems();
    expect(after.filter((d) => (d.data as { fix?: unknown }).fix)).toEqual([]);
    expect(await codeActions(uri, whole, [FIX_ALL])).toEqual([]);
    // asking for quick fixes only does not compute fix-all
    expect((await codeActions(uri, whole, ['quickfix'])).some((a) => a.kind === FIX_ALL)).toBe(false);
  });

  it('disables a rule for one line with a next-line directive in .txt', async () => {
    await client.replaceAll(uri, text000);
    const d = byRule(await pullItems(), 'heading-marker')[1];
    const line = d.range.start.line;
    const act = (await codeActions(uri, d)).find((a) => a.title === '在本行停用 heading-marker')!;
    const after = await applyAction(uri, act);
    expect(after.split('\n')[line]).toBe('report-lint-disable-next-line heading-marker');
    const hm = byRule(await pullItems(), 'heading-marker');
    expect(hm.length).toBe(21);
    expect(hm.some((x) => x.range.start.line === line + 1)).toBe(false);
  });

  it('disables a rule for the file with a directive on top', async () => {
    const d = byRule(await pullItems(), 'heading-marker')[0];
    const act = (await codeActions(uri, d)).find((a) => a.title === '在本文件停用 heading-marker')!;
    const after = await applyAction(uri, act);
    expect(after.split('\n')[0]).toBe('report-lint-disable heading-marker');
    expect(byRule(await pullItems(), 'heading-marker')).toEqual([]);
  });

  it('gives the report tree of seed 000 as document symbols', async () => {
    await client.replaceAll(uri, text000);
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.map((s) => s.name)).toEqual(['一、2023年工作总结', '二、2024年工作打算']);
    expect(syms[0].children!.map((s) => s.name)).toEqual([
      '(一)紧扣“强产业”,园区发展的质量与效益显著提升',
      '(二)擦亮“金招牌”,绿建品牌的内涵与品质显著提升',
      '(三)广泛“聚合力”,内部管理的精细与水平显著提升',
    ]);
    expect(syms[0].children![0].children!.map((s) => s.name)).toEqual(['1、深入实施精准招商', '2、强势推进项目建设', '3、持续巩固产业优势', '4、不断强化人才工作']);
    expect(syms[1].children!.length).toBe(4);
    const lines = text000.split('\n');
    const l1 = lines.indexOf('一、2023年工作总结');
    const l2 = lines.indexOf('二、2024年工作打算');
    expect(syms[0].selectionRange.start).toEqual({ line: l1, character: 0 });
    expect(syms[0].range.start.line).toBe(l1);
    expect(syms[0].range.end.line).toBeLessThan(l2);
    expect(syms[0].range.end.line).toBeGreaterThan(l1 + 10);
    expect(syms[1].range.start.line).toBe(l2);
    expect(syms[0].detail).toBe('2023 总结');
  });

  it('folds every section', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text000.split('\n');
    const l1 = lines.indexOf('一、2023年工作总结');
    const l2 = lines.indexOf('二、2024年工作打算');
    const top = folds.find((f) => f.startLine === l1)!;
    expect(top.endLine).toBeLessThan(l2);
    expect(top.endLine).toBeGreaterThan(l1 + 10);
    // one fold per section that spans more than one line: the 2 parts, their 7 subsections, and so on
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const multi: DocumentSymbol[] = [];
    const walk = (ss: DocumentSymbol[]) => ss.forEach((x) => (x.range.end.line > x.range.start.line && multi.push(x), walk(x.children ?? [])));
    walk(syms);
    expect(multi.length).toBeGreaterThanOrEqual(9);
    expect(folds.map((f) => [f.startLine, f.endLine])).toEqual(multi.map((x) => [x.range.start.line, x.range.end.line]));
  });

  it('explains a finding on hover with the rule, a wrong and a right example, the clause and the docs link', async () => {
    const d = byRule(await pullItems(), 'heading-marker')[0];
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    const md = (h.contents as { kind: string; value: string }).value;
    expect((h.contents as { kind: string }).kind).toBe('markdown');
    expect(md).toContain('heading-marker');
    expect(md).toContain('错误');
    expect(md).toContain('正确');
    expect(md).toContain('GB/T 15834-2011');
    expect(md).toContain('docs/rules/heading-marker.md');
    expect(h.range).toEqual(d.range);
    // no finding under the cursor: no hover
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(none).toBeNull();
  });

  it('reports the placeholders left: request and count notification agree', async () => {
    const r = await client.request<{ placeholders: { range: Diagnostic['range'] }[] }>('reportLint/placeholders', { uri });
    const last = [...client.placeholderCounts].reverse().find((p) => p.uri === uri)!;
    expect(last.count).toBe(r.placeholders.length);
    expect(last.version).toBe(client.version(uri));
    // seed 001 is a template with its figures left as X: 157 of them
    const u1 = fileUri(join(ws, 'template.txt'));
    const t1 = seed(SEED_001);
    await client.open(u1, t1);
    const p1 = await client.request<{ placeholders: { range: Diagnostic['range'] }[] }>('reportLint/placeholders', { uri: u1 });
    expect(p1.placeholders.length).toBe(157);
    const d1 = client.docs.get(u1)!;
    for (const p of p1.placeholders) expect(t1.slice(d1.offsetAt(p.range.start), d1.offsetAt(p.range.end))).toMatch(/^[Xx×]+$|X|x/);
    const c1 = await client.waitFor(() => [...client.placeholderCounts].reverse().find((p) => p.uri === u1), 'placeholder count of seed 001');
    expect(c1).toMatchObject({ count: 157, version: 1 });
    await client.notify_('textDocument/didClose', { textDocument: { uri: u1 } });
    expect(await client.request('reportLint/placeholders', { uri: u1 })).toEqual({ placeholders: [] });
  });

  it('applies per-rule severity overrides from the settings (they win over the config file)', async () => {
    writeFileSync(join(ws, '.reportlintrc.json'), JSON.stringify({ rules: { 'heading-marker': 'off' } }));
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.reportlintrc.json')), type: 1 }] });
    expect(byRule(await pullItems(), 'heading-marker')).toEqual([]);
    client.settings = { rules: { 'heading-marker': 'info' } };
    const refreshes = client.refreshes;
    await client.notify_('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.refreshes > refreshes, 'diagnostic refresh');
    const hm = byRule(await pullItems(), 'heading-marker');
    expect(hm.length).toBe(22);
    expect(hm.every((d) => d.severity === 3)).toBe(true);
    client.settings = {};
    await client.notify_('workspace/didChangeConfiguration', { settings: null });
    rmSync(join(ws, '.reportlintrc.json'));
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.reportlintrc.json')), type: 3 }] });
    expect(byRule(await pullItems(), 'heading-marker').every((d) => d.severity === 1)).toBe(true);
  });

  it('re-reads .reportlintrc.json when it changes and refreshes diagnostics', async () => {
    expect(byRule(await pullItems(), 'heading-marker').length).toBe(22);
    const refreshes = client.refreshes;
    writeFileSync(join(ws, '.reportlintrc.json'), '{\n  // the outline is checked elsewhere\n  "rules": { "heading-marker": "off", "heading-sequence": "warning" }\n}\n');
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.reportlintrc.json')), type: 1 }] });
    await client.waitFor(() => client.refreshes > refreshes, 'diagnostic refresh');
    const items = await pullItems();
    expect(byRule(items, 'heading-marker')).toEqual([]);
    expect(byRule(items, 'heading-sequence').every((d) => d.severity === 2)).toBe(true);
  });

  it('shows one clear message for a broken config and falls back to the defaults', async () => {
    const shownBefore = client.shown.length;
    writeFileSync(join(ws, '.reportlintrc.json'), '{ "rules": { "heading-marker": "of" } }');
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.reportlintrc.json')), type: 2 }] });
    const items = await pullItems();
    expect(byRule(items, 'heading-marker').length).toBe(22);
    expect(byRule(items, 'heading-sequence').every((d) => d.severity === 1)).toBe(true);
    // linting again (edit, another pull, another change event) does not repeat the message
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await pullItems();
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.reportlintrc.json')), type: 2 }] });
    await pullItems();
    const msgs = client.shown.slice(shownBefore);
    expect(msgs.length).toBe(1);
    expect(msgs[0].type).toBe(1);
    expect(msgs[0].message).toContain('.reportlintrc.json');
    expect(msgs[0].message).toContain('heading-marker');
    expect(msgs[0].message).toContain('默认设置');
    rmSync(join(ws, '.reportlintrc.json'));
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.reportlintrc.json')), type: 3 }] });
  });

  it('answers unknown methods with MethodNotFound and invalid params with an error, and keeps answering', async () => {
    await expect(client.request('reportLint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    await expect(client.request('textDocument/documentSymbol', {})).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 'x' } })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/codeAction', { textDocument: { uri } })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/diagnostic', { textDocument: 5 })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('reportLint/placeholders', null)).rejects.toMatchObject({ code: -32602 });
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.length).toBe(2);
    // unknown documents are not errors: nothing to say about them
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.txt' } })).toEqual([]);
  });
});
