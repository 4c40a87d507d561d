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

// `{"rule":"<id>","severity":"<severity>","message":<message>` with the comma before it or not, as one piece per
// rule, severity and message: messages repeat thousands of times in a repository (half-width commas), so most
// findings cost one lookup and one copy here. Keyed by the message string, holding the rule it was made for (a
// message is one rule's in practice; another rule's finding with the same text takes the slower path).
const SEVERITY_INDEX: Record<string, number> = { error: 0, warning: 1, info: 2 };
interface Head {
  ruleId: string;
  pieces: (Uint8Array | undefined)[];
}
const heads = new Map<string, Head>();
function headPiece(comma: boolean, ruleId: string, severity: string, message: string): Uint8Array {
  let h = heads.get(message);
  if (!h || h.ruleId !== ruleId) {
    // bounded like the literals: placeholder messages quote their context and are nearly all different
    if (heads.size >= 50_000) heads.clear();
    h = { ruleId, pieces: [] };
    heads.set(message, h);
  }
  const k = (comma ? 3 : 0) + SEVERITY_INDEX[severity];
  return (h.pieces[k] ??= Buffer.from(`${comma ? ',' : ''}{"rule":${JSON.stringify(ruleId)},"severity":"${severity}","message":${JSON.stringify(message)}`));
}

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
  // findings come sorted by offset: their lines are found by walking forward from the previous one (a binary
  // search only when an offset goes back)
  const starts = lines?.starts ?? [0];
  let line = 0;
  const lineOf = (offset: number): number => {
    if (offset < starts[line]) return lines!.position(offset).line;
    let l = line;
    while (l + 1 < starts.length && starts[l + 1] <= offset) l++;
    return l;
  };
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    if (quiet && f.severity !== 'error') continue;
    const sl = (line = lineOf(f.offset));
    const el = f.endOffset === f.offset ? sl : lineOf(f.endOffset);
    w.bytes(headPiece(!first, f.ruleId, f.severity, messageText(f.message, lang)));
    first = false;
    w.position(sl + 1, f.offset - starts[sl] + 1, el + 1, f.endOffset - starts[el] + 1, f.offset, f.endOffset);
    if (f.fix) {
      const es = f.fix.edits;
      // one edit (nearly every fix): written in one call
      if (es.length === 1) w.oneEditFix(es[0].offset, es[0].endOffset, literal(es[0].text));
      else {
        w.ascii(',"fix":{"edits":');
        edits(w, es);
        w.ascii('}');
      }
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
