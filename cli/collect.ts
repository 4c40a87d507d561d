// From command-line arguments to a sorted list of files: files as given, directories walked, globs expanded,
// `.reportlintignore` and `.gitignore` applied (from the cwd and the repository root), `--shard` applied.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Msg } from '../rules/types';
// require, not import: the bundler then takes tinyglobby's CommonJS build (its ESM build relies on
// import.meta.url, which a CommonJS bundle does not have), and loads it only when a directory or glob is given.
type Tinyglobby = typeof import('tinyglobby');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tg = (): Tinyglobby => require('tinyglobby') as Tinyglobby;

export const DEFAULT_EXTENSIONS = ['md', 'markdown', 'txt'];

/** A bad command line: its message in both languages (a plain string is the same in both). */
export class UsageError extends Error {
  readonly text: Msg;
  constructor(m: string | Msg) {
    const text = typeof m === 'string' ? { zh: m, en: m } : m;
    super(text.en);
    this.text = text;
  }
}

export interface Collected {
  /** Absolute path → path to show (as given, or joined to the directory as given). */
  files: { abs: string; display: string }[];
  /** Directories and globs that matched nothing (for the message when nothing at all matched). */
  empty: string[];
}

/** The nearest directory holding `.git`, or undefined. */
export function gitRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

interface IgnoreSet {
  base: string;
  ig: Ignore;
}

function loadIgnores(cwd: string): IgnoreSet[] {
  const bases = [cwd];
  const root = gitRoot(cwd);
  if (root && root !== cwd) bases.unshift(root);
  const sets: IgnoreSet[] = [];
  for (const base of bases) {
    const ig = ignore();
    let any = false;
    for (const name of ['.gitignore', '.reportlintignore']) {
      const p = join(base, name);
      if (existsSync(p)) {
        ig.add(readFileSync(p, 'utf8'));
        any = true;
      }
    }
    if (any) sets.push({ base, ig });
  }
  return sets;
}

function isIgnored(sets: IgnoreSet[], abs: string): boolean {
  for (const { base, ig } of sets) {
    const rel = relative(base, abs);
    if (!rel || rel.startsWith('..') || resolve(base, rel) !== abs) continue;
    if (ig.ignores(rel.split(sep).join('/'))) return true;
  }
  return false;
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/** FNV-1a: a stable, platform-independent hash for sharding. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function parseShard(s: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError({ zh: `--shard "${s}" 无效：应写作 i/n，1 ≤ i ≤ n，如 --shard 2/4`, en: `--shard "${s}" is not valid: use i/n with 1 ≤ i ≤ n, e.g. --shard 2/4` });
  return { index, count };
}

/** Whether a file belongs to shard i of n: by a stable hash of its path relative to the repository root. */
export function inShard(relPath: string, shard: { index: number; count: number }): boolean {
  return stableHash(relPath) % shard.count === shard.index - 1;
}

export function collectFiles(args: string[], opts: { cwd: string; extensions: string[]; useIgnoreFiles?: boolean }): Collected {
  const { cwd } = opts;
  const exts = opts.extensions.map((e) => e.replace(/^\./, '').toLowerCase());
  const extGlob = exts.length === 1 ? exts[0] : `{${exts.join(',')}}`;
  const sets = opts.useIgnoreFiles === false ? [] : loadIgnores(cwd);
  const byAbs = new Map<string, string>();
  const empty: string[] = [];
  const add = (abs: string, display: string) => {
    if (!byAbs.has(abs)) byAbs.set(abs, display);
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      // A file named on the command line is always linted, whatever its extension or the ignore files say.
      add(abs, arg);
    } else if (st?.isDirectory()) {
      const found = tg().globSync(`**/*.${extGlob}`, { cwd: abs, ignore: ALWAYS_SKIPPED, dot: false, caseSensitiveMatch: false, onlyFiles: true });
      let n = 0;
      for (const rel of found) {
        const fileAbs = resolve(abs, rel);
        if (isIgnored(sets, fileAbs)) continue;
        const display = arg === '.' || arg === './' ? rel : join(arg, rel);
        add(fileAbs, display);
        n++;
      }
      if (n === 0) empty.push(arg);
    } else if (tg().isDynamicPattern(arg)) {
      const found = tg().globSync(arg, { cwd, ignore: ALWAYS_SKIPPED, dot: false, onlyFiles: true });
      let n = 0;
      for (const rel of found) {
        const fileAbs = resolve(cwd, rel);
        if (isIgnored(sets, fileAbs)) continue;
        add(fileAbs, rel);
        n++;
      }
      if (n === 0) empty.push(arg);
    } else {
      throw new UsageError({
        zh: `找不到 "${arg}"：没有这个文件或目录。请检查路径（相对于 ${cwd}），通配符请加引号，以免被 shell 展开。`,
        en: `cannot find "${arg}": no such file or directory. Check the path (relative to ${cwd}), or quote a glob so that the shell does not expand it.`,
      });
    }
  }
  const files = [...byAbs].map(([abs, display]) => ({ abs, display }));
  files.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  return { files, empty };
}
