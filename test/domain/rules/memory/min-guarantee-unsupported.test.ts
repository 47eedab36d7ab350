import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

test('VT129 flags min_guarantee on a KVM guest and removes it', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n    <min_guarantee unit='GiB'>1</min_guarantee>\n  </memtune>`);
  const [finding, ...rest] = findings(text, 'VT129');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '1');
  assert.match(finding!.message, /QEMU driver refuses a domain with min_guarantee as soon as it is defined/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, fix);
  assert.equal(fixed, text.replace(`    <min_guarantee unit='GiB'>1</min_guarantee>\n`, ''));
  assert.deepEqual(findings(fixed, 'VT129'), []);
});

test('VT129 is silent for other drivers and for a zero guarantee', () => {
  const vmware = domain(`  <memtune>\n    <min_guarantee unit='GiB'>1</min_guarantee>\n  </memtune>`).replace("type='kvm'", "type='vmware'");
  assert.deepEqual(findings(vmware, 'VT129'), []);
  assert.deepEqual(findings(domain(`  <memtune>\n    <min_guarantee>0</min_guarantee>\n  </memtune>`), 'VT129'), []);
});
