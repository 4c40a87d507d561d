// JSON messages written straight into bytes, for the Node server's stdio writer (server/transport.ts).
// publishDiagnostics of a 20,000-character report is about 440 KiB: JSON.stringify built it as one two-byte string
// and Buffer.from transcoded it, ≈ 2 ms per edit and a large string for the garbage collector. Here numbers are
// written digit by digit, each distinct string (messages, rule ids, links and property names repeat thousands of
// times) is escaped and encoded once, and a diagnostic kept from the last publish (server/stable-json.ts) is copied
// as it was written then.
// The text is that of JSON.stringify(msg) with every character from U+007F on written as a \u escape (but in strings
// of over 4,096 characters): the same JSON, in ASCII. A client then reads it a third faster: Node decodes 440 KiB of
// UTF-8 with Chinese in it in ≈ 1.4 ms and the same JSON in ASCII (550 KiB) in ≈ 0.4 ms, and JSON.parse takes about
// as long on either (vscode-jsonrpc, as the VS Code client and most LSP clients in JavaScript read a message). Anything that is not plain JSON data (toJSON,
// class instances, bigint, cycles) is left to JSON.stringify, for the whole message.

import { writeBytes, writeDigits } from '../cli/chunk-writer';
import { isStable } from './stable-json';

/** Strings longer than this are written as they come, not kept. */
const MAX_CACHED_STRING = 256;
/**
 * Strings longer than this (a whole document in an edit) are written in UTF-8, not escaped: escapes would double their
 * bytes, and such a message is not one a writer waits for while typing. Diagnostics' strings are far shorter.
 */
const MAX_ASCII_STRING = 4096;
/** The cache is emptied when it holds this many strings (a long session sees ever new messages). */
const MAX_CACHED = 10_000;

/** Messages from this size on are handed over in the encoder's buffer rather than copied (frameOwned). */
export const OWNED_MIN = 64 * 1024;

/** Room for the header before the body: `Content-Length: ` and at most 10 digits, then CRLF CRLF. */
const HEADER_ROOM = 32;

const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
/** The escape after a backslash for the control characters JSON.stringify writes short (\b \t \n \f \r), else 0. */
const SHORT_ESCAPE = new Uint8Array(0x20);
SHORT_ESCAPE[0x08] = 0x62;
SHORT_ESCAPE[0x09] = 0x74;
SHORT_ESCAPE[0x0a] = 0x6e;
SHORT_ESCAPE[0x0c] = 0x66;
SHORT_ESCAPE[0x0d] = 0x72;

/** `\uXXXX` (lowercase hex, as JSON.stringify writes it) at `at`; returns the end. */
function writeUEscape(buf: Uint8Array, at: number, c: number): number {
  buf[at] = 0x5c;
  buf[at + 1] = 0x75;
  buf[at + 2] = HEX[c >> 12];
  buf[at + 3] = HEX[(c >> 8) & 15];
  buf[at + 4] = HEX[(c >> 4) & 15];
  buf[at + 5] = HEX[c & 15];
  return at + 6;
}

/**
 * The JSON string literal of `s` in ASCII at `at` (room for 6 bytes per character and the quotes must be there):
 * JSON.stringify's literal with every character from U+007F on as a \u escape. Returns the end.
 */
function writeAsciiString(buf: Uint8Array, at: number, s: string): number {
  buf[at++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x22 || c === 0x5c) buf[at++] = 0x5c;
      buf[at++] = c;
    } else if (c < 0x20 && SHORT_ESCAPE[c] !== 0) {
      buf[at++] = 0x5c;
      buf[at++] = SHORT_ESCAPE[c];
    } else at = writeUEscape(buf, at, c);
  }
  buf[at++] = 0x22;
  return at;
}

/** JSON text in ASCII bytes: every character from U+007F on (they are all inside strings) as a \u escape. */
function asciiJsonBytes(json: string): Buffer {
  let wide = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) >= 0x7f) wide++;
  const out = Buffer.allocUnsafe(json.length + wide * 5);
  let at = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x7f) out[at++] = c;
    else at = writeUEscape(out, at, c);
  }
  return out;
}

/** JSON text with every character from U+007F on as a \u escape (a pair for one outside the BMP): the same JSON value, in ASCII. */
export function asciiJson(json: string): string {
  return asciiJsonBytes(json).toString('latin1');
}

function stringify(value: unknown): Buffer {
  const s = JSON.stringify(value);
  if (s === undefined) throw new TypeError('the message is not JSON data');
  return asciiJsonBytes(s);
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
    return stringify(value);
  }

  /**
   * An LSP message as it goes on the wire, `Content-Length: <bytes>\r\n\r\n` and asciiJson(JSON.stringify(msg)),
   * in one buffer of its own.
   */
  frame(msg: unknown): Buffer {
    if (this.plain(msg, HEADER_ROOM)) return Buffer.from(this.buf.subarray(this.header(), this.pos));
    const body = stringify(msg);
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
    const start = this.header();
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

  /** The header before a body written from HEADER_ROOM to `pos`, put right before it; returns where it starts. */
  private header(): number {
    const header = `Content-Length: ${this.pos - HEADER_ROOM}\r\n\r\n`;
    const start = HEADER_ROOM - header.length;
    this.buf.write(header, start, 'latin1');
    return start;
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

  /** JSON text as UTF-8 (numbers, true, false, null, and the literals of very long strings): at most 3 bytes per UTF-16 unit. */
  private text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** The literal of `s`, in ASCII, written in place. */
  private literal(s: string): void {
    this.room(s.length * 6 + 3);
    this.pos = writeAsciiString(this.buf, this.pos, s);
  }

  private string(s: string): void {
    // JSON.stringify escapes lone surrogates, so the literal is well-formed and its UTF-8 exact
    if (s.length > MAX_ASCII_STRING) return this.text(JSON.stringify(s));
    if (s.length > MAX_CACHED_STRING) return this.literal(s);
    const b = this.strings.get(s);
    if (b !== undefined) return this.bytes(b);
    const start = this.pos;
    this.literal(s);
    if (this.strings.size >= MAX_CACHED) this.strings.clear();
    this.strings.set(s, Buffer.from(this.buf.subarray(start, this.pos)));
  }

  /** `"name":` */
  private key(k: string): void {
    const b = this.keys.get(k);
    if (b !== undefined) return this.bytes(b);
    const start = this.pos;
    this.literal(k);
    this.byte(58); // :
    if (this.keys.size >= MAX_CACHED) this.keys.clear();
    this.keys.set(k, Buffer.from(this.buf.subarray(start, this.pos)));
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
