import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCapabilitiesHost } from '../../server/src/host/capabilities';
import { HostLoadError } from '../../server/src/host/errors';
import { hostJson } from '../../server/src/host/json';
import { loadHostPath } from '../../server/src/host/load';
import { fixtureHost, HOSTS } from './hostFixtures';
import { join } from 'node:path';

test('virsh capabilities: cells become nodes with CPUs, memory, page counts and distances; free counts are unknown', async () => {
  const json = hostJson(await fixtureHost('capabilities-two-nodes.xml'));
  assert.deepEqual(json.nodes.map((node) => [node.id, node.cpus, node.memTotalKiB, node.memFreeKiB, node.distances]), [
    [0, [0, 2, 4, 6, 8, 10, 12, 14], 33554432, null, [10, 21]],
    [1, [1, 3, 5, 7, 9, 11, 13, 15], 33554432, null, [21, 10]],
  ]);
  assert.deepEqual(json.nodes[0]!.hugepages, [
    { sizeKiB: 2048, total: 512, free: null, surplus: null },
    { sizeKiB: 1048576, total: 4, free: null, surplus: null },
  ], 'the 4 KiB base page is not a huge page');
  assert.deepEqual(json.hugepages.map((pages) => [pages.sizeKiB, pages.total]), [[2048, 1024], [1048576, 4]]);
  assert.deepEqual(json.cpus[3], { id: 3, node: 1, socket: 1, core: 1, siblings: [3, 11], online: true });
  assert.deepEqual(json.cpus[15], { id: 15, node: 1, socket: null, core: null, siblings: [], online: false }, 'an id alone is an offline CPU');
  assert.equal(json.ksm, null);
  assert.equal(json.thp, null);
  assert.deepEqual(json.pci, []);
});

test('capabilities and sysfs of the same machine agree on nodes, CPUs and page sizes', async () => {
  const fromCaps = hostJson(await fixtureHost('capabilities-two-nodes.xml'));
  const fromSysfs = hostJson(await fixtureHost('two-nodes'));
  assert.deepEqual(fromCaps.nodes.map((node) => node.cpus), fromSysfs.nodes.map((node) => node.cpus));
  const topology = (json: typeof fromCaps) => json.cpus.filter((cpu) => cpu.online).map(({ id, node, socket, core, siblings }) => ({ id, node, socket, core, siblings }));
  assert.deepEqual(topology(fromCaps), topology(fromSysfs).filter((cpu) => cpu.id !== 15));
  assert.deepEqual(fromCaps.hugepages.map((pages) => pages.sizeKiB), fromSysfs.hugepages.map((pages) => pages.sizeKiB));
});

test('a file that is not capabilities XML is refused with a message, not read as an empty host', async () => {
  assert.throws(() => readCapabilitiesHost('<domain type="kvm"/>', 'guest.xml'), HostLoadError);
  await assert.rejects(loadHostPath(join(HOSTS, 'does-not-exist')), HostLoadError);
});

test('a capabilities host without topology, or without <host>, has no nodes and no CPUs', () => {
  for (const text of ['<capabilities><host><cpu><arch>x86_64</arch></cpu></host></capabilities>', '<capabilities/>']) {
    const host = readCapabilitiesHost(text, 'small.xml');
    assert.deepEqual(host.nodes, []);
    assert.deepEqual(host.cpus, []);
    assert.deepEqual(host.hugepages, []);
  }
});
