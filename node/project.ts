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

/** Base of the rule documentation pages: `${RULE_DOCS_BASE}${ruleId}.md`. */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;
