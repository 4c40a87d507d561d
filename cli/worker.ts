// A worker thread for large runs: lints the jobs it is sent, one message per job back.
import { parentPort } from 'node:worker_threads';
import { lintJob, type Job } from './lint-file';

parentPort!.on('message', async (msg: { id: number; job: Job }) => {
  try {
    const report = await lintJob(msg.job);
    // the rendered JSON is moved, not copied (TextEncoder gives it an ArrayBuffer of its own)
    parentPort!.postMessage({ id: msg.id, report }, report.rendered ? [report.rendered.buffer as ArrayBuffer] : []);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, failure: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
