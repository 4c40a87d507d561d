// The server survives: a throwing rule is isolated and reported once, bad requests get errors, the server keeps
// answering. Also the stdio bin, and the Markdown form of the inline directives.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, SEED_000, ensureBuilt, fileUri, root, seed } from './client';

const text000 = seed(SEED_000);
const ws = mkdtempSync(join(tmpdir(), 'rl-lsp-robust-'));
const clients: LspClient[] = [];

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  rmSync(ws, { recursive: true, force: true });
});

describe('a rule that throws (REPORT_LINT_TEST_THROWING_RULE=1)', () => {
  it('still delivers the other findings and reports the internal error once, naming the rule', async () => {
    const client = await LspClient.start({ pull: true, env: { REPORT_LINT_TEST_THROWING_RULE: '1' } });
    clients.push(client);
    const uri = fileUri(join(ws, 'throw.txt'));
    await client.open(uri, text000);
    const r1 = await client.pull(uri);
    expect(r1.items!.filter((d) => d.code === 'heading-marker').length).toBe(22);
    expect(r1.items!.some((d) => d.code === 'test-throwing-rule')).toBe(false);
    // lint again twice (two edits) and a second document: still one message
    for (let i = 0; i < 2; i++) {
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '。' }]);
      expect((await client.pull(uri)).items!.filter((d) => d.code === 'heading-marker').length).toBe(22);
    }
    const uri2 = fileUri(join(ws, 'throw2.txt'));
    await client.open(uri2, text000);
    await client.pull(uri2);
    const shown = client.shown.filter((m) => m.message.includes('test-throwing-rule'));
    expect(shown.length).toBe(1);
    expect(shown[0].message).toContain('deliberate failure');
    expect(client.logs.filter((m) => m.message.includes('internal error in rule test-throwing-rule')).length).toBe(1);
    // and the server still answers everything else
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.length).toBe(2);
  });

  it('is not there without the variable', async () => {
    const client = await LspClient.start({ pull: true });
    clients.push(client);
    const uri = fileUri(join(ws, 'plain.txt'));
    await client.open(uri, text000);
    await client.pull(uri);
    expect(client.shown).toEqual([]);
  });
});

describe('bad requests', () => {
  it('get MethodNotFound or InvalidParams, and the server keeps answering', async () => {
    const client = await LspClient.start({ pull: false, settings: { debounceMs: 0 } });
    clients.push(client);
    const uri = fileUri(join(ws, 'bad.txt'));
    await client.open(uri, text000);
    await client.diagnosticsFor(uri, 1);
    await expect(client.request('textDocument/noSuchThing', { textDocument: { uri } })).rejects.toMatchObject({ code: -32601 });
    await expect(client.request('textDocument/foldingRange', { textDocument: {} })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/hover', { textDocument: { uri } })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: 1, end: 2 } })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('codeAction/resolve', 42)).rejects.toMatchObject({ code: -32602 });
    // garbage notifications are ignored
    await client.notify_('textDocument/didChange', { textDocument: { uri: 'file:///unknown.txt', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.notify_('workspace/didChangeWatchedFiles', null);
    await client.notify_('workspace/didChangeConfiguration', { settings: { reportLint: { debounceMs: 'soon', rules: { 'no-such-rule': 'error', 'heading-marker': 'loud' } } } });
    // positions past the end are clamped, not errors
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 100000, character: 5 } });
    expect(h).toBeNull();
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.map((s) => s.name)).toEqual(['一、2023年工作总结', '二、2024年工作打算']);
    // invalid settings fell back to the defaults and were logged
    expect(client.logs.some((l) => l.message.includes('unknown rule "no-such-rule"'))).toBe(true);
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    const ds: Diagnostic[] = await client.diagnosticsFor(uri, v);
    expect(ds.filter((d) => d.code === 'heading-marker').every((d) => d.severity === 1)).toBe(true);
  });
});

