// Long property run over the whole engine with every rule on (issue 8): bundles scripts/fuzz-entry.ts the
// way scripts/build.mjs bundles the CLI, then runs it.
//
//   npm run fuzz                       10,000 cases, fixed seed
//   npm run fuzz -- --cases 50000      more cases
//   FC_SEED=123 npm run fuzz           another seed (or --seed 123)
//
// Prints cases run, failures with their shrunk counterexamples, cases slower than FUZZ_SLOW_MS (default 5 s; the
// input is written to the temp directory) and the slowest input's time; exits 1 on failure.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A case (lint + fix-all twice, .txt and .md) slower than this is reported as a failure (a hang). */
const SLOW_MS = Number(process.env.FUZZ_SLOW_MS ?? 5000);

export async function loadFuzz() {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-fuzz-'));
  const outfile = join(dir, 'fuzz.cjs');
  await build({
    entryPoints: [join(root, 'scripts/fuzz-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    legalComments: 'none',
    mainFields: ['module', 'main'],
  });
  const mod = createRequire(import.meta.url)(outfile);
  rmSync(dir, { recursive: true, force: true });
  return mod;
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

export async function main({ cases, seed, label = 'fuzz' }) {
  const { runFuzz } = await loadFuzz();
  console.log(`${label}: ${cases} cases, seed ${seed}`);
  const slowDir = tmpdir();
  const r = runFuzz({ root, cases, seed, slowMs: SLOW_MS, slowDir, log: (l) => console.log(`  ${l}`) });
  console.log(`${label}: rules on: ${r.rules.join(', ')}`);
  console.log(`${label}: cases run: ${r.cases}`);
  console.log(`${label}: failures: ${r.failures.length + r.slow.length}${r.slow.length ? ` (${r.slow.length} over ${SLOW_MS} ms)` : ''}`);
  for (const c of r.slow) console.log(`  - slow: ${c.property}, ${c.length} chars, ${c.ms.toFixed(0)} ms; input in ${c.file}`);
  for (const f of r.failures) {
    console.log(`  - ${f.property} (seed ${f.seed}${f.path ? `, path ${f.path}` : ''}): ${f.error.split('\n')[0]}`);
    const ce = f.counterexample;
    console.log(`    shrunk counterexample (${ce.length} chars${f.year !== undefined ? `, year setting ${f.year}` : ''}): ${JSON.stringify(ce.length > 400 ? ce.slice(0, 400) + '…' : ce)}`);
  }
  const s = r.slowest;
  console.log(`${label}: slowest input: ${s.ms.toFixed(1)} ms (${s.length} chars, ${s.property}; both .txt and .md, lint + fix-all twice)`);
  console.log(`${label}: total ${(r.totalMs / 1000).toFixed(1)} s, ${(r.totalMs / Math.max(1, r.cases)).toFixed(1)} ms per case`);
  return r;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cases = Number(arg('--cases', process.env.FUZZ_CASES ?? 10000));
  const seed = Number(arg('--seed', process.env.FC_SEED ?? 20260908));
  const r = await main({ cases, seed });
  process.exitCode = r.failures.length || r.slow.length ? 1 : 0;
}
