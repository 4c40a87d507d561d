// The server warms the engine up in idle time (server/warm-up.ts): lints thrown away, a few milliseconds at a time,
// only when nothing real runs or waits, bounded, and never a message to the client but one log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWarmUp, type WarmUpOptions } from '../../server/warm-up';
import { LspClient, SEED_000, SEED_001, fileUri, seed } from './client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
};
const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/** A server that is never busy and never hears from its client: only the jobs and the bounds matter. */
const idle = {
  busy: () => false,
  activity: () => 0,
  now: () => performance.now(),
  yieldTurn: (fn: () => void) => setImmediate(fn),
  idleMs: 1,
};

/** A warm-up over jobs of `stepsPerJob` steps of `stepMs` each, recording when each step ran. */
function harness(over: Partial<WarmUpOptions> & { stepsPerJob?: number; stepMs?: number } = {}) {
  const log: { at: number; tick: number }[] = [];
  let tick = 0;
  let activity = 0;
  let busy = false;
  let jobsMade = 0;
  let done: unknown;
  const w = createWarmUp({
    job: function () {
      jobsMade++;
      return (function* () {
        for (let i = 0; i < (over.stepsPerJob ?? 4); i++) {
          log.push({ at: performance.now(), tick });
          spin(over.stepMs ?? 0.2);
          if (i < (over.stepsPerJob ?? 4) - 1) yield;
        }
      })();
    },
    busy: () => busy,
    activity: () => activity,
    now: () => performance.now(),
    yieldTurn: (fn) =>
      setImmediate(() => {
        tick++;
        fn();
      }),
    idleMs: 20,
    maxJobs: 10,
    // these jobs take the same time from the first: settling is tested on its own below
    minJobs: 1000,
    onDone: (s) => (done = { ...s }),
    ...over,
  });
  return {
    w,
    log,
    jobsMade: () => jobsMade,
    done: () => done,
    setBusy: (b: boolean) => (busy = b),
    act: () => activity++,
  };
}

