import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

const tuned = (body: string) => guest(`  <cputune>${body}</cputune>`);

// As libvirt 9.0 answered `virsh define` here: 1 and 999 refused for each quota; 0, -1, -2, 1000 and 17592186044415 defined.
test('VT401 flags each <cputune> quota from 1 to 999, at its value', () => {
  const results = found(tuned('<quota>500</quota><emulator_quota>1</emulator_quota><iothread_quota> 999 </iothread_quota><global_quota>998</global_quota>'), 'VT401');
  assert.deepEqual(results.map((result) => result.at), ['500', '1', '999', '998']);
  assert.equal(results[0]!.finding.severity, 'error');
  assert.match(results[0]!.message, /refuses a <quota> of 500 µs: a positive quota must be at least 1000 µs/);
});

test('VT401 is silent for 0 (not set), negative values (no limit), 1000 and above, and text that is no number (VT105 says so)', () => {
  for (const value of ['0', '-1', '-2', '1000', '17592186044415', 'abc', '']) {
    assert.deepEqual(found(tuned(`<quota>${value}</quota>`), 'VT401').map((result) => result.message), [], value);
  }
});
