// Writes the files generated from the rule metadata: the JSON schema of .reportlintrc.json and the rule docs
// (docs/rules/<id>.md and docs/rules/README.md). Files are written only when their content changes.
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { configSchema } from '../rules/config';
import { allRules } from '../rules/all-rules';
import { DOCS_DIR, ruleDocFiles } from './rule-docs';

function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  writeFileSync(path, content);
}

mkdirSync('schemas', { recursive: true });
writeIfChanged('schemas/reportlintrc.schema.json', JSON.stringify(configSchema(allRules), null, 2) + '\n');

mkdirSync(DOCS_DIR, { recursive: true });
const docs = ruleDocFiles(allRules);
for (const [path, content] of docs) writeIfChanged(path, content);
// A generated page whose rule is gone is removed (hand-written pages are left alone).
for (const f of readdirSync(DOCS_DIR)) {
  const path = `${DOCS_DIR}/${f}`;
  if (f.endsWith('.md') && !docs.has(path) && readFileSync(path, 'utf8').startsWith('<!-- Generated from the rule metadata')) unlinkSync(path);
}
