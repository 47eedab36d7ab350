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

test('VT130 can also raise <vcpu> to cover every pin, as its message offers; one fix serves all the pins', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='4' cpuset='2'/>\n    <vcpupin vcpu='5' cpuset='3'/>\n  </cputune>`, { vcpus: 4 });
  const all = findings(text, 'VT130');
  assert.equal(all.length, 2);
  for (const finding of all) {
    assert.deepEqual(finding.fixes.map((fix) => fix.title), [`Remove the pin of vCPU ${rangeText(text, finding)}`, 'Raise <vcpu> from 4 to 6']);
  }
  const raised = applyFix(text, all[0]!.fixes[1]!);
  assert.equal(raised, text.replace("<vcpu placement='static'>4</vcpu>", "<vcpu placement='static'>6</vcpu>"));
  assert.deepEqual(findings(raised, 'VT130'), []);
});

test('VT130 does not offer to raise <vcpu> where more than the count would have to change', () => {
  const pins = `  <cputune>\n    <vcpupin vcpu='4' cpuset='2'/>\n  </cputune>`;
  const raises = (text: string) => findings(text, 'VT130').flatMap((finding) => finding.fixes).some((fix) => fix.title.startsWith('Raise'));
  assert.ok(raises(domain(pins, { vcpus: 4 })));
  assert.ok(!raises(domain(`${pins}\n  <cpu>\n    <topology sockets='1' cores='2' threads='2'/>\n  </cpu>`, { vcpus: 4 })), 'a topology must multiply to the count');
  assert.ok(!raises(domain(`${pins}\n  <cpu>\n    <numa>\n      <cell id='0' cpus='0-3' memory='4194304'/>\n    </numa>\n  </cpu>`, { vcpus: 4 })), 'NUMA cells must hold every vCPU');
  assert.ok(!raises(domain(pins).replace(/ {2}<vcpu [^\n]*\n/, '')), 'no <vcpu> to raise');
});