describe('Markdown documents', () => {
  it('offer the symbols and the Markdown comment directives', async () => {
    const client = await LspClient.start({ pull: true });
    clients.push(client);
    const uri = fileUri(join(ws, 'report.md'));
    const md = '# 某局2023年工作总结\n\n一、2023年工作总结\n\n(一)项目建设\n\n全年完成投资。\n\n(二)招商引资\n\n新签约项目。\n\n二、2024年工作打算\n\n继续努力。\n';
    await client.open(uri, md, 'markdown');
    const ds = (await client.pull(uri)).items!.filter((d) => d.code === 'heading-marker');
    expect(ds.length).toBe(2);
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(JSON.stringify(syms)).toContain('(一)项目建设');
    const actions: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: [ds[0]] } });
    const line = actions.find((a) => a.title === '在本行停用 heading-marker')!;
    const text = client.applyEdit(uri, line.edit as WorkspaceEdit);
    expect(text.split('\n')[4]).toBe('(一)项目建设 <!-- report-lint-disable-line heading-marker -->');
    await client.replaceAll(uri, text);
    const after = (await client.pull(uri)).items!.filter((d) => d.code === 'heading-marker');
    expect(after.map((d) => d.range.start.line)).toEqual([8]);
    const file = (
      (await client.request('textDocument/codeAction', { textDocument: { uri }, range: after[0].range, context: { diagnostics: after } })) as CodeAction[]
    ).find((a) => a.title === '在本文件停用 heading-marker')!;
    const text2 = client.applyEdit(uri, file.edit as WorkspaceEdit);
    expect(text2.startsWith('<!-- report-lint-disable heading-marker -->\n# 某局2023年工作总结')).toBe(true);
    await client.replaceAll(uri, text2);
    expect((await client.pull(uri)).items!.filter((d) => d.code === 'heading-marker')).toEqual([]);
  });
});

describe('multi-root workspaces', () => {
  it('read the settings of the folder each document is in', async () => {
    const client = await LspClient.start({ pull: true });
    clients.push(client);
    const a = fileUri(join(ws, 'folder-a', 'r.txt'));
    const b = fileUri(join(ws, 'folder-b', 'r.txt'));
    client.settingsFor = (scope) => (scope?.includes('/folder-a/') ? { rules: { 'heading-marker': 'off' }, language: 'en' } : { rules: { 'heading-marker': 'info' } });
    await client.open(a, text000);
    await client.open(b, text000);
    const da = (await client.pull(a)).items!;
    const db = (await client.pull(b)).items!;
    expect(da.filter((d) => d.code === 'heading-marker')).toEqual([]);
    expect(da.find((d) => d.code === 'heading-sequence')!.message).toMatch(/^ordinals restart/);
    const hb = db.filter((d) => d.code === 'heading-marker');
    expect(hb.length).toBe(22);
    expect(hb.every((d) => d.severity === 3)).toBe(true);
    expect(db.find((d) => d.code === 'heading-sequence')!.message).toMatch(/重新从/);
  });
});

describe('lazy fix-all (codeAction/resolve)', () => {
  it('computes the edit on resolve, for the version it was offered on only', async () => {
    const client = await LspClient.start({ pull: true, resolveSupport: true });
    clients.push(client);
    const uri = fileUri(join(ws, 'resolve.txt'));
    await client.open(uri, text000);
    await client.pull(uri);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(fixAll.kind).toBe('source.fixAll.report-lint');
    expect(fixAll.edit).toBeUndefined();
    const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
    const fixed = client.applyEdit(uri, resolved.edit as WorkspaceEdit);
    expect(fixed).toContain('（一）紧扣');
    // offered on version 1, resolved after an edit: no edit rather than a wrong one
    await client.change(uri, [{ range, text: ' ' }]);
    const late = await client.request<CodeAction>('codeAction/resolve', fixAll);
    expect(late.edit).toBeUndefined();
  });
});

describe('report-lint-language-server bin', () => {
  it('speaks LSP over stdio when given no transport flag', async () => {
    ensureBuilt();
    const proc = spawn(process.execPath, [join(root, 'bin', 'report-lint-language-server.js')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    try {
      const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo: { name: string } };
      expect(init.serverInfo.name).toBe('report-lint');
      await conn.sendRequest('shutdown');
      const exited = new Promise((r) => proc.once('exit', r));
      await conn.sendNotification('exit');
      await exited;
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});
