import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../helpers';

test('VT100 flags the self-closed <hugepages/> with children and fixes it by removing the slash', () => {
  const text = domain(`  <memoryBacking>\n    <hugepages/>\n      <page size="1" unit="G"/>\n    </hugepages>\n  </memoryBacking>`);
  const [finding, ...rest] = findings(text, 'VT100');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '/>');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes('<hugepages>\n      <page'));
  assert.deepEqual(findings(fixed, 'VT100'), []);
});

test('VT100 flags the unclosed <memory> and fixes it by self-closing it', () => {
  const text = domain(`  <numatune>\n    <memory mode='preferred' nodeset='0'>\n  </numatune>`);
  const [finding] = findings(text, 'VT100');
  assert.equal(rangeText(text, finding!), 'memory');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`<memory mode='preferred' nodeset='0' />`));
  assert.deepEqual(findings(fixed, 'VT100'), []);
});

test('VT100 is silent on a well-formed domain', () => {
  assert.deepEqual(findings(domain('  <cputune>\n    <vcpupin vcpu="0" cpuset="1"/>\n  </cputune>'), 'VT100'), []);
});

test('XML whose root is not <domain> gets no findings', () => {
  assert.deepEqual(findings(`<network><name>x</name>`), []);
});
