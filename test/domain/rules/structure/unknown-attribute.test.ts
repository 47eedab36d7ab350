import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const STRUCTURE = /^VT10[1-7]$/;
const structural = (text: string) => findings(text).filter((finding) => STRUCTURE.test(finding.rule));

test("VT103 flags a misspelt attribute, suggests the known one and renames it (and VT107 does not call it missing)", () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuseet='1'/>\n  </cputune>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT103');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /'cpuseet' on <vcpupin>/);
  assert.match(finding!.message, /Did you mean 'cpuset'\?/);
  assert.equal(rangeText(text, finding!), 'cpuseet');
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('cpuseet=', 'cpuset='));
  assert.deepEqual(structural(fixed), []);
});

test('VT103 flags a misspelt disk driver attribute', () => {
  const text = domain(`  <devices>\n    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw' cahce='none'/>\n      <source file='/var/lib/libvirt/images/guest.img'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n  </devices>`);
  const [finding, ...rest] = findings(text, 'VT103');
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /Did you mean 'cache'\?/);
  assert.equal(rangeText(text, finding!), 'cahce');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`<driver name='qemu' type='raw' cache='none'/>`));
  assert.deepEqual(findings(fixed, 'VT103'), []);
});

test('VT103 takes an unknown attribute for the one required attribute that is missing', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='1' cpu='3'/>\n  </cputune>`);
  const found = findings(text).filter((finding) => /^VT10[1-7]$/.test(finding.rule));
  assert.equal(found.length, 1, 'one mistake, one finding: VT107 does not call cpuset missing too');
  assert.equal(found[0]!.rule, 'VT103');
  assert.match(found[0]!.message, /Did you mean 'cpuset'\?/);
  assert.equal(rangeText(text, found[0]!), 'cpu');
  const fixed = applyFix(text, found[0]!.fixes[0]!);
  assert.ok(fixed.includes(`<vcpupin vcpu='1' cpuset='3'/>`));
});

test('VT103 without a close name lists what the element takes', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1' cpus='2'/>\n  </cputune>`);
  const [finding] = findings(text, 'VT103');
  assert.match(finding!.message, /'cpus'/);
  assert.match(finding!.message, /It takes 'vcpu' and 'cpuset'/);
  assert.deepEqual(finding!.fixes, [], "renaming to an attribute already there would only make a duplicate");
});

test('VT103 ignores namespace declarations and namespaced attributes', () => {
  const text = domain(`  <cputune>\n    <vcpupin xmlns:my='urn:example' my:note='x' vcpu='0' cpuset='1'/>\n  </cputune>`);
  assert.deepEqual(findings(text, 'VT103'), []);
});

test('VT103 leaves an attribute still being typed to VT100', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1' emul/>\n  </cputune>`);
  assert.equal(findings(text, 'VT100').length, 1);
  assert.deepEqual(findings(text, 'VT103'), []);
});
