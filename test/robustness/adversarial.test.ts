// Issue 8: no super-linear time. Smaller versions of the 1 MB inputs of scripts/bench/adversarial.mjs, every rule
// on: each lints in well under 5 s at 100 KB, and doubling 50 KB → 100 KB must not quadruple the time (a quadratic
// or exponential regex would). CPU time, not wall time, so that other work on the machine does not count.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { lint } from '../../rules/engine';

const require = createRequire(import.meta.url);
const { ADVERSARIAL } = require('../../scripts/bench/adversarial-inputs.cjs') as {
  ADVERSARIAL: Record<string, (n: number) => string>;
};

function cpuMs(text: string, filename: string): number {
  const c0 = process.cpuUsage();
  const r = lint(text, { filename });
  const c = process.cpuUsage(c0);
  expect(r.internalErrors).toEqual([]);
  return (c.user + c.system) / 1000;
}

// JIT warm-up, so that the first input does not pay for compiling every rule
lint(ADVERSARIAL['seed report repeated'](30000), { filename: 'w.txt' });
lint(ADVERSARIAL['seed report repeated'](30000), { filename: 'w.md' });

describe('adversarial inputs lint in linear time', () => {
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    for (const filename of ['x.txt', 'x.md']) {
      it(`${name} (${filename.slice(2)})`, () => {
        const small = make(50_000);
        const big = make(100_000);
        let a = cpuMs(small, filename);
        let b = cpuMs(big, filename);
        // CPU time still varies for the same work (garbage of earlier inputs collected during this one, caches shared
        // with other processes): up to 3× on a loaded machine, and a linear input's single pair has reached a ratio
        // of 2.98. Noise only adds time, so a suspect pair is measured again and the fastest runs of each size are
        // compared: a quadratic input stays at 4×. Small times are noisy (GC, JIT): only compared once measurable.
        // A run over the budget is not retried: it is too slow however noisy, and retries could take minutes.
        const suspect = () => b < 5000 && b > 40 && b / Math.max(a, 10) >= 3;
        for (let i = 0; i < 3 && suspect(); i++) {
          a = Math.min(a, cpuMs(small, filename));
          b = Math.min(b, cpuMs(big, filename));
        }
        expect(b).toBeLessThan(5000);
        if (b > 40) expect(b / Math.max(a, 10)).toBeLessThan(3);
      });
    }
  }
});
