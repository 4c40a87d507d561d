// Editor settings (section `reportLint`), read per document through workspace/configuration and checked
// here: a wrong value falls back to its default instead of breaking linting.
import type { Lang, SeveritySetting } from '../rules/types';
import { SEVERITIES, type ResolvedConfig } from '../rules/config';
import pkg from '../package.json';

export type RunMode = 'onType' | 'onSave';

export interface ServerSettings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  language: 'auto' | Lang;
  /** Per-rule severity overrides; they win over `.reportlintrc.json`. */
  rules: Record<string, SeveritySetting>;
  year?: number;
  docsBaseUrl: string;
}

export const SERVER_VERSION: string = (pkg as { version?: string }).version ?? '0.0.0';

/** Empty: a rule id links to the docs bundled with the server (docs/rules/), not to a site that may not exist. */
export const DEFAULT_DOCS_BASE_URL = '';

export function defaultSettings(): ServerSettings {
  return { enable: true, run: 'onType', debounceMs: 200, language: 'auto', rules: {}, docsBaseUrl: DEFAULT_DOCS_BASE_URL };
}

/** Checks a raw settings object; returns the settings and the problems found (for the log). */
export function normalizeSettings(raw: unknown, knownRules: Set<string>): { settings: ServerSettings; problems: string[] } {
  const s = defaultSettings();
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: s, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: s, problems: ['reportLint settings must be an object'] };
  const r = raw as Record<string, unknown>;
  if (r.enable !== undefined) {
    if (typeof r.enable === 'boolean') s.enable = r.enable;
    else problems.push('reportLint.enable must be true or false');
  }
  if (r.run !== undefined) {
    if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
    else problems.push('reportLint.run must be "onType" or "onSave"');
  }
  if (r.debounceMs !== undefined) {
    if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) s.debounceMs = Math.min(r.debounceMs, 10_000);
    else problems.push('reportLint.debounceMs must be a number ≥ 0');
  }
  if (r.language !== undefined) {
    if (r.language === 'auto' || r.language === 'zh' || r.language === 'en') s.language = r.language;
    else problems.push('reportLint.language must be "auto", "zh" or "en"');
  }
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules === 'object' && !Array.isArray(r.rules)) {
      for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!knownRules.has(id)) problems.push(`reportLint.rules: unknown rule "${id}"`);
        else if (typeof sev === 'string' && (SEVERITIES as string[]).includes(sev)) s.rules[id] = sev as SeveritySetting;
        else problems.push(`reportLint.rules.${id} must be one of ${SEVERITIES.join(', ')}`);
      }
    } else problems.push('reportLint.rules must be an object');
  }
  if (r.year !== undefined && r.year !== null && r.year !== 0 && r.year !== '') {
    if (typeof r.year === 'number' && Number.isInteger(r.year) && r.year >= 1900 && r.year <= 2199) s.year = r.year;
    else problems.push('reportLint.year must be a year between 1900 and 2199');
  }
  if (r.docsBaseUrl !== undefined && r.docsBaseUrl !== null && r.docsBaseUrl !== '') {
    const url = typeof r.docsBaseUrl === 'string' ? safeDocsBaseUrl(r.docsBaseUrl) : undefined;
    if (url) s.docsBaseUrl = url;
    else problems.push('reportLint.docsBaseUrl must be an http:// or https:// URL');
  }
  return { settings: s, problems };
}

/**
 * The docs base URL as it may go into a diagnostic link and into hover Markdown, or undefined: only http(s), no
 * credentials, normalized by the URL parser, and with the characters that could end or restyle a Markdown link
 * destination (brackets, parentheses, angle brackets, backslash, quotes, backtick, blanks) percent-encoded.
 * Ends with `/`.
 */
export function safeDocsBaseUrl(raw: string): string | undefined {
  if (raw.length > 2000) return undefined;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password) return undefined;
  let href = u.href.replace(/[()[\]<>\\'"\s`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  if (!href.endsWith('/')) href += '/';
  return href;
}

/** The part of the settings that configures the engine (merged over the config file). */
export function settingsConfig(s: ServerSettings): ResolvedConfig {
  const rules: ResolvedConfig['rules'] = {};
  for (const [id, severity] of Object.entries(s.rules)) rules[id] = { severity };
  return { rules, settings: s.year !== undefined ? { year: s.year } : {} };
}

/**
 * "auto" is the report's language, not the editor's: a Chinese report is read and fixed in Chinese (the quoted marks,
 * 全角/半角 and the standards' terms are Chinese), even in an English editor. "en" is there for who wants it.
 */
export function resolveLang(setting: ServerSettings['language'], _locale?: string): Lang {
  return setting === 'en' ? 'en' : 'zh';
}
