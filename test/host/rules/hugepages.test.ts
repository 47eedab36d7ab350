import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, rangeText } from '../../helpers';
import { fixtureHost, hostFindings } from '../hostFixtures';

const GiB = 1048576;
const backed = (pages: string, inner = '', memoryKiB = 4 * GiB) =>
  domain(`  <memoryBacking>\n    <hugepages>\n${pages}    </hugepages>\n  </memoryBacking>\n${inner}`, { memoryKiB });

test('VT153 flags a page size the host does not offer, naming the sizes it does', async () => {
  const host = await fixtureHost('one-node');
  const text = backed(`      <page size='1' unit='G'/>\n`);
  const [finding] = hostFindings(text, host, 'VT153');
  assert.equal(rangeText(text, finding!), '1');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /^The host has no 1 GiB huge pages: host offers 2 MiB\. /);
  assert.deepEqual(hostFindings(text, await fixtureHost('two-nodes'), 'VT153'), []);
});

test('VT153 leaves sizes that are no huge page on x86 to VT128', async () => {
  const text = backed(`      <page size='3' unit='M'/>\n`);
  const all = hostFindings(text, await fixtureHost('one-node'));
  assert.deepEqual(all.filter((finding) => finding.rule === 'VT153'), []);
  assert.equal(all.filter((finding) => finding.rule === 'VT128').length, 1);
});

test('VT154 flags more 1 GiB pages than the host has free', async () => {
  const host = await fixtureHost('two-nodes');
  const text = backed(`      <page size='1' unit='G'/>\n`, '', 8 * GiB);
  const [finding] = hostFindings(text, host, 'VT154');
  assert.equal(rangeText(text, finding!), '1');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /^The guest needs 8 huge pages of 1 GiB \(8 GiB\), but the host has 2 free \(node 0: 2 free of 4; node 1: 0 free of 0\)\./);
  assert.deepEqual(hostFindings(backed(`      <page size='1' unit='G'/>\n`, '', 2 * GiB), host, 'VT154'), []);
});

test("VT154 reads nodeset='0' on a guest without NUMA cells as libvirt does: the page serves all memory", async () => {
  const host = await fixtureHost('two-nodes');
  const text = backed(`      <page size='1' unit='G' nodeset='0'/>\n`, '', 8 * GiB);
  const [finding] = hostFindings(text, host, 'VT154');
  assert.equal(rangeText(text, finding!), '1');
  assert.match(finding!.message, /^The guest needs 8 huge pages of 1 GiB \(8 GiB\), but the host has 2 free/);
});

test('VT154 counts only the nodes a strict numatune allows', async () => {
  const host = await fixtureHost('two-nodes');
  // 400 MiB of 2 MiB pages = 200 pages: node 0 has 512 free, node 1 only 100.
  const onNode = (node: number, mode = 'strict') =>
    backed(`      <page size='2' unit='M'/>\n`, `  <numatune>\n    <memory mode='${mode}' nodeset='${node}'/>\n  </numatune>`, 409600);
  assert.deepEqual(hostFindings(onNode(0), host, 'VT154'), []);
  const [finding] = hostFindings(onNode(1), host, 'VT154');
  assert.match(finding!.message, /^The guest needs 200 huge pages of 2 MiB \(400 MiB\) on host node 1, but the host has 100 free there \(node 1: 100 free of 512\)/);
  assert.deepEqual(hostFindings(onNode(1, 'preferred'), host, 'VT154'), [], 'preferred may take pages elsewhere');
});

test('VT154 with guest cells: each cell takes its size from its pages and its nodes from its memnode', async () => {
  const host = await fixtureHost('two-nodes');
  const text = backed(
    `      <page size='1' unit='G' nodeset='0'/>\n      <page size='2' unit='M' nodeset='1'/>\n`,
    `  <numatune>\n    <memnode cellid='0' mode='strict' nodeset='0'/>\n    <memnode cellid='1' mode='strict' nodeset='1'/>\n  </numatune>\n` +
      `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='2' unit='GiB'/>\n      <cell id='1' cpus='2-3' memory='1' unit='GiB'/>\n    </numa>\n  </cpu>`,
    3 * GiB,
  );
  const found = hostFindings(text, host, 'VT154');
  assert.equal(found.length, 1, 'cell 0 fits in node 0 (2 free 1 GiB pages); cell 1 needs 512 2 MiB pages, node 1 has 100');
  assert.match(found[0]!.message, /needs 512 huge pages of 2 MiB \(1 GiB for guest cell 1\) on host node 1, but the host has 100 free there/);
});

