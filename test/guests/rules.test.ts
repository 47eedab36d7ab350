import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, rangeText } from '../helpers';
import { fixtureHost } from '../host/hostFixtures';
import { folderGuests, guestFindings, withState } from './guestFixtures';

const MiB = 1024;
const GiB = 1048576;

test('VT110 flags a pin on a host CPU that an autostart guest pins too, naming it and its file', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await folderGuests();
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='4-5'/>\n    <emulatorpin cpuset='6'/>\n  </cputune>`);
  const found = guestFindings(text, host, guests, 'VT110');
  assert.equal(found.length, 2);
  assert.equal(rangeText(text, found[0]!), '4-5');
  assert.equal(found[0]!.severity, 'warning');
  assert.match(found[0]!.message, /^<vcpupin vcpu='0'> shares host CPU 4 with guest 'web01' \(web01\.xml, autostart\) \(<vcpupin vcpu='1'>\)\./);
  assert.match(found[1]!.message, /^<emulatorpin> shares host CPU 6 with guest 'web01' \(web01\.xml, autostart\) \(<emulatorpin>\)/);
});

test('VT110 leaves pins shared with a guest that neither runs nor starts with the host, and is silent without guests', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await folderGuests();
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='10'/>\n  </cputune>`);
  assert.deepEqual(guestFindings(text, host, guests, 'VT110'), [], 'batch01 pins CPU 10 but is not autostart');
  assert.equal(guestFindings(text, host, withState(guests, { batch01: { running: true } }), 'VT110').length, 1, 'once it runs it counts');
  assert.deepEqual(guestFindings(text, host, [], 'VT110'), []);
});

test('VT110 does not compare a guest with its own file or its own libvirt definition', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await folderGuests();
  const web01 = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='2'/>\n  </cputune>`).replace('<name>guest</name>', '<name>web01</name>');
  assert.deepEqual(guestFindings(web01, host, guests, 'VT110'), []);
});

const pages = (memoryKiB: number, inner = '') => domain(`  <memoryBacking>\n    <hugepages>\n      <page size='2' unit='M'/>\n    </hugepages>\n  </memoryBacking>\n${inner}`, { memoryKiB });

test('VT111 flags huge pages that fit alone but not beside the guests that start with the host', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await folderGuests();
  // The host has 612 free 2 MiB pages; web01 (autostart) asks for 300; this guest for 350.
  const text = pages(700 * MiB);
  const [finding] = guestFindings(text, host, guests, 'VT111');
  assert.equal(rangeText(text, finding!), '2');
  assert.match(finding!.message, /^With the guests that can run beside it, 650 huge pages of 2 MiB are asked for \(this guest 350; 'web01' \(web01\.xml, autostart\) 300\), but the host holds 612 \(612 free\)\./);
  assert.deepEqual(guestFindings(pages(400 * MiB), host, guests, 'VT111'), [], '500 of 612');
});

test('VT111 counts the pages a running guest already holds as the host\'s', async () => {
  const host = await fixtureHost('two-nodes');
  const running = withState(await folderGuests(), { web01: { running: true } });
  assert.deepEqual(guestFindings(pages(700 * MiB), host, running, 'VT111'), [], '612 free + 300 held by web01 = 912 for 650');
});

const strict = (node: number, memoryKiB: number) => domain(`  <numatune>\n    <memory mode='strict' nodeset='${node}'/>\n  </numatune>`, { memoryKiB });

test('VT112 flags guests bound strictly to a node that add up to more than it holds', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await folderGuests();
  const text = strict(1, 8 * GiB);
  const [finding] = guestFindings(text, host, guests, 'VT112');
  assert.equal(rangeText(text, finding!), '1');
  assert.match(finding!.message, /^Guests bound strictly to host node 1 add up to 36 GiB \(this guest 8 GiB; 'db01' \(db01\.xml, autostart\) 28 GiB\), more than the 32 GiB the node holds\./);
  assert.deepEqual(guestFindings(strict(0, 8 * GiB), host, guests, 'VT112'), [], 'node 0: 8 GiB + 600 MiB of 32 GiB');
  assert.deepEqual(
    guestFindings(domain(`  <numatune>\n    <memory mode='preferred' nodeset='1'/>\n  </numatune>`, { memoryKiB: 8 * GiB }), host, guests, 'VT112'),
    [],
    'preferred may spill to other nodes',
  );
});

const noshare = domain(`  <memoryBacking>\n    <nosharepages/>\n  </memoryBacking>`);

test('VT113 flags KSM running while every guest that can run opts out', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await folderGuests();
  const [finding] = guestFindings(noshare, host, guests, 'VT113');
  assert.equal(rangeText(noshare, finding!), 'nosharepages');
  assert.equal(finding!.severity, 'hint');
  assert.match(finding!.message, /every other that can run \('db01' \(db01\.xml, autostart\), 'web01' \(web01\.xml, autostart\)\)/);
  assert.deepEqual(guestFindings(noshare, host, withState(guests, { batch01: { autostart: true } }), 'VT113'), [], 'batch01 shares its pages');
  assert.deepEqual(guestFindings(domain(''), host, guests, 'VT113'), [], 'this guest shares its pages');
});

test('VT114 flags the vCPUs of the running guests and this one beyond the host CPUs', async () => {
  const host = await fixtureHost('two-nodes');
  const running = withState(await folderGuests(), { web01: { running: true }, db01: { running: true } });
  const text = domain('', { vcpus: 6 });
  const [finding] = guestFindings(text, host, running, 'VT114');
  assert.equal(rangeText(text, finding!), '6');
  assert.equal(finding!.severity, 'information');
  assert.match(finding!.message, /^With the guests running now \('db01' \(db01\.xml, running\) 8; 'web01' \(web01\.xml, running\) 4\), this guest's 6 vCPUs make 18, more than the host's 16 online CPUs/);
  assert.deepEqual(guestFindings(domain('', { vcpus: 4 }), host, running, 'VT114'), [], '16 of 16');
  assert.deepEqual(guestFindings(text, host, await folderGuests(), 'VT114'), [], 'autostart guests do not run now');
});
