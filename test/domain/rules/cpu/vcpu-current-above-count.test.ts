import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const withVcpu = (vcpu: string) => domain('').replace(/<vcpu [^\n]*<\/vcpu>/, vcpu);

test('VT132 flags current above the vCPU count and offers both corrections', () => {
  const text = withVcpu(`<vcpu placement='static' current='8'>4</vcpu>`);
  const [finding, ...rest] = findings(text, 'VT132');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '8');
  assert.match(finding!.message, /current='8' is above the guest's 4 vCPUs/);
  const [lower, raise] = finding!.fixes;
  assert.equal(lower!.title, 'Lower current to 4');
  assert.equal(raise!.title, 'Raise the vCPU count to 8');
  assert.ok(!finding!.fixes.some((fix) => fix.isPreferred));
  const lowered = applyFix(text, lower!);
  assert.ok(lowered.includes(`<vcpu placement='static' current='4'>4</vcpu>`));
  assert.deepEqual(findings(lowered, 'VT132'), []);
  const raised = applyFix(text, raise!);
  assert.ok(raised.includes(`<vcpu placement='static' current='8'>8</vcpu>`));
  assert.deepEqual(findings(raised, 'VT132'), []);
});

test('VT132 is silent when current is at most the count (the guide 9.3.3 example)', () => {
  assert.deepEqual(findings(withVcpu(`<vcpu placement='auto' current='8'>32</vcpu>`), 'VT132'), []);
  assert.deepEqual(findings(withVcpu(`<vcpu current='4'>4</vcpu>`), 'VT132'), []);
});
