// The stdio writer (server/transport.ts) and its JSON encoder (server/json-encoder.ts) put on the wire the text of
// JSON.stringify(msg) with every character from U+007F on as a \u escape (ASCII: clients decode it far faster), framed
// as vscode-jsonrpc frames it: for publishDiagnostics of real reports (with and without data, with links), diagnostics
// kept from one publish to the next, and every corner of JSON.stringify. vscode-jsonrpc's reader reads back the very
// messages.
import { describe, expect, it } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, StreamMessageWriter, type Message, type MessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import { toDiagnostic } from '../../server/convert';
import { asciiJson, JsonEncoder } from '../../server/json-encoder';
import { FramedMessageWriter } from '../../server/transport';
import { SEED_000, SEED_001, seed } from './client';

/** What the encoder must write: JSON.stringify's text, every character from U+007F on as a \u escape (written here
 *  the slow, obvious way, to check the encoder's own loops against). */
const reference = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const plain = (v: unknown) => Buffer.from(reference(JSON.stringify(v, undefined, 0)), 'latin1');

function publishMessage(text: string, lang: 'zh' | 'en', withData: boolean, href: (id: string) => string | undefined) {
  const doc = TextDocument.create('file:///tmp/%E6%8A%A5%E5%91%8A.txt', 'plaintext', 7, text);
  const result = lint(text, { filename: 'report.txt', format: 'text', rules: allRules });
  const diagnostics = result.findings.map((f) => toDiagnostic(doc, f, lang, href, withData));
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: 7, diagnostics } };
}

describe('JSON encoder of the stdio writer', () => {
  const joined = [seed(SEED_000), seed(SEED_001)].join('\n\n');

  it('writes the bytes of JSON.stringify for the diagnostics of real reports', () => {
    const enc = new JsonEncoder(16); // a small start: the buffer grows while writing
    const vscodeHref = (id: string) => `command:report-lint.openRuleDocs?${encodeURIComponent(JSON.stringify([id]))}`;
    for (const [lang, withData, href] of [
      ['zh', false, vscodeHref],
      ['zh', true, (id: string) => `file:///opt/report-lint/docs/rules/${id}.md`],
      ['en', true, () => undefined],
    ] as const) {
      const msg = publishMessage(joined, lang, withData, href);
      expect(msg.params.diagnostics.length).toBeGreaterThan(500);
      const want = plain(msg);
      expect(enc.encode(msg).equals(want)).toBe(true);
      // again, now from the cached strings
      expect(enc.encode(msg).equals(want)).toBe(true);
    }
  });

  it('returns a buffer of its own for every message', () => {
    const enc = new JsonEncoder();
    const a = enc.encode({ a: 'first' });
    const b = enc.encode({ a: 'second' });
    expect(a.toString()).toBe('{"a":"first"}');
    expect(b.toString()).toBe('{"a":"second"}');
  });

  it('writes what JSON.stringify writes for every kind of value', () => {
    const enc = new JsonEncoder(8);
    const long = '长'.repeat(600) + '\u0000"\\\n';
    const values: unknown[] = [
      { s: 'plain', e: '', q: '"\\/\b\f\n\r\t\u0001\u001f\u007f', cjk: '全角逗号“，”', astral: '𠮷😀' },
      { lone: '\ud800', low: 'a\udc00b', pair: '\ud83d\ude00', reversed: '\udc00\ud800' },
      { n: [0, -0, 1, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -1, -(2 ** 31), 0.5, -0.25, 1e21, 1e-7, 123.456, NaN, Infinity, -Infinity] },
      { b: [true, false, null], u: undefined, f: () => 1, sym: Symbol('x'), arr: [undefined, () => 1, Symbol('y'), null] },
      { '2': 'two', b: 1, '1': 'one', a: 2, '': 'empty', 'k"ey': 3, 键: 4 },
      [[], {}, [[[]]], { a: { b: { c: [1, { d: 'deep' }] } } }],
      { long, again: long },
      Object.assign(Object.create(null), { noProto: true }),
      Object.assign([1, 2], { extra: 'ignored' }),
      [1, , 3], // a hole
      Array.from({ length: 12_000 }, (_, i) => `消息 ${i}`), // more strings than the cache keeps
    ];
    for (const v of values) expect(enc.encode(v).equals(plain(v))).toBe(true);
  });

  it('leaves what is not plain data to JSON.stringify', () => {
    const enc = new JsonEncoder();
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
    }
    const values: unknown[] = [
      { when: new Date(0) },
      { custom: { toJSON: (key: string) => `key ${key}` } },
      { point: new Point(1, 2) },
      { map: new Map([[1, 2]]), set: new Set([1]) },
      // eslint-disable-next-line no-new-wrappers
      { boxed: [new String('s'), new Number(1), new Boolean(false)] },
      { arr: Object.assign([1], { toJSON: () => 'array' }) },
      { typed: new Uint8Array([1, 2]) },
    ];
    for (const v of values) expect(enc.encode(v).equals(plain(v))).toBe(true);
    // where JSON.stringify throws, so does the encoder
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => enc.encode(cyclic)).toThrow(TypeError);
    expect(() => enc.encode({ big: 1n })).toThrow(TypeError);
    // and it keeps working after
    expect(enc.encode({ ok: true }).toString()).toBe('{"ok":true}');
  });

  it('sees what JSON.stringify sees when Object.prototype has an enumerable property', () => {
    const enc = new JsonEncoder();
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      const v = { a: 1, nested: { b: [1, { c: 2 }] } };
      expect(enc.encode(v).equals(plain(v))).toBe(true);
    } finally {
      delete proto.polluted;
    }
  });

  it('frames a message as vscode-jsonrpc does, also when JSON.stringify writes it', () => {
    const enc = new JsonEncoder(8);
    for (const msg of [{ jsonrpc: '2.0', id: 1, result: { text: '报告'.repeat(50) } }, { jsonrpc: '2.0', id: 2, result: { when: new Date(0) } }]) {
      const body = plain(msg);
      expect(enc.frame(msg).equals(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]))).toBe(true);
    }
  });
});

