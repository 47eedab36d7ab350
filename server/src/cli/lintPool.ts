import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileKind, Finding } from '../core/types';

/** What a lint worker needs to judge as the command would: the command line's --schema and --host. */
export interface LintSetup {
  schema: string;
  host: readonly string[];
}

/** One file for a worker, by its place in the command's list. */
export interface LintJob {
  index: number;
  path: string;
  kind: FileKind;
  text: string;
}

export type ToWorker = { type: 'lint'; jobs: LintJob[] };
export type FromWorker =
  | { type: 'ready' }
  /** The setup failed: the one line that says why (a schema or host that cannot be used). */
  | { type: 'failed'; message: string }
  | { type: 'done'; results: { index: number; findings: Finding[] }[] };

/** Below this many files one thread is quicker: starting a worker costs about as much as linting a few dozen. */
export const MIN_FILES_FOR_WORKERS = 48;
const MAX_WORKERS = 4;
/** Files per message: large enough that messaging is cheap, small enough that the threads finish together. */
const BATCH = 12;
/** A worker's young generation: most of a lint's garbage dies young, and a larger nursery scavenges less often. */
const YOUNG_GENERATION_MB = 32;

/** How many worker threads a run over `files` files should use; 0 or 1 means lint in this thread. */
export function workerCount(files: number): number {
  // VIRT_TUNE_LINT_THREADS=N fixes the count (0: this thread only), for tests and measurements.
  const forced = Number.parseInt(process.env['VIRT_TUNE_LINT_THREADS'] ?? '', 10);
  if (Number.isInteger(forced) && forced >= 0) return Math.min(forced, files);
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  const cores = availableParallelism();
  // Each worker loads the code and compiles the schema again (a few hundred ms of CPU): that pays only
  // when another core is free. On a busy machine (CI runners, shared hosts) one thread finishes first.
  if (loadavg()[0] > cores - 1) return 0;
  return Math.min(cores, MAX_WORKERS, Math.ceil(files / (BATCH * 2)));
}

/** The worker's script: the bundle beside this file in dist/, else the compiled module (out/, tests). */
function workerScript(): string {
  const bundled = join(__dirname, 'lint-worker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'lintWorker.js');
}

export class LintSetupError extends Error {}

/**
 * Lints the jobs on `threads` worker threads, each set up from the command line as this thread would
 * be, and answers the findings in the jobs' order. Rejects with a LintSetupError when the setup fails
 * in a worker (the message is the command's own), with another error when a worker dies.
 */
export async function lintOnWorkers(jobs: readonly LintJob[], setup: LintSetup, threads: number): Promise<Finding[][]> {
  const results: Finding[][] = new Array<Finding[]>(jobs.length);
  const batches: LintJob[][] = [];
  for (let at = 0; at < jobs.length; at += BATCH) batches.push(jobs.slice(at, at + BATCH));
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        const batch = batches[next++];
        if (batch) worker.postMessage({ type: 'lint', jobs: batch } satisfies ToWorker);
        return batch !== undefined;
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(workerScript(), {
          workerData: setup,
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
          stdout: false,
          stderr: false,
        });
        workers.push(worker);
        running++;
        let inFlight = 0;
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'failed') return fail(new LintSetupError(message.message));
          if (message.type === 'ready') {
            // Two batches in flight: the worker never waits for the next one.
            for (let k = 0; k < 2; k++) if (feed(worker)) inFlight++;
          } else {
            for (const { index, findings } of message.results) results[index] = findings;
            inFlight--;
            if (feed(worker)) inFlight++;
          }
          if (inFlight === 0 && next >= batches.length) {
            running--;
            if (running === 0) resolve();
          }
        });
        worker.on('error', (error) => fail(error));
        worker.on('exit', (code) => {
          if (inFlight > 0 || code !== 0) fail(new Error(`virt-tune: a lint worker stopped (exit code ${code})`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
