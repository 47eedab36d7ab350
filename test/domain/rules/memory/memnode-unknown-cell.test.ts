import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const cells = `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='2' unit='GiB'/>\n      <cell id='1' cpus='2-3' memory='2' unit='GiB'/>\n    </numa>\n  </cpu>`;

test('VT126 flags a memnode for a guest cell that does not exist', () => {
  const text = domain(`  <numatune>\n    <memnode cellid='0' mode='strict' nodeset='0'/>\n    <memnode cellid='2' mode='strict' nodeset='1'/>\n  </numatune>\n${cells}`);
  const [finding, ...rest] = findings(text, 'VT126');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '2');
  assert.match(finding!.message, /Guest NUMA cell 2 does not exist: the guest defines cells 0-1/);
});

test('VT126 flags a memnode when the guest has no NUMA cells', () => {
  const text = domain(`  <numatune>\n    <memnode cellid='0' mode='strict' nodeset='0'/>\n  </numatune>`);
  const [finding] = findings(text, 'VT126');
  assert.match(finding!.message, /defines no cells/);
});

test('VT126 is silent for memnodes of existing cells', () => {
  const text = domain(`  <numatune>\n    <memnode cellid='1' mode='strict' nodeset='0'/>\n  </numatune>\n${cells}`);
  assert.deepEqual(findings(text, 'VT126'), []);
});
