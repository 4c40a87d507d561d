// The Node server's idle collector (server/idle-gc.ts) empties the young generation at an idle point when the next
// round of allocation would not fit, so that the scavenge does not fall inside a lint.
import { describe, expect, it } from 'vitest';
import { getHeapSpaceStatistics } from 'node:v8';
import { idleYoungCollector } from '../../server/idle-gc';

const youngUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;

describe('idle young-generation collector', () => {
  it('collects at an idle point before the next round of allocation would fill the young generation', () => {
    const idle = idleYoungCollector();
    let atIdle = 0;
    let during = 0;
    let sink = 0;
    for (let round = 0; round < 60; round++) {
      // about 2 MB of short-lived objects, as a lint makes
      let last = youngUsed();
      for (let i = 0; i < 40_000; i++) {
        const o = { i, s: `item ${i}` };
        sink += o.s.length;
        if (i % 4000 === 0) {
          const now = youngUsed();
          // after the first rounds: the young generation has grown to its size, the collector has learned
          if (now < last && round >= 10) during++;
          last = now;
        }
      }
      const before = youngUsed();
      idle();
      if (youngUsed() < before / 2) atIdle++;
    }
    expect(sink).toBeGreaterThan(0);
    expect(atIdle).toBeGreaterThan(0);
    // once it has learned how much a round allocates, the young generation no longer fills during one
    expect(during).toBe(0);
  });
});
