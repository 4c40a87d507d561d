// JSON messages written straight into bytes, for the Node server's stdio writer (server/transport.ts).
// publishDiagnostics of a 20,000-character report is about 440 KiB: JSON.stringify built it as one two-byte string
// and Buffer.from transcoded it, ≈ 2 ms per edit and a large string for the garbage collector. Here numbers are
// written digit by digit, each distinct string (messages, rule ids, links and property names repeat thousands of
// times) is escaped and encoded once, and a diagnostic kept from the last publish (server/stable-json.ts) is copied
// as it was written then.
// The text is that of JSON.stringify(msg) with every character from U+007F on written as a \u escape: the same JSON,
// in ASCII. A client then reads it a third faster: Node decodes 440 KiB of UTF-8 with Chinese in it in ≈ 1.4 ms and
// the same JSON in ASCII (550 KiB) in ≈ 0.4 ms, and JSON.parse takes about as long on either (vscode-jsonrpc, as the
// VS Code client and most LSP clients in JavaScript read a message). Anything that is not plain JSON data (toJSON,
// class instances, bigint, cycles) is left to JSON.stringify, for the whole message.

import { writeBytes, writeDigits } from '../cli/chunk-writer';
import { isStable } from './stable-json';

/** Strings longer than this are written as they come, not kept. */
const MAX_CACHED_STRING = 256;
/** The cache is emptied when it holds this many strings (a long session sees ever new messages). */
const MAX_CACHED = 10_000;

/** Messages from this size on are handed over in the encoder's buffer rather than copied (frameOwned). */
export const OWNED_MIN = 64 * 1024;

/** Room for the header before the body: `Content-Length: ` and at most 10 digits, then CRLF CRLF. */
const HEADER_ROOM = 32;

const NON_ASCII = /[\u007f-\uffff]/g;
const uEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text with every character from U+007F on as a \u escape (a pair for one outside the BMP): the same JSON value, in ASCII. */
export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, uEscape);
}

function stringify(value: unknown): string {
  const s = JSON.stringify(value);
  if (s === undefined) throw new TypeError('the message is not JSON data');
  return asciiJson(s);
}

/** Thrown inside the writer when the value is not plain data: JSON.stringify then writes the whole message. */
const NOT_PLAIN = new Error('not plain JSON data');

export class JsonEncoder {
  private buf: Buffer;
  private pos = 0;
  private readonly strings = new Map<string, Uint8Array>();
  private readonly keys = new Map<string, Uint8Array>();
  /** The bytes of stable objects met as array elements (diagnostics kept from one publish to the next). */
  private readonly stable = new WeakMap<object, Uint8Array>();

  constructor(initialSize = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** The bytes of asciiJson(JSON.stringify(value)) (a new buffer of its own); throws where JSON.stringify throws. */
  encode(value: unknown): Buffer {
    if (this.plain(value, 0)) return Buffer.from(this.buf.subarray(0, this.pos));
    return Buffer.from(stringify(value), 'utf8');
  }

  /**
   * An LSP message as it goes on the wire, `Content-Length: <bytes>\r\n\r\n` and asciiJson(JSON.stringify(msg)),
   * in one buffer of its own.
   */
  frame(msg: unknown): Buffer {
    if (this.plain(msg, HEADER_ROOM)) {
      const header = `Content-Length: ${this.pos - HEADER_ROOM}\r\n\r\n`;
      const start = HEADER_ROOM - header.length;
      this.buf.write(header, start, 'latin1');
      return Buffer.from(this.buf.subarray(start, this.pos));
    }
    const body = Buffer.from(stringify(msg), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]);
  }

  /**
   * frame(), without the copy: the bytes are a view of the buffer the encoder wrote into, and that buffer (`owner`)
   * is handed over with them; the encoder goes on in a spare (a buffer given back once written) or a new one. A
   * publishDiagnostics is ≈ 0.5 MB: a fresh copy of it on every edit cost ≈ 0.3 ms, most of it page faults on new
   * memory, and two buffers taking turns cost none.
   */
  frameOwned(msg: unknown, takeSpare?: () => Buffer | undefined): { bytes: Buffer; owner: Buffer } {
    if (!this.plain(msg, HEADER_ROOM)) {
      const bytes = this.frame(msg);
      return { bytes, owner: bytes };
    }
    const header = `Content-Length: ${this.pos - HEADER_ROOM}\r\n\r\n`;
    const start = HEADER_ROOM - header.length;
    this.buf.write(header, start, 'latin1');
    // a small message is copied (cheap), and the encoder keeps its buffer
    if (this.pos - start < OWNED_MIN) {
      const copy = Buffer.from(this.buf.subarray(start, this.pos));
      return { bytes: copy, owner: copy };
    }
    const owner = this.buf;
    const bytes = owner.subarray(start, this.pos);
    const spare = takeSpare?.();
    this.buf = spare && spare !== owner && spare.length >= OWNED_MIN ? spare : Buffer.allocUnsafe(owner.length);
    this.pos = 0;
    return { bytes, owner };
  }

