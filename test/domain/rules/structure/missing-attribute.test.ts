import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

test('VT107 flags a <vcpupin> without cpuset, on its name, without a fix', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0'/>\n  </cputune>`);
  const [finding, ...rest] = findings(text, 'VT107');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /<vcpupin> needs 'cpuset'/);
  assert.equal(rangeText(text, finding!), 'vcpupin');
  assert.deepEqual(finding!.fixes, []);
});

test('VT107 names every missing attribute in one finding', () => {
  const text = domain(`  <cputune>\n    <vcpupin/>\n  </cputune>`);
  const [finding, ...rest] = findings(text, 'VT107');
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /needs 'vcpu' and 'cpuset'/);
});

test('VT107 is silent when the attributes are there, and on a start tag still being typed', () => {
  assert.deepEqual(findings(domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n  </cputune>`), 'VT107'), []);
  const typing = domain(`  <cputune>\n    <vcpupin vcpu='0'\n  </cputune>`);
  assert.ok(findings(typing, 'VT100').length > 0);
  assert.deepEqual(findings(typing, 'VT107'), []);
});
