// How the server reads LSP messages. Over stdio a client can send anything: a Content-Length larger than its
// body, a huge Content-Length, bytes that are not JSON. vscode-jsonrpc's stream reader then waited forever
// (every later message was swallowed as the rest of the body) or buffered without limit, and a body that was not
// JSON got no answer. This reader bounds what it buffers and finds its way back to the next message; the guard
// answers requests sent before `initialize` as LSP says. The writer puts each message on the stream in one write.
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ErrorCodes,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { JsonEncoder, OWNED_MIN } from './json-encoder';

/** A Content-Length above this is refused: the message is skipped, with an error in the log. */
export const MAX_CONTENT_LENGTH = 64 * 1024 * 1024;
/** Header bytes (up to the blank line) above this are refused as well. */
export const MAX_HEADER_LENGTH = 8 * 1024;
/** A body that stops short of its Content-Length and then sees no data for this long is read as it is. */
export const SHORT_BODY_WAIT_MS = 1000;

export type FrameProblem = (message: string) => void;

const HEADER_END = Buffer.from('\r\n\r\n');
const NAMES = [Buffer.from('Content-Length:'), Buffer.from('content-length:')];

/**
 * Offset in [from, to) of a `Content-Length: <digits>\r\n` header line, or -1. Such bytes never occur inside a JSON
 * body (a raw CR is not allowed in a JSON string, and the name is not JSON outside one), so where one starts the
 * current body has ended, whatever its Content-Length said.
 */
function headerStart(whole: Buffer, from: number, to: number): number {
  const buf = whole.subarray(0, to);
  let best = -1;
  for (const name of NAMES) {
    let at = buf.indexOf(name, from);
    while (at >= 0 && at + name.length <= to) {
      let i = at + name.length;
      while (i < to && (buf[i] === 32 || buf[i] === 9)) i++;
      const digits = i;
      while (i < to && buf[i] >= 48 && buf[i] <= 57) i++;
      if (i > digits && i + 1 < to && buf[i] === 13 && buf[i + 1] === 10) {
        const start = withContentType(buf, at, from);
        if (best < 0 || start < best) best = start;
        break;
      }
      at = buf.indexOf(name, at + 1);
    }
  }
  return best >= 0 && best < to ? best : -1;
}

const CONTENT_TYPE = Buffer.from('content-type:');

