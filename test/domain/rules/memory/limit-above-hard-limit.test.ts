import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

test('VT122 flags a soft_limit above hard_limit', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n    <soft_limit unit='MiB'>6144</soft_limit>\n  </memtune>`);
  const [finding, ...rest] = findings(text, 'VT122');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '6144');
  assert.match(finding!.message, /soft_limit \(6 GiB\) is above hard_limit \(5 GiB\)/);
});

test('VT122 flags a min_guarantee above hard_limit where the driver supports min_guarantee', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>1</hard_limit>\n    <min_guarantee unit='GiB'>2</min_guarantee>\n  </memtune>`).replace(
    "<domain type='kvm'>",
    "<domain type='vmware'>",
  );
  const [finding] = findings(text, 'VT122');
  assert.equal(rangeText(text, finding!), '2');
  assert.match(finding!.message, /min_guarantee \(2 GiB\) is above hard_limit \(1 GiB\)/);
});

test('VT122 leaves min_guarantee on QEMU/KVM to VT129, and is silent for sensible limits', () => {
  const kvm = domain(`  <memtune>\n    <hard_limit unit='GiB'>1</hard_limit>\n    <min_guarantee unit='GiB'>2</min_guarantee>\n  </memtune>`);
  assert.deepEqual(findings(kvm, 'VT122'), []);
  const fine = domain(`  <memtune>\n    <hard_limit unit='GiB'>6</hard_limit>\n    <soft_limit unit='GiB'>4</soft_limit>\n  </memtune>`);
  assert.deepEqual(findings(fine, 'VT122'), []);
});
