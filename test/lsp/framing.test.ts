// Issue 13 #18 and #23: the server over stdio fed raw bytes. A Content-Length larger than its body, a huge one,
// a body that is not JSON, requests before `initialize`: each gets an answer or a logged error, and the server
// keeps answering what follows.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureBuilt, serverPath } from './client';

interface Raw {
  proc: ChildProcess;
  messages: Record<string, unknown>[];
  stderr: () => string;
  send: (bytes: string | Buffer) => void;
  request: (id: number, method: string, params?: unknown) => void;
  waitFor: (pred: (m: Record<string, unknown>) => boolean, what: string, ms?: number) => Promise<Record<string, unknown>>;
}

const procs: ChildProcess[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) p.kill();
});

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

function startRaw(): Raw {
  ensureBuilt();
  const proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  procs.push(proc);
  const messages: Record<string, unknown>[] = [];
  let out = Buffer.alloc(0);
  let err = '';
  const listeners: (() => void)[] = [];
  proc.stderr!.on('data', (d) => (err += String(d)));
  proc.stdout!.on('data', (d: Buffer) => {
    out = Buffer.concat([out, d]);
    for (;;) {
      const h = out.indexOf('\r\n\r\n');
      if (h < 0) break;
      const n = Number(/Content-Length: (\d+)/i.exec(out.subarray(0, h).toString())![1]);
      if (out.length < h + 4 + n) break;
      messages.push(JSON.parse(out.subarray(h + 4, h + 4 + n).toString('utf8')));
      out = out.subarray(h + 4 + n);
    }
    for (const l of [...listeners]) l();
  });
  const send = (bytes: string | Buffer) => proc.stdin!.write(bytes);
  return {
    proc,
    messages,
    stderr: () => err,
    send,
    request: (id, method, params = {}) => send(frame(JSON.stringify({ jsonrpc: '2.0', id, method, params }))),
    waitFor: (pred, what, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = messages.find(pred);
          if (m) {
            clearTimeout(timer);
            listeners.splice(listeners.indexOf(check), 1);
            resolve(m);
          }
        };
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${err.slice(-1000)}`)), ms);
        listeners.push(check);
        check();
      }),
  };
}

/** stderr is a pipe of its own: its lines may come a little after the responses. */
async function stderrMatches(s: Raw, re: RegExp): Promise<void> {
  for (let i = 0; i < 50 && !re.test(s.stderr()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(s.stderr()).toMatch(re);
}

const response = (id: unknown) => (m: Record<string, unknown>) => m.id === id && ('result' in m || 'error' in m);
const folding = { textDocument: { uri: 'file:///nowhere/x.txt' } };

async function initialize(s: Raw, id = 1): Promise<void> {
  s.request(id, 'initialize', { processId: null, rootUri: null, capabilities: {} });
  await s.waitFor(response(id), 'initialize');
  s.send(frame(JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} })));
}

describe('before initialize (#23)', () => {
  it('a request gets ServerNotInitialized (-32002), a notification is dropped, then initialize works', async () => {
    const s = startRaw();
    s.request(7, 'textDocument/foldingRange', folding);
    const r = await s.waitFor(response(7), 'the early request');
    expect((r.error as { code: number }).code).toBe(-32002);
    s.send(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.txt', languageId: 'plaintext', version: 1, text: 'x' } } })));
    await initialize(s, 8);
    s.request(9, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(9), 'a request after initialize')).result).toEqual([]);
  });
});

describe('a body that is not JSON (#23)', () => {
  it('gets a parse error (-32700) and the server keeps working', async () => {
    const s = startRaw();
    await initialize(s);
    s.send(frame('{"jsonrpc":"2.0","id":2,"method":'));
    const e = await s.waitFor((m) => m.id === null && 'error' in m, 'the parse error');
    expect((e.error as { code: number }).code).toBe(-32700);
    s.send(frame('[1, 2]'));
    const inv = await s.waitFor((m) => m.id === null && (m.error as { code: number })?.code === -32600, 'invalid request');
    expect(inv).toBeTruthy();
    s.request(3, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(3), 'the next request')).result).toEqual([]);
  });
});

describe('Content-Length (#18)', () => {
  it('larger than its body, with the next message right behind: both are answered', async () => {
    const s = startRaw();
    await initialize(s);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'textDocument/foldingRange', params: folding });
    s.send(`Content-Length: ${Buffer.byteLength(body) + 500}\r\n\r\n${body}`);
    s.request(3, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(3), 'the message after the short body')).result).toEqual([]);
    expect((await s.waitFor(response(2), 'the short body itself')).result).toEqual([]);
    await stderrMatches(s, /Content-Length \d+ is larger than the body/);
  });

  it('larger than its body, with a Content-Type header on the next message: both are answered', async () => {
    const s = startRaw();
    await initialize(s);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'textDocument/foldingRange', params: folding });
    s.send(`Content-Length: ${Buffer.byteLength(body) + 300}\r\n\r\n${body}`);
    const next = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'textDocument/foldingRange', params: folding });
    s.send(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(next)}\r\n\r\n${next}`);
    expect((await s.waitFor(response(3), 'the message after the short body')).result).toEqual([]);
    expect((await s.waitFor(response(2), 'the short body itself')).result).toEqual([]);
  });

  it('larger than its body, then silence: the body is read after a pause', async () => {
    const s = startRaw();
    await initialize(s);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'textDocument/foldingRange', params: folding });
    s.send(`Content-Length: ${Buffer.byteLength(body) + 10}\r\n\r\n${body}`);
    expect((await s.waitFor(response(2), 'the short body')).result).toEqual([]);
    s.request(3, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(3), 'the next request')).result).toEqual([]);
  });

  it('huge: refused with a logged error, not buffered, and the server recovers', async () => {
    const s = startRaw();
    await initialize(s);
    s.send('Content-Length: 99999999999999\r\n\r\n');
    const junk = Buffer.alloc(8 * 1024 * 1024, 'x');
    for (let i = 0; i < 8; i++) s.send(junk); // 64 MB that would all have been kept
    s.request(2, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(2), 'the request after the junk', 30_000)).result).toEqual([]);
    await stderrMatches(s, /Content-Length 99999999999999 exceeds the limit of 67108864 bytes/);
    const rss = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8'))![1]) * 1024;
    expect(rss).toBeLessThan(300 * 1024 * 1024);
    // a header with no Content-Length, and one that is not a number: skipped, logged
    s.send('X-Nothing: 1\r\n\r\n{}');
    s.request(3, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(3), 'the request after a header without length')).result).toEqual([]);
    s.send('Content-Length: lots\r\n\r\n{}');
    s.request(4, 'textDocument/foldingRange', folding);
    expect((await s.waitFor(response(4), 'the request after a bad length')).result).toEqual([]);
    await stderrMatches(s, /without Content-Length/);
    await stderrMatches(s, /invalid Content-Length "lots"/);
  }, 60_000);
});
