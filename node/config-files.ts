// Finding and reading `.reportlintrc.json` on disk: the nearest one up the tree from a file wins.
// Shared by the CLI and the language server.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CONFIG_FILENAME, ConfigError, parseConfig, type ResolvedConfig } from '../rules/config';
import type { Msg, Rule } from '../rules/types';
import { allRules } from '../rules/all-rules';
import { applyTermFiles, termFileNames, termFilePathProblem, TERM_FILE_NOT_UTF8, TERMS_FILE_CAP, type TermFileRead } from '../rules/terms-files';
import { describeOpenError, readRegularFile, type MsgLang } from './safe-fs';

/** A config file larger than this is refused, unread past it (a config is a few kB; `/dev/zero` never ends). */
export const CONFIG_FILE_CAP = 1 << 20;

/** The nearest `.reportlintrc.json` in `startDir` or above it, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILENAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A config file with the term files it names read into it. */
export interface LoadedConfig {
  config: ResolvedConfig;
  /** What is wrong with the term files (each names its file): the config applies without them. */
  problems: Msg[];
  /** The term files it names (absolute paths) and their identity (termFileStamp) taken before they were read. */
  termFiles: { path: string; stamp: string }[];
}

/** Identity of a term file's content as far as a stat tells (modification time and size), 'missing' when there is none. */
export function termFileStamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}|${st.size}|${st.ino}`;
  } catch {
    return 'missing';
  }
}

const both = (f: (lang: MsgLang) => string): Msg => ({ zh: f('zh'), en: f('en') });

/** A term file's text; `dir` is the config file's folder, which the file (links resolved) may not leave. */
function readTermFile(name: string, abs: string, dir: string, lang: MsgLang): TermFileRead {
  try {
    const real = realpathSync(abs);
    const realDir = realpathSync(dir);
    if (real !== realDir && !real.startsWith(realDir.endsWith(sep) ? realDir : realDir + sep)) {
      return { name, error: { zh: '它（经符号链接）指向配置文件所在文件夹之外，不读取', en: "it leads (through a symbolic link) outside the config file's folder: not read" } };
    }
    const r = readRegularFile(abs, TERMS_FILE_CAP, lang);
    if (!('bytes' in r)) return { name, error: { zh: `不能读取：${r.skipped}`, en: `cannot be read: ${r.skipped}` } };
    try {
      return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(r.bytes) };
    } catch {
      return { name, error: TERM_FILE_NOT_UTF8 };
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { name, error: both((l) => (l === 'en' ? `cannot read it: ${describeOpenError(abs, err, l)}` : `无法读取：${describeOpenError(abs, err, l)}`)) };
  }
}

/**
 * Reads and validates a config file, and the term files it names (paths relative to it); throws ConfigError
 * naming the file and the bad key for the config itself, returns the term files' problems.
 */
export function loadConfig(file: string, rules: Rule[] = allRules, lang: MsgLang = 'zh'): LoadedConfig {
  const config = loadConfigOnly(file, rules, lang);
  const names = termFileNames(config);
  if (names.length === 0) return { config, problems: [], termFiles: [] };
  const dir = dirname(resolve(file));
  const reads: TermFileRead[] = [];
  const termFiles: LoadedConfig['termFiles'] = [];
  for (const name of names) {
    const bad = termFilePathProblem(name);
    if (bad) {
      reads.push({ name, error: bad });
      continue;
    }
    const abs = resolve(dir, name);
    // the stamp before the read: a change while reading is seen as a change next time
    termFiles.push({ path: abs, stamp: termFileStamp(abs) });
    reads.push(readTermFile(name, abs, dir, lang));
  }
  const r = applyTermFiles(config, reads);
  return { config: r.config, problems: r.problems, termFiles };
}

/**
 * Reads and validates a config file with its term files; throws ConfigError naming the file and the bad key, or
 * the term file and what is wrong with it (the CLI treats a term file it cannot use as a bad config).
 */
export function loadConfigFile(file: string, rules: Rule[] = allRules, lang: MsgLang = 'zh'): ResolvedConfig {
  const r = loadConfig(file, rules, lang);
  if (r.problems.length) throw new ConfigError(file, r.problems);
  return r.config;
}

function loadConfigOnly(file: string, rules: Rule[], lang: MsgLang): ResolvedConfig {
  let text: string;
  try {
    // a regular file only, read up to a cap: `--config /dev/zero` or a FIFO is an error at once, never a hang
    const r = readRegularFile(file, CONFIG_FILE_CAP, lang);
    if (!('bytes' in r)) throw new ConfigError(file, [lang === 'en' ? `cannot be used as a config file: ${r.skipped}` : `不能用作配置文件：${r.skipped}`]);
    text = r.bytes.toString('utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const why = describeOpenError(file, e as NodeJS.ErrnoException, lang);
    throw new ConfigError(file, [lang === 'en' ? `cannot read the file: ${why}` : `无法读取该文件：${why}`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseConfig(text, file, rules);
}
