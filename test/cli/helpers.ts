// Runs the BUILT CLI (dist/cli.js, made by `npm test` → `npm run build`) in a child process, on temp copies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const EXAMPLES = join(ROOT, 'examples');
export const SEEDS = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort();

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): Run {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...opts.env };
  delete env.FORCE_COLOR;
  delete env.REPORT_LINT_DEBUG;
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, input: opts.input, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp directory with a `.git` marker (so no .gitignore or config above it applies) and the seeds copied in. */
export function tempDir(opts: { seeds?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-cli-'));
  mkdirSync(join(dir, '.git'));
  if (opts.seeds) for (const s of SEEDS) copyFileSync(join(EXAMPLES, s), join(dir, s));
  return dir;
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

export function seedText(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
}

export interface JsonEntry {
  file: string;
  diagnostics: {
    rule: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    offset: number;
    endOffset: number;
    fix?: { edits: { offset: number; endOffset: number; text: string }[] };
    suggestions?: { title: string; edits: { offset: number; endOffset: number; text: string }[] }[];
    location?: string;
    excerpt?: string;
  }[];
  placeholders: number;
  skipped?: string;
}

export function json(r: Run): JsonEntry[] {
  try {
    return JSON.parse(r.stdout) as JsonEntry[];
  } catch (e) {
    throw new Error(`stdout is not JSON (exit ${r.code}): ${r.stdout.slice(0, 300)}\nstderr: ${r.stderr.slice(0, 500)}`);
  }
}

/** Findings without the file name, for comparing two encodings of the same text. */
export function strip(e: JsonEntry): unknown {
  return { diagnostics: e.diagnostics, placeholders: e.placeholders, skipped: e.skipped };
}

/** A short report with no heading problem and nothing a rule should flag. */
export const CLEAN_REPORT = '关于2023年工作的总结\n\n一、主要工作\n\n全年完成了各项工作任务。\n';
/** The same with a heading marker the standard forbids (`1、`): an error finding of heading-marker. */
export const ERROR_REPORT = '关于2023年工作的总结\n\n一、主要工作\n\n1、加强组织领导。\n\n2、完善工作机制。\n';
