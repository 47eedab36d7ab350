import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

const withVcpus = (list: string) => guest(`  <vcpus>${list}</vcpus>`, { vcpus: 2 });

// Each case as libvirt 9.0 answered `virsh define` of it here (docs/rules/VT402.md).
test('VT402 flags a vCPU both offline and not hotpluggable, vCPU 0 offline or hotpluggable, and an id beyond the count', () => {
  const offline = found(withVcpus("<vcpu id='0' enabled='yes' hotpluggable='no'/><vcpu id='1' enabled='no' hotpluggable='no'/>"), 'VT402');
  assert.deepEqual(offline.map((result) => result.at), ['no']);
  assert.match(offline[0]!.message, /vCPU 1 is offline and cannot be plugged in later/);
  const zeroOffline = found(withVcpus("<vcpu id='0' enabled='no' hotpluggable='yes'/><vcpu id='1' enabled='yes' hotpluggable='no'/>"), 'VT402');
  assert.match(zeroOffline[0]!.message, /vCPU 0 is the one the guest boots on: libvirt refuses it offline/);
  const zeroHotpluggable = found(withVcpus("<vcpu id='0' enabled='yes' hotpluggable='yes'/><vcpu id='1' enabled='no' hotpluggable='yes'/>"), 'VT402');
  assert.deepEqual(zeroHotpluggable.map((result) => result.at), ['yes']);
  assert.match(zeroHotpluggable[0]!.message, /refuses hotpluggable='yes' on it/);
  const beyond = found(withVcpus("<vcpu id='0' enabled='yes' hotpluggable='no'/><vcpu id='2' enabled='no' hotpluggable='yes'/>"), 'VT402');
  assert.deepEqual(beyond.map((result) => result.at), ['2']);
  assert.match(beyond[0]!.message, /ids 0 to 1: libvirt refuses id='2'/);
});

test('VT402 is silent where libvirt defines the list, attributes left out included', () => {
  for (const list of [
    "<vcpu id='0' enabled='yes' hotpluggable='no'/><vcpu id='1' enabled='no' hotpluggable='yes'/>",
    "<vcpu id='0' enabled='yes'/><vcpu id='1' enabled='no'/>",
    "<vcpu id='0' enabled='yes' hotpluggable='no'/><vcpu id='1' enabled='yes' hotpluggable='yes'/>",
  ]) {
    assert.deepEqual(found(withVcpus(list), 'VT402').map((result) => result.message), [], list);
  }
});

// libvirt 9.0 here: with no <vcpu> the guest has 1 vCPU and `virsh define` refuses id 1 as out of range;
// <vcpu>0</vcpu> is VT105's to say, not a range of ids "0 to -1".
test('VT402 counts the 1 vCPU libvirt gives a guest without <vcpu>, and leaves <vcpu>0</vcpu> to VT105', () => {
  const withoutVcpu = guest("  <vcpus><vcpu id='0' enabled='yes' hotpluggable='no'/><vcpu id='1' enabled='no' hotpluggable='yes'/></vcpus>").replace(/ *<vcpu placement='static'>1<\/vcpu>\n/, '');
  assert.doesNotMatch(withoutVcpu, /<vcpu placement/);
  const beyond = found(withoutVcpu, 'VT402');
  assert.deepEqual(beyond.map((result) => result.at), ['1']);
  assert.match(beyond[0]!.message, /has 1 vCPU \(no <vcpu>: libvirt gives a guest 1\), id 0: libvirt refuses id='1'/);
  const zero = guest("  <vcpus><vcpu id='0' enabled='yes' hotpluggable='no'/></vcpus>", { vcpus: 0 });
  assert.deepEqual(found(zero, 'VT402'), []);
  assert.equal(found(zero, 'VT105').length, 1);
});
