import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derived, type HasDerived } from '../../server/src/core/derived';

interface Owner extends HasDerived {
  name: string;
}

test('a derived reader computes once per owner and keeps the value on it, undefined included', () => {
  let calls = 0;
  const length = derived((owner: Owner) => (calls++, owner.name.length));
  const nothing = derived((_owner: Owner): string | undefined => (calls++, undefined));
  const a: Owner = { name: 'domain' };
  const b: Owner = { name: 'vcpupin' };
  assert.equal(length(a), 6);
  assert.equal(length(a), 6);
  assert.equal(nothing(a), undefined);
  assert.equal(nothing(a), undefined);
  assert.equal(length(b), 7);
  assert.equal(calls, 3);
  assert.ok(Array.isArray(a.derived));
});

test('readers made in any order keep their own slots', () => {
  const second = derived((owner: Owner) => `${owner.name}!`);
  const owner: Owner = { name: 'x' };
  assert.equal(second(owner), 'x!');
  const third = derived((o: Owner) => o.name.toUpperCase());
  assert.equal(third(owner), 'X');
  assert.equal(second(owner), 'x!');
});
