import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadHostPath } from '../../server/src/host/load';
import { checkCase } from './check';
import { loadRegressions } from './regressions';

const HOST = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts', 'two-nodes');

test('every case the fuzzer found now passes every property (test/fuzz/regressions/)', { timeout: 120_000 }, async (t) => {
  const regressions = loadRegressions();
  assert.ok(regressions.length > 0, 'no regression cases');
  const host = await loadHostPath(HOST);
  for (const regression of regressions) {
    await t.test(`${regression.file}: ${regression.failure}`, async () => {
      const failures = await checkCase(regression.fuzzCase, regression.host ? { services: { host } } : {});
      assert.deepEqual(failures, []);
    });
  }
});
