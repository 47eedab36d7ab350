import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT185 flags per-device boot order beside <os><boot dev>", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><source file='/vda.img'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>\n  </devices>", {"os": "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <boot dev='hd'/>\n  </os>"});
  const results = found(text, 'VT185');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1");
  assert.match(results[0]!.message, /already orders booting by device kind/);
});

test("VT185 flags one boot order on two devices", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><source file='/vda.img'/><target dev='vda' bus='virtio'/><boot order='1'/></disk><disk type='file' device='disk'><source file='/vdb.img'/><target dev='vdb' bus='virtio'/><boot order='1'/></disk>\n  </devices>", {});
  const results = found(text, 'VT185');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1");
  assert.match(results[0]!.message, /already boots with order 1/);
});

test("VT185 is silent for distinct per-device orders", () => {
  assert.deepEqual(found(guest("  <devices>\n    <disk type='file' device='disk'><source file='/vda.img'/><target dev='vda' bus='virtio'/><boot order='1'/></disk><disk type='file' device='disk'><source file='/vdb.img'/><target dev='vdb' bus='virtio'/><boot order='2'/></disk>\n  </devices>", {}), 'VT185').map((result) => result.message), []);
});
