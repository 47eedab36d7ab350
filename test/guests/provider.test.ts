import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { GuestsProvider, parseGuestsSetting } from '../../server/src/guests/provider';
import { FakeLibvirt } from '../../server/src/libvirt/fake';
import { GUEST_FOLDER } from './guestFixtures';

const documentIn = (folder: string) => pathToFileURL(join(folder, 'edited.xml')).toString();

test('the setting: auto, none (also when unset), or paths taken from the workspace folder', () => {
  assert.deepEqual(parseGuestsSetting('auto', '/ws'), { kind: 'auto' });
  assert.deepEqual(parseGuestsSetting(undefined, '/ws'), { kind: 'none' });
  assert.deepEqual(parseGuestsSetting('none', '/ws'), { kind: 'none' });
  assert.deepEqual(parseGuestsSetting(['qemu', '/etc/libvirt/qemu', ''], '/ws'), { kind: 'paths', paths: ['/ws/qemu', '/etc/libvirt/qemu'] });
});

test('current() never waits: the first ask starts a read, the answer comes once read, then it is cached until stale', async () => {
  let clock = 0;
  let changes = 0;
  const provider = new GuestsProvider({ maxAgeMs: 1000, libvirt: () => undefined, onDidChange: () => changes++, now: () => clock });
  provider.configure({ kind: 'auto' });
  const uri = documentIn(GUEST_FOLDER);
  assert.equal(provider.current(uri), undefined);
  const read = await provider.fresh(uri);
  assert.deepEqual(read?.map((guest) => guest.name), ['batch01', 'db01', 'web01']);
  assert.equal(changes, 1);
  assert.equal(provider.current(uri), read, 'the same list object while fresh');
  clock = 5000;
  assert.equal(await provider.fresh(uri), read, 'an unchanged folder keeps its list (and the findings cached for it)');
  assert.equal(changes, 1);
  assert.equal(provider.current('untitled:Untitled-1'), undefined, 'a document with no folder gets none without libvirt');
});

test('with libvirt connected, every document takes libvirt\'s domains, with their state', async () => {
  const xml = (name: string) => `<domain type='qemu'><name>${name}</name><memory>1024</memory><vcpu>1</vcpu></domain>`;
  const summary = (name: string, state: string, autostart: boolean) => ({ name, uuid: '', state, autostart, persistent: true, vcpus: 1, memoryKiB: 1024 });
  const source = new FakeLibvirt({
    uri: 'qemu:///system',
    domains: [
      { summary: summary('a', 'running', false), xml: xml('a') },
      { summary: summary('b', 'shut off', true), xml: xml('b') },
      { summary: summary('c', 'shut off', false), xml: '<domain><name>c</name' },
    ],
  });
  const provider = new GuestsProvider({ maxAgeMs: 1000, libvirt: () => source, onDidChange: () => undefined });
  provider.configure({ kind: 'auto' });
  const guests = await provider.fresh('libvirt:/b.xml');
  assert.deepEqual(guests?.map((guest) => [guest.name, guest.running, guest.autostart, guest.origin.kind]), [['a', true, false, 'libvirt'], ['b', false, true, 'libvirt']]);
  provider.configure({ kind: 'none' });
  assert.equal(await provider.fresh('libvirt:/b.xml'), undefined);
});

test('auto takes a folder only when it is a copy of libvirt\'s (autostart/ or named qemu): examples of many hosts are no host', async () => {
  const provider = new GuestsProvider({ maxAgeMs: 1000, libvirt: () => undefined, onDidChange: () => undefined });
  provider.configure({ kind: 'auto' });
  assert.deepEqual(await provider.fresh(documentIn(join(GUEST_FOLDER, '..', '..', '..', '..', 'examples'))), []);
  provider.configure({ kind: 'paths', paths: [join(GUEST_FOLDER, 'web01.xml')] });
  assert.deepEqual((await provider.fresh(documentIn('/anywhere')))?.map((guest) => guest.name), ['web01']);
});

test('a folder\'s list is dropped once no open document takes it, and kept while one does', async () => {
  const provider = new GuestsProvider({ maxAgeMs: 60_000, libvirt: () => undefined, onDidChange: () => undefined });
  provider.configure({ kind: 'auto' });
  const uri = documentIn(GUEST_FOLDER);
  const read = await provider.fresh(uri);
  assert.ok(read && read.length > 0);
  provider.keepFor([uri, 'file:///elsewhere/other.xml']);
  assert.equal(provider.current(uri), read, 'kept while a document of the folder is open');
  provider.keepFor(['file:///elsewhere/other.xml']);
  assert.equal(provider.current(uri), undefined, 'dropped: asked again, it is read afresh');
});
