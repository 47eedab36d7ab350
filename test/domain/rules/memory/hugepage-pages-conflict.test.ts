import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const cells = `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='2' unit='GiB'/>\n      <cell id='1' cpus='2-3' memory='2' unit='GiB'/>\n    </numa>\n  </cpu>`;
const pages = (...lines: string[]) => `  <memoryBacking>\n    <hugepages>\n${lines.map((line) => `      ${line}`).join('\n')}\n    </hugepages>\n  </memoryBacking>`;

test('VT127 flags a second page size without nodeset', () => {
  const text = domain(pages(`<page size='2' unit='M'/>`, `<page size='1' unit='G'/>`));
  const [finding, ...rest] = findings(text, 'VT127');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), `<page size='1' unit='G'/>`);
  assert.match(finding!.message, /second <page> without nodeset \(the first is on line 7\)/);
});

test("VT127 counts nodeset='0' on a guest without NUMA cells as a page without nodeset, as libvirt clears it", () => {
  // libvirt 9.0 refuses this with "two master hugepages detected: 1048576 and 2048".
  const text = domain(pages(`<page size='2' unit='M'/>`, `<page size='1' unit='G' nodeset='0'/>`));
  const [finding, ...rest] = findings(text, 'VT127');
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, finding!), `<page size='1' unit='G' nodeset='0'/>`);
  assert.match(finding!.message, /^A second <page> for all memory: the guest has no NUMA cells, so libvirt clears this nodeset='0' \(the first is on line \d+\)/);
  const reversed = domain(pages(`<page size='1' unit='G' nodeset='0'/>`, `<page size='2' unit='M'/>`));
  assert.match(findings(reversed, 'VT127')[0]!.message, /^A second <page> without nodeset \(the first is on line \d+, whose nodeset='0' libvirt clears likewise\)/);
  assert.deepEqual(findings(domain(pages(`<page size='2' unit='M'/>`, `<page size='1' unit='G' nodeset='0'/>`) + '\n' + cells, { vcpus: 4, memoryKiB: 4194304 }), 'VT127'), []);
});

test('VT127 flags page nodesets that share a guest cell', () => {
  const text = domain(pages(`<page size='1' unit='G' nodeset='0-1'/>`, `<page size='2' unit='M' nodeset='1'/>`) + '\n' + cells);
  const [finding] = findings(text, 'VT127');
  assert.equal(rangeText(text, finding!), '1');
  assert.match(finding!.message, /Guest NUMA cell 1 already gets 1 GiB pages from the <page> on line 7/);
});

test('VT127 is silent for one default size plus sizes for disjoint cells', () => {
  const text = domain(pages(`<page size='1' unit='G'/>`, `<page size='2' unit='M' nodeset='1'/>`) + '\n' + cells);
  assert.deepEqual(findings(text, 'VT127'), []);
});
