/**
 * Work that waits for the messages already received: vscode-jsonrpc handles one queued message per turn
 * of the event loop (each in its own setImmediate, queued when the one before is done), so the work is
 * queued behind the next message's turn and runs at the first turn in which no message was handled. A
 * completion or hover the editor sent right behind a keystroke is then answered before that keystroke's
 * lint, and keystrokes that came together are linted once, at the last one. With nothing queued, the
 * work runs at the very next turn. `handled` is called by every handler that should go first.
 */
export interface AfterQueued {
  schedule(): void;
  handled(): void;
}

/** Turns waited at most, so a client that never stops sending cannot hold the work back. */
const MAX_TURNS = 16;

export function afterQueuedMessages(work: () => void): AfterQueued {
  let scheduled = false;
  let handledSince = false;
  let turns = 0;
  const turn = (): void => {
    if (handledSince && turns < MAX_TURNS) {
      handledSince = false;
      turns++;
      setImmediate(turn);
      return;
    }
    scheduled = false;
    work();
  };
  return {
    schedule() {
      if (scheduled) return;
      scheduled = true;
      handledSince = false;
      turns = 0;
      // A microtask runs once the handler calling this has returned, after vscode-jsonrpc has queued the
      // turn of its next message (if any): the work's turn comes after that one.
      queueMicrotask(() => setImmediate(turn));
    },
    handled() {
      handledSince = true;
    },
  };
}
