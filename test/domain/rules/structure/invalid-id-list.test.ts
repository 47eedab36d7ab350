import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const pin = (cpuset: string) => domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='${cpuset}'/>\n  </cputune>`);

test('VT106 points at the bad entry inside a cpuset', () => {
  const text = pin('1-4,^2-3');
  const [finding, ...rest] = findings(text, 'VT106');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /CPU list cpuset='1-4,\^2-3' on <vcpupin>/);
  assert.match(finding!.message, /excludes single ids only/);
  assert.equal(rangeText(text, finding!), '^2-3');
});

test('VT106 swaps a reversed range', () => {
  const text = pin('0,7-4');
  const [finding] = findings(text, 'VT106');
  assert.equal(rangeText(text, finding!), '7-4');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, pin('0,4-7'));
  assert.deepEqual(findings(fixed, 'VT106'), []);
});

test('VT106 underlines the comma of an empty entry in a nodeset, and the quotes of an empty list', () => {
  const text = domain(`  <numatune>\n    <memory mode='strict' nodeset='0,,1'/>\n  </numatune>`);
  const [finding] = findings(text, 'VT106');
  assert.match(finding!.message, /NUMA node list/);
  assert.equal(rangeText(text, finding!), ',');

  const empty = pin('');
  const [emptyFinding] = findings(empty, 'VT106');
  assert.equal(rangeText(empty, emptyFinding!), "''");
});

test('VT106 reports the whole value when entities shift the offsets', () => {
  const text = pin('0&#44;x');
  const [finding, ...rest] = findings(text, 'VT106');
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, finding!), '0&#44;x');
});

test('VT106 is silent on valid lists', () => {
  assert.deepEqual(findings(pin('1-4,^2'), 'VT106'), []);
  assert.deepEqual(findings(domain('').replace("placement='static'", "placement='static' cpuset='0-10,^5'"), 'VT106'), []);
  assert.deepEqual(findings(domain(`  <numatune>\n    <memory mode='strict' nodeset='0,2-3'/>\n  </numatune>`), 'VT106'), []);
});
