import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quietTurns } from '../../server/src/lsp/quietTurns';
import { runInTurns } from '../../server/src/lsp/warmUp';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('whenQuiet runs at once when nothing was handled since its last call', () => {
  const quiet = quietTurns();
  let ran = false;
  quiet.whenQuiet(() => (ran = true));
  assert.equal(ran, true);
});

test('after a message was handled, whenQuiet waits a turn, and longer while messages keep coming', async () => {
  const quiet = quietTurns();
  let ran = false;
  quiet.busy();
  quiet.whenQuiet(() => (ran = true));
  assert.equal(ran, false);
  // Busy again in each of the next turns: still waiting.
  for (let turn = 0; turn < 3; turn++) {
    quiet.busy();
    await nextTurn();
    assert.equal(ran, false, `ran in turn ${turn} though a message was handled in it`);
  }
  await nextTurn();
  await nextTurn();
  assert.equal(ran, true);
});

/**
 * The order of a warm-up's steps and of a message handled in the same turn as one of them, whose answer is
 * written in the turn after (as vscode-jsonrpc's writer does, with setImmediate).
 */
async function order(gate: (next: () => void) => void, busy: () => void): Promise<string[]> {
  const events: string[] = [];
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const handler = (): void => {
    events.push('request handled');
    busy();
    setImmediate(() => events.push('answer written'));
  };
  function* steps(): Generator<void, void, void> {
    try {
      for (let step = 0; step < 4; step++) {
        events.push(`step ${step}`);
        // Queued after the next step's turn: the handler runs in the same turn as step 2, right after it.
        if (step === 1) queueMicrotask(() => setImmediate(handler));
        yield;
      }
    } finally {
      finished();
    }
  }
  runInTurns(steps(), undefined, gate);
  await done;
  await nextTurn();
  return events;
}

test('a warm-up step gated by quietTurns never runs before the answer of a message handled in the turn before it', async () => {
  const quiet = quietTurns();
  const events = await order((next) => quiet.whenQuiet(next), () => quiet.busy());
  assert.deepEqual(events, ['step 0', 'step 1', 'step 2', 'request handled', 'answer written', 'step 3']);
  // Ungated, the next step runs first and the answer waits for it (what the gate is for).
  const ungated = await order((next) => next(), () => {});
  assert.deepEqual(ungated, ['step 0', 'step 1', 'step 2', 'request handled', 'step 3', 'answer written']);
});
