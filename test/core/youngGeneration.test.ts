import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { keepYoungGenerationSmall, whileYoungGenerationKeptSmall, workerStarted, youngGenerationBytes } from '../../server/src/core/youngGeneration';

/** Short-lived garbage in keystroke-sized bursts, with the event loop turning between them as in the server. */
async function bursts(count: number): Promise<void> {
  for (let burst = 0; burst < count; burst++) {
    let kept: { index: number; text: string }[] = [];
    for (let index = 0; index < 100_000; index++) {
      kept.push({ index, text: `value ${index}` });
      if (kept.length > 20_000) kept = [];
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('the young generation keeps its size under bursts of garbage, also once a worker thread has started (which puts the flag back)', async () => {
  keepYoungGenerationSmall();
  const before = youngGenerationBytes();
  await bursts(20);
  const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
  workerStarted();
  try {
    await once(worker, 'online');
    await bursts(20);
    // Left to grow it reaches 32 MB; kept, it stays where it was (V8 may round it up once).
    assert.ok(youngGenerationBytes() <= Math.max(2 * before, 4 * 1024 * 1024), `young generation ${youngGenerationBytes()} bytes, ${before} before`);
  } finally {
    await worker.terminate();
  }
});

test('work that can wait runs once every worker started is online (or gone), and at once when none is starting', async () => {
  keepYoungGenerationSmall();
  const ran: string[] = [];
  whileYoungGenerationKeptSmall(() => ran.push('none starting'));
  assert.deepEqual(ran, ['none starting']);

  const online = new Worker('setInterval(() => {}, 1000)', { eval: true });
  const failing = new Worker('throw new Error("at start")', { eval: true });
  failing.on('error', () => {});
  workerStarted();
  // The 'worker' event comes in a tick after `new Worker()`.
  await new Promise((resolve) => process.nextTick(resolve));
  whileYoungGenerationKeptSmall(() => ran.push('after both'));
  assert.deepEqual(ran, ['none starting']);
  try {
    await Promise.all([once(online, 'online'), new Promise((resolve) => failing.once('exit', resolve))]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(ran, ['none starting', 'after both']);
  } finally {
    await online.terminate();
  }
});
