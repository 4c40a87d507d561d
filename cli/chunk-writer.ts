// UTF-8 output written straight into large buffers, for the formats whose text is too large to build as one
// string (SARIF of a repository is hundreds of MB: one string, its UTF-8 copy and the garbage behind them made
// the run wait on memory, not on work). main writes the pieces one after the other.

const MIN_CHUNK = 1 << 20;
// The pieces main writes one by one. Measured on Linux (ext4): 460 MB to a file in one write() took up to 1 s of
// system time, in writes of 1–4 MB 0.1–1 s, in writes of 256 kB 0.11 s every time.
const WRITE_PIECE = 256 << 10;
// below Buffer's maximum length
const MAX_CHUNK = 1 << 30;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const LINE_L = Buffer.from(',"line":');
const COLUMN_L = Buffer.from(',"column":');
const END_LINE_L = Buffer.from(',"endLine":');
const END_COLUMN_L = Buffer.from(',"endColumn":');
const OFFSET_L = Buffer.from(',"offset":');
const END_OFFSET_L = Buffer.from(',"endOffset":');
// the labels (60 bytes) and six numbers of at most 10 digits
const POSITION_MAX = 60 + 6 * 10;
const FIX_OFFSET_L = Buffer.from(',"fix":{"edits":[{"offset":');
const TEXT_L = Buffer.from(',"text":');
const FIX_END_L = Buffer.from('}]}');
// the labels, two numbers of at most 10 digits and the closing }]}
const FIX_MAX = FIX_OFFSET_L.length + END_OFFSET_L.length + TEXT_L.length + 20 + 3;

export class ChunkWriter {
  private chunks: Uint8Array[] = [];
  private buf: Buffer;
  private len = 0;
  private total = 0;

  /**
   * `sizeHint`: the expected output size. The first buffer is that large: a buffer costs only the pages written
   * to, but every 64 MB allocated in separate buffers made V8 start one more full garbage collection.
   * `out`: stream instead: every WRITE_PIECE bytes are handed to it as they fill, and the buffer is used again
   * when `out` says the bytes are written (not queued). The memory is then a few pages, not the whole output's.
   */
  constructor(
    sizeHint = MIN_CHUNK,
    private readonly out?: (piece: Uint8Array) => boolean,
  ) {
    this.buf = Buffer.allocUnsafe(out ? WRITE_PIECE : Math.min(Math.max(sizeHint, MIN_CHUNK), MAX_CHUNK));
  }

  /** Streaming: hands what is written so far to `out`. */
  flush(): void {
    if (!this.out || this.len === 0) return;
    const written = this.out(this.buf.subarray(0, this.len));
    // queued bytes still belong to the stream: a new buffer then
    if (!written) this.buf = Buffer.allocUnsafe(this.buf.length);
    this.len = 0;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    if (this.out) {
      this.flush();
      if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
      return;
    }
    this.chunks.push(this.buf.subarray(0, this.len));
    this.total += this.len;
    // doubling the output so far: a few buffers, whatever the hint was
    this.buf = Buffer.allocUnsafe(Math.max(Math.min(Math.max(this.total, MIN_CHUNK), MAX_CHUNK), n));
    this.len = 0;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.len = writeBytes(this.buf, this.len, b);
  }

  /** Short ASCII text (a loop: cheaper than a call into C++ for a few characters). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < s.length; i++) buf[len++] = s.charCodeAt(i);
    this.len = len;
  }

  /** Text as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.len += this.buf.write(s, this.len);
  }

  /** `n` spaces. */
  spaces(n: number): void {
    this.room(n);
    const buf = this.buf;
    for (let i = 0; i < n; i++) buf[this.len++] = 32;
  }

  /** `,"line":a,"column":b,"endLine":c,"endColumn":d,"offset":e,"endOffset":f` (one room check for all of it). */
  position(a: number, b: number, c: number, d: number, e: number, f: number): void {
    if (!(a < 2 ** 31 && b < 2 ** 31 && c < 2 ** 31 && d < 2 ** 31 && e < 2 ** 31 && f < 2 ** 31)) {
      this.ascii(`,"line":${a},"column":${b},"endLine":${c},"endColumn":${d},"offset":${e},"endOffset":${f}`);
      return;
    }
    this.room(POSITION_MAX);
    this.label(LINE_L);
    this.int(a);
    this.label(COLUMN_L);
    this.int(b);
    this.label(END_LINE_L);
    this.int(c);
    this.label(END_COLUMN_L);
    this.int(d);
    this.label(OFFSET_L);
    this.int(e);
    this.label(END_OFFSET_L);
    this.int(f);
  }

