import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadHostPath } from '../../server/src/host/load';
import { documentsHeld } from '../../server/src/core/documentCache';
import { checkCase } from './check';
import { fuzz } from './engine';

const HOST = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts', 'two-nodes');
/** Short enough for every `npm test`; `npm run fuzz -- --seconds N --seed S` runs longer. */
const SECONDS = 15;

test(`a ${SECONDS} s seeded fuzz of every kind finds nothing`, { timeout: 300_000 }, async (t) => {
  const host = await loadHostPath(HOST);
  // No saving here: a failure is reported; `npm run fuzz` with the same seed finds, minimises and saves it.
  // Twice the per-call limit of `npm run fuzz`: this runs beside the other test files on a busy machine.
  const report = await fuzz({ seconds: SECONDS, seed: 20261125, host, limitMs: 2000, minimiseSeconds: 10, chained: 0.3 });
  t.diagnostic(`${report.cases} cases (${report.chains} chains of edits): ${JSON.stringify(report.perKind)}`);
  assert.ok(report.chains > 0, 'no chain of edits fuzzed');
  assert.ok(Object.keys(report.perKind).length >= 3, `every kind fuzzed: ${JSON.stringify(report.perKind)}`);
  assert.deepEqual(
    report.found.map((found) => `${found.signature} (${found.origin}; ${found.mutations.join(', ')}): ${found.failures[0]!.detail.split('\n')[0]} -- minimised: ${JSON.stringify(found.minimised).slice(0, 500)}`),
    [],
  );
});

test('a checked case leaves no document in any cache, the texts its quick fixes made included', async () => {
  // Kept, each fixed text of a five-megabyte case held hundreds of MB, and the collector then timed later calls slow.
  const text = 'KSM_MONITOR_INTERVAL=60\nKSM_MONITOR_INTERVAL=30\nKSM_SLEEP_MSEC=10\nKSM_SLEEP_MSEC=10\n';
  const failures = await checkCase({ kind: 'ksmtuned', path: '/etc/ksmtuned.conf', text });
  assert.deepEqual(failures, []);
  assert.deepEqual(documentsHeld().filter((held) => held.uri.includes('?fuzz=')), []);
});