/** Where the header holding the Content-Length line at `at` starts: a Content-Type line right before it belongs to it. */
function withContentType(buf: Buffer, at: number, from: number): number {
  if (at - 2 < from || buf[at - 1] !== 10 || buf[at - 2] !== 13) return at;
  // the line before, within 256 bytes
  let s = at - 2;
  while (s > from && s > at - 258 && buf[s - 1] !== 10) s--;
  const line = buf.subarray(s, at - 2);
  if (line.length >= CONTENT_TYPE.length && line.subarray(0, CONTENT_TYPE.length).toString('latin1').toLowerCase() === 'content-type:') return s;
  // a JSON body can end right before the header: look for `Content-Type:` inside the line, after the body's last byte
  const text = line.toString('latin1');
  const k = text.toLowerCase().lastIndexOf('content-type:');
  // not inside a JSON string: a header value holds no quote or brace
  return k >= 0 && !/["{}]/.test(text.slice(k)) ? s + k : at;
}

/** LSP base protocol over a byte stream (stdio), bounded and self-resynchronising. */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  private buf = Buffer.alloc(64 * 1024);
  private start = 0;
  private end = 0;
  /** Declared length of the body being read; -1 while reading headers. */
  private bodyLength = -1;
  /** Discarding an oversized message: bytes are dropped until the next header. */
  private skipping = false;
  /** Where the search for a header inside the pending body goes on (relative to start). */
  private scanned = 0;
  private timer: NodeJS.Timeout | undefined;
  private callback: DataCallback | undefined;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly problem: FrameProblem,
    /** Answers a message that could not be read (parse error, invalid request). */
    private readonly reply: (m: Message) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (d: Buffer | string) => this.onData(typeof d === 'string' ? Buffer.from(d, 'utf8') : d);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    this.readable.on('end', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
        this.readable.off('end', onClose);
        if (this.timer) clearTimeout(this.timer);
      },
    };
  }

  private get length(): number {
    return this.end - this.start;
  }

  private append(data: Buffer): void {
    if (this.start > 0 && this.end + data.length > this.buf.length) {
      this.buf.copy(this.buf, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end + data.length > this.buf.length) {
      const grown = Buffer.alloc(Math.max(this.end + data.length, 2 * this.buf.length));
      this.buf.copy(grown, 0, 0, this.end);
      this.buf = grown;
    }
    data.copy(this.buf, this.end);
    this.end += data.length;
  }

  private drop(n: number): void {
    this.start += n;
    if (this.start === this.end) this.start = this.end = 0;
  }

  private onData(data: Buffer): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    try {
      this.append(data);
      this.drain();
    } catch (e) {
      this.problem(`reading a message failed: ${e instanceof Error ? e.message : String(e)}`);
      this.start = this.end = 0;
      this.bodyLength = -1;
    }
  }

  private drain(): void {
    for (;;) {
      if (this.skipping) {
        const at = headerStart(this.buf, this.start, this.end);
        if (at < 0) {
          // keep a tail in which a header may have begun
          const keep = Math.min(this.length, 64);
          this.drop(this.length - keep);
          return;
        }
        this.drop(at - this.start);
        this.skipping = false;
      }
      if (this.bodyLength < 0) {
        const limit = Math.min(this.end, this.start + MAX_HEADER_LENGTH + HEADER_END.length);
        // only the bytes held: the buffer beyond `end` is stale
        const h = this.buf.subarray(0, limit).indexOf(HEADER_END, this.start);
        if (h < 0) {
          if (this.length > MAX_HEADER_LENGTH + HEADER_END.length) {
            this.problem(`a message header is longer than ${MAX_HEADER_LENGTH} bytes; skipped up to the next Content-Length header`);
            this.drop(1);
            this.skipping = true;
            continue;
          }
          return;
        }
        const header = this.buf.toString('latin1', this.start, h);
        this.drop(h + HEADER_END.length - this.start);
        const m = /(?:^|\r\n)content-length:[ \t]*([^\r\n]*)/i.exec(header);
        const value = m?.[1].trim() ?? '';
        if (!/^\d{1,20}$/.test(value)) {
          this.problem(m ? `invalid Content-Length "${value.slice(0, 40)}"; the message was skipped` : 'a message header without Content-Length was skipped');
          this.skipping = true;
          continue;
        }
        const n = Number(value);
        if (n > MAX_CONTENT_LENGTH) {
          this.problem(`Content-Length ${value} exceeds the limit of ${MAX_CONTENT_LENGTH} bytes; the message was skipped`);
          this.skipping = true;
          continue;
        }
        this.bodyLength = n;
        this.scanned = 0;
      }
      // A header inside the declared body means the body was shorter than its Content-Length said.
      const to = Math.min(this.end, this.start + this.bodyLength);
      const at = headerStart(this.buf, this.start + this.scanned, to);
      if (at >= 0) {
        const declared = this.bodyLength;
        const body = this.take(at - this.start);
        this.problem(`Content-Length ${declared} is larger than the body (${body.length} bytes)`);
        this.deliver(body);
        continue;
      }
      if (this.length >= this.bodyLength) {
        this.deliver(this.take(this.bodyLength));
        continue;
      }
      this.scanned = Math.max(0, this.length - 64);
      // Nothing more may come: a short body followed by silence is read as it is, if it is a whole message.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.readShortBody();
      }, SHORT_BODY_WAIT_MS);
      return;
    }
  }

  private take(n: number): Buffer {
    const body = Buffer.from(this.buf.subarray(this.start, this.start + n));
    this.drop(n);
    this.bodyLength = -1;
    this.scanned = 0;
    return body;
  }

  private readShortBody(): void {
    if (this.bodyLength < 0 || this.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.buf.toString('utf8', this.start, this.end));
    } catch {
      return; // an unfinished body: wait on
    }
    const declared = this.bodyLength;
    const n = this.length;
    this.take(n);
    this.problem(`Content-Length ${declared} is larger than the body (${n} bytes)`);
    this.dispatch(parsed);
  }

  private deliver(body: Buffer): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (e) {
      this.problem(`a message body is not JSON (${e instanceof Error ? e.message : String(e)})`);
      this.reply({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: 'Parse error: the message body is not valid JSON' } } as Message);
      return;
    }
    this.dispatch(parsed);
  }

  private dispatch(parsed: unknown): void {
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.problem('a message that is not a JSON object was skipped');
      this.reply({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.InvalidRequest, message: 'Invalid request: a message must be a JSON object' } } as Message);
      return;
    }
    this.callback?.(parsed as Message);
  }
}

