import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identityChange, locateRefusal } from '../../server/src/libvirtDomains/identity';

const DOMAIN = `<domain type='qemu'>
  <name>vt-guests-a</name>
  <uuid>5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716</uuid>
  <memory unit='KiB'>131072</memory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
  </os>
  <devices>
  </devices>
</domain>
`;

test('a changed <name> or <uuid> is refused before libvirt is asked, as virsh edit refuses it', () => {
  assert.equal(identityChange(DOMAIN, DOMAIN.replace('<vcpu placement=\'static\'>2', '<vcpu placement=\'static\'>1')), undefined);
  assert.match(identityChange(DOMAIN, DOMAIN.replace('vt-guests-a', 'vt-guests-b'))!, /^The <name> changed from 'vt-guests-a' to 'vt-guests-b'/);
  assert.match(identityChange(DOMAIN, DOMAIN.replace('5e4d3c2b', '00000000'))!, /^The <uuid> changed from 5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716 to 00000000-/);
  assert.match(identityChange(DOMAIN, DOMAIN.replace(/ *<uuid>.*\n/, ''))!, /^The <uuid> changed .* to \(none\)/);
  assert.equal(identityChange(DOMAIN, DOMAIN.replace('5e4d3c2b', '5E4D3C2B')), undefined, 'libvirt reads uuids without regard to case');
});

test('libvirt\'s refusal is placed at the element it names, when it names one', () => {
  // libvirt 9.0's words for a misplaced <devices> (virsh define --validate, here).
  const message = 'XML document failed to validate against schema: Unable to validate doc against /usr/share/libvirt/schemas/domain.rng\nExtra element devices in interleave\nElement domain failed to validate content';
  assert.deepEqual(locateRefusal(message, DOMAIN), { line: 8, character: 3, length: 7 });
  assert.deepEqual(locateRefusal("The <name> changed from 'a' to 'b'", DOMAIN), { line: 1, character: 3, length: 4 });
  assert.equal(locateRefusal('unsupported configuration: the machine is not supported', DOMAIN), undefined);
});
