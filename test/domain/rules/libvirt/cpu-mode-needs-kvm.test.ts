import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT196 flags host-passthrough in a type='qemu' domain", () => {
  const text = guest("  <cpu mode='host-passthrough'/>", {});
  const results = found(text, 'VT196');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "host-passthrough");
  assert.match(results[0]!.message, /type='qemu' runs the guest in QEMU's emulator/);
});

test("VT196 is silent for host-model under qemu and host-passthrough under kvm", () => {
  assert.deepEqual(found(guest("  <cpu mode='host-model'/>", {}), 'VT196').map((result) => result.message), []);
});

test("VT196 is silent for host-passthrough under kvm", () => {
  assert.deepEqual(found(guest("  <cpu mode='host-passthrough'/>", {"type": "kvm"}), 'VT196').map((result) => result.message), []);
});
