import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Worker } from 'node:worker_threads';

/** How long the server must have had nothing to do with documents before it gives memory back. */
export const IDLE_COLLECT_MS = 1000;

/**
 * V8 keeps the pages a burst of work filled (opening fifty large domains leaves ~80 MB of pages for
 * ~20 MB of live objects) until its heuristics happen to run a full collection. Once the server has been
 * idle for a second after document activity, one full collection gives them back: the resident memory
 * then follows what the open documents need. Node exposes `gc` only with --expose-gc, which a language
 * server started by an editor does not get; the flag is set here, once, for this purpose alone.
 */
export function idleCollector(delayMs = IDLE_COLLECT_MS): () => void {
  const collect = collectGarbage();
  if (!collect) return () => {};
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      compacting(collect);
    }, delayMs);
    // Never what keeps the process alive.
    timer.unref();
  };
}

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
      setFlagsFromString('--semi-space-growth-factor=1');
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

/**
 * Runs a full collection that also compacts every fragmented page. A plain one leaves the pages a burst
 * filled where live objects are scattered over them, so they stay resident; moving the survivors
 * together frees the pages (with the bench's 50 open domains: ~40 MB more given back). The flag is read
 * when a collection starts and is set only around this one.
 */
function compacting(collect: () => void): void {
  try {
    setFlagsFromString('--compact-on-every-full-gc');
  } catch {
    // An unknown flag (another V8): a plain full collection.
  }
  try {
    collect();
  } finally {
    try {
      setFlagsFromString('--no-compact-on-every-full-gc');
    } catch {
      // As above.
    }
  }
}

function collectGarbage(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
