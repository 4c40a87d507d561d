// The web-worker language server (dist/browser-server.js, VS Code for the Web) run where a worker runs: a bare
// JavaScript context with `self` and timers, no `require`, no `process`, no file system. It lints, and reads
// `.reportlintrc.json` only through the client (reportLint/findConfig).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ensureBuilt, root, seed, SEED_001 } from '../lsp/client';

const bundle = join(root, 'dist', 'browser-server.js');

interface Msg {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

/** A worker-like context running the bundle; `send` posts to it, `onRequest` answers its requests. */
function startWorker(answer: (m: Msg) => unknown) {
  const pending = new Map<number | string, (m: Msg) => void>();
  const notes: Msg[] = [];
  const self = {
    onmessage: undefined as undefined | ((e: { data: unknown }) => void),
    addEventListener() {},
    postMessage(data: Msg) {
      // answered asynchronously, as a real worker boundary does
      setTimeout(() => {
        if (data.method !== undefined && data.id !== undefined) {
          Promise.resolve(answer(data)).then((result) => self.onmessage?.({ data: { jsonrpc: '2.0', id: data.id, result: result ?? null } }));
        } else if (data.method !== undefined) notes.push(data);
        else if (data.id !== undefined) pending.get(data.id)?.(data);
      }, 0);
    },
  };
  const context = vm.createContext({ self, setTimeout, clearTimeout, setInterval, clearInterval, console, TextEncoder, TextDecoder, queueMicrotask });
  vm.runInContext(readFileSync(bundle, 'utf8'), context, { filename: bundle });
  let next = 1;
  const request = (method: string, params: unknown) =>
    new Promise<Msg>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      self.onmessage!({ data: { jsonrpc: '2.0', id, method, params } });
    });
  const notify = (method: string, params: unknown) => self.onmessage!({ data: { jsonrpc: '2.0', method, params } });
  return { request, notify, notes, context };
}

const URI = 'vscode-vfs://github/example/reports/2024/summary.txt';

async function openAndPull(w: ReturnType<typeof startWorker>, text: string) {
  await w.request('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: false } },
    initializationOptions: { settings: { language: 'zh' } },
  });
  w.notify('initialized', {});
  w.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text } });
  const r = await w.request('textDocument/diagnostic', { textDocument: { uri: URI } });
  return (r.result as { items: { code?: string; message: string }[] }).items;
}