  /** Writes plain JSON data from `at` on, up to `pos`; false for anything JSON.stringify is to decide. */
  private plain(value: unknown, at: number): boolean {
    if (typeof value !== 'object' || value === null || polluted()) return false;
    this.pos = 0;
    this.room(at);
    this.pos = at;
    try {
      this.value(value);
      return true;
    } catch {
      // not plain data, or too deep: JSON.stringify decides (and throws its own error where it throws)
      return false;
    }
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  private byte(c: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = c;
  }

  private bytes(b: Uint8Array): void {
    this.room(b.length);
    this.pos = writeBytes(this.buf, this.pos, b);
  }

  /** JSON text (ASCII or not) as UTF-8: at most 3 bytes per UTF-16 unit. */
  private text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  private string(s: string): void {
    if (s.length > MAX_CACHED_STRING) return this.text(asciiJson(JSON.stringify(s)));
    let b = this.strings.get(s);
    if (b === undefined) {
      // JSON.stringify escapes lone surrogates, and asciiJson the rest: ASCII, one byte per character
      b = Buffer.from(asciiJson(JSON.stringify(s)), 'latin1');
      if (this.strings.size >= MAX_CACHED) this.strings.clear();
      this.strings.set(s, b);
    }
    this.bytes(b);
  }

  /** `"name":` */
  private key(k: string): void {
    let b = this.keys.get(k);
    if (b === undefined) {
      b = Buffer.from(asciiJson(JSON.stringify(k)) + ':', 'latin1');
      if (this.keys.size >= MAX_CACHED) this.keys.clear();
      this.keys.set(k, b);
    }
    this.bytes(b);
  }

  private number(n: number): void {
    if (!(n >= 0 && n < 2 ** 31 && n === Math.floor(n))) return this.text(Number.isFinite(n) ? String(n) : 'null');
    this.room(10);
    this.pos = writeDigits(this.buf, this.pos, n);
  }

  private value(v: unknown): void {
    switch (typeof v) {
      case 'string':
        return this.string(v);
      case 'number':
        return this.number(v);
      case 'boolean':
        return this.text(v ? 'true' : 'false');
      case 'object':
        if (v === null) return this.text('null');
        if (Array.isArray(v)) return this.array(v);
        return this.object(v as Record<string, unknown>);
      default:
        // undefined, a function or a symbol where a value must be, a bigint: JSON.stringify's business
        throw NOT_PLAIN;
    }
  }

  private array(a: unknown[]): void {
    if (Object.getPrototypeOf(a) !== Array.prototype || (a as { toJSON?: unknown }).toJSON !== undefined) throw NOT_PLAIN;
    this.byte(91); // [
    for (let i = 0; i < a.length; i++) {
      if (i > 0) this.byte(44); // ,
      const x = a[i];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') this.text('null');
      else if (typeof x === 'object' && x !== null && isStable(x)) this.stableValue(x);
      else this.value(x);
    }
    this.byte(93); // ]
  }

  /** An element that never changes (server/stable-json.ts): its bytes are written once, then copied. */
  private stableValue(x: object): void {
    const known = this.stable.get(x);
    if (known !== undefined) return this.bytes(known);
    const start = this.pos;
    this.value(x);
    // a copy of its own, not a slice of Buffer's shared pool: a kept diagnostic would keep 8 KB of it alive
    const own = new Uint8Array(this.pos - start);
    own.set(this.buf.subarray(start, this.pos));
    this.stable.set(x, own);
  }

  private object(o: Record<string, unknown>): void {
    const proto = Object.getPrototypeOf(o);
    if ((proto !== Object.prototype && proto !== null) || o.toJSON !== undefined) throw NOT_PLAIN;
    this.byte(123); // {
    let first = true;
    // own enumerable string keys in JSON.stringify's order (Object.prototype has no enumerable keys: polluted())
    for (const k in o) {
      const x = o[k];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      if (!first) this.byte(44);
      first = false;
      this.key(k);
      this.value(x);
    }
    this.byte(125); // }
  }
}

/** Whether Object.prototype has an enumerable property: for-in would then see keys JSON.stringify does not. */
function polluted(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}
