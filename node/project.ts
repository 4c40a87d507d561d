// Facts about the package shared by the CLI (and usable by the language server): version and where the rule
// docs live. The docs URL is derived exactly as server/settings.ts derives its default `docsBaseUrl`.
import pkg from '../package.json';

export const VERSION: string = (pkg as { version?: string }).version ?? '0.0.0';

/** The repository's web address, from package.json ("git+…/report-lint.git" → "…/report-lint"). */
export const REPOSITORY_URL: string = (() => {
  const repo = (pkg as { repository?: string | { url?: string } }).repository;
  const url = (typeof repo === 'string' ? repo : repo?.url) ?? 'https://github.com/report-lint/report-lint';
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
})();

/** Base of the rule documentation pages in the repository: `${RULE_DOCS_BASE}${ruleId}.md`. */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

/**
 * Where published rule docs live, for links in SARIF (`helpUri`): `REPORT_LINT_DOCS_BASE_URL` when it is an http(s)
 * URL, else '' (no link: the docs ship with the package in docs/rules/, and a link that goes nowhere is worse).
 */
export function configuredDocsBase(env: NodeJS.ProcessEnv = process.env): string {
  const raw = (env.REPORT_LINT_DOCS_BASE_URL ?? '').trim();
  if (!/^https?:\/\/[^\s/]+/i.test(raw)) return '';
  try {
    const url = new URL(raw);
    const href = url.href;
    return href.endsWith('/') ? href : href + '/';
  } catch {
    return '';
  }
}
