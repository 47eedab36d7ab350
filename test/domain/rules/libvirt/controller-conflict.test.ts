import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT172 flags two PCI controllers with one index", () => {
  const text = guest("  <devices>\n    <controller type='pci' index='0' model='pci-root'/><controller type='pci' index='1' model='pci-bridge'/><controller type='pci' index='1' model='pci-bridge'/>\n  </devices>", {});
  const results = found(text, 'VT172');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1");
  assert.match(results[0]!.message, /already has index 1/);
});

test("VT172 flags an address on the PCI root", () => {
  const text = guest("  <devices>\n    <controller type='pci' index='0' model='pci-root'><address type='pci' domain='0' bus='0' slot='0' function='0'/></controller>\n  </devices>", {});
  const results = found(text, 'VT172');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "address");
  assert.match(results[0]!.message, /root PCI bus/);
});

test("VT172 flags a PCI index above 255", () => {
  const text = guest("  <devices>\n    <controller type='pci' index='256' model='pci-bridge'/>\n  </devices>", {});
  const results = found(text, 'VT172');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "256");
  assert.match(results[0]!.message, /0-255/);
});

test("VT172 is silent for USB companions sharing an index and for distinct indexes", () => {
  assert.deepEqual(found(guest("  <devices>\n    <controller type='usb' index='0' model='ich9-ehci1'/><controller type='usb' index='0' model='ich9-uhci1'/><controller type='pci' index='0' model='pci-root'/><controller type='pci' index='1' model='pci-bridge'/>\n  </devices>", {}), 'VT172').map((result) => result.message), []);
});
