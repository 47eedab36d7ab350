import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idleCollector } from '../../server/src/lsp/idleCollect';

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
