// Runs every benchmark in scripts/bench/ in order (engine first) and prints their figures; `node scripts/bench.mjs edit`
// runs only the edit → diagnostics latency (issue 15: p95 ≤ 15 ms over ≥ 100 edits, ≥ 1,200 findings).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = new URL('./bench', import.meta.url).pathname;
const order = (f) => (f === 'engine.mjs' ? '0' : f);
const only = process.argv.slice(2);
let failed = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort((a, b) => order(a).localeCompare(order(b)))) {
  if (only.length && !only.some((o) => f.startsWith(o))) continue;
  console.log(`\n## ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with ${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
