import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT173 flags a topology whose product is not the vCPU count", () => {
  const text = guest("  <cpu><topology sockets='1' cores='2' threads='1'/></cpu>", {"vcpus": 4});
  const results = found(text, 'VT173');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "topology");
  assert.match(results[0]!.message, /1 socket × 2 cores × 1 thread = 2 vCPUs, but <vcpu> sets 4/);
});

test("VT173 counts dies and clusters", () => {
  const text = guest("  <cpu><topology sockets='1' dies='2' clusters='2' cores='1' threads='1'/></cpu>", {"vcpus": 2});
  const results = found(text, 'VT173');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "topology");
  assert.match(results[0]!.message, /2 dies × 2 clusters/);
});

test("VT173 is silent when the product matches", () => {
  assert.deepEqual(found(guest("  <cpu><topology sockets='1' dies='1' cores='2' threads='2'/></cpu>", {"vcpus": 4}), 'VT173').map((result) => result.message), []);
});

test("VT173 is silent when a factor does not parse (the structure rules speak)", () => {
  assert.deepEqual(found(guest("  <cpu><topology sockets='1' dies='x' cores='2' threads='2'/></cpu>", {"vcpus": 2}), 'VT173').map((result) => result.message), []);
});