/**
 * LSP: before the `initialize` request, a request gets ServerNotInitialized (-32002) and a notification is dropped
 * (except `exit`). Wraps any reader; `reply` writes straight to the client.
 */
export class InitializeGuard extends AbstractMessageReader implements MessageReader {
  private initializing = false;

  constructor(
    private readonly inner: MessageReader,
    private readonly reply: (m: Message) => void,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((p) => this.firePartialMessage(p));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((m) => {
      if (this.initializing) return callback(m);
      const msg = m as { id?: unknown; method?: unknown };
      if (typeof msg.method !== 'string') return callback(m); // a response: the connection sorts it out
      if (msg.method === 'initialize') {
        this.initializing = true;
        return callback(m);
      }
      if (msg.id !== undefined && msg.id !== null) {
        this.reply({
          jsonrpc: '2.0',
          id: msg.id,
          error: { code: ErrorCodes.ServerNotInitialized, message: `the server is not initialized: ${msg.method} before initialize` },
        } as Message);
        return;
      }
      if (msg.method === 'exit') return callback(m);
    });
  }

  dispose(): void {
    this.inner.dispose();
    super.dispose();
  }
}

/** Buffers kept for reuse: the encoder's, handed over with a large message and given back once it is written. */
const MAX_SPARE = 2;

/**
 * LSP base protocol onto a byte stream (stdio): vscode-jsonrpc's StreamMessageWriter's framing, written in one write
 * instead of two (header, then body), with the JSON written straight into bytes, in ASCII (server/json-encoder.ts). A
 * publishDiagnostics of 1,300 diagnostics is about 550 KiB: one string less for the collector, and the client is woken
 * once for the header and body.
 */
export class FramedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  private corked = false;
  private readonly encoder = new JsonEncoder();
  /** Buffers written out, for the encoder to write the next messages into. */
  private readonly spare: Buffer[] = [];
  private readonly takeSpare = () => this.spare.pop();

  constructor(private readonly writable: NodeJS.WritableStream) {
    super();
    writable.on('error', (e: Error) => this.fireError(e));
    writable.on('close', () => this.fireClose());
    process.once('exit', () => this.flush());
  }

  write(msg: Message): Promise<void> {
    let bytes: Buffer;
    let owner: Buffer;
    try {
      ({ bytes, owner } = this.encoder.frameOwned(msg, this.takeSpare));
    } catch (e) {
      this.fireError(e);
      return Promise.reject(e);
    }
    // encoded at once, so messages go out in the order they were written
    return new Promise<void>((resolve, reject) => {
      const failed = (e: unknown) => {
        this.errorCount++;
        this.fireError(e, msg, this.errorCount);
        reject(e);
      };
      try {
        this.batch();
        this.writable.write(bytes, (e?: Error | null) => {
          // written: the buffer may take the next message (never before: the stream holds it until then)
          if (!e && this.spare.length < MAX_SPARE && owner.length >= OWNED_MIN && owner !== bytes) this.spare.push(owner);
          if (e) failed(e);
          else resolve();
        });
      } catch (e) {
        failed(e);
      }
    });
  }

  /**
   * Messages written in one turn of the event loop go out together (the placeholder count, then the diagnostics of
   * the same lint): one write, and the client is woken once.
   */
  private batch(): void {
    if (this.corked) return;
    const w = this.writable as NodeJS.WritableStream & { cork?: () => void; uncork?: () => void };
    if (typeof w.cork !== 'function' || typeof w.uncork !== 'function') return;
    this.corked = true;
    w.cork();
    setImmediate(() => this.flush());
  }

  /** Writes what is batched (also when the process exits before the next turn: a pipe is written synchronously). */
  private flush(): void {
    if (!this.corked) return;
    this.corked = false;
    (this.writable as NodeJS.WritableStream & { uncork(): void }).uncork();
  }

  /** Encodes a message and drops it: the warm-up runs the encoder as a publish does, without sending anything. */
  rehearse(msg: unknown): void {
    this.encoder.frame(msg);
  }

  end(): void {
    this.writable.end();
  }
}
