import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';

/** Set by keepYoungGenerationSmall (boot/server.ts sets it before the server's bundle is compiled). */
export const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';

let keptSmall = false;

/**
 * Keeps V8's young generation at the size it has once the server is loaded (two 1 MB halves) instead of
 * letting it grow to 2 x 16 MB under a burst of allocation and stay there (it never shrinks): a language
 * server's garbage comes in keystroke-sized amounts, and the larger nursery costs 28 MB more resident
 * memory. The price is more frequent scavenges. V8 reads this flag whenever it considers growing the
 * young generation, so setting it at start-up takes effect; but starting a worker thread puts it back
 * to V8's default (configuring the worker's heap raises a growth factor below 2 to 2, for the whole
 * process), so it is set again right after `new Worker()` (workerStarted, which whoever starts a worker
 * calls) and again once the worker is online. Before this, only the second was done, and the server's
 * first lint, which runs while the schema worker starts, grew the nursery to 2 x 4 MB in between.
 */
export function keepYoungGenerationSmall(): void {
  keptSmall = true;
  keepSmall();
  process.on('worker', (worker: Worker) => {
    startingWorkers.add(worker);
    const started = (): void => {
      if (!startingWorkers.delete(worker)) return;
      keepSmall();
      if (startingWorkers.size === 0) for (const run of waiting.splice(0)) run();
    };
    worker.once('online', started);
    worker.once('exit', started);
  });
}

/** Workers created and not yet online: until then V8's default growth factor holds. */
const startingWorkers = new Set<Worker>();
const waiting: (() => void)[] = [];

/**
 * Runs `run` once no worker is starting (at once if none is): a burst of allocation in the window between
 * `new Worker()` and its 'online' grows the young generation for good, as the flag is then V8's default
 * again. Work that can wait (the server's warm-up) waits for that.
 */
export function whileYoungGenerationKeptSmall(run: () => void): void {
  if (startingWorkers.size === 0) run();
  else waiting.push(run);
}

/** Sets this process's young-generation flag again right after `new Worker()`, if it is kept small. */
export function workerStarted(): void {
  if (keptSmall) keepSmall();
}

function keepSmall(): void {
  try {
    setFlagsFromString(YOUNG_GENERATION_FLAG);
  } catch {
    // An unknown flag (another V8) leaves the default.
  }
}

/** What V8's young generation holds now (both halves), in bytes. */
export function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
