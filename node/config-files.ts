// Finding and reading `.reportlintrc.json` on disk: the nearest one up the tree from a file wins.
// Shared by the CLI and the language server.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILENAME, ConfigError, parseConfig, type ResolvedConfig } from '../rules/config';
import type { Rule } from '../rules/types';
import { allRules } from '../rules/all-rules';
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

/** Reads and validates a config file; throws ConfigError naming the file and the bad key. */
export function loadConfigFile(file: string, rules: Rule[] = allRules, lang: MsgLang = 'zh'): ResolvedConfig {
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
