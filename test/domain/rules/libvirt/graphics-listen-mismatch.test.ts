import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT192 flags listen= that differs from the first <listen>", () => {
  const text = guest("  <devices>\n    <graphics type='vnc' listen='127.0.0.1'><listen type='address' address='0.0.0.0'/></graphics>\n  </devices>", {});
  const results = found(text, 'VT192');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "127.0.0.1");
  assert.match(results[0]!.message, /says '0.0.0.0'/);
});

test("VT192 flags socket= that differs from the first <listen type='socket'>", () => {
  const text = guest("  <devices>\n    <graphics type='vnc' socket='/tmp/a.sock'><listen type='socket' socket='/tmp/b.sock'/></graphics>\n  </devices>", {});
  const results = found(text, 'VT192');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "/tmp/a.sock");
  assert.match(results[0]!.message, /says '\/tmp\/b.sock'/);
});

test("VT192 is silent when they agree", () => {
  assert.deepEqual(found(guest("  <devices>\n    <graphics type='vnc' listen='127.0.0.1'><listen type='address' address='127.0.0.1'/></graphics>\n  </devices>", {}), 'VT192').map((result) => result.message), []);
});
