import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT170 flags a second disk with the same target, even on another bus", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='sda' bus='usb'/></disk><disk type='file' device='disk'><source file='/b.img'/><target dev='sda' bus='scsi'/></disk>\n  </devices>", {});
  const results = found(text, 'VT170');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "sda");
  assert.match(results[0]!.message, /already the target of the disk on line [0-9]+/);
});

test("VT170 is silent for distinct targets", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='sda' bus='usb'/></disk><disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='sdb' bus='scsi'/></disk>\n  </devices>", {}), 'VT170').map((result) => result.message), []);
});

test("VT170 is silent for a domain libvirt QEMU driver does not run", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='sda' bus='scsi'/></disk><disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='sda' bus='sata'/></disk>\n  </devices>", {"type": "vmware"}), 'VT170').map((result) => result.message), []);
});
