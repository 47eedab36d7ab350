import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { domain } from '../helpers';
import { folderWith, ROOT, runCli } from '../cli/cliHarness';
import { HOSTS } from './hostFixtures';

const PINNED = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    <vcpupin vcpu='1' cpuset='9'/>\n  </cputune>`);

test('virt-tune host --root --format json prints the issue shape for a snapshot tree', () => {
  const run = runCli(['host', '--root', join(HOSTS, 'two-nodes'), '--format', 'json'], ROOT);
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as { nodes: { id: number; cpus: number[] }[]; cpus: { id: number; node: number | null }[]; thp: string; pci: { address: string; node: number | null }[] };
  assert.deepEqual(json.nodes.map((node) => node.cpus), [[0, 2, 4, 6, 8, 10, 12, 14], [1, 3, 5, 7, 9, 11, 13, 15]]);
  assert.equal(json.cpus.length, 16);
  assert.equal(json.thp, 'never');
  assert.equal(json.pci[0]!.node, null);
});

test('virt-tune host prints a compact picture by node, and reads virsh capabilities', () => {
  const run = runCli(['host', '--root', join(HOSTS, 'two-nodes')], ROOT);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^host \(sysfs .*two-nodes\): 2 NUMA nodes, 16 CPUs \(16 online\), 2 sockets$/m);
  assert.match(run.stdout, /^node 1 {2}CPUs 1,3,5,7,9,11,13,15 {2}memory 24 GiB free of 32 GiB$/m);
  assert.match(run.stdout, /^ {2}socket 0: \[0 8\] \[2 10\] \[4 12\] \[6 14\]$/m);
  assert.match(run.stdout, /^ {2}huge pages: 2 MiB 512 free of 512, 1 GiB 2 free of 4$/m);
  assert.match(run.stdout, /^ {2}devices: p1p1 \(network 0000:81:00\.0\) nvme0n1 \(storage 0000:82:00\.0\)$/m);
  assert.match(run.stdout, /^KSM: running, 1200 pages shared, 5400 sharing, merge_across_nodes=1$/m);
  const caps = runCli(['host', '--capabilities', join(HOSTS, 'capabilities-two-nodes.xml')], ROOT);
  assert.equal(caps.status, 0, caps.stderr);
  assert.match(caps.stdout, /^ {2}offline: 15$/m);
});

test('virt-tune host refuses bad options with exit 2', () => {
  for (const args of [
    ['host', '--root', join(HOSTS, 'two-nodes'), '--capabilities', join(HOSTS, 'capabilities-two-nodes.xml')],
    ['host', '--root', join(HOSTS, 'capabilities-two-nodes.xml')],
    ['host', '--capabilities', join(HOSTS, 'two-nodes')],
    ['host', '--capabilities', join(HOSTS, 'guest-on-two-nodes.xml')],
    ['host', '--format', 'sarif'],
    ['host', 'somewhere'],
  ]) {
    const run = runCli(args, ROOT);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /^virt-tune: /);
  }
});

test('lint --host DIR and --host FILE run the host-aware rules; --host none (the default) does not', () => {
  const folder = folderWith({ 'guest.xml': PINNED });
  const onTree = runCli(['lint', '--host', join(HOSTS, 'one-node'), 'guest.xml'], folder);
  assert.equal(onTree.status, 1);
  assert.match(onTree.stdout, /^guest\.xml:7:31: error VT150 <vcpupin vcpu='1'> names host CPU 9, which the host does not have: host has CPUs 0-3\./m);
  const onCaps = runCli(['lint', '--host', join(HOSTS, 'capabilities-two-nodes.xml'), 'guest.xml'], folder);
  assert.doesNotMatch(onCaps.stdout, /VT150/);
  assert.doesNotMatch(runCli(['lint', 'guest.xml'], folder).stdout, /VT15\d/);
  const bad = runCli(['lint', '--host', join(HOSTS, 'guest-on-two-nodes.xml'), 'guest.xml'], folder);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--host: .*is not virsh capabilities XML/);
});
