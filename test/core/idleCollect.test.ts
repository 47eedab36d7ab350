import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapStatistics } from 'node:v8';
import { idleCollector } from '../../server/src/core/idleCollect';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('once activity pauses, garbage is collected without waiting for allocation to force it', async () => {
  const collected: string[] = [];
  const registry = new FinalizationRegistry((name: string) => collected.push(name));
  const activity = idleCollector(20);
  (() => {
    // Unreachable as soon as this function returns; nothing else allocates enough to start a collection.
    registry.register({ large: new Array(1000).fill(0) }, 'dropped');
  })();
  activity();
  activity();
  for (let waited = 0; waited < 2000 && collected.length === 0; waited += 20) await delay(20);
  assert.deepEqual(collected, ['dropped']);
});

test('the idle timer never keeps the process alive', () => {
  // A timer that held the process open would make this test file hang at its end.
  idleCollector(60_000)();
});

test('the idle collection compacts: pages where a burst left survivors scattered are given back', async () => {
  const heapBytes = () => getHeapStatistics().total_heap_size;
  let burst: { index: number; text: string }[] = [];
  for (let index = 0; index < 600_000; index++) burst.push({ index, text: `value ${index}` });
  // One survivor in twenty, spread over every page the burst filled, as fifty opened documents leave them.
  const survivors = burst.filter((_, index) => index % 20 === 0);
  burst = [];
  const before = heapBytes();
  const activity = idleCollector(20);
  activity();
  for (let waited = 0; waited < 2000 && heapBytes() > before / 2; waited += 20) await delay(20);
  assert.ok(heapBytes() <= before / 2, `heap ${heapBytes()} bytes after the idle collection, ${before} before (${survivors.length} survivors)`);
});
