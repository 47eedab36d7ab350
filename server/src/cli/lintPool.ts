import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileKind, Finding } from '../core/types';
import { workerScript } from '../core/workerScript';
import type { GuestsSetting } from '../guests/provider';

/** What a lint worker needs to judge as the command would: the command line's --schema, --host and --guests. */
export interface LintSetup {
  schema: string;
  host: readonly string[];
  guests: GuestsSetting;
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
  // Each worker loads the code, compiles the schema and warms V8's JIT up again, and every thread's
  // optimizing compiler and garbage collector keep part of another core busy beside it. Measured over
  // libvirt's 2,321 accepted test files with --schema, with the CLI's V8 flags (boot/cli.ts): one
  // thread 0.53-0.6 s of CPU on the main thread plus 0.3-0.4 s on V8's helper threads; this thread
  // and one worker both linting (files taken from the two ends of one queue, a prototype not kept)
  // 1.36 s of CPU instead of 0.89 s, 142-152 MB at peak instead of 106 MB, and a slower run (1.04 s
  // against 0.83 s, alternated on a busy 2-core machine); over the same files four times, still 65%
  // more CPU. So a worker pays only where two cores are free for it: on two cores, or on a busy
  // machine (CI runners, shared hosts), one thread finishes first.
  const pairs = Math.floor((availableParallelism() - loadavg()[0]) / 2);
  if (pairs < 2) return 0;
  return Math.min(pairs, MAX_WORKERS, Math.ceil(files / (BATCH * 2)));
}

export class LintSetupError extends Error {}

/**
 * Worker threads linting the files they are given, each set up from the command line as this thread
 * would be. The workers start at once, so they load while this thread is still reading the files; files
 * are handed out in batches as they are added. `finish` answers the findings in the jobs' order; it
 * rejects with a LintSetupError when the setup fails in a worker (the message is the command's own),
 * with another error when a worker dies.
 */
export class LintPool {
  private readonly results: Finding[][] = [];
  private readonly queue: LintJob[] = [];
  private readonly workers: Worker[] = [];
  /** Workers ready for more, each with how many batches it has in hand. */
  private readonly inFlight = new Map<Worker, number>();
  private added = 0;
  private answered = 0;
  private closed = false;
  private failure: Error | undefined;
  private settle: (() => void) | undefined;

  constructor(setup: LintSetup, threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(workerScript(__dirname, 'lint-worker.js', 'lintWorker.js'), {
        workerData: setup,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        stdout: false,
        stderr: false,
      });
      this.workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') return this.fail(new LintSetupError(message.message));
        if (message.type === 'ready') {
          this.inFlight.set(worker, 0);
        } else {
          for (const { index, findings } of message.results) this.results[index] = findings;
          this.answered += message.results.length;
          this.inFlight.set(worker, this.inFlight.get(worker)! - 1);
        }
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closed || code !== 0 || (this.inFlight.get(worker) ?? 0) > 0) this.fail(new Error(`virt-tune: a lint worker stopped (exit code ${code})`));
      });
    }
  }

  add(job: LintJob): void {
    this.queue.push(job);
    this.added++;
    if (this.queue.length >= BATCH) this.dispatch();
  }

  /** The findings of every job added, in the jobs' order, once all are linted; the workers are stopped. */
  async finish(): Promise<Finding[][]> {
    try {
      await new Promise<void>((resolve) => {
        this.settle = resolve;
        this.dispatch(true);
      });
      if (this.failure) throw this.failure;
      return this.results;
    } finally {
      this.closed = true;
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
  }

  /** Hands out full batches (and, once finishing, the last partial one); two batches in flight per worker, so none waits. */
  private dispatch(finishing = this.settle !== undefined): void {
    if (this.failure) {
      this.settle?.();
      return;
    }
    for (const [worker, held] of this.inFlight) {
      for (let k = held; k < 2 && (this.queue.length >= BATCH || (finishing && this.queue.length > 0)); k++) {
        worker.postMessage({ type: 'lint', jobs: this.queue.splice(0, BATCH) } satisfies ToWorker);
        this.inFlight.set(worker, this.inFlight.get(worker)! + 1);
      }
    }
    if (finishing && this.answered === this.added) this.settle?.();
  }

  private fail(error: Error): void {
    if (this.failure || this.closed) return;
    this.failure = error;
    this.settle?.();
  }
}
