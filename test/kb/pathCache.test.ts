import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedByPath, MISSES_KEPT } from '../../server/src/kb/pathCache';
import { elementSpec } from '../../server/src/kb/structure';

test('a path lookup remembers every hit and only the latest misses', () => {
  const asked: string[] = [];
  const lookup = cachedByPath((path) => (asked.push(path), path.startsWith('domain') ? path.length : undefined));
  assert.equal(lookup('domain/vcpu'), 11);
  assert.equal(lookup('domain/vcpu'), 11);
  assert.equal(lookup('typo'), undefined);
  assert.equal(lookup('typo'), undefined);
  assert.deepEqual(asked, ['domain/vcpu', 'typo']);
  // Many paths nobody knows (a user typing): the oldest misses are forgotten, the hits stay.
  for (let i = 0; i < MISSES_KEPT; i++) lookup(`typed/${i}`);
  asked.length = 0;
  lookup('typo');
  lookup(`typed/${MISSES_KEPT - 1}`);
  lookup('domain/vcpu');
  assert.deepEqual(asked, ['typo']);
});

test('elementSpec answers the same for a path after many unknown ones', () => {
  const before = elementSpec('domain/cputune/vcpupin');
  assert.ok(before);
  for (let i = 0; i < 3 * MISSES_KEPT; i++) assert.equal(elementSpec(`domain/cputune/nothing${i}`), undefined);
  assert.equal(elementSpec('domain/cputune/vcpupin'), before);
});
