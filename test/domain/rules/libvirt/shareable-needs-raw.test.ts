import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT195 flags a shareable qcow2 disk", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><target dev='vda' bus='virtio'/><shareable/></disk>\n  </devices>", {});
  const results = found(text, 'VT195');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "qcow2");
  assert.match(results[0]!.message, /refuses type='qcow2' with <shareable\/>/);
});

test("VT195 is silent for raw, for a read-only qcow2 and for an unshared qcow2", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/a.img'/><target dev='vda' bus='virtio'/><shareable/></disk><disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/b.qcow2'/><target dev='vdb' bus='virtio'/><shareable/><readonly/></disk><disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/c.qcow2'/><target dev='vdc' bus='virtio'/></disk>\n  </devices>", {}), 'VT195').map((result) => result.message), []);
});
