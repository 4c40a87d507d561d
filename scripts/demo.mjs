// `npm start`: lints the sample reports in examples/ with the built-in defaults and prints the findings and
// the summary. Findings are the expected output, so this exits 0 whenever the linter ran (report-lint exit
// 0 or 1), and non-zero only when it failed (exit 2) or crashed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --no-config-lookup: a stray .reportlintrc.json above the clone must not change the demo.
const args = [join(root, 'dist/cli.js'), '--no-config-lookup', ...process.argv.slice(2), 'examples'];
console.log(`$ report-lint --no-config-lookup ${process.argv.slice(2).join(' ')}${process.argv.length > 2 ? ' ' : ''}examples\n`);
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.error) {
  console.error(`demo: could not run the CLI: ${r.error.message}`);
  process.exit(2);
}
if (r.signal) {
  console.error(`demo: report-lint was killed by ${r.signal}`);
  process.exit(2);
}
if (r.status === 0 || r.status === 1) {
  console.log(`\nreport-lint ran (exit ${r.status}: ${r.status ? 'the samples have error findings, as expected' : 'no error finding'}).`);
  console.log('More: npx report-lint --help');
  process.exit(0);
}
console.error(`demo: report-lint failed with exit code ${r.status}`);
process.exit(r.status ?? 2);
