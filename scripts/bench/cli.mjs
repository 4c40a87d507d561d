// CLI benchmark: the whole process of `report-lint --format json DIR` on 1,000 .md reports, next to
// markdownlint-cli2 on the same files in the same run. Goal: report-lint in at most half its time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = readdirSync(join(root, 'examples')).filter((f) => /\.(txt|md)$/.test(f)).sort();
const dir = mkdtempSync(join(tmpdir(), 'report-lint-bench-'));
const COPIES = Number(process.env.BENCH_COPIES ?? 200);
for (const s of seeds) {
  for (let i = 0; i < COPIES; i++) copyFileSync(join(root, 'examples', s), join(dir, `${s.replace(/\.\w+$/, '')}-${String(i).padStart(3, '0')}.md`));
}
const count = seeds.length * COPIES;

/** Wall time of the whole process, and its CPU time (user + sys of the child, from the shell's `times`). */
function time(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', '"$@" >/dev/null 2>/dev/null; s=$?; times >&2; exit $s', 'sh', cmd, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || r.signal || r.status === null || r.status > 1) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? r.signal ?? r.status}): ${String(r.stderr).slice(0, 500)}`);
  }
  // `times` prints the shell's own times, then its children's: "0m1.230000s 0m0.100000s"
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const secs = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { ms, cpu: secs.length === 2 ? (secs[0] + secs[1]) * 1000 : NaN };
}

const rl = ['dist/cli.js', '--format', 'json', '--no-config-lookup', dir];
const ml = [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${dir}/**/*.md`];
// one warm-up each (file cache), then the best of three, alternating so that both see the same load
time(process.execPath, rl);
time(process.execPath, ml);
const runsA = [];
const runsB = [];
for (let i = 0; i < 3; i++) {
  runsA.push(time(process.execPath, rl));
  runsB.push(time(process.execPath, ml));
}
const best = (runs) => runs.reduce((x, y) => (y.ms < x.ms ? y : x));
const a = best(runsA);
const b = best(runsB);
rmSync(dir, { recursive: true, force: true });
const cpus = availableParallelism();
console.log(`cli: ${count} .md reports (${seeds.length} seeds × ${COPIES}), whole process, best of 3; ${cpus} CPUs, load average ${loadavg()[0].toFixed(1)}`);
console.log(`  report-lint --format json   ${a.ms.toFixed(0).padStart(6)} ms wall  ${a.cpu.toFixed(0).padStart(6)} ms CPU  (${((count / a.ms) * 1000).toFixed(0)} files/s)`);
console.log(`  markdownlint-cli2           ${b.ms.toFixed(0).padStart(6)} ms wall  ${b.cpu.toFixed(0).padStart(6)} ms CPU  (${((count / b.ms) * 1000).toFixed(0)} files/s)`);
console.log(`  ratio report-lint / markdownlint-cli2: wall ${(a.ms / b.ms).toFixed(2)}, CPU ${(a.cpu / b.cpu).toFixed(2)} (goal: wall ≤ 0.50 — ${a.ms / b.ms <= 0.5 ? 'met' : 'NOT met'})`);
if (loadavg()[0] > cpus) console.log(`  note: the machine is busy (load ${loadavg()[0].toFixed(1)} on ${cpus} CPUs); wall times are inflated, CPU times less so`);
