// From command-line arguments to a sorted list of files: files as given, directories walked, globs expanded,
// `.reportlintignore` and `.gitignore` applied (from the cwd and the repository root), `--shard` applied.
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeOpenError, readRegularFile, type MsgLang } from '../node/safe-fs';
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
  /**
   * Absolute path → path to show (as given, or joined to the directory as given); `skip` when a walk found it but
   * it is not to be read (a dangling link, a link loop, a link out of the directory named on the command line).
   */
  files: { abs: string; display: string; skip?: string }[];
  /** Directories and globs that matched nothing (for the message when nothing at all matched). */
  empty: string[];
  /** Warnings for the user (an ignore file that is not a regular file, or too large, and so not applied). */
  notes: string[];
}

/** An ignore file larger than this is not applied (a .gitignore is a few kB; one that is a device never ends). */
export const IGNORE_FILE_CAP = 1 << 20;

const say = (lang: MsgLang, zh: string, en: string) => (lang === 'en' ? en : zh);

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

function loadIgnores(cwd: string, lang: MsgLang, notes: string[]): IgnoreSet[] {
  const bases = [cwd];
  const root = gitRoot(cwd);
  if (root && root !== cwd) bases.unshift(root);
  const sets: IgnoreSet[] = [];
  for (const base of bases) {
    const ig = ignore();
    let any = false;
    for (const name of ['.gitignore', '.reportlintignore']) {
      const p = join(base, name);
      // only a regular file, and at most IGNORE_FILE_CAP bytes of it: a link to /dev/zero is never read
      let why: string;
      try {
        const r = readRegularFile(p, IGNORE_FILE_CAP, lang);
        if ('bytes' in r) {
          ig.add(r.bytes.toString('utf8'));
          any = true;
          continue;
        }
        why = r.skipped;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(p)) continue;
        why = describeOpenError(p, e as NodeJS.ErrnoException, lang);
      }
      notes.push(say(lang, `忽略文件“${p}”未被使用：${why}`, `the ignore file "${p}" was not applied: ${why}`));
    }
    if (any) sets.push({ base, ig });
  }
  return sets;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `child` is `root` or inside it (both real paths). */
function within(root: string, child: string): boolean {
  return child === root || child.startsWith(root.endsWith(sep) ? root : root + sep);
}

interface Found {
  rel: string;
  skip?: string;
  /** For a link to a file inside the root: its target (the file is linted once, under its own name if found). */
  real?: string;
}

/**
 * The files under `dir` with one of `exts`: hidden entries and node_modules left out. A walk never leaves its root:
 * a symbolic link to a directory is not followed (so a link to `/` or a loop costs nothing), and a link to a file
 * is read only when its target is inside the root; a link that is dangling, loops or leads out is listed with the
 * reason it is skipped.
 */
function walk(dir: string, exts: Set<string>, arg: string, lang: MsgLang): Found[] {
  let realRoot: string;
  try {
    realRoot = realpathSync(dir);
  } catch {
    realRoot = dir;
  }
  const out: Found[] = [];
  const stack = [''];
  while (stack.length) {
    const relDir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(relDir ? join(dir, relDir) : dir, { withFileTypes: true });
    } catch {
      continue; // an unreadable directory: as before, nothing in it is listed
    }
    for (const e of entries) {
      const name = e.name;
      if (name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${name}` : name;
      if (e.isDirectory()) {
        if (name !== 'node_modules') stack.push(rel);
        continue;
      }
      const dot = name.lastIndexOf('.');
      if (dot <= 0 || !exts.has(name.slice(dot + 1).toLowerCase())) continue;
      if (!e.isSymbolicLink()) {
        // a regular file, or a FIFO or device named like a report: the reader skips those with what they are
        out.push({ rel });
        continue;
      }
      const abs = join(dir, rel);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch (err) {
        out.push({ rel, skip: describeOpenError(abs, err as NodeJS.ErrnoException, lang) });
        continue;
      }
      if (!within(realRoot, real)) {
        out.push({ rel, skip: say(lang, `符号链接指向“${arg}”之外的“${real}”，未跟随`, `a symbolic link to "${real}", outside "${arg}": not followed`) });
        continue;
      }
      let isDir = false;
      try {
        isDir = statSync(real).isDirectory();
      } catch {
        /* gone since: the reader says so */
      }
      if (!isDir) out.push({ rel, real });
    }
  }
  return out;
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

export function collectFiles(args: string[], opts: { cwd: string; extensions: string[]; useIgnoreFiles?: boolean; lang?: MsgLang }): Collected {
  const { cwd } = opts;
  const lang = opts.lang ?? 'zh';
  const exts = opts.extensions.map((e) => e.replace(/^\./, '').toLowerCase());
  const notes: string[] = [];
  const sets = opts.useIgnoreFiles === false ? [] : loadIgnores(cwd, lang, notes);
  const byAbs = new Map<string, { display: string; skip?: string }>();
  const empty: string[] = [];
  const add = (abs: string, display: string, skip?: string) => {
    if (!byAbs.has(abs)) byAbs.set(abs, { display, skip });
  };
  // links found by a walk, by target: one file is linted (and fixed) once, not once per name
  const links = new Map<string, string>();
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st;
    let stErr: NodeJS.ErrnoException | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      st = undefined;
      stErr = e as NodeJS.ErrnoException;
    }
    if (st?.isFile()) {
      // A file named on the command line is always linted, whatever its extension or the ignore files say.
      add(abs, arg);
    } else if (st?.isDirectory()) {
      let n = 0;
      for (const { rel, skip, real } of walk(abs, new Set(exts), arg, lang)) {
        const fileAbs = resolve(abs, rel);
        if (isIgnored(sets, fileAbs)) continue;
        if (real !== undefined && !links.has(fileAbs)) links.set(fileAbs, real);
        const display = arg === '.' || arg === './' ? rel : join(arg, rel);
        add(fileAbs, display, skip);
        n++;
      }
      if (n === 0) empty.push(arg);
    } else if (st) {
      // a FIFO or a device named on the command line: the reader skips it, saying what it is
      add(abs, arg);
    } else if (stErr && stErr.code !== 'ENOENT' && stErr.code !== 'ENOTDIR') {
      // a link loop, or no permission to look: what it is, not "no such file"
      throw new UsageError(say(lang, `无法读取“${arg}”：${describeOpenError(abs, stErr, lang)}`, `cannot read "${arg}": ${describeOpenError(abs, stErr, lang)}`));
    } else if (isLink(abs)) {
      throw new UsageError(say(lang, `无法读取“${arg}”：${describeOpenError(abs, stErr!, lang)}`, `cannot read "${arg}": ${describeOpenError(abs, stErr!, lang)}`));
    } else if (tg().isDynamicPattern(arg)) {
      // symbolic links are not followed (nor matched): a glob never leads out of the tree it names
      const found = tg().globSync(arg, { cwd, ignore: ALWAYS_SKIPPED, dot: false, onlyFiles: true, followSymbolicLinks: false });
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
  if (links.size) {
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    };
    const taken = new Set([...byAbs.keys()].filter((a) => !links.has(a)).map(real));
    for (const [abs, target] of [...links].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (taken.has(target)) byAbs.delete(abs);
      else taken.add(target);
    }
  }
  const files = [...byAbs].map(([abs, { display, skip }]) => (skip === undefined ? { abs, display } : { abs, display, skip }));
  files.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  return { files, empty, notes };
}
