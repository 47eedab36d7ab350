import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT193 flags virtiofs without shared memory", () => {
  const text = guest("  <devices>\n    <filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/><source dir='/srv'/><target dir='srv'/></filesystem>\n  </devices>", {});
  const results = found(text, 'VT193');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "filesystem");
  assert.match(results[0]!.message, /<memoryBacking><access mode='shared'\/>/);
});

test("VT193 flags a vhost-user NIC when a NUMA cell keeps private memory", () => {
  const text = guest("  <memoryBacking><access mode='shared'/></memoryBacking>\n  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB' memAccess='private'/></numa></cpu>\n  <devices>\n    <interface type='vhostuser'><source type='unix' path='/tmp/v.sock' mode='client'/><model type='virtio'/></interface>\n  </devices>", {});
  const results = found(text, 'VT193');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "interface");
  assert.match(results[0]!.message, /on every NUMA cell/);
});

test("VT193 is silent with shared memory, by default or per cell", () => {
  assert.deepEqual(found(guest("  <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>\n  <devices>\n    <filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/><source dir='/srv'/><target dir='srv'/></filesystem>\n  </devices>", {}), 'VT193').map((result) => result.message), []);
});

test("VT193 is silent when every cell shares its memory", () => {
  assert.deepEqual(found(guest("  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB' memAccess='shared'/></numa></cpu>\n  <devices>\n    <filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/><source dir='/srv'/><target dir='srv'/></filesystem>\n  </devices>", {}), 'VT193').map((result) => result.message), []);
});
