import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { CLI, ROOT, temporaryFolder } from './cliHarness';
import { SERVER } from '../lsp/stdioServer';

/** The `virt-tune` command as npm installs it (package.json bin), built by `npm test` before the tests. */
const LAUNCHER = join(ROOT, 'dist', 'virt-tune');
/** node's words when NODE_EXTRA_CA_CERTS names a file it cannot read: proof that it tried to. */
const NODE_READ_CERTS = /Ignoring extra certs from/;

test('package.json names dist/virt-tune and dist/virt-tune-ls as the commands', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.deepEqual(manifest.bin, { 'virt-tune': 'dist/virt-tune', 'virt-tune-ls': 'dist/virt-tune-ls' });
});

for (const [command, loader, what] of [['virt-tune', CLI, 'the CLI'], ['virt-tune-ls', SERVER, 'the language server']] as const) {
  test(`the ${command} command, reached through relative links as npm links it, runs ${what} without node reading NODE_EXTRA_CA_CERTS`, () => {
    const folder = temporaryFolder();
    // A bin folder linking to a link, each relative, as npm's global bin folder links into lib/node_modules.
    mkdirSync(join(folder, 'bin'));
    mkdirSync(join(folder, 'lib'));
    symlinkSync(relative(join(folder, 'lib'), join(ROOT, 'dist', command)), join(folder, 'lib', command));
    symlinkSync(join('..', 'lib', command), join(folder, 'bin', command));
    const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`, NODE_EXTRA_CA_CERTS: join(folder, 'missing.pem') };
    const launched = spawnSync(join(folder, 'bin', command), ['--help'], { cwd: folder, encoding: 'utf8', env });
    assert.equal(launched.status, 0, launched.stderr);
    assert.match(launched.stdout, new RegExp(`^${command} \\d+\\.\\d+\\.\\d+: `));
    assert.doesNotMatch(launched.stderr, NODE_READ_CERTS);
    // The same environment with node started directly: node reads the variable (the test can tell).
    const plain = spawnSync(process.execPath, [loader, '--help'], { cwd: folder, encoding: 'utf8', env });
    assert.equal(plain.status, 0, plain.stderr);
    assert.equal(launched.stdout, plain.stdout);
    assert.match(plain.stderr, NODE_READ_CERTS);
  });
}


test('the virt-tune command hands the CLI its arguments as given and virsh gets NODE_EXTRA_CA_CERTS back', () => {
  const folder = temporaryFolder();
  const log = join(folder, 'log');
  // A virsh that says what it was given and which of the two variables it sees.
  writeFileSync(join(folder, 'virsh'), `#!/bin/sh\necho "$*|\${NODE_EXTRA_CA_CERTS-unset}|\${VIRT_TUNE_MOVED_NODE_EXTRA_CA_CERTS-unset}" >> '${log}'\nexit 1\n`);
  chmodSync(join(folder, 'virsh'), 0o755);
  const root = join(folder, 'a host root with spaces');
  mkdirSync(root);
  const env = { ...process.env, PATH: [folder, dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter), NODE_EXTRA_CA_CERTS: '/etc/ssl/some bundle.pem' };
  const run = spawnSync(LAUNCHER, ['host', '--root', root, '--libvirt', 'qemu:///system'], { cwd: folder, encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`sysfs ${root}`));
  assert.match(readFileSync(log, 'utf8'), /^-c qemu:\/\/\/system version\|\/etc\/ssl\/some bundle\.pem\|unset$/m);
});
