import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const STRUCTURE = /^VT10[1-7]$/;
const structural = (text: string) => findings(text).filter((finding) => STRUCTURE.test(finding.rule));

test('VT102 flags <vcpupin> directly under <domain> and names <cputune>', () => {
  const text = domain(`  <vcpupin vcpu='0' cpuset='1'/>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT102');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /does not belong inside <domain>/);
  assert.match(finding!.message, /<cputune>/);
  assert.equal(rangeText(text, finding!), 'vcpupin');
  assert.deepEqual(finding!.fixes, []);
});

test('VT102 flags <hugepages> under <memtune> and names <memoryBacking>, nothing inside it', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n    <hugepages>\n      <page size='1' unit='GiB' nodeset='x'/>\n    </hugepages>\n  </memtune>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT102');
  assert.match(finding!.message, /<hugepages> does not belong inside <memtune>.*<memoryBacking>/);
  assert.equal(rangeText(text, finding!), 'hugepages');
});

test('VT102 is silent where the elements belong', () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n  </cputune>\n  <memoryBacking>\n    <hugepages>\n      <page size='1' unit='GiB' nodeset='0'/>\n    </hugepages>\n  </memoryBacking>`);
  assert.deepEqual(findings(text, 'VT102'), []);
});

test("VT102 leaves the guide's self-closed <hugepages/> (9.3.10) to VT100", () => {
  const text = domain(`  <memoryBacking>\n    <hugepages/>\n      <page size="1" unit="G" nodeset="0-3,5"/>\n      <page size="2" unit="M" nodeset="4"/>\n    </hugepages>\n  </memoryBacking>`);
  assert.equal(findings(text, 'VT100').length, 1);
  assert.deepEqual(structural(text), []);
});

test('VT102 leaves the siblings swallowed by an unclosed element to VT100', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n  </cputune>`);
  assert.equal(findings(text, 'VT100').length, 1);
  assert.deepEqual(structural(text), []);
});
