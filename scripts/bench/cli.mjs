// CLI benchmark: the whole process of `report-lint --format json DIR` on 1,000 .md reports, next to
// markdownlint-cli2 on the same files in the same run. Goal: report-lint in at most half its time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = readdirSync(join(root, 'examples')).filter((f) => /\.(txt|md)$/.test(f)).sort();
const dir = mkdtempSync(join(tmpdir(), 'report-lint-bench-'));
const COPIES = 200;
for (const s of seeds) {
  for (let i = 0; i < COPIES; i++) copyFileSync(join(root, 'examples', s), join(dir, `${s.replace(/\.\w+$/, '')}-${String(i).padStart(3, '0')}.md`));
}
const count = seeds.length * COPIES;

function time(cmd, args) {
  const out = openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  // markdownlint-cli2 resolves its globs from the cwd; run both from the temp dir's parent for fairness
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', out, 'pipe'], env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  if (r.error || r.signal || r.status === null || r.status > 1) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? r.signal ?? r.status}): ${String(r.stderr).slice(0, 500)}`);
  }
  return ms;
}

const rl = ['dist/cli.js', '--format', 'json', '--no-config-lookup', dir];
const ml = [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${dir}/**/*.md`];
// one warm-up each (file cache), then the best of three
time(process.execPath, rl);
time(process.execPath, ml);
const best = (args) => Math.min(...[0, 1, 2].map(() => time(process.execPath, args)));
const a = best(rl);
const b = best(ml);
rmSync(dir, { recursive: true, force: true });
console.log(`cli: ${count} .md reports (${seeds.length} seeds × ${COPIES}), whole process, best of 3`);
console.log(`  report-lint --format json   ${a.toFixed(0).padStart(6)} ms  (${((count / a) * 1000).toFixed(0)} files/s)`);
console.log(`  markdownlint-cli2           ${b.toFixed(0).padStart(6)} ms  (${((count / b) * 1000).toFixed(0)} files/s)`);
console.log(`  ratio report-lint / markdownlint-cli2 = ${(a / b).toFixed(2)} (goal ≤ 0.50: ${a / b <= 0.5 ? 'met' : 'NOT met'})`);
