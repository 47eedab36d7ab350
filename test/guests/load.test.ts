import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { guestLabel } from '../../server/src/guests/load';
import { folderGuests, GUEST_FOLDER } from './guestFixtures';

test('a folder of domain files gives its well-formed domains, autostart from the autostart/ links', async () => {
  const guests = await folderGuests();
  assert.deepEqual(
    guests.map((guest) => [guest.name, guest.autostart, guest.running]),
    [['batch01', false, false], ['db01', true, false], ['web01', true, false]],
  );
  assert.deepEqual(guests[0]!.origin, { kind: 'file', path: join(GUEST_FOLDER, 'batch01.xml') });
  assert.equal(guestLabel(guests[1]!), "'db01' (db01.xml, autostart)");
  assert.equal(guestLabel({ ...guests[1]!, origin: { kind: 'libvirt', uri: 'qemu:///system' }, running: true }), "'db01' (libvirt qemu:///system, running)");
});
