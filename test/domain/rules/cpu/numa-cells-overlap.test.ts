import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const numa = (...cells: string[]) => `  <cpu>\n    <numa>\n${cells.map((cell) => `      ${cell}`).join('\n')}\n    </numa>\n  </cpu>`;

test('VT133 flags cells that share vCPUs, naming the vCPUs and both cells', () => {
  const text = domain(numa(`<cell id='0' cpus='0-2' memory='2' unit='GiB'/>`, `<cell id='1' cpus='2-3' memory='2' unit='GiB'/>`));
  const [finding, ...rest] = findings(text, 'VT133');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '2-3');
  assert.match(finding!.message, /vCPU 2 is in cell 1 and also in cell 0 \(line 7\)/);
});

test('VT133 is silent for disjoint cells', () => {
  const text = domain(numa(`<cell id='0' cpus='0,2' memory='2' unit='GiB'/>`, `<cell id='1' cpus='1,3' memory='2' unit='GiB'/>`));
  assert.deepEqual(findings(text, 'VT133'), []);
});
