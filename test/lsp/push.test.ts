// The built language server as a push-only client (Neovim 0.7) uses it: publishDiagnostics with versions,
// debounce, run on save, English messages by the language setting, settings from initializationOptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, SEED_000, SEED_001, fileUri, seed } from './client';

let client: LspClient;
let ws: string;
const text000 = seed(SEED_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'rl-lsp-push-'));
  client = await LspClient.start({ pull: false, locale: 'en-US', settings: { debounceMs: 150, language: 'en' }, rootPath: ws });
});

afterAll(async () => {
  await client?.stop();
  rmSync(ws, { recursive: true, force: true });
});

const hm = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'heading-marker');

describe('LSP over stdio, push-only client', () => {
  it('does not offer pull diagnostics to a client without them', () => {
    expect(client.init.capabilities.diagnosticProvider).toBeUndefined();
    expect(client.init.capabilities.textDocumentSync).toMatchObject({ change: 2 });
  });

  it('publishes the diagnostics of an opened seed, in English when the setting says so', async () => {
    const uri = fileUri(join(ws, 'a.txt'));
    await client.open(uri, text000);
    const ds = await client.diagnosticsFor(uri, 1);
    expect(hm(ds).length).toBe(22);
    expect(hm(ds)[0].message).toMatch(/\(GB\/T 15834-2011 B\.3\.2–B\.3\.4\)$/);
    expect(hm(ds)[0].message).not.toMatch(/[全括]/);
    // no docsBaseUrl and no client command: the page bundled next to dist/, as a file: URI any editor can open
    expect(hm(ds)[0].codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/heading-marker\.md$/);
    const counts = client.placeholderCounts.filter((p) => p.uri === uri);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.at(-1)!.version).toBe(1);
  });

  it('debounces typing and publishes only for the latest version', async () => {
    const uri = fileUri(join(ws, 'a.txt'));
    const start = client.published.length;
    const at = text000.indexOf('(二)');
    const doc = () => client.docs.get(uri)!;
    // three quick keystrokes fixing "(二)" → "（二）" one character at a time
    const v2 = await client.change(uri, [{ range: { start: doc().positionAt(at), end: doc().positionAt(at + 1) }, text: '（' }]);
    const v3 = await client.change(uri, [{ range: { start: doc().positionAt(at + 2), end: doc().positionAt(at + 3) }, text: '）' }]);
    const v4 = await client.change(uri, [{ range: { start: doc().positionAt(0), end: doc().positionAt(0) }, text: '' }]);
    const ds = await client.diagnosticsFor(uri, v4);
    expect(hm(ds).length).toBe(21);
    await sleep(300);
    const versions = client.published.slice(start).filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions).toEqual([v4]);
    expect(versions).not.toContain(v2);
    expect(versions).not.toContain(v3);
  });

  it('code actions edit the version the findings were computed on', async () => {
    const uri = fileUri(join(ws, 'a.txt'));
    const ds = hm(await client.diagnosticsFor(uri, client.version(uri)));
    const actions: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: ds[0].range,
      context: { diagnostics: [ds[0]] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toMatch(/^Fix: /);
    expect(actions.map((a) => a.title)).toContain('Disable heading-marker for this line');
    const text = client.applyEdit(uri, fix.edit as WorkspaceEdit);
    const v = await client.replaceAll(uri, text);
    expect(hm(await client.diagnosticsFor(uri, v)).length).toBe(20);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = fileUri(join(ws, 'a.txt'));
    const start = client.published.length;
    await client.notify_('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor(() => client.published.slice(start).find((p) => p.uri === uri && p.diagnostics.length === 0), 'cleared diagnostics');
  });

  it('runs on save only when told to, and not at all when disabled', async () => {
    await client.notify_('workspace/didChangeConfiguration', { settings: { reportLint: { run: 'onSave', debounceMs: 0 } } });
    const uri = fileUri(join(ws, 'b.txt'));
    await client.open(uri, text000);
    expect(hm(await client.diagnosticsFor(uri, 1)).length).toBe(22);
    const v = await client.replaceAll(uri, text000.replace('(一)', '（一）'));
    await sleep(400);
    expect(client.published.some((p) => p.uri === uri && p.version === v)).toBe(false);
    await client.notify_('textDocument/didSave', { textDocument: { uri } });
    expect(hm(await client.diagnosticsFor(uri, v)).length).toBe(21);

    const start = client.published.length;
    await client.notify_('workspace/didChangeConfiguration', { settings: { reportLint: { enable: false } } });
    await client.waitFor(() => client.published.slice(start).find((p) => p.uri === uri && p.diagnostics.length === 0), 'diagnostics cleared when disabled');
    await client.notify_('workspace/didChangeConfiguration', { settings: { reportLint: { debounceMs: 0, language: 'zh' } } });
    const ds = await client.waitFor(() => client.published.slice(start).find((p) => p.uri === uri && p.diagnostics.length > 0), 're-enabled');
    expect(hm(ds.diagnostics)[0].message).toContain('GB/T 15834-2011');
    expect(hm(ds.diagnostics)[0].message).toMatch(/[\u4e00-\u9fff]/); // language setting wins over the locale
  });

  it('lints seed 001 on open', async () => {
    const uri = fileUri(join(ws, 'c.txt'));
    await client.open(uri, seed(SEED_001));
    const ds = await client.diagnosticsFor(uri, 1);
    expect(hm(ds).length).toBeGreaterThan(0);
  });

  it('skips a binary document with one information message and no diagnostics', async () => {
    const uri = fileUri(join(ws, 'bin.txt'));
    const shown = client.shown.length;
    await client.open(uri, 'PK\u0003\u0004\u0000\u0000一、总结\n(一)工作');
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    expect(await client.diagnosticsFor(uri, v)).toEqual([]);
    const msgs = client.shown.slice(shown);
    expect(msgs.length).toBe(1);
    expect(msgs[0].type).toBe(3);
    expect(msgs[0].message).toMatch(/skipped.*binary/);
  });

  it('skips a document over maxSize from .reportlintrc.json', async () => {
    const dir = join(ws, 'small');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, '.reportlintrc.json'), JSON.stringify({ maxSize: 1000 }));
    const uri = fileUri(join(dir, 'big.txt'));
    const shown = client.shown.length;
    await client.open(uri, text000);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    await client.waitFor(() => client.shown.slice(shown).find((m) => /too large/.test(m.message)), 'skipped message');
  });
});
