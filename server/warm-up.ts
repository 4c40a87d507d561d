// Warming the engine up while the writer reads. V8 runs new code slowly at first and compiles the hot functions in
// the background: a lint of a 20,000-character report takes 15–40 ms for the first 20 or so lints and ≈ 3 ms once
// compiled, so the first edits after a report is opened were the slow ones. After a document's first lint, in time
// when nothing waits (no lint running, no edit read for `idleMs`), the server lints that document again and again and
// throws the results away, a step at a time (the model, one rule, a batch of diagnostics): an edit that comes in waits
// for one slice of steps (3 ms), never a whole lint. It stops once the lints take a steady time (70–110 lints of
// that report), or at `maxJobs` lints or `budgetMs` of steps; once per server.

export interface WarmUpOptions {
  /** A new job (one lint of the latest document, then what the server does with its result), or undefined if none. */
  job(): Iterator<void> | undefined;
  /** True while something real runs or waits (a lint, a debounce): then no step runs. */
  busy(): boolean;
  /** Counts what the client sent that may want a lint (opens, edits): a change means activity. */
  activity(): number;
  now(): number;
  /** After a slice that ended a job, before the next begins (housekeeping such as an idle garbage collection). */
  afterJobs?(): void;
  /** Warm-up is over: warm, or its jobs or budget used up (not called on stop()). */
  onDone?(stats: WarmUp['stats']): void;
  /** Quiet time needed before a step, after the last activity. */
  idleMs?: number;
  /** Runs a callback after pending input was read: setImmediate in Node, a timer elsewhere. */
  yieldTurn(fn: () => void): void;
  /** Steps run back to back for at most this long before input is read again. */
  sliceMs?: number;
  /**
   * Warm when the last `settleJobs` jobs took within `settleRatio` of each other (V8 has compiled what they run), after
   * at least `minJobs`.
   */
  minJobs?: number;
  settleJobs?: number;
  settleRatio?: number;
  /** Jobs at most, warm or not. */
  maxJobs?: number;
  /** Time spent in steps in all, whatever the document's size. */
  budgetMs?: number;
}

export interface WarmUp {
  /** The server went idle (diagnostics written): warm-up goes on if it is not done. */
  poke(): void;
  /** Stops for good (shutdown). */
  stop(): void;
  /** What was done, for tests and logs. */
  readonly stats: { jobs: number; steps: number; spentMs: number; done: boolean; settled: boolean };
}

export function createWarmUp(o: WarmUpOptions): WarmUp {
  const idleMs = o.idleMs ?? 30;
  const maxJobs = o.maxJobs ?? 120;
  const budgetMs = o.budgetMs ?? 2500;
  const sliceMs = o.sliceMs ?? 3;
  const minJobs = o.minJobs ?? 60;
  const settleJobs = o.settleJobs ?? 10;
  const settleRatio = o.settleRatio ?? 1.2;
  const stats = { jobs: 0, steps: 0, spentMs: 0, done: false, settled: false };
  /** The times of the last jobs (a ring), and of the job under way. */
  const recent: number[] = [];
  let jobMs = 0;
  const settled = (): boolean => {
    if (stats.jobs < minJobs || recent.length < settleJobs) return false;
    return Math.max(...recent) <= settleRatio * Math.min(...recent);
  };
  let job: Iterator<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A tick is on its way (a timer or a turn): never two at once. */
  let pending = false;
  let seen = o.activity();
  let quietSince = o.now();

  /** Over for good; `onDone` is told unless the server stopped it (shutdown). */
  const finish = (report: boolean) => {
    if (stats.done) return;
    stats.done = true;
    job = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!report) return;
    try {
      o.onDone?.(stats);
    } catch {
      // a report only
    }
  };

  const later = (ms: number) => {
    if (stats.done || pending) return;
    pending = true;
    timer = setTimeout(tick, ms);
  };

  function tick(): void {
    pending = false;
    timer = undefined;
    if (stats.done) return;
    const a = o.activity();
    if (a !== seen) {
      seen = a;
      quietSince = o.now();
    }
    // something real runs: poke() comes when it is done
    if (o.busy()) return;
    const quiet = o.now() - quietSince;
    if (quiet < idleMs) return later(idleMs - quiet);
    // steps for up to a slice of time, then a turn of the event loop, so that what the client sent meanwhile is
    // read: an edit waits at most a slice and one step
    const t0 = o.now();
    let t = t0;
    const jobsBefore = stats.jobs;
    try {
      while (t - t0 < sliceMs) {
        job ??= o.job();
        // nothing to lint now (the document was closed): the next poke() tries again
        if (!job) return;
        const done = job.next().done;
        stats.steps++;
        const tn = o.now();
        jobMs += tn - t;
        t = tn;
        if (done) {
          job = undefined;
          stats.jobs++;
          recent[stats.jobs % settleJobs] = jobMs;
          jobMs = 0;
          if (settled()) stats.settled = true;
          // a job ends its slice: afterJobs() may then collect young garbage with no job in flight, so that the
          // next job's objects are not copied by a scavenge in its middle (promoted, they would grow the heap)
          break;
        }
        if (stats.jobs >= maxJobs || stats.spentMs + (t - t0) >= budgetMs) break;
      }
    } catch {
      // warm-up is never worth an error: stop
      return finish(true);
    } finally {
      stats.spentMs += o.now() - t0;
    }
    if (stats.jobs > jobsBefore) {
      try {
        o.afterJobs?.();
      } catch {
        // housekeeping only
      }
    }
    if (stats.settled || stats.jobs >= maxJobs || stats.spentMs >= budgetMs) return finish(true);
    pending = true;
    o.yieldTurn(tick);
  }

  return {
    poke: () => later(idleMs),
    stop: () => finish(false),
    stats,
  };
}
