import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const numa = (...cells: string[]) => `  <cpu>\n    <numa>\n${cells.map((cell) => `      ${cell}`).join('\n')}\n    </numa>\n  </cpu>`;

test('VT134 warns about vCPUs in no cell: libvirt adds them to cell 0', () => {
  const text = domain(numa(`<cell id='0' cpus='0-1' memory='2' unit='GiB'/>`, `<cell id='1' cpus='2-3' memory='2' unit='GiB'/>`), { vcpus: 6 });
  const [finding, ...rest] = findings(text, 'VT134');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), 'numa');
  assert.match(finding!.message, /vCPUs 4-5 are in no NUMA cell: libvirt adds them to cell 0/);
});

test('VT134 is an error for cell cpus beyond the vCPU count', () => {
  const text = domain(numa(`<cell id='0' cpus='0-3' memory='2' unit='GiB'/>`, `<cell id='1' cpus='4-7' memory='2' unit='GiB'/>`), { vcpus: 4 });
  const [finding, ...rest] = findings(text, 'VT134');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '4-7');
  assert.match(finding!.message, /Cell 1 lists vCPUs 4-7, but the guest has 4 vCPUs \(0-3\)/);
});

test('VT134 is silent when the cells hold exactly the vCPUs, memory-only cells included', () => {
  const text = domain(numa(`<cell id='0' cpus='0-3' memory='2' unit='GiB'/>`, `<cell id='1' memory='2' unit='GiB'/>`), { vcpus: 4 });
  assert.deepEqual(findings(text, 'VT134'), []);
});
