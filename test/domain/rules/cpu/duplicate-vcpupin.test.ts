import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

test('VT131 flags the second pin of a vCPU, names the first line, and removes an exact repeat', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='1' cpuset='2-3'/>\n    <vcpupin vcpu='1' cpuset='2,3'/>\n  </cputune>`);
  const [finding, ...rest] = findings(text, 'VT131');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '1');
  assert.equal(finding!.range.start.line, 6);
  assert.match(finding!.message, /vCPU 1 is already pinned on line 6/);
  assert.match(finding!.message, /same host CPUs/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, fix);
  assert.equal(fixed, text.replace(`    <vcpupin vcpu='1' cpuset='2,3'/>\n`, ''));
  assert.deepEqual(findings(fixed, 'VT131'), []);
});

test('VT131 offers no fix when the two pins differ: only the user knows which is meant', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='0' cpuset='5'/>\n  </cputune>`);
  const [finding] = findings(text, 'VT131');
  assert.match(finding!.message, /That pin says 1, this one 5/);
  assert.deepEqual(finding!.fixes, []);
});

test('VT131 is silent for pins of different vCPUs, and leaves pins of missing vCPUs to VT130', () => {
  assert.deepEqual(findings(domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='1' cpuset='1'/>\n  </cputune>`), 'VT131'), []);
  const missing = domain(`  <cputune>\n    <vcpupin vcpu='9' cpuset='1'/>\n    <vcpupin vcpu='9' cpuset='2'/>\n  </cputune>`, { vcpus: 4 });
  assert.deepEqual(findings(missing, 'VT131'), []);
});
