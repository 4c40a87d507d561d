// Regenerates the reviewed snapshot test/corpus/reviewed-findings.tsv (docs/reviewed-findings.md): lints the 5
// seeds and the 167 corpus reports in ../shared (REPORT_LINT_CORPUS overrides the corpus folder) with the
// default configuration, keeps the verdict and reason of every finding already judged (also when only its line
// moved), adds new findings with verdict `?` and prints them in their context for judging, lists the rows that
// are gone, and prints the counts per rule and verdict. Bundles test/corpus/snapshot-lib.ts as scripts/fuzz.mjs
// bundles its entry.
//
//   npm run snapshot                   rewrite the snapshot, print what changed
//   npm run snapshot -- --check        write nothing; exit 1 when the snapshot is not up to date or has `?`
//   npm run snapshot -- --unjudged     also print every row still `?` in its context, with its message
//   npm run snapshot -- --dump F.jsonl also write every row with its context, message and fix as JSON lines
//                                      (for judging many rows with a script of your own)
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

async function load() {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-snapshot-'));
  const outfile = join(dir, 'snapshot.cjs');
  try {
    await build({
      entryPoints: [join(root, 'test/corpus/snapshot-lib.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      legalComments: 'none',
      mainFields: ['module', 'main'],
      // the library finds the repository from its own folder
      define: { __dirname: JSON.stringify(join(root, 'test/corpus')) },
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = await load();
if (!s.hasCorpus()) {
  console.error(`snapshot: corpus ${s.CORPUS} not found (set REPORT_LINT_CORPUS); nothing written.`);
  process.exit(2);
}
const live = s.liveFindings();
const old = s.readSnapshot();
const { rows, added, removed, moved } = s.merge(live, old);
const text = s.formatTsv(rows);
const liveOf = new Map();
rows.forEach((r, i) => liveOf.set(r, live[i]));

const show = (r) => {
  const l = liveOf.get(r);
  return `${s.formatRow(r)}\n    ${s.context(l)}\n    ${l.finding.message.zh}`;
};

if (added.length) {
  console.log(`\n${added.length} new finding(s), verdict ? (judge each: true/false and a one-line reason):\n`);
  for (const r of added) console.log(show(r));
}
if (removed.length) {
  console.log(`\n${removed.length} row(s) gone (their findings are no longer reported):\n`);
  for (const r of removed) console.log(s.formatRow(r));
}
if (args.has('--unjudged')) {
  const open = rows.filter((r) => r.verdict === '?');
  console.log(`\n${open.length} row(s) still ?:\n`);
  for (const r of open) console.log(show(r));
}
console.log(`\n${rows.length} findings on ${new Set(live.map((l) => l.report.file)).size} of ${s.reports().length} files; ${added.length} new, ${removed.length} gone, ${moved} moved to another line.\n`);
console.log(s.countsTable(rows));

const dumpAt = process.argv.indexOf('--dump');
if (dumpAt > 0) {
  const out = rows.map((r) => {
    const l = liveOf.get(r);
    const fix = l.finding.fix ? l.finding.fix.edits.map((e) => e.text).join('|') : undefined;
    return JSON.stringify({ ...r, context: s.context(l), message: l.finding.message.zh, fix, span: l.report.text.slice(l.finding.offset, l.finding.endOffset), offset: l.finding.offset, endOffset: l.finding.endOffset });
  });
  writeFileSync(process.argv[dumpAt + 1], out.join('\n') + '\n');
}

const unchanged = s.formatTsv(old) === text;
if (args.has('--check')) {
  const open = rows.filter((r) => r.verdict === '?').length;
  if (!unchanged) console.error('\nsnapshot: not up to date; run npm run snapshot, judge the new rows and commit them.');
  if (open) console.error(`\nsnapshot: ${open} row(s) not judged (verdict ?).`);
  process.exit(!unchanged || open ? 1 : 0);
}
if (!unchanged) writeFileSync(s.SNAPSHOT, text);
console.log(unchanged ? '\nsnapshot unchanged.' : `\nwrote ${s.SNAPSHOT.slice(root.length + 1)}`);
