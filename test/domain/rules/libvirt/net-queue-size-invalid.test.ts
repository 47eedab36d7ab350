import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT190 flags a virtio rx_queue_size that is not a power of two", () => {
  const text = guest("  <devices>\n    <interface type='user'><model type='virtio'/><driver rx_queue_size='511'/></interface>\n  </devices>", {});
  const results = found(text, 'VT190');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "511");
  assert.match(results[0]!.message, /Use 256 or 512/);
});

test("VT190 is silent for powers of two and for other NIC models", () => {
  assert.deepEqual(found(guest("  <devices>\n    <interface type='user'><model type='virtio'/><driver rx_queue_size='512' tx_queue_size='256'/></interface><interface type='user'><model type='e1000'/><driver rx_queue_size='511'/></interface>\n  </devices>", {}), 'VT190').map((result) => result.message), []);
});
