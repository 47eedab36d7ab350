import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT197 flags an emulated L2 cache", () => {
  const text = guest("  <cpu mode='host-model'><cache level='2' mode='emulate'/></cpu>", {});
  const results = found(text, 'VT197');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "2");
  assert.match(results[0]!.message, /L3 cache only/);
});

test("VT197 flags cache passthrough without a host-passthrough CPU", () => {
  const text = guest("  <cpu mode='host-model'><cache mode='passthrough'/></cpu>", {});
  const results = found(text, 'VT197');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "passthrough");
  assert.match(results[0]!.message, /needs the host's CPU/);
});

test("VT197 is silent for an emulated L3 cache and for passthrough with host-passthrough", () => {
  assert.deepEqual(found(guest("  <cpu mode='host-passthrough'><cache mode='passthrough'/></cpu>", {"type": "kvm"}), 'VT197').map((result) => result.message), []);
});

test("VT197 is silent for level 3 emulation", () => {
  assert.deepEqual(found(guest("  <cpu mode='host-model'><cache level='3' mode='emulate'/></cpu>", {}), 'VT197').map((result) => result.message), []);
});
