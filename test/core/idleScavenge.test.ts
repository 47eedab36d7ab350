import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { exposedCollector } from '../../server/src/core/idleCollect';
import { idleScavenger, scavengeIfFilled } from '../../server/src/core/idleScavenge';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Waits at most `ms` for `done`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; waited < ms && !done(); waited += 5) await delay(5);
}

test('a young generation 40% full or more is scavenged; a less full one is left alone', () => {
  const asked: string[] = [];
  const collector = (options?: { type: string }): void => void asked.push(options?.type ?? 'full');
  scavengeIfFilled(0.5, collector);
  scavengeIfFilled(0.39, collector);
  assert.deepEqual(asked, ['minor']);
});

test("V8's collector, asked for a minor collection, scavenges the young generation and nothing else", async () => {
  const collections: { kind: number; at: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ kind: (entry as { detail?: { kind?: number } }).detail?.kind ?? 0, at: entry.startTime });
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const collect = exposedCollector();
    assert.ok(collect, 'no collector');
    const before = performance.now();
    collect({ type: 'minor' });
    const after = performance.now();
    // The observer hears of it a turn or two later.
    await until(() => collections.some((gc) => gc.at >= before), 2000);
    const during = collections.filter((gc) => gc.at >= before && gc.at <= after).map((gc) => gc.kind);
    assert.deepEqual(during, [constants.NODE_PERFORMANCE_GC_MINOR]);
  } finally {
    observer.disconnect();
  }
});

test('once messages pause, the scavenge runs once, counted from the last message', async () => {
  const runs: number[] = [];
  const handled = idleScavenger(20, () => runs.push(performance.now()));
  const last = performance.now();
  handled();
  handled();
  await until(() => runs.length > 0, 5000);
  await delay(50);
  assert.equal(runs.length, 1);
  assert.ok(runs[0]! - last >= 19, `ran ${(runs[0]! - last).toFixed(1)} ms after the message`);
});

test('messages coming closer together than the pause put the scavenge off', async () => {
  const runs: number[] = [];
  const handled = idleScavenger(1000, () => runs.push(performance.now()));
  const first = performance.now();
  for (let message = 0; message < 20; message++) {
    handled();
    await turn();
  }
  const last = performance.now();
  // Twenty turns of the event loop take well under the pause, unless the machine stalls this process.
  if (last - first < 900) assert.equal(runs.length, 0, 'ran while messages came');
  await until(() => runs.length > 0, 5000);
  assert.equal(runs.length, 1);
  assert.ok(runs[0]! - last >= 990, `ran ${(runs[0]! - last).toFixed(1)} ms after the last message`);
});

test('the idle scavenge never keeps the process alive', () => {
  // A timer or an immediate that held the process open would make this test file hang at its end.
  idleScavenger(60_000)();
});
