import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT174 flags <maxMemory> without guest NUMA cells", () => {
  const text = guest("  <maxMemory slots='2' unit='MiB'>1024</maxMemory>", {});
  const results = found(text, 'VT174');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "maxMemory");
  assert.match(results[0]!.message, /at least one guest NUMA cell/);
});

test("VT174 flags a memory device without <maxMemory>", () => {
  const text = guest("  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu>\n  <devices>\n    <memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory>\n  </devices>", {});
  const results = found(text, 'VT174');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "memory");
  assert.match(results[0]!.message, /needs <maxMemory/);
});

test("VT174 flags more DIMMs than slots", () => {
  const text = guest("  <maxMemory slots='1' unit='MiB'>1024</maxMemory>\n  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu>\n  <devices>\n    <memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory><memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory>\n  </devices>", {});
  const results = found(text, 'VT174');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1");
  assert.match(results[0]!.message, /2 DIMM and NVDIMM devices need 2 slots/);
});

test("VT174 is silent for complete memory hotplug", () => {
  assert.deepEqual(found(guest("  <maxMemory slots='2' unit='MiB'>1024</maxMemory>\n  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu>\n  <devices>\n    <memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory>\n  </devices>", {}), 'VT174').map((result) => result.message), []);
});

test("VT174 does not count virtio-mem devices against the slots", () => {
  assert.deepEqual(found(guest("  <maxMemory slots='1' unit='MiB'>4096</maxMemory>\n  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu>\n  <devices>\n    <memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory><memory model='virtio-mem'><target><size unit='MiB'>128</size><node>0</node><block unit='MiB'>2</block></target></memory>\n  </devices>", {}), 'VT174').map((result) => result.message), []);
});
