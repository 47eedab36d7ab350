import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT182 flags two devices at one PCI address", () => {
  const text = guest("  <devices>\n    <interface type='user'><model type='virtio'/><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/></interface><interface type='user'><model type='e1000'/><address type='pci' bus='0' slot='5'/></interface>\n  </devices>", {});
  const results = found(text, 'VT182');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "address");
  assert.match(results[0]!.message, /PCI address 0000:00:05.0/);
});

test("VT182 flags two IDE disks at one drive address", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='hda' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk><disk type='file' device='disk'><source file='/b.img'/><target dev='hdb' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>\n  </devices>", {});
  const results = found(text, 'VT182');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "address");
  assert.match(results[0]!.message, /ide drive address controller=0 bus=0 target=0 unit=0/);
});

test("VT182 is silent for a serial console that repeats its serial port address, and for one drive address on two buses", () => {
  assert.deepEqual(found(guest("  <devices>\n    <serial type='pty'><target type='pci-serial' port='0'/><address type='pci' slot='0x04'/></serial><console type='pty'><target type='serial' port='0'/><address type='pci' slot='0x04'/></console><disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='hda' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk><disk type='file' device='disk'><source file='/b.img'/><target dev='sda' bus='sata'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>\n  </devices>", {}), 'VT182').map((result) => result.message), []);
});
