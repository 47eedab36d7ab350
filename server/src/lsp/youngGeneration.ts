import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';

/** Set by keepYoungGenerationSmall (boot/server.ts sets it before the server's bundle is compiled). */
export const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';

/**
 * Keeps V8's young generation at the size it has once the server is loaded (two 2 MB halves) instead of
 * letting it grow to 2 x 16 MB under a burst of allocation and stay there (it never shrinks): a language
 * server's garbage comes in keystroke-sized amounts, and the larger nursery costs 28 MB more resident
 * memory. The price is more frequent scavenges. V8 reads this flag whenever it considers growing the
 * young generation, so setting it at start-up takes effect; but starting a worker thread (the schema
 * worker) puts V8's flags back to their defaults, so it is set again once each worker runs.
 */
export function keepYoungGenerationSmall(): void {
  const keep = (): void => {
    try {
      setFlagsFromString(YOUNG_GENERATION_FLAG);
    } catch {
      // An unknown flag (another V8) leaves the default.
    }
  };
  keep();
  process.on('worker', (worker: Worker) => worker.once('online', keep));
}

/** What V8's young generation holds now (both halves), in bytes. */
export function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
