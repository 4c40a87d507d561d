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

export class LintCache {
  private data: CacheFile = { format: 'report-lint-cache/1', files: {} };
  private dirty = false;

  constructor(readonly location: string) {
    try {
      const raw = JSON.parse(readFileSync(location, 'utf8'));
      if (raw && raw.format === 'report-lint-cache/1' && raw.files && typeof raw.files === 'object') this.data = raw;
    } catch {
      /* no cache yet, or unreadable: start empty */
    }
  }

  get(abs: string, hash: string, key: string): FileReport | undefined {
    const e = this.data.files[abs];
    return e && e.hash === hash && e.key === key ? e.report : undefined;
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
