import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainCompletion } from '../../server/src/domain/completion';
import { domain, withCursor } from '../helpers';
import { fixtureHost, type FixtureHost } from './hostFixtures';

async function values(inner: string, host: FixtureHost = 'two-nodes'): Promise<{ label: string; detail: string | undefined }[]> {
  const { document, position } = withCursor(domain(inner));
  const list = domainCompletion(document, position, { host: await fixtureHost(host) });
  return list.items.map((item) => ({ label: item.label, detail: item.detail }));
}

test('cpuset values from the host: each node, each core, each CPU, with where they sit', async () => {
  const items = await values(`  <cputune>\n    <vcpupin vcpu='0' cpuset='|'/>\n  </cputune>`);
  assert.deepEqual(items.slice(0, 3), [
    { label: '0,2,4,6,8,10,12,14', detail: 'node 0: all its online CPUs' },
    { label: '1,3,5,7,9,11,13,15', detail: 'node 1: all its online CPUs' },
    { label: '0,8', detail: 'CPU 0: node 0, socket 0, core 0: the threads of one core' },
  ]);
  assert.ok(items.some((item) => item.label === '3,11' && /node 1, socket 1, core 1/.test(item.detail ?? '')));
  assert.ok(items.some((item) => item.label === '5' && item.detail === 'CPU 5: node 1, socket 1, core 2'));
  assert.equal(new Set(items.map((item) => item.label)).size, items.length, 'no value twice');
});

test('cpuset values leave out offline CPUs; emulatorpin and vcpu cpuset get them too', async () => {
  const offline = await values(`  <cputune>\n    <emulatorpin cpuset='|'/>\n  </cputune>`, 'offline-cpus');
  assert.equal(offline[0]!.label, '0-4,7');
  assert.ok(!offline.some((item) => item.label === '5' || item.label === '6'));
  const { document, position } = withCursor(domain('').replace("<vcpu placement='static'>", "<vcpu placement='static' cpuset='|'>"));
  const list = domainCompletion(document, position, { host: await fixtureHost('one-node') });
  assert.equal(list.items[0]!.label, '0-3');
});

test('nodeset values are the host nodes with their CPUs and memory, and all of them', async () => {
  const items = await values(`  <numatune>\n    <memory mode='strict' nodeset='|'/>\n  </numatune>`);
  assert.deepEqual(items.slice(0, 3), [
    { label: '0', detail: 'host node 0: CPUs 0,2,4,6,8,10,12,14, 20 GiB free of 32 GiB' },
    { label: '1', detail: 'host node 1: CPUs 1,3,5,7,9,11,13,15, 24 GiB free of 32 GiB' },
    { label: '0-1', detail: 'every host node' },
  ]);
});

test('page sizes are those the host has, in the unit the page is written in', async () => {
  const inGiB = await values(`  <memoryBacking>\n    <hugepages>\n      <page unit='G' size='|'/>\n    </hugepages>\n  </memoryBacking>`);
  assert.deepEqual(inGiB.slice(0, 1), [{ label: '1', detail: '1 GiB pages (2 free on the host)' }]);
  const inKiB = await values(`  <memoryBacking>\n    <hugepages>\n      <page size='|'/>\n    </hugepages>\n  </memoryBacking>`);
  assert.deepEqual(inKiB.slice(0, 2).map((item) => item.label), ['2048', '1048576']);
});

test('without a host, completion offers no host values', () => {
  const { document, position } = withCursor(domain(`  <numatune>\n    <memory mode='strict' nodeset='|'/>\n  </numatune>`));
  assert.ok(!domainCompletion(document, position).items.some((item) => /host node/.test(item.detail ?? '')));
});
