import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT191 flags cell ids that do not start from 0", () => {
  const text = guest("  <cpu><numa><cell id='1' cpus='0' memory='64' unit='MiB'/><cell id='2' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2});
  const results = found(text, 'VT191');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "2");
  assert.match(results[0]!.message, /the ids are 0-1/);
});

test("VT191 flags a distance to a cell that does not exist", () => {
  const text = guest("  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'><distances><sibling id='0' value='10'/><sibling id='2' value='20'/></distances></cell><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2});
  const results = found(text, 'VT191');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "2");
  assert.match(results[0]!.message, /no guest cell 2/);
});

test("VT191 is silent for ids 0-1 in any order", () => {
  assert.deepEqual(found(guest("  <cpu><numa><cell id='1' cpus='1' memory='64' unit='MiB'/><cell id='0' cpus='0' memory='64' unit='MiB'><distances><sibling id='1' value='20'/></distances></cell></numa></cpu>", {"vcpus": 2}), 'VT191').map((result) => result.message), []);
});
