// Rule docs never drift from the rule metadata: every rule in the registry has a page whose content is exactly
// what the generator writes now, and the committed page is that content too (a fresh clone's build would
// otherwise silently rewrite it).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../rules/all-rules';
import { DOCS_DIR, ruleDocFiles, ruleDocPage } from '../scripts/rule-docs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = ruleDocFiles(allRules);

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

const inGit = git(['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';

/** The committed source file of a rule, when the rule is committed unchanged (so its page must be committed too). */
function committedRuleFile(id: string): string | undefined {
  if (!inGit) return undefined;
  for (const f of readdirSync(join(root, 'rules', 'rules'))) {
    if (!f.endsWith('.ts')) continue;
    const src = readFileSync(join(root, 'rules', 'rules', f), 'utf8');
    if (!new RegExp(`id:\\s*['"]${id}['"]`).test(src)) continue;
    const path = `rules/rules/${f}`;
    const tracked = git(['ls-files', '--error-unmatch', path]) !== undefined;
    const unchanged = git(['diff', '--quiet', 'HEAD', '--', path]) !== undefined;
    return tracked && unchanged ? path : undefined;
  }
  return undefined;
}

describe('rule docs', () => {
  it('has a page for every rule in the registry, equal to what the generator writes', () => {
    expect(allRules.length).toBeGreaterThan(0);
    for (const rule of allRules) {
      const path = join(root, DOCS_DIR, `${rule.meta.id}.md`);
      expect(existsSync(path), `${DOCS_DIR}/${rule.meta.id}.md is missing: run npm run build`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${DOCS_DIR}/${rule.meta.id}.md is out of date: run npm run build`).toBe(ruleDocPage(rule));
    }
    expect(readFileSync(join(root, DOCS_DIR, 'README.md'), 'utf8')).toBe(files.get(`${DOCS_DIR}/README.md`));
  });

  it('commits the page of every committed rule as generated', () => {
    if (!inGit) return;
    for (const rule of allRules) {
      if (!committedRuleFile(rule.meta.id)) continue;
      const committed = git(['show', `HEAD:${DOCS_DIR}/${rule.meta.id}.md`]);
      expect(committed, `${DOCS_DIR}/${rule.meta.id}.md is not committed`).toBeDefined();
      expect(committed, `${DOCS_DIR}/${rule.meta.id}.md is committed out of date`).toBe(ruleDocPage(rule));
    }
  });

  it('says what each rule checks, why, with wrong and right examples and the clause', () => {
    for (const rule of allRules) {
      const page = ruleDocPage(rule);
      const m = rule.meta;
      expect(page).toContain(`# ${m.id}`);
      expect(page).toContain(m.description.zh);
      expect(page).toContain(m.description.en);
      expect(page).toContain(m.docs.why.zh);
      expect(page).toContain(m.docs.why.en);
      if (m.clause) expect(page).toContain(m.clause.replace(/\|/g, '\\|'));
      for (const ex of m.docs.examples) {
        expect(page).toContain(ex.wrong);
        if (ex.right) expect(page).toContain(ex.right);
      }
      if (m.optionsSchema) expect(page).toContain(JSON.stringify(m.optionsSchema, null, 2));
    }
  });

  it('indexes every rule with a link to its page', () => {
    const index = files.get(`${DOCS_DIR}/README.md`)!;
    for (const rule of allRules) expect(index).toContain(`[${rule.meta.id}](${rule.meta.id}.md)`);
  });

  it('keeps no generated page for a rule that no longer exists', () => {
    for (const f of readdirSync(join(root, DOCS_DIR))) {
      if (!f.endsWith('.md') || f === 'README.md') continue;
      const text = readFileSync(join(root, DOCS_DIR, f), 'utf8');
      if (text.startsWith('<!-- Generated')) expect(files.has(`${DOCS_DIR}/${f}`), `${f} has no rule`).toBe(true);
    }
  });
});
