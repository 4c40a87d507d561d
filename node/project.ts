// Facts about the package shared by the CLI and the language server: version and where the rule docs live.
import pkg from '../package.json';

export const VERSION: string = pkg.version;

/** The repository's web address, from package.json ("…/report-lint.git" → "…/report-lint"). */
export const REPOSITORY_URL: string = String((pkg as { repository?: { url?: string } }).repository?.url ?? '')
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** Base of the rule documentation pages: `${RULE_DOCS_BASE}${ruleId}.md`. */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;
