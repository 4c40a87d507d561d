// Language server benchmark: time from didChange to diagnostics on a ~20,000-character report and on a
// 1 MB one (seeds repeated), push (debounce 0, so the figure is the server's own work) and pull; and the
// server's memory (VmRSS) with 200 reports open. Drives the built dist/server.js over stdio.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const seeds = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'examples', f), 'utf8'));

function reportOf(chars) {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += seeds[i % seeds.length] + '\n\n';
  const cut = out.lastIndexOf('\n', chars);
  return out.slice(0, cut > chars / 2 ? cut + 1 : chars);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function startServer(pull) {
  const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w(p);
    }
  });
  conn.onNotification('window/showMessage', (p) => console.log(`  (server says: ${p.message})`));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: { ...(pull ? { diagnostic: {} } : {}), publishDiagnostics: { versionSupport: true } },
      workspace: { configuration: pull },
    },
    initializationOptions: { settings: { debounceMs: 0 } },
  });
  await conn.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve));
  const rss = () => {
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  };
  const stop = async () => {
    await conn.sendRequest('shutdown').catch(() => {});
    await conn.sendNotification('exit').catch(() => {});
    conn.dispose();
    setTimeout(() => proc.kill(), 500).unref();
  };
  return { conn, proc, published, rss, stop };
}

function positionAt(text, offset) {
  let line = 0;
  let last = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i + 1;
    }
  }
  return { line, character: offset - last };
}

async function latency(label, text, runs) {
  // push
  {
    const s = await startServer(false);
    const uri = pathToFileURL(join(root, `bench-${text.length}.txt`)).href;
    let t0 = performance.now();
    const first = s.published(uri, 1);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const d = await first;
    const openMs = performance.now() - t0;
    const times = [];
    const pos = positionAt(text, Math.floor(text.length / 2));
    for (let v = 2; v < 2 + runs; v++) {
      const p = s.published(uri, v);
      t0 = performance.now();
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: pos, end: pos }, text: v % 2 ? '，' : '1' }],
      });
      await p;
      times.push(performance.now() - t0);
    }
    console.log(
      `${label} (${text.length.toLocaleString()} chars, ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MiB UTF-8, ${d.diagnostics.length} diagnostics):` +
        `\n  push didOpen → diagnostics ${fmt(openMs)}; didChange → diagnostics median ${fmt(median(times))}, max ${fmt(Math.max(...times))} (${runs} edits, debounce 0)`,
    );
    await s.stop();
  }
  // pull
  {
    const s = await startServer(true);
    const uri = pathToFileURL(join(root, `bench-pull-${text.length}.txt`)).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const times = [];
    const pos = positionAt(text, Math.floor(text.length / 3));
    for (let v = 2; v < 2 + runs; v++) {
      const t0 = performance.now();
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: pos, end: pos }, text: v % 2 ? '，' : '1' }],
      });
      await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      times.push(performance.now() - t0);
    }
    console.log(`  pull didChange → diagnostic report median ${fmt(median(times))}, max ${fmt(Math.max(...times))} (${runs} edits)`);
    await s.stop();
  }
}

async function memory(n) {
  const s = await startServer(false);
  const base = s.rss();
  const t0 = performance.now();
  let chars = 0;
  const pending = [];
  for (let i = 0; i < n; i++) {
    const uri = pathToFileURL(join(root, `mem-${i}.txt`)).href;
    // every report distinct (so nothing is shared), seed-sized
    const text = `第${i}号报告\n\n` + seeds[i % seeds.length];
    chars += text.length;
    pending.push(s.published(uri, 1));
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  }
  await Promise.all(pending);
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  const rss = s.rss();
  console.log(
    `memory: ${n} reports open (${chars.toLocaleString()} chars in all), all diagnosed in ${fmt(ms)}: server RSS ${rss.toFixed(0)} MiB (${base.toFixed(0)} MiB after initialize, +${(rss - base).toFixed(0)} MiB)`,
  );
  await s.stop();
}

await latency('~20,000-character report', reportOf(20_000), 20);
await latency('1 MB report', reportOf(1_048_576), 5);
await memory(200);
