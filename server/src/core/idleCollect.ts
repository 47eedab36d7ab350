import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long a thread must have had nothing to do with documents before it gives memory back. */
export const IDLE_COLLECT_MS = 1000;

/** Set for good by the first idle collection (boot/server.ts sets it before the server's bundle is compiled). */
export const EXPOSE_GC_FLAG = '--expose-gc';

/**
 * V8's default, which each idle collection turns off for a moment and back (compacting): boot/server.ts
 * sets it again right before the server's code cache is made, in case a worker's collection is under way.
 */
export const COMPACTION_OFF_FLAG = '--no-compact-on-every-full-gc';

/**
 * V8 keeps the pages a burst of work filled (opening fifty large domains leaves ~80 MB of pages for
 * ~20 MB of live objects; judging them leaves the schema worker ~35 MB for ~9 MB) until its heuristics
 * happen to run a full collection. Once a thread has been idle for a second after document activity,
 * one full collection gives them back: its resident memory then follows what it holds. Each isolate
 * (the server's main thread, the schema worker) collects only its own heap, so each runs its own.
 * Node exposes `gc` only with --expose-gc, which a language server started by an editor does not get;
 * the flag is set here for this purpose alone. `beforeCollect` drops what an idle thread need not keep.
 */
export function idleCollector(delayMs = IDLE_COLLECT_MS, beforeCollect?: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const collect = exposedCollector();
      if (!collect) return;
      beforeCollect?.();
      compacting(collect);
    }, delayMs);
    // Never what keeps the process (or the worker) alive.
    timer.unref();
  };
}

/**
 * Runs a full collection that also compacts every fragmented page. A plain one leaves the pages a burst
 * filled where live objects are scattered over them, so they stay resident; moving the survivors
 * together frees the pages (with the bench's 50 open domains: ~40 MB more given back). The flag is read
 * when a collection starts and is set only around this one (V8's flags are the process's: a collection
 * another thread starts meanwhile compacts too, which is only slower).
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
      setFlagsFromString(COMPACTION_OFF_FLAG);
    } catch {
      // As above.
    }
  }
}

/**
 * `gc`, had once per thread at its first idle collection, not when the collector is made: the new
 * context that hands it over costs a millisecond or more, on the language server's start-up path before.
 * null: none to be had.
 */
let collector: Collector | null | undefined;

/** V8's `gc`: a full collection, or with `{ type: 'minor' }` a scavenge of the young generation alone. */
export type Collector = (options?: { type: 'minor' | 'major' }) => void;

export function exposedCollector(): Collector | undefined {
  if (collector === undefined) collector = collectGarbage() ?? null;
  return collector ?? undefined;
}

function collectGarbage(): Collector | undefined {
  const exposed = (globalThis as { gc?: Collector }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString(EXPOSE_GC_FLAG);
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as Collector) : undefined;
  } catch {
    return undefined;
  }
}
