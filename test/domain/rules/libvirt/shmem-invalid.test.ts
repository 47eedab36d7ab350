import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT189 flags a size that is not a power of two", () => {
  const text = guest("  <devices>\n    <shmem name='s'><model type='ivshmem-plain'/><size unit='K'>12345</size></shmem>\n  </devices>", {});
  const results = found(text, 'VT189');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "12345");
  assert.match(results[0]!.message, /power-of-two/);
});

test("VT189 flags a size under 1 MiB", () => {
  const text = guest("  <devices>\n    <shmem name='s'><model type='ivshmem-plain'/><size unit='K'>16</size></shmem>\n  </devices>", {});
  const results = found(text, 'VT189');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "16");
  assert.match(results[0]!.message, /at least 1 MiB/);
});

test("VT189 flags <msi> without a server, and an ISA address", () => {
  const text = guest("  <devices>\n    <shmem name='s'><model type='ivshmem-plain'/><msi/><address type='isa'/></shmem>\n  </devices>", {});
  const results = found(text, 'VT189');
  assert.equal(results.length, 2, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "msi");
  assert.match(results[0]!.message, /without a <server>/);
  assert.equal(results[1]!.finding.severity, 'error');
  assert.equal(results[1]!.at, "isa");
  assert.match(results[1]!.message, /PCI device/);
});

test("VT189 is silent for a 4 MiB shmem and a doorbell with its server", () => {
  assert.deepEqual(found(guest("  <devices>\n    <shmem name='s'><model type='ivshmem-plain'/><size unit='M'>4</size></shmem><shmem name='d'><model type='ivshmem-doorbell'/><server path='/tmp/s.sock'/><msi vectors='32'/></shmem>\n  </devices>", {}), 'VT189').map((result) => result.message), []);
});
