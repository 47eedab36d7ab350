import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT181 flags a PCI device assigned twice", () => {
  const text = guest("  <devices>\n    <hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev><hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='5'/></source></hostdev>\n  </devices>", {});
  const results = found(text, 'VT181');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "source");
  assert.match(results[0]!.message, /PCI device 0000:06:12.5 is already assigned/);
});

test("VT181 flags a mediated device assigned twice", () => {
  const text = guest("  <devices>\n    <hostdev mode='subsystem' type='mdev' model='vfio-pci'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev><hostdev mode='subsystem' type='mdev' model='vfio-pci'><source><address uuid='53764D0E-85A0-42B4-AF5C-2046B460B1DC'/></source></hostdev>\n  </devices>", {});
  const results = found(text, 'VT181');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "source");
  assert.match(results[0]!.message, /mediated device/);
});

test("VT181 is silent for two functions of one device", () => {
  assert.deepEqual(found(guest("  <devices>\n    <hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev><hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x6'/></source></hostdev>\n  </devices>", {}), 'VT181').map((result) => result.message), []);
});
