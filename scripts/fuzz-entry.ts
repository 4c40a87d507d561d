// The long property run over the built engine (bundled by scripts/fuzz.mjs). Same generators and
// invariants as test/robustness/properties.test.ts, many more cases.
import fc from 'fast-check';
import { checkBoth, documentArb, loadSeeds, mutatedSeedArb, randomTextArb, yearArb } from '../test/robustness/harness';
import { allRules } from '../rules/all-rules';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FuzzOptions {
  root: string;
  cases: number;
  seed: number;
  /** Stop looking after this many failures (each failure is shrunk, then the run goes on with the next seed). */
  maxFailures?: number;
  log?: (line: string) => void;
  /** A case slower than this (lint + fix-all twice, both formats) is a failure: a hang, not a crash. */
  slowMs?: number;
  /** Where slow inputs are written for reproduction. */
  slowDir?: string;
}

export interface SlowCase {
  property: string;
  ms: number;
  length: number;
  file?: string;
}

export interface FuzzFailure {
  property: string;
  seed: number;
  path?: string;
  error: string;
  counterexample: string;
  /** The configured year of the counterexample, if any. */
  year?: number;
}

export interface FuzzReport {
  rules: string[];
  cases: number;
  failures: FuzzFailure[];
  slowest: { ms: number; length: number; property: string; sample: string };
  slow: SlowCase[];
  totalMs: number;
}

export function runFuzz(o: FuzzOptions): FuzzReport {
  const seeds = loadSeeds(o.root);
  const log = o.log ?? (() => {});
  const maxFailures = o.maxFailures ?? 5;
  const slowMs = o.slowMs ?? 5000;
  const properties: { name: string; arb: fc.Arbitrary<string>; share: number }[] = [
    { name: 'mutated seeds', arb: mutatedSeedArb(seeds), share: 0.5 },
    { name: 'random unicode', arb: randomTextArb(), share: 0.3 },
    { name: 'mixed', arb: documentArb(seeds), share: 0.2 },
  ];
  const report: FuzzReport = {
    rules: allRules.map((r) => r.meta.id),
    cases: 0,
    failures: [],
    slowest: { ms: 0, length: 0, property: '', sample: '' },
    slow: [],
    totalMs: 0,
  };
  const t0 = performance.now();
  let seed = o.seed;
  for (const p of properties) {
    let remaining = Math.max(1, Math.round(o.cases * p.share));
    let shrinking = false;
    while (remaining > 0 && report.failures.length < maxFailures) {
      const prop = fc.property(p.arb, yearArb, (text, year) => {
        const s = performance.now();
        try {
          checkBoth(text, year);
        } catch (e) {
          shrinking = true; // later calls are fast-check shrinking this input, not new cases
          throw e;
        } finally {
          const ms = performance.now() - s;
          if (!shrinking && ms > slowMs) {
            const c: SlowCase = { property: p.name, ms, length: text.length };
            if (o.slowDir) {
              c.file = join(o.slowDir, `report-lint-fuzz-slow-${report.slow.length + 1}.txt`);
              writeFileSync(c.file, text);
            }
            report.slow.push(c);
          }
          if (!shrinking && ms > report.slowest.ms) report.slowest = { ms, length: text.length, property: p.name, sample: text };
        }
      });
      shrinking = false;
      const details = fc.check(prop, { numRuns: remaining, seed, endOnFailure: false });
      // numRuns counts the runs up to and including the failing one
      const ran = details.failed ? details.numRuns : remaining;
      report.cases += ran;
      remaining -= ran;
      log(`${p.name}: ${ran} cases (seed ${seed})${details.failed ? ' — FAILED' : ''}`);
      if (details.failed) {
        const ce = details.counterexample ? String(details.counterexample[0]) : '';
        const year = details.counterexample ? details.counterexample[1] : undefined;
        report.failures.push({
          property: p.name,
          seed,
          path: details.counterexamplePath ?? undefined,
          error: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
          counterexample: ce,
          year,
        });
      }
      seed++;
    }
  }
  report.totalMs = performance.now() - t0;
  return report;
}
