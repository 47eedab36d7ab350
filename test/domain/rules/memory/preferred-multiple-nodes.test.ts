import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

test("VT125 flags mode='preferred' with several host nodes and offers to keep the first", () => {
  const text = domain(`  <numatune>\n    <memory mode='preferred' nodeset='1-2'/>\n  </numatune>`);
  const [finding, ...rest] = findings(text, 'VT125');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '1-2');
  assert.match(finding!.message, /host nodes 1-2/);
  assert.match(finding!.message, /libvirt before 9\.3 refuses/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.title, 'Prefer host node 1 only');
  const fixed = applyFix(text, fix);
  assert.ok(fixed.includes(`<memory mode='preferred' nodeset='1'/>`));
  assert.deepEqual(findings(fixed, 'VT125'), []);
});

test('VT125 checks preferred <memnode>s too', () => {
  const cells = `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-3' memory='4' unit='GiB'/>\n    </numa>\n  </cpu>`;
  const text = domain(`  <numatune>\n    <memnode cellid='0' mode='preferred' nodeset='0,2'/>\n  </numatune>\n${cells}`);
  const [finding] = findings(text, 'VT125');
  assert.equal(rangeText(text, finding!), '0,2');
});

test('VT125 is silent for one preferred node, strict sets, and automatic placement', () => {
  assert.deepEqual(findings(domain(`  <numatune>\n    <memory mode='preferred' nodeset='0'/>\n  </numatune>`), 'VT125'), []);
  assert.deepEqual(findings(domain(`  <numatune>\n    <memory mode='strict' nodeset='0-3'/>\n  </numatune>`), 'VT125'), []);
  assert.deepEqual(findings(domain(`  <numatune>\n    <memory mode='interleave' nodeset='0-3'/>\n  </numatune>`), 'VT125'), []);
  // With placement='auto' libvirt drops the nodeset and asks numad.
  assert.deepEqual(findings(domain(`  <numatune>\n    <memory mode='preferred' placement='auto' nodeset='0-3'/>\n  </numatune>`), 'VT125'), []);
});
