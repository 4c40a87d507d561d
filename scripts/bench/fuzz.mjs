// The property run of issue 8, shorter than `npm run fuzz`: 2,000 cases over the bundled engine with every rule on.
import { main } from '../fuzz.mjs';

const cases = Number(process.env.BENCH_FUZZ_CASES ?? 2000);
const seed = Number(process.env.FC_SEED ?? 20260908);
const r = await main({ cases, seed, label: 'fuzz' });
process.exitCode = r.failures.length || r.slow.length ? 1 : 0;
