import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, rangeText } from '../../helpers';
import { fixtureHost, hostFindings } from '../hostFixtures';

test('VT152 flags numatune nodesets with host nodes that do not exist, in <memory> and <memnode>', async () => {
  const host = await fixtureHost('two-nodes');
  const text = domain(
    `  <numatune>\n    <memory mode='strict' nodeset='0-2'/>\n    <memnode cellid='0' mode='strict' nodeset='3'/>\n  </numatune>\n` +
      `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-3' memory='4194304'/>\n    </numa>\n  </cpu>`,
  );
  const found = hostFindings(text, host, 'VT152');
  assert.deepEqual(found.map((finding) => rangeText(text, finding)), ['0-2', '3']);
  assert.equal(found[0]!.severity, 'error');
  assert.match(found[0]!.message, /^<numatune><memory> binds memory to host NUMA node 2, which the host does not have: host has NUMA nodes 0-1\./);
  assert.match(found[1]!.message, /^<memnode cellid='0'> binds memory to host NUMA node 3/);
});

test('VT152 is silent for placement=auto and for a host without NUMA files beyond its node 0', async () => {
  const auto = domain(`  <numatune>\n    <memory mode='strict' placement='auto' nodeset='5'/>\n  </numatune>`);
  assert.deepEqual(hostFindings(auto, await fixtureHost('two-nodes'), 'VT152'), []);
  const zero = domain(`  <numatune>\n    <memory mode='strict' nodeset='0'/>\n  </numatune>`);
  assert.deepEqual(hostFindings(zero, await fixtureHost('no-numa'), 'VT152'), []);
  const [one] = hostFindings(zero.replace("nodeset='0'", "nodeset='1'"), await fixtureHost('no-numa'), 'VT152');
  assert.match(one!.message, /host has one NUMA node \(0\)/);
});

const pinned = (cpus: string[], nodeset: string, mode = 'strict') =>
  domain(
    `  <cputune>\n${cpus.map((cpu, vcpu) => `    <vcpupin vcpu='${vcpu}' cpuset='${cpu}'/>\n`).join('')}  </cputune>\n` +
      `  <numatune>\n    <memory mode='${mode}' nodeset='${nodeset}'/>\n  </numatune>`,
    { vcpus: cpus.length },
  );

test('VT155 flags vCPUs pinned across nodes while memory is bound to one', async () => {
  const host = await fixtureHost('two-nodes');
  const text = pinned(['0', '2', '1', '3'], '0');
  const [finding, ...rest] = hostFindings(text, host, 'VT155');
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, finding!), '0');
  assert.equal(finding!.severity, 'warning');
  assert.match(
    finding!.message,
    /^Memory is bound to host node 0, but the vCPUs are pinned to host CPUs 1,3 on node 1 \(node 0 has CPUs 0,2,4,6,8,10,12,14; node 1 has CPUs 1,3,5,7,9,11,13,15\): those vCPUs/,
  );
});

test('VT155 says when every vCPU is remote, and is silent when pins and memory agree', async () => {
  const host = await fixtureHost('two-nodes');
  const [remote] = hostFindings(pinned(['1', '3'], '0'), host, 'VT155');
  assert.match(remote!.message, /every vCPU reaches its memory across nodes/);
  assert.deepEqual(hostFindings(pinned(['0', '2', '8', '10'], '0'), host, 'VT155'), []);
  assert.deepEqual(hostFindings(pinned(['0', '1'], '0-1'), host, 'VT155'), [], 'memory on both nodes');
  assert.deepEqual(hostFindings(pinned(['0', '1'], '0', 'interleave'), host, 'VT155'), []);
});

test('VT155 leaves a memory node the host lacks to VT152', async () => {
  const host = await fixtureHost('two-nodes');
  const text = pinned(['0', '2'], '5');
  assert.deepEqual(hostFindings(text, host, 'VT155'), []);
  assert.equal(hostFindings(text, host, 'VT152').length, 1);
});

test('VT155 counts <vcpu cpuset> for the vCPUs without a pin', async () => {
  const host = await fixtureHost('two-nodes');
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n  </cputune>\n  <numatune>\n    <memory nodeset='0'/>\n  </numatune>`, { vcpus: 2 }).replace(
    "<vcpu placement='static'>2</vcpu>",
    "<vcpu placement='static' cpuset='1,3'>2</vcpu>",
  );
  const [finding] = hostFindings(text, host, 'VT155');
  assert.match(finding!.message, /host CPUs 1,3 on node 1/);
});
