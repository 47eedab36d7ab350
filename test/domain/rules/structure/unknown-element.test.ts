import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const STRUCTURE = /^VT10[1-7]$/;
const structural = (text: string) => findings(text).filter((finding) => STRUCTURE.test(finding.rule));

test('VT101 flags a misspelt child of <cputune>, suggests <vcpupin> and renames it', () => {
  const text = domain(`  <cputune>\n    <vcupin vcpu="0" cpuset="1-4,^2"/>\n  </cputune>`);
  const [finding, ...rest] = findings(text, 'VT101');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /<vcupin>/);
  assert.match(finding!.message, /did you mean <vcpupin>\?/i);
  assert.equal(rangeText(text, finding!), 'vcupin');
  assert.equal(finding!.fixes.length, 1);
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('<vcupin ', '<vcpupin '));
  assert.deepEqual(structural(fixed), []);
});

test('VT101 renames both the start and the end tag', () => {
  const text = domain(`  <cputune>\n    <emulatrpin cpuset="1-3"></emulatrpin>\n  </cputune>`);
  const [finding] = findings(text, 'VT101');
  assert.match(finding!.message, /did you mean <emulatorpin>\?/i);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes('<emulatorpin cpuset="1-3"></emulatorpin>'));
  assert.deepEqual(findings(fixed, 'VT101'), []);
});

test('VT101 without a close name lists what the parent may hold and offers no rename', () => {
  const text = domain(`  <cputune>\n    <pinning vcpu="0" cpuset="1"/>\n  </cputune>`);
  const [finding, ...rest] = findings(text, 'VT101');
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /<cputune> may hold .*<vcpupin>/);
  assert.equal(rangeText(text, finding!), 'pinning');
  assert.deepEqual(finding!.fixes, []);
});

test("VT101 names the guide's <cpuset> wrapper and renames it to <cputune>", () => {
  const text = domain(`  <cpuset>\n    <vcpupin vcpu='0' cpuset='0'/>\n    <emulatorpin cpuset='1-3'/>\n  </cpuset>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0, 'the pins inside the wrapper are not reported again');
  assert.equal(finding!.rule, 'VT101');
  assert.match(finding!.message, /<cputune>/);
  assert.match(finding!.message, /guide/i);
  assert.equal(rangeText(text, finding!), 'cpuset');
  assert.equal(finding!.fixes.length, 1);
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('<cpuset>', '<cputune>').replace('</cpuset>', '</cputune>'));
  assert.deepEqual(structural(fixed), []);
});

test('VT101 offers no rename of the <cpuset> wrapper when the domain already has a <cputune>', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n  </cputune>\n  <cpuset>\n    <emulatorpin cpuset='1-3'/>\n  </cpuset>`);
  const [finding, ...rest] = findings(text, 'VT101');
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /already has a <cputune>/);
  assert.deepEqual(finding!.fixes, []);
});

test('VT101 reports an unknown element once, not its children', () => {
  const text = domain(`  <cputune>\n    <pinning>\n      <vcpupin vcpu='0' cpuset='0'/>\n      <bogus/>\n    </pinning>\n  </cputune>`);
  const found = structural(text);
  assert.equal(found.length, 1);
  assert.equal(rangeText(text, found[0]!), 'pinning');
});

test('VT101 is silent on known elements and on elements of other namespaces', () => {
  const clean = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    <emulatorpin cpuset='1-3'/>\n  </cputune>`);
  assert.deepEqual(findings(clean, 'VT101'), []);
  const qemu = domain(`  <qemu:commandline>\n    <qemu:arg value='-newarg'/>\n  </qemu:commandline>`).replace(
    "<domain type='kvm'>",
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>",
  );
  assert.deepEqual(structural(qemu), []);
  const ownNamespace = domain(`  <commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'>\n    <arg value='-newarg'/>\n  </commandline>`);
  assert.deepEqual(structural(ownNamespace), []);
});

test('VT101 waits for a start tag still being typed (VT100 reports it)', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    <vcu\n  </cputune>`);
  assert.ok(findings(text, 'VT100').length > 0);
  assert.deepEqual(structural(text), []);
});
