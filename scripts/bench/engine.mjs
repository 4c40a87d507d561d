// Engine throughput: the five sample reports linted 200 times each (1,000 documents) in one process.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../..', import.meta.url).pathname;
const { lint } = require(join(root, 'dist/engine.js'));

const files = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(root, 'examples', f), 'utf8'));
const ROUNDS = 200;

// warm-up: let the JIT see every rule once
for (const t of texts) lint(t, { filename: 'warm.txt' });

let findings = 0;
let chars = 0;
let bytes = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < ROUNDS; i++) {
  for (const t of texts) {
    findings += lint(t, { filename: 'x.txt' }).findings.length;
    chars += t.length;
    bytes += Buffer.byteLength(t);
  }
}
const sec = Number(process.hrtime.bigint() - start) / 1e9;
const docs = ROUNDS * texts.length;
console.log('engine: %d documents (%d seeds × %d) in %s s', docs, texts.length, ROUNDS, sec.toFixed(2));
console.log('engine: %s documents/s, %s MB/s (UTF-8), %d findings', (docs / sec).toFixed(0), (bytes / 1e6 / sec).toFixed(2), findings);