test('VT154: a guest cell no <page> names, with no <page> for the rest, takes ordinary memory and no huge pages', async () => {
  const host = await fixtureHost('two-nodes');
  // Cell 1 would need 512 2 MiB pages on node 1 (100 free) if it fell back to the default size; libvirt gives it ordinary memory.
  const text = backed(
    `      <page size='1' unit='G' nodeset='0'/>\n`,
    `  <numatune>\n    <memnode cellid='0' mode='strict' nodeset='0'/>\n    <memnode cellid='1' mode='strict' nodeset='1'/>\n  </numatune>\n` +
      `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='2' unit='GiB'/>\n      <cell id='1' cpus='2-3' memory='1' unit='GiB'/>\n    </numa>\n  </cpu>`,
    3 * GiB,
  );
  assert.deepEqual(hostFindings(text, host, 'VT154'), []);
});

test('VT154 uses the host default size for <hugepages/> without pages, and totals from capabilities', async () => {
  const text = domain(`  <memoryBacking>\n    <hugepages/>\n  </memoryBacking>`, { memoryKiB: 8 * GiB });
  const [sysfs] = hostFindings(text, await fixtureHost('two-nodes'), 'VT154');
  assert.equal(rangeText(text, sysfs!), 'hugepages');
  assert.match(sysfs!.message, /needs 8 huge pages of 1 GiB/);
  const caps = backed(`      <page size='1' unit='G'/>\n`, '', 8 * GiB);
  const [fromCaps] = hostFindings(caps, await fixtureHost('capabilities-two-nodes.xml'), 'VT154');
  assert.match(fromCaps!.message, /but the host has 4 in all \(node 0: 4; node 1: 0\)/);
});

test('VT159 hints that <nosharepages/> changes nothing where KSM is stopped; silent where it runs or is unknown', async () => {
  const text = domain(`  <memoryBacking>\n    <nosharepages/>\n  </memoryBacking>`);
  const [finding] = hostFindings(text, await fixtureHost('one-node'), 'VT159');
  assert.equal(rangeText(text, finding!), 'nosharepages');
  assert.equal(finding!.severity, 'hint');
  assert.match(finding!.message, /KSM is not running on this host \(\/sys\/kernel\/mm\/ksm\/run is 0\)/);
  assert.deepEqual(hostFindings(text, await fixtureHost('two-nodes'), 'VT159'), []);
  assert.deepEqual(hostFindings(text, await fixtureHost('no-numa'), 'VT159'), []);
});

test('VT154 with a nodeset that also names an absent host node: says both, the pages too few and the node missing', async () => {
  const host = await fixtureHost('two-nodes');
  const text = backed(`      <page size='2' unit='M'/>\n`, `  <numatune>\n    <memory mode='strict' nodeset='1,5'/>\n  </numatune>`, 409600);
  const [finding] = hostFindings(text, host, 'VT154');
  assert.match(finding!.message, /^The guest needs 200 huge pages of 2 MiB \(400 MiB\) on host nodes 1,5, but the host has 100 free on node 1 \(node 1: 100 free of 512\), and it has no node 5\. /);
  assert.equal(hostFindings(text, host, 'VT152').length, 1, 'VT152 names the missing node too');
  const enough = backed(`      <page size='2' unit='M'/>\n`, `  <numatune>\n    <memory mode='strict' nodeset='0,5'/>\n  </numatune>`, 409600);
  assert.deepEqual(hostFindings(enough, host, 'VT154'), [], 'enough pages on the nodes that exist: VT152 alone speaks');
});
