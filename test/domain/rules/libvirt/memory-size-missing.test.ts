import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT194 flags a domain without <memory> or NUMA cells", () => {
  const text = guest("", {"noMemory": true});
  const results = found(text, 'VT194');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "domain");
  assert.match(results[0]!.message, /gives no memory size/);
});

test("VT194 is silent when NUMA cells give the size", () => {
  assert.deepEqual(found(guest("  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu>", {"noMemory": true}), 'VT194').map((result) => result.message), []);
});

test("VT194 is silent with <memory>", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='vda' bus='virtio'/></disk>\n  </devices>", {}), 'VT194').map((result) => result.message), []);
});
