import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostLoadError } from '../../server/src/host/errors';
import { parseHostSetting } from '../../server/src/host/load';
import { HostProvider } from '../../server/src/host/provider';
import type { HostModel, HostSetting } from '../../server/src/host/types';
import { fixtureHost } from './hostFixtures';

/** A provider over a fake clock and loader that counts its reads. */
async function harness(hosts: (HostModel | Error)[]) {
  let now = 1000;
  const reads: HostSetting[] = [];
  const problems: string[] = [];
  let changes = 0;
  const provider = new HostProvider({
    maxAgeMs: 3000,
    now: () => now,
    load: async (setting) => {
      reads.push(setting);
      const next = hosts[Math.min(reads.length - 1, hosts.length - 1)]!;
      if (next instanceof Error) throw next;
      return next;
    },
    onProblem: (message) => problems.push(message),
  });
  provider.onDidChange(() => changes++);
  return { provider, reads, problems, changes: () => changes, advance: (ms: number) => (now += ms) };
}

test('the host is read once, answered from the cache while fresh, and read again only when stale', async () => {
  const host = await fixtureHost('one-node');
  const { provider, reads, changes, advance } = await harness([host]);
  assert.equal(provider.current(), undefined, 'none configured: no read');
  provider.configure({ kind: 'live' });
  assert.equal(await provider.fresh(), host);
  assert.equal(changes(), 1);
  for (let i = 0; i < 50; i++) provider.current();
  assert.equal(reads.length, 1, 'fifty keystrokes, one read');
  advance(2999);
  await provider.fresh();
  assert.equal(reads.length, 1);
  advance(1);
  await provider.fresh();
  assert.equal(reads.length, 2);
  assert.equal(changes(), 1, 'the same fingerprint is no change');
});

test('a host whose rule-relevant facts change is announced; switching the setting drops the old host', async () => {
  const { provider, reads, changes } = await harness([await fixtureHost('one-node'), await fixtureHost('two-nodes')]);
  provider.configure({ kind: 'path', path: '/a' });
  await provider.fresh();
  provider.configure({ kind: 'path', path: '/a' });
  assert.equal(reads.length, 1, 'the same setting again changes nothing');
  provider.configure({ kind: 'path', path: '/b' });
  assert.equal(provider.current(), undefined, 'the old host is gone at once');
  assert.equal((await provider.fresh())?.nodes.length, 2);
  assert.equal(changes(), 3, 'one-node came, went, two-nodes came');
  provider.configure({ kind: 'none' });
  assert.equal(await provider.fresh(), undefined);
  assert.equal(changes(), 4);
});

test('a host that cannot be read is no host, and the problem is told once', async () => {
  const { provider, problems, advance } = await harness([new HostLoadError("cannot read host description '/gone'")]);
  provider.configure({ kind: 'path', path: '/gone' });
  assert.equal(await provider.fresh(), undefined);
  advance(5000);
  assert.equal(await provider.fresh(), undefined);
  assert.deepEqual(problems, ["cannot read host description '/gone'"]);
});

test('virtTune.host and --host values: live only on Linux, none, or a path', () => {
  assert.deepEqual(parseHostSetting('live', 'linux'), { kind: 'live' });
  assert.deepEqual(parseHostSetting('live', 'darwin'), { kind: 'none' });
  assert.deepEqual(parseHostSetting(' none '), { kind: 'none' });
  assert.deepEqual(parseHostSetting(undefined), { kind: 'none' });
  assert.deepEqual(parseHostSetting('/srv/hosts/kvm1'), { kind: 'path', path: '/srv/hosts/kvm1' });
});

test('a relative virtTune.host is taken from the workspace folder given; an absolute one, live and none are not touched', () => {
  assert.deepEqual(parseHostSetting('hosts/guide-4-node', 'linux', '/work/examples'), { kind: 'path', path: '/work/examples/hosts/guide-4-node' });
  assert.deepEqual(parseHostSetting(' ../hosts/kvm1 ', 'linux', '/work/examples'), { kind: 'path', path: '/work/hosts/kvm1' });
  assert.deepEqual(parseHostSetting('/srv/hosts/kvm1', 'linux', '/work/examples'), { kind: 'path', path: '/srv/hosts/kvm1' });
  assert.deepEqual(parseHostSetting('live', 'linux', '/work/examples'), { kind: 'live' });
  assert.deepEqual(parseHostSetting('none', 'linux', '/work/examples'), { kind: 'none' });
  assert.deepEqual(parseHostSetting('hosts/guide-4-node', 'linux'), { kind: 'path', path: 'hosts/guide-4-node' }, "without a folder, left for the process's working directory (the CLI's)");
});
