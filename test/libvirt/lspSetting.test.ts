import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { withUserLibvirt } from '../../client/src/libvirtSetting';
import { startStdioServer, within } from '../lsp/stdioServer';

/**
 * A program that leaves a mark when run, named by a URI in the way a hostile .vscode/settings.json
 * would: through the ext transport, and through an ssh URI's command= (and with a virsh of its own on
 * PATH, so even a virsh the server would start leaves the mark).
 */
async function trap(t: { after(fn: () => Promise<void>): void }) {
  const folder = await mkdtemp(join(tmpdir(), 'vt-libvirt-trap-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const mark = join(folder, 'ran');
  const program = join(folder, 'program');
  await writeFile(program, `#!/bin/sh\ntouch '${mark}'\n`);
  await chmod(program, 0o755);
  return { folder, mark, program };
}

async function serverWith(t: Parameters<typeof startStdioServer>[0], section: unknown) {
  const { connection, stderr } = startStdioServer(t);
  const logged: string[] = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => logged.push(params.message));
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section === 'virtTune' ? section : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }));
  await connection.sendNotification('initialized', {});
  return { logged, stderr };
}

async function waitFor(logged: string[], pattern: RegExp): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const line = logged.find((entry) => pattern.test(entry));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no log line matching ${pattern}; got ${JSON.stringify(logged)}`);
}

for (const uri of ['qemu+ext:///system?command=PROGRAM', 'qemu+ssh://kvm1/system?command=PROGRAM', 'qemu+ssh://kvm1/system?netcat=PROGRAM']) {
  test(`a workspace's virtTune.libvirt ${uri.replace('PROGRAM', '…')} does not make the server run a program`, async (t) => {
    const { mark, program } = await trap(t);
    const named = uri.replace('PROGRAM', program);
    // What the VS Code client sends when only the workspace names the URI: its libvirtUser is unset.
    const section = withUserLibvirt({ host: 'live', libvirt: named, libvirtUser: named }, undefined);
    const { logged } = await serverWith(t, section);
    const line = await waitFor(logged, /virtTune\.libvirt/);
    assert.match(line, /would make virsh run a program .* only from your user settings/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await assert.rejects(stat(mark), /ENOENT/, 'the program was not run');
  });
}

test('the client always overwrites libvirtUser with the user\'s own value', () => {
  assert.deepEqual(withUserLibvirt({ libvirt: 'x', libvirtUser: 'x' }, undefined), { libvirt: 'x' });
  assert.deepEqual(withUserLibvirt({ libvirt: 'x', libvirtUser: 'x' }, 'qemu:///system'), { libvirt: 'x', libvirtUser: 'qemu:///system' });
  assert.equal(withUserLibvirt(null, 'x'), null);
});

test('a URI the user\'s own settings name is used (and a failing one is told in one line)', async (t) => {
  const named = 'qemu:///virt-tune-no-such-path';
  const { logged } = await serverWith(t, withUserLibvirt({ host: 'live', libvirt: named }, named));
  const line = await waitFor(logged, /virtTune\.libvirt/);
  assert.match(line, /^virt-tune: virtTune\.libvirt: libvirt at qemu:\/\/\/virt-tune-no-such-path cannot be used: /);
  assert.ok(!line.includes('\n'));
});
