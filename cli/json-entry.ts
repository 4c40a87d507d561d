// The `--format json` entry of one file, written straight from the engine's findings into UTF-8 bytes.
// A run over a repository writes hundreds of thousands of findings: building an object per finding, then a
// string with JSON.stringify, then its UTF-8 with TextEncoder cost more than linting in the profile. Here the
// fixed parts are ASCII writes, numbers are written digit by digit, and each distinct string (messages, rule
// ids, fix texts repeat thousands of times) is escaped and encoded once. The bytes are exactly those of
// JSON.stringify({ file, diagnostics, placeholders, skipped?, limits? }) (test/cli/json-entry.test.ts).
import { messageText } from '../rules/engine';
import type { Finding, Lang, TextEdit } from '../rules/types';
import type { LineIndex } from '../rules/model/lines';
import type { Locator } from './lint-file';
import { ChunkWriter, encodedOnce } from './chunk-writer';

// JSON string literals as UTF-8, once per distinct string.
const literal = encodedOnce((s) => JSON.stringify(s));

// One writer for every entry, emptied by takeCopy: its buffer stays warm.
const writer = new ChunkWriter(64 * 1024);

function edits(w: ChunkWriter, es: TextEdit[]): void {
  w.ascii('[');
  for (let i = 0; i < es.length; i++) {
    w.ascii(i ? ',{"offset":' : '{"offset":');
    w.num(es[i].offset);
    w.ascii(',"endOffset":');
    w.num(es[i].endOffset);
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
  /** Limits that were hit (an additive field: only present when there are some). */
  limits?: unknown[];
}

/** The entry as UTF-8 bytes in an ArrayBuffer of its own, with the counts by severity of all findings (before --quiet drops warnings). */
export function renderJsonEntry(
  report: JsonEntryFile,
  findings: Finding[],
  lines: LineIndex | undefined,
  lang: Lang,
  quiet: boolean,
  locate?: Locator,
): { json: Uint8Array; errors: number; warnings: number } {
  const counts = writeJsonEntry(writer, report, findings, lines, lang, quiet, locate);
  return { json: writer.takeCopy(), ...counts };
}

// `{"rule":"<id>","severity":"<severity>","message":` with the comma before it or not: per rule, six heads
// (rule ids are the rules' own strings, so the lookup does not hash a new string per finding)
const SEVERITY_INDEX: Record<string, number> = { error: 0, warning: 1, info: 2 };
const heads = new Map<string, Uint8Array[]>();
function head(comma: boolean, ruleId: string, severity: string): Uint8Array {
  let hs = heads.get(ruleId);
  if (!hs) {
    hs = [];
    for (const c of ['', ',']) for (const sev of ['error', 'warning', 'info']) hs.push(Buffer.from(`${c}{"rule":${JSON.stringify(ruleId)},"severity":"${sev}","message":`));
    heads.set(ruleId, hs);
  }
  return hs[(comma ? 3 : 0) + SEVERITY_INDEX[severity]];
}
const LINE = Buffer.from(',"line":');
const COLUMN = Buffer.from(',"column":');
const END_LINE = Buffer.from(',"endLine":');
const END_COLUMN = Buffer.from(',"endColumn":');
const OFFSET = Buffer.from(',"offset":');
const END_OFFSET = Buffer.from(',"endOffset":');

/** Writes the entry into `w` (the run's output, or a writer to copy it from); returns the counts by severity. */
export function writeJsonEntry(
  w: ChunkWriter,
  report: JsonEntryFile,
  findings: Finding[],
  lines: LineIndex | undefined,
  lang: Lang,
  quiet: boolean,
  locate?: Locator,
): { errors: number; warnings: number } {
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
    w.bytes(head(!first, f.ruleId, f.severity));
    first = false;
    w.bytes(literal(messageText(f.message, lang)));
    w.bytes(LINE);
    w.num(s.line + 1);
    w.bytes(COLUMN);
    w.num(s.column + 1);
    w.bytes(END_LINE);
    w.num(e.line + 1);
    w.bytes(END_COLUMN);
    w.num(e.column + 1);
    w.bytes(OFFSET);
    w.num(f.offset);
    w.bytes(END_OFFSET);
    w.num(f.endOffset);
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
    // a .docx: where the finding is in Word's terms (after the fields every entry has, as toDiagnostics puts them)
    const at = locate?.(f.offset, f.endOffset);
    if (at) {
      w.ascii(',"location":');
      w.bytes(Buffer.from(JSON.stringify(at.location)));
      w.ascii(',"excerpt":');
      w.bytes(Buffer.from(JSON.stringify(at.excerpt)));
    }
    w.ascii('}');
  }
  w.ascii('],"placeholders":');
  w.num(report.placeholders);
  if (report.skipped !== undefined) {
    w.ascii(',"skipped":');
    w.bytes(Buffer.from(JSON.stringify(report.skipped)));
  }
  if (report.limits?.length) {
    w.ascii(',"limits":');
    w.bytes(Buffer.from(JSON.stringify(report.limits)));
  }
  w.ascii('}');
  return { errors, warnings };
}
