import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT186 flags driver type='iso'", () => {
  const text = guest("  <devices>\n    <disk type='file' device='cdrom'><driver name='qemu' type='iso'/><source file='/a.iso'/><target dev='hdc' bus='ide'/></disk>\n  </devices>", {});
  const results = found(text, 'VT186');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "iso");
  assert.match(results[0]!.message, /read as type='raw'/);
});

test("VT186 is silent for raw and qcow2, and for another driver's domain", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/a.iso'/><target dev='hdc' bus='ide'/></disk><disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><target dev='vda' bus='virtio'/></disk>\n  </devices>", {}), 'VT186').map((result) => result.message), []);
});

test("VT186 takes no name of Object's prototype for a refused format (type='constructor', 'toString')", () => {
  for (const format of ['constructor', 'toString', '__proto__']) {
    const text = guest(`  <devices>\n    <disk type='file' device='disk'><driver name='qemu' type='${format}'/><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>\n  </devices>`, {});
    assert.deepEqual(found(text, 'VT186').map((result) => result.message), [], format);
  }
});
