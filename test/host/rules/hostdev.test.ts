import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, rangeText } from '../../helpers';
import { fixtureHost, hostFindings } from '../hostFixtures';

const withDevice = (device: string, vcpuNode: 0 | 1) =>
  domain(
    `  <cputune>\n    <vcpupin vcpu='0' cpuset='${vcpuNode}'/>\n    <vcpupin vcpu='1' cpuset='${vcpuNode + 2}'/>\n  </cputune>\n` +
      `  <numatune>\n    <memory mode='strict' nodeset='${vcpuNode}'/>\n  </numatune>\n  <devices>\n${device}  </devices>`,
    { vcpus: 2 },
  );
const hostdev = (bus: string, fn = '0x0') =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='${bus}' slot='0x00' function='${fn}'/>\n      </source>\n    </hostdev>\n`;

test('VT157 flags a PCI device on another node than the guest, and names a device on the guest node', async () => {
  const host = await fixtureHost('two-nodes');
  const text = withDevice(hostdev('0x81'), 0);
  const [finding] = hostFindings(text, host, 'VT157');
  assert.equal(rangeText(text, finding!), 'address');
  assert.equal(finding!.severity, 'warning');
  assert.match(
    finding!.message,
    /^PCI device 0000:81:00\.0 \(p1p1\) sits on host node 1, but the guest's vCPUs and memory are on node 0: .* \(guide 9\.3\.11\)\. Pin the guest to node 1, or use a device on node 0 \(0000:03:00\.0 \(em1\), 0000:03:00\.1 \(em2\)\)\.$/,
  );
  assert.deepEqual(hostFindings(withDevice(hostdev('0x81'), 1), host, 'VT157'), []);
});

test('VT157 reads <interface type=hostdev> and is silent for an unpinned guest or a device without a node', async () => {
  const host = await fixtureHost('two-nodes');
  const nic = `    <interface type='hostdev' managed='yes'>\n      <source>\n        <address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/>\n      </source>\n    </interface>\n`;
  const [finding] = hostFindings(withDevice(nic, 1), host, 'VT157');
  assert.match(finding!.message, /^PCI device 0000:03:00\.1 \(em2\) sits on host node 0/);
  const unpinned = domain(`  <devices>\n${hostdev('0x81')}  </devices>`);
  assert.deepEqual(hostFindings(unpinned, host, 'VT157'), []);
  assert.deepEqual(hostFindings(withDevice(hostdev('0x00'), 1), host, 'VT157'), [], '0000:00:00.0 reports node -1');
});

test('VT158 flags a PCI device the host does not have; silent from capabilities, which list none', async () => {
  const text = withDevice(hostdev('0x05'), 0);
  const [finding] = hostFindings(text, await fixtureHost('two-nodes'), 'VT158');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /^The host has no PCI device 0000:05:00\.0 \(host has 7 PCI devices/);
  assert.deepEqual(hostFindings(text, await fixtureHost('capabilities-two-nodes.xml'), 'VT158'), []);
  assert.deepEqual(hostFindings(withDevice(hostdev('3'), 0), await fixtureHost('two-nodes'), 'VT158'), [], "bus='3' is 0x03");
});