describe('warm-up scheduler', () => {
  it('runs its jobs after a quiet time, then stops at maxJobs and says so once', async () => {
    const h = harness();
    const poked = performance.now();
    h.w.poke();
    await until(() => h.w.stats.done);
    expect(h.log[0].at - poked).toBeGreaterThanOrEqual(19);
    expect(h.w.stats.jobs).toBe(10);
    expect(h.jobsMade()).toBe(10);
    expect(h.log.length).toBe(40);
    expect(h.done()).toMatchObject({ jobs: 10, steps: 40, done: true, settled: false });
    // done: a poke does nothing more
    h.w.poke();
    await sleep(50);
    expect(h.log.length).toBe(40);
  });

  it('runs steps for one slice at a time, then lets the event loop read input', async () => {
    const h = harness({ stepMs: 1, stepsPerJob: 20, maxJobs: 2, sliceMs: 3 });
    h.w.poke();
    await until(() => h.w.stats.done);
    const perTick = new Map<number, number>();
    for (const s of h.log) perTick.set(s.tick, (perTick.get(s.tick) ?? 0) + 1);
    // 1 ms steps in 3 ms slices: at most 3 (the slice) and one that starts before it ends
    expect(Math.max(...perTick.values())).toBeLessThanOrEqual(4);
    expect(perTick.size).toBeGreaterThanOrEqual(10);
  });

  it('keeps out of the way while something real runs, and of fresh activity', async () => {
    const h = harness();
    h.setBusy(true);
    h.w.poke();
    await sleep(80);
    expect(h.log.length).toBe(0);
    h.setBusy(false);
    h.act();
    const acted = performance.now();
    h.w.poke();
    await until(() => h.log.length > 0);
    // the activity was seen: a full quiet time after it
    expect(h.log[0].at - acted).toBeGreaterThanOrEqual(19);
    // busy again mid-way: the steps stop until the next poke
    h.setBusy(true);
    const n = h.log.length;
    await sleep(60);
    expect(h.log.length - n).toBeLessThanOrEqual(4);
    const m = h.log.length;
    await sleep(60);
    expect(h.log.length).toBe(m);
    h.setBusy(false);
    h.w.poke();
    await until(() => h.w.stats.done);
    expect(h.w.stats.jobs).toBe(10);
  });

  it('stops once the last jobs take a steady time (V8 has compiled them), not before minJobs', async () => {
    // jobs that get faster, as a lint does while V8 compiles it, then stay at 1 ms
    const times = [8, 6, 5, 4, 3, 2.5, 2, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    let made = 0;
    const w = createWarmUp({
      ...idle,
      job: () => {
        const ms = times[Math.min(made++, times.length - 1)];
        return (function* () {
          spin(ms);
        })();
      },
      minJobs: 12,
      settleJobs: 4,
      settleRatio: 1.5,
      maxJobs: 100,
    });
    w.poke();
    await until(() => w.stats.done);
    expect(w.stats.settled).toBe(true);
    // the first four 1 ms jobs are jobs 9–12, and 12 is the least
    expect(w.stats.jobs).toBeGreaterThanOrEqual(12);
    expect(w.stats.jobs).toBeLessThan(20);
  });

  it('stops at its time budget, whatever the jobs', async () => {
    const h = harness({ stepMs: 2, maxJobs: 1000, budgetMs: 30 });
    h.w.poke();
    await until(() => h.w.stats.done);
    expect(h.w.stats.spentMs).toBeGreaterThanOrEqual(30);
    // the step under way when the budget ran out is finished (a loaded machine may stretch it)
    expect(h.w.stats.spentMs).toBeLessThan(100);
    expect(h.w.stats.jobs).toBeLessThan(10);
  });

  it('stops for good on an error in a job, without throwing', async () => {
    let done = false;
    const w = createWarmUp({
      ...idle,
      job: () => ({ next: () => { throw new Error('boom'); } }) as unknown as Iterator<void>,
      onDone: () => (done = true),
    });
    w.poke();
    await until(() => done);
    expect(w.stats.done).toBe(true);
  });

  it('waits when there is nothing to lint, and goes on when poked again; stop() ends it silently', async () => {
    let have = false;
    let steps = 0;
    let doneCalls = 0;
    const w = createWarmUp({
      ...idle,
      job: () => (have ? (function* () { steps++; spin(0.5); })() : undefined),
      maxJobs: 1e6,
      minJobs: 1e6,
      budgetMs: 1e6,
      onDone: () => doneCalls++,
    });
    w.poke();
    await sleep(30);
    expect(steps).toBe(0);
    expect(w.stats.done).toBe(false);
    have = true;
    w.poke();
    await until(() => steps >= 5);
    w.stop();
    const n = steps;
    await sleep(30);
    expect(steps).toBe(n);
    expect(w.stats.done).toBe(true);
    expect(doneCalls).toBe(0);
  });
});

describe('warm-up in the language server', () => {
  let client: LspClient;
  let ws: string;
  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'rl-lsp-warm-'));
    client = await LspClient.start({ pull: false, settings: { debounceMs: 0 }, rootPath: ws });
  });
  afterAll(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('warms up after the first lint, sends nothing but a log line, and edits meanwhile get their own diagnostics', async () => {
    const uri = fileUri(join(ws, 'a.txt'));
    const text = seed(SEED_000) + '\n\n' + seed(SEED_001);
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1);
    expect(first.length).toBeGreaterThan(300);
    // type while the warm-up runs: each version gets its diagnostics, the warm-up's lints never go out
    const at = { line: 3, character: 0 };
    for (let i = 0; i < 5; i++) {
      const v = await client.change(uri, [{ range: { start: at, end: at }, text: '2020年' }]);
      await client.diagnosticsFor(uri, v);
      await sleep(40);
    }
    await until(() => client.logs.some((l) => /warmed up/.test(l.message)), 20_000);
    const line = client.logs.find((l) => /warmed up/.test(l.message))!;
    const m = /\((\d+) lints, (\d+) ms\)/.exec(line.message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    // it stopped when warm or at its bounds
    expect(Number(m![1])).toBeLessThanOrEqual(120);
    expect(Number(m![2])).toBeLessThanOrEqual(2600);
    // nothing but the opened version and the five edits was ever published for the document
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 2, 3, 4, 5, 6]);
    // and the diagnostics after the warm-up are those of a fresh server
    const v = await client.change(uri, [{ range: { start: at, end: at }, text: '年' }]);
    const after = await client.diagnosticsFor(uri, v);
    const fresh = await LspClient.start({ pull: false, settings: { debounceMs: 0 }, rootPath: ws });
    try {
      await fresh.open(uri, client.text(uri));
      // the same diagnostics, to the byte (those kept from earlier lints included)
      expect(JSON.stringify(await fresh.diagnosticsFor(uri, 1))).toBe(JSON.stringify(after));
    } finally {
      await fresh.stop();
    }
  });
});

describe('warm-up with a pull client (as VS Code)', () => {
  it('warms up after a pull, and a pull after it gives the same diagnostics as before', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'rl-lsp-warm-pull-'));
    const client = await LspClient.start({ pull: true, rootPath: ws });
    try {
      const uri = fileUri(join(ws, 'b.txt'));
      await client.open(uri, seed(SEED_001));
      const before = await client.pull(uri);
      expect(before.items!.length).toBeGreaterThan(100);
      await until(() => client.logs.some((l) => /warmed up/.test(l.message)), 20_000);
      // the same version pulled again: unchanged, the warm-up's lints replaced nothing
      const again = await client.pull(uri, before.resultId);
      expect(again.kind).toBe('unchanged');
      expect(client.published.filter((p) => p.uri === uri)).toEqual([]);
    } finally {
      await client.stop();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