/** What a writer puts on a stream, for these messages. */
async function wire(make: (out: PassThrough) => MessageWriter, msgs: Message[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = make(out);
  for (const m of msgs) await w.write(m);
  return Buffer.concat(chunks);
}

describe('stdio message writer', () => {
  it("puts the bytes of vscode-jsonrpc's StreamMessageWriter on the stream", async () => {
    const msgs = [
      { jsonrpc: '2.0', id: 0, result: { capabilities: { textDocumentSync: 2 } } },
      publishMessage(seed(SEED_000), 'zh', true, (id) => `file:///docs/${id}.md`),
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: 'report-lint：配置文件有误\n\ud800' } },
      { jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'invalid', data: { when: new Date(0) } } },
    ] as Message[];
    const ours = await wire((out) => new FramedMessageWriter(out), msgs);
    const theirs = await wire((out) => new StreamMessageWriter(out), msgs);
    expect(ours.length).toBeGreaterThan(100_000);
    // the same framing, the text in ASCII
    expect(ours.every((b) => b < 0x80)).toBe(true);
    expect(ours.length).toBeGreaterThan(theirs.length);
    // vscode-jsonrpc's reader reads back the messages JSON.stringify would have sent
    const reader = new StreamMessageReader(PassThrough.from([ours]));
    const read: unknown[] = [];
    await new Promise<void>((resolve) => {
      reader.listen((m) => {
        read.push(m);
        if (read.length === msgs.length) resolve();
      });
    });
    expect(read).toEqual(msgs.map((m) => JSON.parse(JSON.stringify(m))));
  });

  it('writes every string as the same JSON value in ASCII: astral characters, lone surrogates, U+2028, DEL, controls', () => {
    const strings = ['报告', '𠀀𠀁 😀', '\ud800', 'a\udc00b', '\u2028\u2029', '\u007f\u0080\u00ff', '\u0000\u001f"\\', '\ufeff\uffff', 'x'.repeat(300) + '报'];
    const enc = new JsonEncoder(8);
    for (const str of strings) {
      const v = { s: str, [str]: 1, list: [str] };
      const bytes = enc.encode(v);
      expect(bytes.every((b) => b < 0x80), JSON.stringify(str)).toBe(true);
      expect(JSON.parse(bytes.toString('latin1'))).toEqual(JSON.parse(JSON.stringify(v)));
      expect(bytes.equals(plain(v))).toBe(true);
      expect(asciiJson(JSON.stringify(v))).toBe(reference(JSON.stringify(v)));
    }
  });

  it('writes strings up to 4,096 characters in ASCII, longer ones (a whole document in an edit) in UTF-8, in linear time', () => {
    const enc = new JsonEncoder();
    const edge = { newText: '报'.repeat(4096) };
    expect(enc.encode(edge).equals(plain(edge))).toBe(true);
    const long = { newText: '报告，'.repeat(350_000) + '"\\\n' };
    expect(enc.encode(long).equals(Buffer.from(JSON.stringify(long), 'utf8'))).toBe(true);
    // the fallback (not plain data) escapes the whole text: over a million characters in a loop (≈ 15 ms), not a regex
    // callback per character (≈ 200 ms here)
    const other = { when: new Date(0), newText: long.newText };
    const t0 = performance.now();
    const bytes = enc.encode(other);
    const ms = performance.now() - t0;
    expect(bytes.equals(plain(other))).toBe(true);
    expect(ms).toBeLessThan(80);
  });

  it('rejects and reports a message it cannot write, and writes the next one', async () => {
    const out = new PassThrough();
    const w = new FramedMessageWriter(out);
    const errors: unknown[] = [];
    w.onError((e) => errors.push(e));
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    cyclic.params = cyclic;
    await expect(w.write(cyclic as unknown as Message)).rejects.toThrow(TypeError);
    expect(errors.length).toBe(1);
    await w.write({ jsonrpc: '2.0', method: 'y' } as Message);
    expect(String(out.read())).toBe('Content-Length: 30\r\n\r\n{"jsonrpc":"2.0","method":"y"}');
  });

  it('writes the messages of one turn of the event loop in one write, in order', async () => {
    const writes: Buffer[][] = [];
    const out = new Writable({
      writev(chunks, cb) {
        writes.push(chunks.map((c) => c.chunk as Buffer));
        cb();
      },
      write(chunk: Buffer, _enc, cb) {
        writes.push([chunk]);
        cb();
      },
    });
    const w = new FramedMessageWriter(out);
    const count = { jsonrpc: '2.0', method: 'reportLint/placeholderCount', params: { uri: 'file:///a.txt', count: 3, version: 2 } };
    const diags = publishMessage(seed(SEED_001), 'zh', false, () => undefined);
    await Promise.all([w.write(count as Message), w.write(diags as Message)]);
    expect(writes.length).toBe(1);
    const frame = (m: unknown) => Buffer.concat([Buffer.from(`Content-Length: ${plain(m).length}\r\n\r\n`), plain(m)]);
    expect(Buffer.concat(writes[0]).equals(Buffer.concat([frame(count), frame(diags)]))).toBe(true);
    // a later turn: a write of its own
    await w.write(count as Message);
    expect(writes.length).toBe(2);
  });

  it('reuses the buffer of a large message for a later one only once the stream has written it', async () => {
    // a stream that holds on to each chunk and writes it (here: copies it) only a while later, then says so; after
    // that the writer may use its memory again
    const written: Buffer[] = [];
    const blocks = new Set<ArrayBufferLike>();
    const out = new Writable({
      highWaterMark: 1 << 30,
      write(chunk: Buffer, _enc, cb) {
        blocks.add(chunk.buffer);
        setTimeout(() => {
          written.push(Buffer.from(chunk));
          cb();
        }, 3);
      },
    });
    const w = new FramedMessageWriter(out);
    const frame = (m: unknown) => Buffer.concat([Buffer.from(`Content-Length: ${plain(m).length}\r\n\r\n`), plain(m)]);
    const texts = [seed(SEED_000), seed(SEED_001), seed(SEED_000) + '\n\n' + seed(SEED_001)];
    const msgs = Array.from({ length: 9 }, (_, i) => publishMessage(texts[i % 3].replace('年', `${i}年`), i % 2 ? 'en' : 'zh', i % 2 === 0, () => undefined));
    expect(plain(msgs[0]).length).toBeGreaterThan(64 * 1024);
    // three at once, then the next three once those are written, and so on
    for (let k = 0; k < 9; k += 3) await Promise.all(msgs.slice(k, k + 3).map((m) => w.write(m as Message)));
    // every chunk, when written, still held its own message: none was written over while the stream held it
    expect(Buffer.concat(written).equals(Buffer.concat(msgs.map(frame)))).toBe(true);
    // and buffers were reused: fewer distinct memory blocks than messages
    expect(blocks.size).toBeLessThan(msgs.length);
  });
});
