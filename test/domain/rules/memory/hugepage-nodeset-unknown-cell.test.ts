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

test('VT124 flags any page nodeset when the guest has no NUMA cells', () => {
  const text = domain(pages(`<page size='1' unit='G' nodeset='0'/>`));
  const [finding] = findings(text, 'VT124');
  assert.equal(rangeText(text, finding!), '0');
  assert.match(finding!.message, /defines no NUMA cells/);
});

test("VT124 is silent on the guide 9.3.10 pages with six guest cells, and on a page without nodeset", () => {
  const guide = pages(`<page size="1" unit="G" nodeset="0-3,5"/>`, `<page size="2" unit="M" nodeset="4"/>`);
  assert.deepEqual(findings(domain(guide + '\n' + cells(6), { vcpus: 6, memoryKiB: 6291456 }), 'VT124'), []);
  assert.deepEqual(findings(domain(pages(`<page size='2' unit='M'/>`)), 'VT124'), []);
});
