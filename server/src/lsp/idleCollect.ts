import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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
      collect();
    }, delayMs);
    // Never what keeps the process alive.
    timer.unref();
  };
}

/**
 * Keeps V8's young generation at its initial size (two 1 MB halves) instead of letting it grow to 2 x 16 MB
 * under a burst of allocation and stay there: a language server's garbage comes in keystroke-sized
 * amounts, and the larger nursery only costs memory. V8 reads this flag whenever it considers growing the
 * young generation, so setting it at start-up takes effect.
 */
export function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // An unknown flag (another V8) leaves the default.
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
