import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeLibvirt } from '../../server/src/libvirt/fake';
import { openLibvirt } from '../../server/src/libvirt/open';
import { parseLibvirtSetting, runsProgram, uriProblem } from '../../server/src/libvirt/setting';

test('the setting: auto by default, none, or a URI', () => {
  assert.deepEqual(parseLibvirtSetting(undefined), { kind: 'auto' });
  assert.deepEqual(parseLibvirtSetting(' auto '), { kind: 'auto' });
  assert.deepEqual(parseLibvirtSetting('none'), { kind: 'none' });
  assert.deepEqual(parseLibvirtSetting('qemu+ssh://root@kvm1/system'), { kind: 'uri', uri: 'qemu+ssh://root@kvm1/system' });
});

test('URIs that make virsh run a program are known as such', () => {
  assert.ok(runsProgram('qemu+ext:///system?command=/tmp/x'));
  assert.ok(runsProgram('QEMU+EXT:///system'));
  assert.ok(runsProgram('qemu+ssh://kvm1/system?command=/tmp/evil-ssh'));
  assert.ok(runsProgram('qemu+ssh://kvm1/system?netcat=/tmp/nc'));
  assert.ok(runsProgram('qemu+ssh://kvm1/system?no_verify=1&%63ommand=/tmp/x'));
  assert.ok(!runsProgram('qemu:///system'));
  assert.ok(!runsProgram('qemu+ssh://kvm1/system?keyfile=/root/.ssh/id'));
});

test('such a URI is refused unless the user\'s own settings name it', () => {
  assert.match(uriProblem('qemu+ext:///system?command=/tmp/x', false) ?? '', /only from your user settings/);
  assert.equal(uriProblem('qemu+ext:///system?command=/tmp/x', true), undefined);
  assert.equal(uriProblem('qemu:///system', false), undefined);
  assert.match(uriProblem('not a uri', true) ?? '', /is not a libvirt URI/);
});

test('auto is quietly nothing where libvirt does not answer; a named URI says why in one line', async () => {
  const down = () => new FakeLibvirt({ unreachable: 'cannot reach libvirt at qemu:///system: failed to connect to the hypervisor' });
  assert.deepEqual(await openLibvirt({ kind: 'auto' }, { fromUser: true, connect: down }), {});
  const named = await openLibvirt({ kind: 'uri', uri: 'qemu:///session' }, { fromUser: true, connect: down });
  assert.equal(named.connection, undefined);
  assert.match(named.problem ?? '', /^libvirt at qemu:\/\/\/session cannot be used: cannot reach libvirt/);
  assert.deepEqual(await openLibvirt({ kind: 'none' }, { fromUser: true, connect: down }), {});
});

test('a program-running URI from a workspace is never connected to', async () => {
  let connected = false;
  const opened = await openLibvirt(
    { kind: 'uri', uri: 'qemu+ext:///system?command=/tmp/x' },
    {
      fromUser: false,
      connect: () => {
        connected = true;
        return new FakeLibvirt();
      },
    },
  );
  assert.equal(connected, false);
  assert.match(opened.problem ?? '', /would make virsh run a program/);
});
