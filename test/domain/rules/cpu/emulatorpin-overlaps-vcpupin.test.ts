import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

test('VT139 notes emulator threads pinned onto the vCPUs’ host CPUs', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='2'/>\n    <vcpupin vcpu='1' cpuset='3'/>\n    <emulatorpin cpuset='1-2'/>\n  </cputune>`, {
    vcpus: 2,
  });
  const [finding, ...rest] = findings(text, 'VT139');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'information');
  assert.equal(rangeText(text, finding!), '1-2');
  assert.match(finding!.message, /share host CPU 2 with vCPU 0/);
});

test('VT139 is silent when the emulator has CPUs of its own (libvirt real-time example)', () => {
  const text = domain(
    `  <cputune>\n    <emulatorpin cpuset="8-9"/>\n    <vcpupin vcpu="0" cpuset="12"/>\n    <vcpupin vcpu="1" cpuset="13"/>\n    <vcpupin vcpu="2" cpuset="14"/>\n    <vcpupin vcpu="3" cpuset="15"/>\n  </cputune>`,
  );
  assert.deepEqual(findings(text, 'VT139'), []);
});
