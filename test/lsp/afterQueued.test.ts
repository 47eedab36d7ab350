import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterQueuedMessages } from '../../server/src/lsp/afterQueued';

/**
 * Messages handled as vscode-jsonrpc handles its queue: one per turn of the event loop, each handler
 * queueing the next turn when it is done. The first message is the keystroke that schedules the work.
 */
function handleQueue(messages: string[], order: string[], onFirst: () => void, handled: () => void): void {
  let first = true;
  const next = (): void => {
    const message = messages.shift();
    if (message === undefined) return;
    if (first) {
      first = false;
      onFirst();
    } else {
      handled();
    }
    order.push(message);
    setImmediate(next);
  };
  setImmediate(next);
}

function done(order: string[]): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => (order.includes('lint') ? resolve() : void setImmediate(check));
    check();
  });
}

test('a keystroke is linted after the requests queued behind it are answered', async () => {
  const order: string[] = [];
  const after = afterQueuedMessages(() => order.push('lint'));
  handleQueue(['didChange', 'completion', 'hover'], order, () => after.schedule(), () => after.handled());
  await done(order);
  assert.deepEqual(order, ['didChange', 'completion', 'hover', 'lint']);
});

test('keystrokes that come together are linted once', async () => {
  const order: string[] = [];
  const after = afterQueuedMessages(() => order.push('lint'));
  const keystroke = (): void => {
    after.handled();
    after.schedule();
  };
  handleQueue(['didChange 1', 'didChange 2', 'didChange 3'], order, keystroke, keystroke);
  await done(order);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, ['didChange 1', 'didChange 2', 'didChange 3', 'lint']);
});

test('with nothing queued the work runs within a few turns', async () => {
  const order: string[] = [];
  const after = afterQueuedMessages(() => order.push('lint'));
  after.schedule();
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, ['lint']);
});

test('a client that never stops sending does not hold the work back for ever', async () => {
  const order: string[] = [];
  const after = afterQueuedMessages(() => order.push('lint'));
  handleQueue(Array.from({ length: 1000 }, (_, index) => `request ${index}`), order, () => after.schedule(), () => after.handled());
  await done(order);
  assert.ok(order.indexOf('lint') < 100, `linted after ${order.indexOf('lint')} requests`);
});
