import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostJson } from '../../server/src/host/json';
import { loadHostPath } from '../../server/src/host/load';
import { fixtureHost } from './hostFixtures';

test('two nodes with interleaved CPU numbers: each node its CPUs, each CPU its node, socket, core and siblings', async () => {
  const json = hostJson(await fixtureHost('two-nodes'));
  assert.deepEqual(
    json.nodes.map((node) => ({ id: node.id, cpus: node.cpus })),
    [
      { id: 0, cpus: [0, 2, 4, 6, 8, 10, 12, 14] },
      { id: 1, cpus: [1, 3, 5, 7, 9, 11, 13, 15] },
    ],
  );
  assert.deepEqual(json.cpus.map((cpu) => cpu.id), [...Array(16).keys()], 'CPUs sorted by id');
  assert.deepEqual(json.cpus[3], { id: 3, node: 1, socket: 1, core: 1, siblings: [3, 11], online: true });
  assert.deepEqual(json.cpus[8], { id: 8, node: 0, socket: 0, core: 0, siblings: [0, 8], online: true });
  assert.deepEqual(json.nodes[0]!.distances, [10, 21]);
  assert.equal(json.nodes[0]!.memTotalKiB, 33554432);
  assert.equal(json.nodes[0]!.memFreeKiB, 20971520);
});

test('two nodes: huge pages per node and size, and host-wide, as numbers sorted by size', async () => {
  const json = hostJson(await fixtureHost('two-nodes'));
  assert.deepEqual(json.nodes[0]!.hugepages, [
    { sizeKiB: 2048, total: 512, free: 512, surplus: 0 },
    { sizeKiB: 1048576, total: 4, free: 2, surplus: 0 },
  ]);
  assert.deepEqual(json.nodes[1]!.hugepages, [
    { sizeKiB: 2048, total: 512, free: 100, surplus: 0 },
    { sizeKiB: 1048576, total: 0, free: 0, surplus: 0 },
  ]);
  assert.deepEqual(json.hugepages.map((pages) => [pages.sizeKiB, pages.total, pages.free]), [
    [2048, 1024, 612],
    [1048576, 4, 2],
  ]);
  assert.equal(json.defaultHugepageKiB, 1048576);
});

test('two nodes: KSM, THP, meminfo and the kernel command line', async () => {
  const json = hostJson(await fixtureHost('two-nodes'));
  assert.deepEqual(json.ksm, {
    run: 1,
    pagesShared: 1200,
    pagesSharing: 5400,
    pagesUnshared: 0,
    pagesVolatile: 0,
    fullScans: 12,
    sleepMillisecs: 20,
    pagesToScan: 100,
    mergeAcrossNodes: 1,
  });
  assert.equal(json.thp, 'never');
  assert.equal(json.meminfo['MemTotal'], 67108864);
  assert.equal(json.meminfo['HugePages_Total'], 4);
  assert.match(json.cmdline ?? '', /^BOOT_IMAGE=\S+ .* hugepages=1024$/);
});

test('two nodes: PCI devices sorted by address, node -1 as null, names from net/ folders and /sys/block links', async () => {
  const json = hostJson(await fixtureHost('two-nodes'));
  assert.deepEqual(json.pci, [
    { address: '0000:00:00.0', node: null, class: '0x060000', names: [] },
    { address: '0000:00:1f.2', node: 0, class: '0x010601', names: ['sda'] },
    { address: '0000:03:00.0', node: 0, class: '0x020000', names: ['em1'] },
    { address: '0000:03:00.1', node: 0, class: '0x020000', names: ['em2'] },
    { address: '0000:80:02.0', node: 1, class: '0x030000', names: [] },
    { address: '0000:81:00.0', node: 1, class: '0x020000', names: ['p1p1'] },
    { address: '0000:82:00.0', node: 1, class: '0x010802', names: ['nvme0n1'] },
  ]);
});

test('the JSON is plain data: it survives a round trip, with numbers as numbers', async () => {
  const json = hostJson(await fixtureHost('two-nodes'));
  const text = JSON.stringify(json);
  assert.deepEqual(JSON.parse(text), json);
  assert.match(text, /"memTotalKiB":33554432/);
  assert.deepEqual(Object.keys(json).slice(0, 5), ['nodes', 'cpus', 'ksm', 'thp', 'pci']);
});

