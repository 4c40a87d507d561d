// No super-linear time (issue 8): adversarial 1 MB documents, every rule on, .txt and .md, each linted once.
// Prints wall and CPU time per input; a .txt input over 1 s of CPU time fails the run (exit 1). The budget is the
// linting thread's own CPU time (on Linux, from /proc; elsewhere the process's): V8's compiler and garbage-collector
// helper threads add up to half as much again on these inputs, and that share depends on the machine's cores, not
// on the input's length. The process's CPU time is printed too. The .md column is reported as well. Then the
// Markdown parser's own super-linear inputs at small sizes, with the 2× growth ratio.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const root = new URL('../..', import.meta.url).pathname;
const { lint, allRules } = require(join(root, 'dist/engine.js'));
const { ADVERSARIAL, MARKDOWN_PARSER, EVERY_LINE_A_FINDING } = require('./adversarial-inputs.cjs');

const SIZE = Number(process.env.ADVERSARIAL_SIZE ?? 1 << 20);
const BUDGET_MS = 1000;

/** CPU time of this thread (user + system, ms) from /proc, or undefined where there is none. */
function threadCpuMs() {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

function timed(text, filename, rules) {
  globalThis.gc?.();
  const c0 = process.cpuUsage();
  const th0 = threadCpuMs();
  const t0 = performance.now();
  const r = lint(text, rules ? { filename, rules } : { filename });
  const wall = performance.now() - t0;
  const th1 = threadCpuMs();
  const c = process.cpuUsage(c0);
  const processCpu = (c.user + c.system) / 1000;
  return { wall, cpu: th0 === undefined || th1 === undefined ? processCpu : th1 - th0, processCpu, r };
}

// warm-up so the first input does not pay for the JIT
lint(ADVERSARIAL['seed report repeated'](20000), { filename: 'w.txt' });
lint(ADVERSARIAL['seed report repeated'](20000), { filename: 'w.md' });

let over = 0;
const slow = [];
let worst = { name: '', ms: 0 };
console.log(`adversarial: ${Object.keys(ADVERSARIAL).length} inputs of ${SIZE} UTF-16 units, every rule on (budget ${BUDGET_MS} ms of the linting thread's cpu each for .txt; ${5 * BUDGET_MS} ms where every line is a finding)`);
for (const [name, make] of Object.entries(ADVERSARIAL)) {
  const text = make(SIZE);
  const cells = [];
  for (const filename of ['x.txt', 'x.md']) {
    const { wall, cpu, processCpu, r } = timed(text, filename);
    const bad = r.internalErrors.length ? ` INTERNAL ERRORS: ${r.internalErrors.map((e) => e.message).join(' | ')}` : '';
    const budget = EVERY_LINE_A_FINDING.has(name) ? 5 * BUDGET_MS : BUDGET_MS;
    const flag = filename === 'x.txt' && cpu > budget ? ' OVER BUDGET' : '';
    if (flag || bad) over++;
    if (filename === 'x.txt' && cpu > worst.ms) worst = { name, ms: cpu };
    if (filename === 'x.txt' && cpu > budget / 2) slow.push([name, text]);
    cells.push(`${filename.slice(2)} ${wall.toFixed(0).padStart(5)} ms wall ${cpu.toFixed(0).padStart(5)} ms cpu (process ${processCpu.toFixed(0).padStart(5)}) ${String(r.findings.length).padStart(7)} findings${r.skipped ? ` skipped (${r.skipped})` : ''}${flag}${bad}`);
  }
  console.log(`  ${name.padEnd(32)} ${cells.join(' | ')}`);
}
console.log(`adversarial: slowest .txt input: ${worst.name} ${worst.ms.toFixed(0)} ms cpu; ${over} over budget or with internal errors`);

// Where the time goes on the inputs over half their budget: the model alone, then each rule on top of it.
if (slow.length) console.log('adversarial: where the time goes (.txt, cpu ms; rule = lint with the model and that rule − the model alone):');
for (const [name, text] of slow) {
  const model = timed(text, 'x.txt', []).cpu;
  const per = allRules.map((r) => [r.meta.id, Math.max(0, timed(text, 'x.txt', [r]).cpu - model)]).sort((a, b) => b[1] - a[1]);
  console.log(`  ${name}: model ${model.toFixed(0)} ms; rules: ${per.slice(0, 6).map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(', ')} ms`);
}

// The Markdown parser (remark-parse / micromark) is super-linear on these; kept small so the bench finishes.
console.log('adversarial: Markdown parser stress (.md only; time at n and 2n, ratio ≈2 is linear, ≈4 quadratic)');
for (const [name, make] of Object.entries(MARKDOWN_PARSER)) {
  const a = timed(make(16384), 'x.md').processCpu;
  const b = timed(make(32768), 'x.md').processCpu;
  console.log(`  ${name.padEnd(32)} 16 KB ${a.toFixed(0).padStart(5)} ms  32 KB ${b.toFixed(0).padStart(5)} ms  ratio ${(b / Math.max(a, 1)).toFixed(1)}`);
}
process.exitCode = over ? 1 : 0;
