// The `--format json` entry of one file, written straight from the engine's findings into UTF-8 bytes.
// A run over a repository writes hundreds of thousands of findings: building an object per finding, then a
// string with JSON.stringify, then its UTF-8 with TextEncoder cost more than linting in the profile. Here the
// fixed parts are Latin-1 writes, numbers are written digit by digit, and each distinct string (messages, rule
// ids, fix texts repeat thousands of times) is escaped and encoded once. The bytes are exactly those of
// JSON.stringify({ file, diagnostics, placeholders, skipped? }) (test/cli/json-entry.test.ts).
import { messageText } from '../rules/engine';
import type { Finding, Lang, TextEdit } from '../rules/types';
import type { LineIndex } from '../rules/model/lines';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

class ByteWriter {
  buf = Buffer.allocUnsafe(64 * 1024);
  len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  // Plain loops, not Buffer#write/set: a call into C++ per piece cost more than the copying.
  /** ASCII only. */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < s.length; i++) buf[len++] = s.charCodeAt(i);
    this.len = len;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let len = this.len;
    if (b.length > 256) {
      buf.set(b, len);
      len += b.length;
    } else for (let i = 0; i < b.length; i++) buf[len++] = b[i];
    this.len = len;
  }

  /** A non-negative integer (below 2^31: offsets, lines, columns, counts). */
  int(n: number): void {
    this.room(16);
    const buf = this.buf;
    if (n < 10) {
      buf[this.len++] = 48 + n;
      return;
    }
    let digits = 2;
    while (digits < 10 && n >= POW10[digits]) digits++;
    let at = this.len + digits;
    this.len = at;
    for (let m = n | 0; m > 0; m = (m / 10) | 0) buf[--at] = 48 + (m % 10);
  }

  /** The bytes written, in an ArrayBuffer of their own (a worker transfers it). */
  take(): Uint8Array {
    // allocUnsafeSlow: not from the shared pool (a worker transfers the ArrayBuffer), and not zero-filled
    const out = Buffer.allocUnsafeSlow(this.len);
    this.buf.copy(out, 0, 0, this.len);
    this.len = 0;
    return out;
  }
}

// JSON string literals as UTF-8, one per distinct string. Bounded: placeholder messages quote their context and
// are all different.
const literals = new Map<string, Uint8Array>();
function literal(s: string): Uint8Array {
  let b = literals.get(s);
  if (b === undefined) {
    b = Buffer.from(JSON.stringify(s));
    if (literals.size < 20_000) literals.set(s, b);
  }
  return b;
}

const writer = new ByteWriter();

function edits(w: ByteWriter, es: TextEdit[]): void {
  w.ascii('[');
  for (let i = 0; i < es.length; i++) {
    w.ascii(i ? ',{"offset":' : '{"offset":');
    w.int(es[i].offset);
    w.ascii(',"endOffset":');
    w.int(es[i].endOffset);
    w.ascii(',"text":');
    w.bytes(literal(es[i].text));
    w.ascii('}');
  }
  w.ascii(']');
}

export interface JsonEntryFile {
  file: string;
  placeholders: number;
  skipped?: string;
}

/** The entry as UTF-8 bytes, with the counts by severity of all findings (before --quiet drops warnings). */
export function renderJsonEntry(
  report: JsonEntryFile,
  findings: Finding[],
  lines: LineIndex | undefined,
  lang: Lang,
  quiet: boolean,
): { json: Uint8Array; errors: number; warnings: number } {
  const w = writer;
  let errors = 0;
  let warnings = 0;
  w.ascii('{"file":');
  w.bytes(Buffer.from(JSON.stringify(report.file)));
  w.ascii(',"diagnostics":[');
  let first = true;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    if (quiet && f.severity !== 'error') continue;
    const s = lines!.position(f.offset);
    const e = f.endOffset === f.offset ? s : lines!.position(f.endOffset);
    w.ascii(first ? '{"rule":' : ',{"rule":');
    first = false;
    w.bytes(literal(f.ruleId));
    w.ascii(f.severity === 'error' ? ',"severity":"error","message":' : f.severity === 'warning' ? ',"severity":"warning","message":' : ',"severity":"info","message":');
    w.bytes(literal(messageText(f.message, lang)));
    w.ascii(',"line":');
    w.int(s.line + 1);
    w.ascii(',"column":');
    w.int(s.column + 1);
    w.ascii(',"endLine":');
    w.int(e.line + 1);
    w.ascii(',"endColumn":');
    w.int(e.column + 1);
    w.ascii(',"offset":');
    w.int(f.offset);
    w.ascii(',"endOffset":');
    w.int(f.endOffset);
    if (f.fix) {
      w.ascii(',"fix":{"edits":');
      edits(w, f.fix.edits);
      w.ascii('}');
    }
    if (f.suggestions?.length) {
      w.ascii(',"suggestions":[');
      f.suggestions.forEach((x, i) => {
        w.ascii(i ? ',{"title":' : '{"title":');
        w.bytes(literal(messageText(x.title, lang)));
        w.ascii(',"edits":');
        edits(w, x.edits);
        w.ascii('}');
      });
      w.ascii(']');
    }
    w.ascii('}');
  }
  w.ascii('],"placeholders":');
  w.int(report.placeholders);
  if (report.skipped !== undefined) {
    w.ascii(',"skipped":');
    w.bytes(Buffer.from(JSON.stringify(report.skipped)));
  }
  w.ascii('}');
  return { json: w.take(), errors, warnings };
}