test('one node without SMT: each CPU its own sibling, 2 MiB pages only, KSM stopped', async () => {
  const host = await fixtureHost('one-node');
  const json = hostJson(host);
  assert.deepEqual(json.nodes.map((node) => [node.id, node.cpus]), [[0, [0, 1, 2, 3]]]);
  assert.deepEqual(json.cpus.map((cpu) => cpu.siblings), [[0], [1], [2], [3]]);
  assert.deepEqual(json.hugepages.map((pages) => pages.sizeKiB), [2048]);
  assert.equal(json.ksm?.run, 0);
  assert.equal(json.thp, 'always');
  assert.deepEqual(json.pci, [{ address: '0000:00:19.0', node: null, class: '0x020000', names: ['eno1'] }]);
  assert.ok(host.numa);
});

test('no NUMA folder: one node 0 with every CPU, memory from /proc/meminfo, pages from the host-wide folder', async () => {
  const host = await fixtureHost('no-numa');
  const json = hostJson(host);
  assert.equal(host.numa, false);
  assert.deepEqual(json.nodes, [
    { id: 0, cpus: [0, 1], memTotalKiB: 4194304, memFreeKiB: 3145728, hugepages: [{ sizeKiB: 2048, total: 0, free: 0, surplus: 0 }], distances: [10] },
  ]);
  assert.deepEqual(json.cpus.map((cpu) => cpu.node), [0, 0]);
  assert.equal(json.ksm, null, 'no KSM folder: unknown, not zero');
  assert.equal(json.thp, 'madvise');
  assert.deepEqual(json.pci, []);
});

test('offline CPUs: listed with online false and no topology; the node link of an offline CPU still places it', async () => {
  const json = hostJson(await fixtureHost('offline-cpus'));
  assert.deepEqual(json.nodes[0]!.cpus, [0, 1, 2, 3, 4, 7]);
  assert.deepEqual(json.cpus.map((cpu) => [cpu.id, cpu.online]), [
    [0, true], [1, true], [2, true], [3, true], [4, true], [5, false], [6, false], [7, true],
  ]);
  assert.deepEqual(json.cpus[5], { id: 5, node: 0, socket: null, core: null, siblings: [], online: false });
  assert.deepEqual(json.cpus[6], { id: 6, node: null, socket: null, core: null, siblings: [], online: false });
  assert.equal(json.thp, null);
});

test('missing and broken files are gaps (null, empty), never a crash, and are listed', async () => {
  const host = await fixtureHost('missing-files');
  const json = hostJson(host);
  assert.deepEqual(json.nodes.map((node) => [node.id, node.cpus, node.memTotalKiB, node.memFreeKiB]), [
    [0, [0, 1], null, null],
    [1, [], 1048576, null],
  ]);
  assert.deepEqual(json.cpus, [
    { id: 0, node: 0, socket: null, core: 0, siblings: [], online: true },
    { id: 1, node: 0, socket: null, core: null, siblings: [], online: true },
  ]);
  assert.deepEqual(json.ksm?.run, 1);
  assert.equal(json.ksm?.pagesShared, null);
  assert.equal(json.thp, null, 'no bracketed mode');
  assert.deepEqual(json.pci, [{ address: '0000:00:03.0', node: null, class: null, names: [] }]);
  assert.deepEqual(json.meminfo, {});
  assert.equal(json.cmdline, null);
  for (const gap of ['/proc/meminfo', '/proc/cmdline', '/sys/devices/system/node/node0/meminfo', '/sys/bus/pci/devices/0000:00:03.0/class']) {
    assert.ok(host.gaps.includes(gap), `${gap} is a gap`);
  }
});

test('a root folder with nothing in it gives an empty host, not an error', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'virt-tune-host-'));
  try {
    const json = hostJson(await loadHostPath(empty));
    assert.deepEqual(json.cpus, []);
    assert.deepEqual(json.nodes.map((node) => node.cpus), [[]]);
    assert.equal(json.ksm, null);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
