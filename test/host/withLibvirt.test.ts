import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLibvirt, type LibvirtAnswers } from '../../server/src/host/withLibvirt';
import { fixtureHost } from './hostFixtures';

const CAPABILITIES = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'libvirt', 'capabilities.xml'), 'utf8');

function answers(freePages: LibvirtAnswers['freePages']): LibvirtAnswers {
  return { source: 'qemu:///system', version: { libvirt: '9.0.0', hypervisor: { name: 'QEMU', version: '7.2.0' } }, capabilitiesXml: CAPABILITIES, domainCapabilities: [], freePages };
}

test('withLibvirt: each re-read host is decorated with the answers read once, and keeps its own facts', async () => {
  const same = answers([{ node: 0, sizeKiB: 2048, free: 7 }]);
  const first = await fixtureHost('two-nodes');
  const second = { ...(await fixtureHost('two-nodes')), meminfo: { MemFree: 1234 } };
  const a = withLibvirt(first, same)!;
  const b = withLibvirt(second, same)!;
  // The server's live host is read again every few seconds: the capabilities are not parsed again for it.
  assert.equal(a.libvirt, b.libvirt, 'one reading of the same answers');
  assert.ok(a.libvirt!.guests.length > 0, 'the guests are read from the capabilities');
  assert.deepEqual(b.meminfo, { MemFree: 1234 }, 'the later host keeps its own counters');
  assert.equal(a.fingerprint, withLibvirt(first, answers([{ node: 0, sizeKiB: 2048, free: 7 }]))!.fingerprint, 'the same as from answers read afresh');
  // Without a host, the one the capabilities describe; other answers are read on their own.
  const bare = withLibvirt(undefined, same)!;
  assert.equal(bare.source, 'capabilities qemu:///system');
  assert.ok(bare.cpus.length > 0);
  assert.notEqual(withLibvirt(first, answers(null))!.libvirt, a.libvirt);
});
