import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT171 flags a PCI address on an IDE disk", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='hda' bus='ide'/><address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/></disk>\n  </devices>", {});
  const results = found(text, 'VT171');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "pci");
  assert.match(results[0]!.message, /ide bus .* not 'pci'/);
});

test("VT171 takes the bus from the target name when bus= is missing", () => {
  const text = guest("  <devices>\n    <disk type='block' device='floppy'><source dev='/dev/fd0'/><target dev='fda'/><address type='pci' slot='0x01'/></disk>\n  </devices>", {});
  const results = found(text, 'VT171');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "pci");
  assert.match(results[0]!.message, /fdc bus/);
});

test("VT171 is silent for a drive address, and for a PCI address on a virtio disk", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='hda' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk><disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='vda' bus='virtio'/><address type='pci' slot='0x07'/></disk>\n  </devices>", {}), 'VT171').map((result) => result.message), []);
});
