/**
 * Whether the server has just been busy, for work that only runs in the turns of the event loop its messages
 * leave free (the warm-up, and starting a virsh, which holds the thread until the program has started). vscode-jsonrpc writes every answer and notification in a turn after the one that
 * made it (its writer queues the write with setImmediate), and a lint after a keystroke comes in a turn of its
 * own too: work queued for the next turn before them would run first and hold them back. So once anything
 * was handled, such work waits one more turn, and what was handled goes out first.
 */
export interface QuietTurns {
  /** A message handled or a publication made: the next turn belongs to what it queued. */
  busy(): void;
  /** Runs `next` now if nothing was handled since the last call, else in the first later turn after which nothing was. */
  whenQuiet(next: () => void): void;
}

export function quietTurns(): QuietTurns {
  let busySince = false;
  const whenQuiet = (next: () => void): void => {
    if (!busySince) {
      next();
      return;
    }
    busySince = false;
    setImmediate(() => whenQuiet(next));
  };
  return {
    busy: () => {
      busySince = true;
    },
    whenQuiet,
  };
}