describe('the language server in a web worker', () => {
  beforeAll(() => ensureBuilt());

  it('runs without Node: no require, no process in its context', async () => {
    const asked: unknown[] = [];
    const w = startWorker((m) => {
      if (m.method === 'reportLint/findConfig') asked.push(m.params);
      return null;
    });
    expect(vm.runInContext('typeof require + typeof process', w.context)).toBe('undefinedundefined');
    const items = await openAndPull(w, seed(SEED_001));
    expect(items.length).toBeGreaterThan(50);
    expect(items.some((d) => d.code === 'placeholder')).toBe(true);
    // the config came from the client, asked for this document
    expect(asked).toEqual([{ uri: URI }]);
    // the warm-up (server/warm-up.ts) runs here too, on timers alone (no setImmediate, no performance)
    const warmed = () => w.notes.find((n) => n.method === 'window/logMessage' && /warmed up/.test((n.params as { message: string }).message));
    for (let i = 0; i < 400 && !warmed(); i++) await new Promise((r) => setTimeout(r, 50));
    expect((warmed()?.params as { message: string } | undefined)?.message).toMatch(/engine warmed up in idle time \(\d+ lints, \d+ ms\)/);
  });

  it('applies the .reportlintrc.json the client reads for it, and reads it again when it changes', async () => {
    let text = '{ "rules": { "placeholder": "off" } }';
    const w = startWorker((m) => (m.method === 'reportLint/findConfig' ? { uri: 'vscode-vfs://github/example/reports/.reportlintrc.json', text } : null));
    const items = await openAndPull(w, seed(SEED_001));
    expect(items.length).toBeGreaterThan(50);
    expect(items.some((d) => d.code === 'placeholder')).toBe(false);
    text = '{ "rules": { "placeholder": "error" } }';
    w.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'vscode-vfs://github/example/reports/.reportlintrc.json', type: 2 }] });
    const again = await w.request('textDocument/diagnostic', { textDocument: { uri: URI } });
    expect((again.result as { items: { code?: string }[] }).items.some((d) => d.code === 'placeholder')).toBe(true);
  });

  it('reads the term files a config names through the client (reportLint/readTermFile), and again when they change', async () => {
    const CONFIG_URI = 'vscode-vfs://github/example/reports/.reportlintrc.json';
    const config = JSON.stringify({ rules: { terms: ['warning', { files: ['terms/unit.txt', '../outside.txt', 'gone.json'], forbid: [{ word: '绝密' }] }] } });
    let terms = '区管委会 => 区管理委员会 | 用全称\n';
    const asked: unknown[] = [];
    const w = startWorker((m) => {
      if (m.method === 'reportLint/findConfig') return { uri: CONFIG_URI, text: config };
      if (m.method === 'reportLint/readTermFile') {
        asked.push(m.params);
        const path = (m.params as { path: string }).path;
        return path === 'terms/unit.txt' ? { uri: 'vscode-vfs://github/example/reports/terms/unit.txt', text: terms } : { uri: 'vscode-vfs://github/example/reports/gone.json', error: 'FileNotFound' };
      }
      return null;
    });
    const items = await openAndPull(w, '区管委会召开会议，绝密。\n');
    const termsOf = (ds: { code?: string; message: string }[]) => ds.filter((d) => d.code === 'terms').map((d) => d.message.replace(/ ?[（(]本单位用语规范.*$/, ''));
    expect(termsOf(items)).toEqual(['“区管委会”应为“区管理委员会”：用全称', '禁用词“绝密”']);
    // the path that leaves the config's folder is never asked for
    expect(asked).toEqual([
      { config: CONFIG_URI, path: 'terms/unit.txt', cap: 1 << 20 },
      { config: CONFIG_URI, path: 'gone.json', cap: 1 << 20 },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    const shown = w.notes.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('术语文件“../outside.txt”：路径不能含“..”');
    expect(shown[0]).toContain('术语文件“gone.json”：文件不存在：vscode-vfs://github/example/reports/gone.json');
    terms = '网格员 => 网格管理员\n区管委会 => 区管理委员会\n';
    w.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'vscode-vfs://github/example/reports/terms/unit.txt', type: 2 }] });
    const again = await w.request('textDocument/diagnostic', { textDocument: { uri: URI } });
    expect(termsOf((again.result as { items: { code?: string; message: string }[] }).items)).toEqual(['“区管委会”应为“区管理委员会”', '禁用词“绝密”']);
  });

  it('a client that does not read term files: the config applies without them, and a message says so', async () => {
    const w = startWorker((m) =>
      m.method === 'reportLint/findConfig' ? { uri: 'vscode-vfs://x/.reportlintrc.json', text: '{ "rules": { "terms": ["warning", { "files": ["t.txt"], "forbid": [{ "word": "绝密" }] }] } }' } : null,
    );
    const items = await openAndPull(w, '本报告绝密。\n');
    expect(items.filter((d) => d.code === 'terms')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    const shown = w.notes.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
    expect(shown.some((m) => m.includes('术语文件“t.txt”：编辑器未提供读取术语文件的功能'))).toBe(true);
  });

  it('a broken .reportlintrc.json: one message, checking goes on with the defaults', async () => {
    const w = startWorker((m) => (m.method === 'reportLint/findConfig' ? { uri: 'vscode-vfs://x/.reportlintrc.json', text: '{ "rules": { "no-such-rule": "off" } }' } : null));
    const items = await openAndPull(w, seed(SEED_001));
    expect(items.some((d) => d.code === 'placeholder')).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    const shown = w.notes.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
    expect(shown.some((m) => m.includes('vscode-vfs://x/.reportlintrc.json') && m.includes('no-such-rule'))).toBe(true);
  });
});
