import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const iotune = (limits: string): string =>
  domain(`  <devices>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw' cache='none' io='native'/>
      <source dev='/dev/vg0/guest'/>
      <target dev='vda' bus='virtio'/>
      <iotune>
${limits}
      </iotune>
    </disk>
  </devices>`);

test('VT142 flags a burst ceiling without its base rate and removes it', () => {
  const text = iotune(`        <total_iops_sec_max>2000</total_iops_sec_max>`);
  const [finding, ...rest] = findings(text, 'VT142');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), 'total_iops_sec_max');
  assert.match(finding!.message, /<total_iops_sec> \(the rate it bursts above\) is not set/);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('        <total_iops_sec_max>2000</total_iops_sec_max>\n', ''));
  assert.deepEqual(findings(fixed, 'VT142'), []);
});

test('VT142 flags a burst ceiling below its base rate and raises it', () => {
  const text = iotune(`        <read_bytes_sec>5000</read_bytes_sec>\n        <read_bytes_sec_max>4000</read_bytes_sec_max>`);
  const [finding] = findings(text, 'VT142');
  assert.equal(rangeText(text, finding!), '4000');
  assert.match(finding!.message, /\(4000\) is lower than <read_bytes_sec> \(5000\)/);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('<read_bytes_sec_max>4000<', '<read_bytes_sec_max>5000<'));
  assert.deepEqual(findings(fixed, 'VT142'), []);
});

test('VT142 flags a burst length without a ceiling: an error above 1 second, a warning at 1', () => {
  const long = iotune(`        <write_bytes_sec>5000</write_bytes_sec>\n        <write_bytes_sec_max_length>5</write_bytes_sec_max_length>`);
  const [refused] = findings(long, 'VT142');
  assert.equal(refused!.severity, 'error');
  assert.equal(rangeText(long, refused!), 'write_bytes_sec_max_length');
  const fixed = applyFix(long, refused!.fixes[0]!);
  assert.ok(!fixed.includes('max_length'));
  assert.deepEqual(findings(fixed, 'VT142'), []);

  const one = iotune(`        <write_bytes_sec>5000</write_bytes_sec>\n        <write_bytes_sec_max_length>1</write_bytes_sec_max_length>`);
  const [idle] = findings(one, 'VT142');
  assert.equal(idle!.severity, 'warning');
  assert.match(idle!.message, /has no effect without <write_bytes_sec_max>/);
});

test('VT142 flags size_iops_sec without any I/O-operations limit', () => {
  const text = iotune(`        <total_bytes_sec>5000</total_bytes_sec>\n        <size_iops_sec>4096</size_iops_sec>`);
  const [finding] = findings(text, 'VT142');
  assert.equal(rangeText(text, finding!), 'size_iops_sec');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.deepEqual(findings(fixed, 'VT142'), []);
  assert.deepEqual(findings(iotune(`        <read_iops_sec>300</read_iops_sec>\n        <size_iops_sec>4096</size_iops_sec>`), 'VT142'), []);
});

test("VT142 is silent on libvirt's own burst example and where a value does not parse", () => {
  const clean = iotune(`        <total_bytes_sec>5000</total_bytes_sec>
        <total_iops_sec>6000</total_iops_sec>
        <total_bytes_sec_max>10000</total_bytes_sec_max>
        <total_iops_sec_max>11000</total_iops_sec_max>
        <total_bytes_sec_max_length>3</total_bytes_sec_max_length>
        <total_iops_sec_max_length>5</total_iops_sec_max_length>`);
  assert.deepEqual(findings(clean, 'VT142'), []);
  assert.deepEqual(findings(iotune(`        <total_bytes_sec>x</total_bytes_sec>\n        <total_bytes_sec_max>100</total_bytes_sec_max>`), 'VT142'), []);
  assert.deepEqual(findings(iotune(`        <total_bytes_sec_max>0</total_bytes_sec_max>`), 'VT142'), []);
});
