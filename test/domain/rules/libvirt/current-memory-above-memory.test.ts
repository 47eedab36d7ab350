import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

// As libvirt 9.0 answered here: defined, and `virsh dumpxml --inactive` reads <currentMemory> lowered to the total.
test('VT403 flags a <currentMemory> above <memory>, at its size, in the units written', () => {
  const results = found(guest("  <currentMemory unit='GiB'>8</currentMemory>", { noMemory: true }).replace('<vcpu', "<memory unit='GiB'>4</memory>\n  <vcpu"), 'VT403');
  assert.deepEqual(results.map((result) => result.at), ['8']);
  assert.equal(results[0]!.finding.severity, 'warning');
  assert.match(results[0]!.message, /<currentMemory> says 8 GiB, above the 4 GiB of <memory>: libvirt defines the domain but lowers <currentMemory> to 4 GiB/);
});

test("VT403 compares with the NUMA cells' sum when the guest has cells", () => {
  const cells = (current: string) =>
    guest(`  <currentMemory unit='MiB'>${current}</currentMemory>\n  <cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu>`).replace("<memory unit='MiB'>128</memory>", "<memory unit='MiB'>64</memory>");
  assert.match(found(cells('200'), 'VT403')[0]!.message, /above the 128 MiB of the NUMA cells' memory/);
  assert.deepEqual(found(cells('100'), 'VT403'), []);
});

test('VT403 is silent for an equal or smaller <currentMemory>, and beside memory devices', () => {
  assert.deepEqual(found(guest("  <currentMemory unit='MiB'>128</currentMemory>"), 'VT403'), []);
  assert.deepEqual(found(guest("  <currentMemory unit='KiB'>65536</currentMemory>"), 'VT403'), []);
  const dimm = "  <currentMemory unit='MiB'>256</currentMemory>\n  <devices><memory model='dimm'><target><size unit='MiB'>256</size><node>0</node></target></memory></devices>";
  assert.deepEqual(found(guest(dimm), 'VT403'), []);
});
