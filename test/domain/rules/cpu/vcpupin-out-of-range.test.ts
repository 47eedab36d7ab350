import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

test('VT130 flags a pin of a vCPU the guest does not have, and can remove it', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='4' cpuset='2'/>\n  </cputune>`, { vcpus: 4 });
  const [finding, ...rest] = findings(text, 'VT130');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '4');
  assert.match(finding!.message, /vCPU 4 does not exist: the guest has 4 vCPUs \(0-3\)/);
  const fix = finding!.fixes[0]!;
  assert.notEqual(fix.isPreferred, true);
  const fixed = applyFix(text, fix);
  assert.equal(fixed, text.replace(`    <vcpupin vcpu='4' cpuset='2'/>\n`, ''));
  assert.deepEqual(findings(fixed, 'VT130'), []);
});

test('VT130 counts one vCPU when <vcpu> is absent, as libvirt does', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='1' cpuset='2'/>\n  </cputune>`).replace(/ {2}<vcpu [^\n]*\n/, '');
  const [finding] = findings(text, 'VT130');
  assert.match(finding!.message, /the guest has 1 vCPU \(0\)/);
});

test('VT130 is silent for pins of existing vCPUs', () => {
  assert.deepEqual(findings(domain(`  <cputune>\n    <vcpupin vcpu='3' cpuset='2'/>\n  </cputune>`, { vcpus: 4 }), 'VT130'), []);
});
