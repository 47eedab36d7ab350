import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT188 flags a PCI Express root on i440fx", () => {
  const text = guest("  <devices>\n    <controller type='pci' index='0' model='pcie-root'/>\n  </devices>", {});
  const results = found(text, 'VT188');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "pcie-root");
  assert.match(results[0]!.message, /is a pci-root/);
});

test("VT188 flags the Intel IOMMU on i440fx", () => {
  const text = guest("  <devices>\n    <iommu model='intel'/>\n  </devices>", {});
  const results = found(text, 'VT188');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "intel");
  assert.match(results[0]!.message, /Q35 chipset/);
});

test("VT188 flags the virtio IOMMU without ACPI", () => {
  const text = guest("  <devices>\n    <iommu model='virtio'/>\n  </devices>", {"machine": "q35"});
  const results = found(text, 'VT188');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "virtio");
  assert.match(results[0]!.message, /through ACPI/);
});

test("VT188 flags a TSEG size outside Q35", () => {
  const text = guest("  <features><smm state='on'><tseg unit='MiB'>48</tseg></smm></features>", {});
  const results = found(text, 'VT188');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "tseg");
  assert.match(results[0]!.message, /TSEG is the SMM memory of the Q35 chipset/);
});

test("VT188 flags a pci-expander-bus on Q35", () => {
  const text = guest("  <devices>\n    <controller type='pci' index='0' model='pcie-root'/><controller type='pci' index='1' model='pci-expander-bus'/>\n  </devices>", {"machine": "pc-q35-7.2"});
  const results = found(text, 'VT188');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "pci-expander-bus");
  assert.match(results[0]!.message, /Use pcie-expander-bus here/);
});

test("VT188 is silent for devices of their machine", () => {
  assert.deepEqual(found(guest("  <features><acpi/></features>\n  <devices>\n    <controller type='pci' index='0' model='pcie-root'/><iommu model='intel'/><iommu model='virtio'/>\n  </devices>", {"machine": "q35"}), 'VT188').map((result) => result.message), []);
});

test("VT188 is silent when the machine type is not one it knows", () => {
  assert.deepEqual(found(guest("  <devices>\n    <iommu model='intel'/>\n  </devices>", {"machine": "microvm"}), 'VT188').map((result) => result.message), []);
});
