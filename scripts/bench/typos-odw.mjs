// The typo rules: precision and recall on odw.train (scripts/odw-eval.mjs, SIGHAN-15 sentence level; odd lines
// for tuning, even lines apart), and the time they add on the engine bench's 1,000 reports (the five samples × 200
// as .md, in-process: all rules vs all rules but those of issue 14, paired runs, medians). The goal is at most 0.15× the time of
// markdownlint-cli2 on the same files, taken from scripts/bench/cli.mjs's run (MARKDOWNLINT_MS) or the README's
// figure (3.0 s) when not given.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { evaluateOdw, formatFigures, odwPath, readOdw, TYPO_RULES } from '../odw-eval.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../..', import.meta.url).pathname;
const { lint, allRules } = require(join(root, 'dist/engine.js'));
const typoRules = allRules.filter((r) => TYPO_RULES.includes(r.meta.id));

const files = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(root, 'examples', f), 'utf8'));
// first use loads the dictionary (before anything else in this process): counted once, as in a CLI run
const c0 = process.cpuUsage();
lint('一', { filename: 'x.md', rules: typoRules.filter((r) => r.meta.id === 'typo-suspect') });
lint('统筹兼顾。', { filename: 'x.md', rules: typoRules });
const cl = process.cpuUsage(c0);
const loadMs = (cl.user + cl.system) / 1000;

const sentences = readOdw(odwPath(root));
if (!sentences) console.log(`typos: ${odwPath(root)} not found: precision and recall skipped`);
else {
  const st = evaluateOdw(sentences, lint, typoRules);
  console.log('typos (odw.train, SIGHAN-15 sentence level; rules %s):', TYPO_RULES.join(', '));
  for (const k of ['odd', 'even', 'all']) console.log('  ' + formatFigures(k, st[k]));
  const marked = sentences.filter((s) => s.errors === 0).length;
  console.log(`  (clean = no character differs from its correction; the file's count column marks ${marked} lines 0)`);
}

const ROUNDS = 200;
// the time is that of every rule of issue 14 (错别字 and 规范表述), as scripts/bench/cli.mjs counts them
const NEW_RULES = ['typo', 'typo-variant', 'typo-suspect', 'formulation', 'terms'];
const others = allRules.filter((r) => !NEW_RULES.includes(r.meta.id));
/** CPU time of this process (user + system), ms: on a loaded machine wall time mostly measures the others. */
function run(rules) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) for (const t of texts) lint(t, { filename: 'x.md', rules });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
run(allRules);
run(others);
const added = [];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
for (let i = 0; i < RUNS; i++) {
  const a = run(allRules);
  const b = run(others);
  added.push(a - b);
}
added.sort((x, y) => x - y);
const median = added[Math.floor(added.length / 2)];
const ml = Number(process.env.MARKDOWNLINT_MS ?? 3000);
const total = median + loadMs;
console.log(
  `typos: time added by ${NEW_RULES.join(', ')} on ${ROUNDS * texts.length} reports, in-process: ${median.toFixed(0)} ms (CPU time, median of ${RUNS} paired runs) + ${loadMs.toFixed(0)} ms dictionary load = ${total.toFixed(0)} ms; ` +
    `${(total / ml).toFixed(3)}× markdownlint-cli2's ${ml} ms${process.env.MARKDOWNLINT_MS ? '' : ' (README figure; set MARKDOWNLINT_MS)'} (goal ≤ 0.15: ${total / ml <= 0.15 ? 'met' : 'NOT met'}; the whole-process figure is cli.mjs's)`,
);
