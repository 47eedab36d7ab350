import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

test('VT123 flags a hard_limit below the guest memory', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='MiB'>2048</hard_limit>\n  </memtune>`, { memoryKiB: 4194304 });
  const [finding, ...rest] = findings(text, 'VT123');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '2048');
  assert.match(finding!.message, /hard_limit \(2 GiB\) is below the guest's memory \(4 GiB\)/);
  assert.match(finding!.message, /kernel may kill the guest/);
});

test('VT123 flags a hard_limit equal to the memory: QEMU needs room of its own', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>4</hard_limit>\n  </memtune>`, { memoryKiB: 4194304 });
  const [finding] = findings(text, 'VT123');
  assert.match(finding!.message, /equals the guest's memory/);
});

test("VT123 measures the guest by its NUMA cells, which libvirt uses instead of <memory>", () => {
  const cells = `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='3' unit='GiB'/>\n      <cell id='1' cpus='2-3' memory='3' unit='GiB'/>\n    </numa>\n  </cpu>`;
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n  </memtune>\n${cells}`, { memoryKiB: 4194304 });
  const [finding] = findings(text, 'VT123');
  assert.match(finding!.message, /guest's memory \(6 GiB\)/);
});

test('VT123 is silent with room above the memory, or an unlimited hard_limit', () => {
  assert.deepEqual(findings(domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n  </memtune>`), 'VT123'), []);
  assert.deepEqual(findings(domain(`  <memtune>\n    <hard_limit>9007199254740991</hard_limit>\n  </memtune>`), 'VT123'), []);
});
