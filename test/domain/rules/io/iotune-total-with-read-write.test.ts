import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const iotune = (limits: string): string =>
  domain(`  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' cache='none'/>
      <source file='/var/lib/libvirt/images/guest.raw'/>
      <target dev='vda' bus='virtio'/>
      <iotune>
${limits}
      </iotune>
    </disk>
  </devices>`);

test('VT141 flags read and write limits set beside the total, one finding each, on the read/write element', () => {
  const text = iotune(`        <total_bytes_sec>52428800</total_bytes_sec>
        <read_bytes_sec>10485760</read_bytes_sec>
        <write_bytes_sec>10485760</write_bytes_sec>`);
  const found = findings(text, 'VT141');
  assert.equal(found.length, 2);
  assert.deepEqual(found.map((finding) => rangeText(text, finding)), ['read_bytes_sec', 'write_bytes_sec']);
  assert.equal(found[0]!.severity, 'error');
  assert.match(found[0]!.message, /<read_bytes_sec> and <total_bytes_sec> are both set/);

  const removeTotal = found[0]!.fixes.find((fix) => fix.title === 'Remove <total_bytes_sec>')!;
  const fixed = applyFix(text, removeTotal);
  assert.equal(fixed, text.replace('        <total_bytes_sec>52428800</total_bytes_sec>\n', ''));
  assert.deepEqual(findings(fixed, 'VT141'), []);
});

test('VT141 removes the read limit with its line when asked', () => {
  const text = iotune(`        <total_iops_sec_max>2000</total_iops_sec_max>
        <read_iops_sec_max>500</read_iops_sec_max>`);
  const [finding] = findings(text, 'VT141');
  assert.equal(rangeText(text, finding!), 'read_iops_sec_max');
  const fixed = applyFix(text, finding!.fixes.find((fix) => fix.title === 'Remove <read_iops_sec_max>')!);
  assert.equal(fixed, text.replace('        <read_iops_sec_max>500</read_iops_sec_max>\n', ''));
  assert.deepEqual(findings(fixed, 'VT141'), []);
});

test('VT141 is silent when a limit is 0 (no limit), when kinds differ, or when a value does not parse', () => {
  assert.deepEqual(findings(iotune(`        <total_bytes_sec>0</total_bytes_sec>\n        <read_bytes_sec>1000</read_bytes_sec>`), 'VT141'), []);
  assert.deepEqual(findings(iotune(`        <total_bytes_sec>5000</total_bytes_sec>\n        <read_iops_sec>100</read_iops_sec>`), 'VT141'), []);
  assert.deepEqual(findings(iotune(`        <total_bytes_sec>lots</total_bytes_sec>\n        <read_bytes_sec>1000</read_bytes_sec>`), 'VT141'), []);
  // The guide's own example (7.4.1): 1000 IOPS and 50 MB/s in total.
  assert.deepEqual(findings(iotune(`        <total_bytes_sec>52428800</total_bytes_sec>\n        <total_iops_sec>1000</total_iops_sec>`), 'VT141'), []);
});
