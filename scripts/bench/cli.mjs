// CLI benchmark: the whole process of `report-lint --format json DIR` on 1,000 .md reports, next to
// markdownlint-cli2 on the same files in the same run. Goals: everything but the rules of issue 14 in at most half
// its time, and those rules adding at most 0.15× its time.
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

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// The rules of issue 14 (错别字 and 规范表述) have their own budget (at most 0.15× markdownlint-cli2), measured as the
// time they add: the same run with them off, paired with the others.
const NEW_RULES = ['typo', 'typo-variant', 'typo-suspect', 'formulation', 'terms'];
const rl = (format, extra = []) => ['dist/cli.js', '--format', format, '--no-config-lookup', ...extra, dir];
const without = NEW_RULES.flatMap((r) => ['--rule', `${r}:off`]);
const ml = [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${dir}/**/*.md`];
// one warm-up each (file cache), then RUNS rounds; in each round the three runs back to back, in a rotating order,
// so that all see the same load; the figures are medians over the rounds (of each run, and of the paired ratios)
time(process.execPath, rl('json'));
time(process.execPath, rl('json', without));
time(process.execPath, ml);
const runs = { all: [], rest: [], ml: [] };
const cmds = { all: rl('json'), rest: rl('json', without), ml };
const keys = Object.keys(cmds);
for (let i = 0; i < RUNS; i++) {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[(i + k) % keys.length];
    runs[key].push(time(process.execPath, cmds[key]));
  }
}
const med = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medRun = (rs) => ({ ms: med(rs.map((r) => r.ms)), cpu: med(rs.map((r) => r.cpu)) });
const ratio = (f) => med(runs.ml.map((b, i) => f(i) / b.ms));
const rAll = ratio((i) => runs.all[i].ms);
const rRest = ratio((i) => runs.rest[i].ms);
const rNew = ratio((i) => runs.all[i].ms - runs.rest[i].ms);
const rNewCpu = med(runs.ml.map((b, i) => (runs.all[i].cpu - runs.rest[i].cpu) / b.ms));
// the other formats, for reference (median of 3 each, next to markdownlint-cli2's median above)
const others = ['stylish', 'sarif'].map((f) => [f, medRun([0, 1, 2].map(() => time(process.execPath, rl(f))))]);
rmSync(dir, { recursive: true, force: true });
const cpus = availableParallelism();
const row = (name, r) => `  ${name.padEnd(44)}${r.ms.toFixed(0).padStart(6)} ms wall  ${r.cpu.toFixed(0).padStart(6)} ms CPU  (${((count / r.ms) * 1000).toFixed(0)} files/s)`;
const mlMed = medRun(runs.ml);
console.log(`cli: ${count} .md reports (${seeds.length} seeds × ${COPIES}), whole process, medians of ${RUNS} paired rounds; ${cpus} CPUs, load average ${loadavg()[0].toFixed(1)}`);
console.log(row('report-lint --format json (all rules)', medRun(runs.all)));
console.log(row('report-lint --format json (without issue 14)', medRun(runs.rest)));
console.log(row('markdownlint-cli2', mlMed));
const met = (x, goal) => `${x.toFixed(2)} (goal ≤ ${goal.toFixed(2)}: ${x <= goal ? 'met' : 'NOT met'})`;
console.log(`  ratio to markdownlint-cli2 (wall, median of paired ratios):`);
console.log(`    everything but the 错别字/规范表述 rules  ${met(rRest, 0.5)}`);
console.log(`    added by ${NEW_RULES.join(', ')}  ${met(rNew, 0.15)} (CPU: ${rNewCpu.toFixed(2)})`);
console.log(`    all rules together                        ${rAll.toFixed(2)}`);
for (const [f, r] of others) console.log(`${row(`report-lint --format ${f}`, r)}  ratio ${(r.ms / mlMed.ms).toFixed(2)}`);
if (loadavg()[0] > cpus) console.log(`  note: the machine is busy (load ${loadavg()[0].toFixed(1)} on ${cpus} CPUs); wall times are inflated, CPU times less so`);