  /** `,"fix":{"edits":[{"offset":a,"endOffset":b,"text":<text>}]}` with the text's JSON literal as UTF-8. */
  oneEditFix(a: number, b: number, text: Uint8Array): void {
    if (!(a < 2 ** 31 && b < 2 ** 31)) {
      this.ascii(`,"fix":{"edits":[{"offset":${a},"endOffset":${b},"text":`);
      this.bytes(text);
      this.ascii('}]}');
      return;
    }
    this.room(FIX_MAX + text.length);
    this.label(FIX_OFFSET_L);
    this.int(a);
    this.label(END_OFFSET_L);
    this.int(b);
    this.label(TEXT_L);
    this.bytes(text);
    this.label(FIX_END_L);
  }

  /** ASCII bytes with room already made. */
  private label(b: Uint8Array): void {
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < b.length; i++) buf[len++] = b[i];
    this.len = len;
  }

  /** A non-negative integer below 2^31, room already made. */
  private int(n: number): void {
    this.len = writeDigits(this.buf, this.len, n);
  }

  /** A number as String() (and, for finite numbers, JSON) writes it: integers below 2^31 digit by digit. */
  num(n: number): void {
    if (!(n >= 0 && n < 2 ** 31 && n === Math.floor(n))) return this.text(String(n));
    this.room(10);
    this.int(n);
  }

  /**
   * The output as one array in an ArrayBuffer of its own (a worker transfers it), not zero-filled; the writer is
   * emptied and can be used again, its buffer kept.
   */
  takeCopy(): Uint8Array {
    const out = Buffer.allocUnsafeSlow(this.total + this.len);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.buf.subarray(0, this.len), at);
    this.chunks = [];
    this.total = 0;
    this.len = 0;
    return out;
  }

  /**
   * The output, in pieces of at most WRITE_PIECE bytes (views, not copies); the writer is not to be used after.
   * Streaming: the rest is flushed, and nothing is left to return.
   */
  take(): Uint8Array[] {
    if (this.out) {
      this.flush();
      return [];
    }
    if (this.len) this.chunks.push(this.buf.subarray(0, this.len));
    const out: Uint8Array[] = [];
    for (const c of this.chunks) for (let at = 0; at < c.length; at += WRITE_PIECE) out.push(c.subarray(at, at + WRITE_PIECE));
    return out;
  }
}

/** The characters of a non-negative integer below 2^31 (others as String() writes them). */
export function numWidth(n: number): number {
  if (!(n >= 0 && n < 2 ** 31 && n === Math.floor(n))) return String(n).length;
  return digitCount(n);
}

/** The digits of a non-negative integer below 2^31. */
function digitCount(n: number): number {
  let digits = 1;
  while (digits < 10 && n >= POW10[digits]) digits++;
  return digits;
}

/**
 * Writes a non-negative integer below 2^31 digit by digit into `buf` at `at` (room for 10 bytes made), as String()
 * writes it; returns the offset after it. Shared by the CLI's writer and the language server's JSON encoder.
 */
export function writeDigits(buf: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 48 + n;
    return at + 1;
  }
  const end = at + digitCount(n);
  for (let m = n, k = end; m > 0; m = (m / 10) | 0) buf[--k] = 48 + (m % 10);
  return end;
}

/**
 * Copies `b` into `buf` at `at` (room made); returns the offset after it. A plain loop only for the shortest pieces:
 * measured, TypedArray#set was faster from about 12 bytes on. Shared by the CLI's writer and the server's encoder.
 */
export function writeBytes(buf: Uint8Array, at: number, b: Uint8Array): number {
  if (b.length > 12) {
    buf.set(b, at);
    return at + b.length;
  }
  for (let i = 0; i < b.length; i++) buf[at++] = b[i];
  return at;
}

/** `make(s)` computed once per distinct string (messages, rule ids and fix texts repeat thousands of times). */
export function memo<T>(make: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = make(s);
      // bounded: placeholder messages quote their context and are nearly all different
      if (seen.size < 50_000) seen.set(s, v);
    }
    return v;
  };
}

/** UTF-8 of `make(s)` (e.g. s escaped), made once per distinct string. */
export const encodedOnce = (make: (s: string) => string) => memo((s) => Buffer.from(make(s)) as Uint8Array);
