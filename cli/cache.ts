// --cache: each file's report stored under its absolute path, valid while the file's content hash and the
// run's key (config, language, inline-config flag, report-lint build) are unchanged. A corrupt or foreign
// cache file is ignored, never an error: the cache only ever saves work.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FileReport } from './lint-file';

interface Entry {
  hash: string;
  key: string;
  report: FileReport;
}

interface CacheFile {
  format: 'report-lint-cache/1';
  files: Record<string, Entry>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const SEVERITY = new Set(['error', 'warning', 'info']);
const POSITIONS = ['line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset'] as const;

function validEdits(v: unknown): boolean {
  return Array.isArray(v) && v.every((e) => isObject(e) && isCount(e.offset) && isCount(e.endOffset) && typeof e.text === 'string');
}

/** Whether a cached report has every field the formats read, each of the right type. */
function validReport(r: unknown): r is FileReport {
  if (!isObject(r) || !Array.isArray(r.diagnostics) || !isCount(r.placeholders)) return false;
  if (r.skipped !== undefined && typeof r.skipped !== 'string') return false;
  if (r.internalErrors !== undefined && !(Array.isArray(r.internalErrors) && r.internalErrors.every((m) => typeof m === 'string'))) return false;
  if (r.limits !== undefined && !(Array.isArray(r.limits) && r.limits.every((l) => isObject(l) && typeof l.message === 'string' && typeof l.kind === 'string'))) return false;
  for (const k of ['error', 'fixRefused', 'diff', 'rendered', 'counts', 'shown', 'fixed']) if (r[k] !== undefined) return false;
  return r.diagnostics.every(
    (d) =>
      isObject(d) &&
      typeof d.rule === 'string' &&
      SEVERITY.has(d.severity as string) &&
      typeof d.message === 'string' &&
      POSITIONS.every((k) => isCount(d[k])) &&
      (d.fix === undefined || (isObject(d.fix) && validEdits(d.fix.edits))) &&
      (d.suggestions === undefined || (Array.isArray(d.suggestions) && d.suggestions.every((s) => isObject(s) && typeof s.title === 'string' && validEdits(s.edits)))),
  );
}

export class LintCache {
  private data: CacheFile = { format: 'report-lint-cache/1', files: {} };
  private dirty = false;

  constructor(readonly location: string) {
    try {
      const raw = JSON.parse(readFileSync(location, 'utf8'));
      if (isObject(raw) && raw.format === 'report-lint-cache/1' && isObject(raw.files)) this.data = raw as unknown as CacheFile;
    } catch {
      /* no cache yet, or unreadable: start empty */
    }
  }

  get(abs: string, hash: string, key: string): FileReport | undefined {
    const e: unknown = Object.hasOwn(this.data.files, abs) ? this.data.files[abs] : undefined;
    // The file is data from disk: an entry that is not the shape this build writes is a miss, never a crash.
    if (!isObject(e) || e.hash !== hash || e.key !== key || !validReport(e.report)) return undefined;
    return e.report;
  }

  set(abs: string, hash: string, key: string, report: FileReport): void {
    const { hash: _h, ...rest } = report;
    this.data.files[abs] = { hash, key, report: rest };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const tmp = `${this.location}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.location);
  }
}
