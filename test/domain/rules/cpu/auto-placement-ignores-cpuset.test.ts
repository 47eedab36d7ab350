import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const withVcpu = (vcpu: string) => domain('').replace(/<vcpu [^\n]*<\/vcpu>/, vcpu);

test("VT137 flags a cpuset next to placement='auto' and removes it", () => {
  const text = withVcpu(`<vcpu placement='auto' cpuset='0-7'>4</vcpu>`);
  const [finding, ...rest] = findings(text, 'VT137');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), `cpuset='0-7'`);
  assert.match(finding!.message, /ignores cpuset/);
  const [remove, toStatic] = finding!.fixes;
  assert.equal(remove!.isPreferred, true);
  const removed = applyFix(text, remove!);
  assert.ok(removed.includes(`<vcpu placement='auto'>4</vcpu>`));
  assert.deepEqual(findings(removed, 'VT137'), []);
  const staticPlacement = applyFix(text, toStatic!);
  assert.ok(staticPlacement.includes(`<vcpu placement='static' cpuset='0-7'>4</vcpu>`));
  assert.deepEqual(findings(staticPlacement, 'VT137'), []);
});

test('VT137 is silent for static placement with a cpuset and auto placement without one', () => {
  assert.deepEqual(findings(withVcpu(`<vcpu placement='static' cpuset='0-10,^5'>8</vcpu>`), 'VT137'), []);
  assert.deepEqual(findings(withVcpu(`<vcpu placement='auto'>8</vcpu>`), 'VT137'), []);
});
