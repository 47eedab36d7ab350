import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const cells = (count: number) =>
  `  <cpu>\n    <numa>\n${Array.from({ length: count }, (_, id) => `      <cell id='${id}' cpus='${id}' memory='1' unit='GiB'/>`).join('\n')}\n    </numa>\n  </cpu>`;
const pages = (...lines: string[]) => `  <memoryBacking>\n    <hugepages>\n${lines.map((line) => `      ${line}`).join('\n')}\n    </hugepages>\n  </memoryBacking>`;

test('VT124 flags a page nodeset naming a guest cell that does not exist', () => {
  const text = domain(pages(`<page size='1' unit='G' nodeset='0-2'/>`, `<page size='2' unit='M' nodeset='3-4'/>`) + '\n' + cells(4), {
    vcpus: 4,
    memoryKiB: 4194304,
  });
  const [finding, ...rest] = findings(text, 'VT124');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '3-4');
  assert.match(finding!.message, /Guest NUMA cell 4 does not exist: the guest defines cells 0-3/);
  assert.match(finding!.message, /not host nodes/);
});

test('VT124 flags a page nodeset beyond node 0 when the guest has no NUMA cells', () => {
  // libvirt 9.0: nodeset='1' -> "hugepages: node 1 not found"; nodeset='0-1' -> "hugepages: node 0 not found".
  for (const nodeset of ['1', '0-1']) {
    const text = domain(pages(`<page size='1' unit='G' nodeset='${nodeset}'/>`));
    const [finding] = findings(text, 'VT124');
    assert.equal(rangeText(text, finding!), nodeset);
    assert.match(finding!.message, /defines no NUMA cells/);
  }
});

test("VT124 is silent on nodeset='0' when the guest has no NUMA cells: libvirt clears it and the page serves all memory", () => {
  // `virsh define` on libvirt 9.0 accepts it and `dumpxml --inactive` shows the <page> without nodeset.
  assert.deepEqual(findings(domain(pages(`<page size='2' unit='M' nodeset='0'/>`)), 'VT124'), []);
});

test("VT124 is silent on the guide 9.3.10 pages with six guest cells, and on a page without nodeset", () => {
  const guide = pages(`<page size="1" unit="G" nodeset="0-3,5"/>`, `<page size="2" unit="M" nodeset="4"/>`);
  assert.deepEqual(findings(domain(guide + '\n' + cells(6), { vcpus: 6, memoryKiB: 6291456 }), 'VT124'), []);
  assert.deepEqual(findings(domain(pages(`<page size='2' unit='M'/>`)), 'VT124'), []);
});
