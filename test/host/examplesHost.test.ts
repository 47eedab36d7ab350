import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_RULE_CODES } from '../../server/src/domain/rules/host';
import { hostJson } from '../../server/src/host/json';
import { loadHostPath, parseHostSetting } from '../../server/src/host/load';
import type { HostModel } from '../../server/src/host/types';
import { fixtureHost, hostFindings, ROOT } from './hostFixtures';

const EXAMPLES = join(ROOT, 'examples');
const GUIDE_HOST = join(EXAMPLES, 'hosts', 'guide-4-node');

let loaded: Promise<HostModel> | undefined;
function guideHost(): Promise<HostModel> {
  loaded ??= loadHostPath(GUIDE_HOST);
  return loaded;
}

function example(path: string): string {
  return readFileSync(join(EXAMPLES, path), 'utf8');
}

test("examples/hosts/guide-4-node is guide 9.3.4's host: four nodes of about 4 GiB, node n holding CPUs n, n+4, n+8, n+12", async () => {
  const host = await guideHost();
  const json = hostJson(host);
  assert.deepEqual(host.gaps, [], 'every file virt-tune reads is there');
  assert.equal(host.numa, true);
  assert.deepEqual(
    json.nodes.map((node) => [node.id, node.cpus, node.memTotalKiB]),
    [
      [0, [0, 4, 8, 12], 4000 * 1024],
      [1, [1, 5, 9, 13], 3999 * 1024],
      [2, [2, 6, 10, 14], 4001 * 1024],
      [3, [3, 7, 11, 15], 4005 * 1024],
    ],
  );
  assert.deepEqual(json.nodes[1]!.distances, [21, 10, 21, 21]);
  assert.deepEqual(json.cpus.map((cpu) => cpu.id), [...Array(16).keys()]);
  assert.ok(json.cpus.every((cpu) => cpu.online));
  // Four sockets of two cores, each core's second thread numbered 8 above its first.
  assert.deepEqual(json.cpus[1], { id: 1, node: 1, socket: 1, core: 0, siblings: [1, 9], online: true });
  assert.deepEqual(json.cpus[13], { id: 13, node: 1, socket: 1, core: 1, siblings: [5, 13], online: true });
});

test('guide-4-node: 1 GiB and 2 MiB huge pages free on nodes 1 and 2 only; 2 MiB is the default size', async () => {
  const json = hostJson(await guideHost());
  const pages = (node: number) => json.nodes[node]!.hugepages.map((count) => [count.sizeKiB, count.total, count.free]);
  assert.deepEqual(pages(0), [[2048, 0, 0], [1048576, 0, 0]]);
  assert.deepEqual(pages(1), [[2048, 768, 768], [1048576, 2, 2]]);
  assert.deepEqual(pages(2), [[2048, 768, 768], [1048576, 2, 2]]);
  assert.deepEqual(pages(3), [[2048, 0, 0], [1048576, 0, 0]]);
  assert.deepEqual(json.hugepages.map((count) => [count.sizeKiB, count.total, count.free]), [[2048, 1536, 1536], [1048576, 4, 4]]);
  assert.equal(json.defaultHugepageKiB, 2048);
  assert.equal(json.meminfo['HugePages_Total'], 1536);
});

test('guide-4-node: KSM running, THP madvise, a NIC on node 1, a kernel command line with the 1 GiB size', async () => {
  const json = hostJson(await guideHost());
  assert.equal(json.ksm?.run, 1);
  assert.equal(json.ksm?.mergeAcrossNodes, 0);
  assert.equal(json.thp, 'madvise');
  assert.deepEqual(
    json.pci.filter((device) => device.class === '0x020000').map((device) => [device.address, device.node, device.names]),
    [
      ['0000:41:00.0', 1, ['ens1f0']],
      ['0000:41:00.1', 1, ['ens1f1']],
    ],
  );
  assert.deepEqual(json.pci.find((device) => device.names.includes('sda'))?.node, 0);
  assert.match(json.cmdline ?? '', / hugepagesz=1G$/);
});

test("examples/.vscode/settings.json points virtTune.host at the saved host, relative to the examples' folder", async () => {
  const settings = JSON.parse(example(join('.vscode', 'settings.json')).replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
  const value = settings['virtTune.host'];
  assert.equal(value, 'hosts/guide-4-node');
  assert.deepEqual(parseHostSetting(String(value), 'linux', EXAMPLES), { kind: 'path', path: GUIDE_HOST });
});

test('tuned-guest.xml gets no finding at all on the host it was written for, and host findings on a smaller one', async () => {
  const text = example('tuned-guest.xml');
  assert.deepEqual(hostFindings(text, await guideHost()).map((finding) => `${finding.severity} ${finding.rule}: ${finding.message}`), []);
  // On a host of one node and four CPUs, its pins and binding cannot hold: the host is what decides.
  const small = hostFindings(text, await fixtureHost('one-node')).map((finding) => finding.rule);
  assert.ok(small.includes('VT150') && small.includes('VT152'), small.join(', '));
});

test('the other domain examples get, of the host rules, only what is true of guide-4-node: too few free huge pages', async () => {
  const host = await guideHost();
  const hostCodes = (path: string) => hostFindings(example(path), host).filter((finding) => HOST_RULE_CODES.has(finding.rule)).map((finding) => finding.rule);
  assert.deepEqual(hostCodes('everyday-mistakes.xml'), ['VT154'], '8 GiB of 2 MiB pages where 3 GiB are free');
  assert.deepEqual(hostCodes(join('guide-mistakes', '9.3.10-self-closed-hugepages.xml')), ['VT154']);
  for (const path of ['9.1-unclosed-memory.xml', '9.3.2-cpuset-wrapper.xml', '9.3.4-vcupin.xml']) {
    assert.deepEqual(hostCodes(join('guide-mistakes', path)), [], path);
  }
});
