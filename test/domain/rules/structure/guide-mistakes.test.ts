import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

/**
 * The guide's own examples with a structural mistake: each mistake gives exactly one structural
 * finding (VT101-VT107), on the line of the mistake, and nothing else in the example is flagged.
 */
const STRUCTURE = /^VT10[1-7]$/;
const structural = (text: string) => findings(text).filter((finding) => STRUCTURE.test(finding.rule));
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length - 1;

test('guide 9.3.4: each <vcupin> gives one finding, on its own line', () => {
  const block = `<cputune>
    <vcupin vcpu="0" cpuset="1-4,^2"/>
    <vcupin vcpu="1" cpuset="0,1"/>
</cputune>`;
  const text = domain(block);
  const found = structural(text);
  assert.equal(found.length, 2);
  const first = text.indexOf('<vcupin');
  const second = text.indexOf('<vcupin', first + 1);
  assert.deepEqual(found.map((finding) => finding.range.start.line), [lineOf(text, '<vcupin'), lineOf(text, '<vcupin', second)]);
  for (const finding of found) {
    assert.equal(finding.rule, 'VT101');
    assert.equal(rangeText(text, finding), 'vcupin');
    assert.match(finding.message, /did you mean <vcpupin>\?/i);
  }
});

test('guide 9.3.2: the <cpuset> wrapper of eight pins gives one finding, on its line', () => {
  const text = `<domain type='kvm'>
  <name>guest</name>
  <memory unit='KiB'>4194304</memory>
<vcpu cpuset='0-7'>8</vcpu>
  <cpuset>
    <vcpupin vcpu='0' cpuset='0' />
    <vcpupin vcpu='1' cpuset='1' />
    <vcpupin vcpu='2' cpuset='2' />
    <vcpupin vcpu='3' cpuset='3' />
    <vcpupin vcpu='4' cpuset='4' />
    <vcpupin vcpu='5' cpuset='5' />
    <vcpupin vcpu='6' cpuset='6' />
    <vcpupin vcpu='7' cpuset='7' />
  </cpuset>
  <os>
    <type arch='x86_64' machine='pc-q35-rhel7.6.0'>hvm</type>
  </os>
</domain>
`;
  const found = structural(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.rule, 'VT101');
  assert.equal(found[0]!.range.start.line, lineOf(text, '<cpuset>'));
  assert.equal(rangeText(text, found[0]!), 'cpuset');
});

test('guide 9.3.5: the <cpuset> wrapper of <emulatorpin> gives one finding, on its line', () => {
  const text = domain(`<cpuset>
    <emulatorpin cpuset="1-3"/>
</cpuset>`);
  const found = structural(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.range.start.line, lineOf(text, '<cpuset>'));
});
