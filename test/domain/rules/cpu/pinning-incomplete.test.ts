import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const pins = `    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='1' cpuset='5'/>`;

test('VT136 notes vCPU pinning without <numatune> and <emulatorpin>', () => {
  const text = domain(`  <cputune>\n${pins}\n  </cputune>`, { vcpus: 2 });
  const [finding, ...rest] = findings(text, 'VT136');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'information');
  assert.equal(rangeText(text, finding!), 'cputune');
  assert.match(finding!.message, /<numatune> and <emulatorpin> are not set/);
  assert.match(finding!.message, /guide \(9\.3\.2\)/);
});

test('VT136 names only what is missing', () => {
  const text = domain(`  <cputune>\n${pins}\n  </cputune>\n  <numatune>\n    <memory mode='strict' nodeset='1'/>\n  </numatune>`, { vcpus: 2 });
  const [finding] = findings(text, 'VT136');
  assert.match(finding!.message, /but <emulatorpin> is not set/);
});

test('VT136 is silent when all three are configured, or nothing is pinned', () => {
  const all = domain(
    `  <cputune>\n${pins}\n    <emulatorpin cpuset='0'/>\n  </cputune>\n  <numatune>\n    <memory mode='strict' nodeset='1'/>\n  </numatune>`,
    { vcpus: 2 },
  );
  assert.deepEqual(findings(all, 'VT136'), []);
  assert.deepEqual(findings(domain(`  <cputune>\n    <emulatorpin cpuset='0'/>\n  </cputune>`), 'VT136'), []);
});
