import { getHeapSpaceStatistics } from 'node:v8';
import { exposedCollector, type Collector } from './idleCollect';

/** How long the server must have had no message to handle before it empties its young generation. */
export const IDLE_SCAVENGE_MS = 10;

/**
 * The share of the young generation taken at which an idle pause empties it. A keystroke's requests on a
 * 2,000-line domain (its publication, a completion and a hover) allocate about 350 KB, rarely more than
 * 550 KB, and what survives a scavenge stays in the nursery until the next one: from below this share of
 * 1 MB they fit in what is left. Measured A/B in the server bench: emptying it in every pause made a third
 * more scavenges than this; emptying it only when less than a keystroke's room was left let one
 * completion in 50 meet a scavenge again.
 */
const FILLED_SHARE = 0.4;

/**
 * The server keeps its young generation small (core/youngGeneration.ts: halves of 1 MB, in some sessions
 * 2 MB), so a scavenge comes every megabyte or two allocated, and V8 runs it in whichever request fills
 * the nursery: a completion or a keystroke's publication then waits for a collection of garbage that is
 * mostly not its own (1-3 ms, more on a loaded machine). Scavenging in the typing pause instead, once IDLE_SCAVENGE_MS have passed
 * since the last message was handled, starts each keystroke's requests with room for them, so they
 * rarely meet one. Returns what each message's handler calls. A scavenge costs what survives it, not
 * the garbage, so one run early costs about what V8's own would have.
 */
export function idleScavenger(delayMs = IDLE_SCAVENGE_MS, scavenge: () => void = scavengeIfFilled): () => void {
  let timer: NodeJS.Timeout | undefined;
  let armPending = false;
  const due = (): void => {
    timer = undefined;
    scavenge();
  };
  // Counted from the end of the handler's work: the handler calls this first, and a timer cannot fire
  // before the work in hand is done, so a timer armed then would be due too soon after a long request.
  const arm = (): void => {
    armPending = false;
    if (timer) timer.refresh();
    else {
      timer = setTimeout(due, delayMs);
      // Never what keeps the process alive.
      timer.unref();
    }
  };
  return () => {
    if (armPending) return;
    armPending = true;
    setImmediate(arm).unref();
  };
}

/** A scavenge of the young generation, if FILLED_SHARE of it or more is taken. */
export function scavengeIfFilled(filled = youngGenerationFilled(), collector: Collector | undefined = exposedCollector()): void {
  if (filled >= FILLED_SHARE) collector?.({ type: 'minor' });
}

/** How much of the young generation's space for new objects is taken, from 0 to 1. */
export function youngGenerationFilled(): number {
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name !== 'new_space') continue;
    const room = space.space_used_size + space.space_available_size;
    return room > 0 ? space.space_used_size / room : 0;
  }
  return 0;
}
