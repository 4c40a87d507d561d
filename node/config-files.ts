// Finding and reading `.reportlintrc.json` on disk: the nearest one up the tree from a file wins.
// Shared by the CLI and the language server.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILENAME, ConfigError, parseConfig, type ResolvedConfig } from '../rules/config';
import type { Rule } from '../rules/types';
import { allRules } from '../rules/all-rules';

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
export function loadConfigFile(file: string, rules: Rule[] = allRules): ResolvedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new ConfigError(file, [{ zh: `无法读取该文件（${code}）`, en: `cannot read the file (${code})` }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseConfig(text, file, rules);
}
