import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { VirshConnection } from '../../server/src/libvirt/virsh';
import { programEnvironment, SERVER_ENVIRONMENT, serverEnvironment } from '../../server/src/protocol';

/**
 * A stand-in virsh (a shell script) that records its arguments and, for define, the mode and text of
 * the file it was handed, then answers as the test says. So the tests see exactly what virt-tune runs.
 */
async function fakeVirsh(t: { after(fn: () => Promise<void>): void }, body: string): Promise<{ virsh: string; log: () => Promise<string> }> {
  const folder = await mkdtemp(join(tmpdir(), 'vt-fake-virsh-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const log = join(folder, 'log');
  const virsh = join(folder, 'virsh');
  await writeFile(
    virsh,
    `#!/bin/sh
printf '%s\\n' "$*" >> '${log}'
file=''
prev=''
for arg in "$@"; do [ "$prev" = "--file" ] && file="$arg"; prev="$arg"; done
if [ -n "$file" ]; then stat -c 'mode %a' "$file" >> '${log}'; cat "$file" >> '${log}'; echo >> '${log}'; echo "$file" > '${folder}/handed'; fi
${body}
`,
  );
  await chmod(virsh, 0o755);
  return { virsh, log: () => readFile(log, 'utf8').catch(() => '') };
}

const DOMAIN = "<domain type='qemu'><name>vt-x</name><description>$(touch /tmp/pwned) ; rm -rf /</description></domain>";

test('define hands the XML in a 0600 file, removed afterwards, never on the command line', async (t) => {
  const { virsh, log } = await fakeVirsh(t, `echo "Domain 'vt-x' defined from $file"`);
  const result = await new VirshConnection('qemu:///system', { virsh }).define(DOMAIN, { validate: true });
  assert.deepEqual(result, { ok: true, value: 'vt-x' });
  const lines = (await log()).split('\n');
  assert.match(lines[0] ?? '', /^-c qemu:\/\/\/system define --file \S+\/domain\.xml --validate$/);
  assert.equal(lines[1], 'mode 600');
  assert.equal(lines[2], DOMAIN);
  const handed = (await readFile(join(virsh, '..', 'handed'), 'utf8')).trim();
  await assert.rejects(readFile(handed), /ENOENT/, 'the temporary file is removed');
});

test('a refusal is a result with libvirt\'s words, not an exception', async (t) => {
  const { virsh } = await fakeVirsh(
    t,
    `echo "error: Failed to define domain from $file" >&2; echo "error: unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'pc-q35-rhel7.6.0'" >&2; exit 1`,
  );
  const result = await new VirshConnection('qemu:///system', { virsh }).define(DOMAIN);
  assert.deepEqual(result, {
    ok: false,
    kind: 'refused',
    message: "unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'pc-q35-rhel7.6.0'",
  });
});

test('a URI that does not connect is unavailable, in one line', async (t) => {
  const { virsh } = await fakeVirsh(t, `echo "error: failed to connect to the hypervisor" >&2; echo "error: Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory" >&2; exit 1`);
  const result = await new VirshConnection('qemu:///system', { virsh }).version();
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.kind === 'unavailable');
  assert.ok(!result.ok && !result.message.includes('\n'));
  assert.match(!result.ok ? result.message : '', /cannot reach libvirt at qemu:\/\/\/system/);
});

test('a missing virsh and a hung virsh give a result, not a throw or a stall', async (t) => {
  const missing = await new VirshConnection('qemu:///system', { virsh: '/nonexistent/virsh' }).capabilities();
  assert.deepEqual(missing, { ok: false, kind: 'unavailable', message: 'cannot run /nonexistent/virsh: it is not installed or not on PATH' });
  const { virsh } = await fakeVirsh(t, 'exec sleep 30');
  const started = Date.now();
  const hung = await new VirshConnection('qemu:///system', { virsh, timeoutMs: 300 }).capabilities();
  assert.ok(!hung.ok && hung.kind === 'unavailable' && /did not answer within 0.3 s/.test(hung.message), JSON.stringify(hung));
  assert.ok(Date.now() - started < 10_000);
});

test('version, freepages, domcapabilities and the domain list are read from virsh\'s output', async (t) => {
  const { virsh, log } = await fakeVirsh(
    t,
    `case "$3" in
version) printf 'Compiled against library: libvirt 9.0.0\\nUsing library: libvirt 9.0.0\\nUsing API: QEMU 9.0.0\\nRunning hypervisor: QEMU 7.2.22\\n' ;;
freepages) printf 'Node 0:\\n4KiB: 5484638\\n2048KiB: 12\\n1048576KiB: 0\\n\\nNode 1:\\n4KiB: 10\\n2048KiB: 3\\n' ;;
domcapabilities) echo '<domainCapabilities/>' ;;
list) printf '87c91b6c-3a28-481e-9ff4-e365daca8e56 vt-one\\n4dea22b3-1d52-d8f3-2516-782e98ab3fa0 vt two\\n' ;;
dominfo) if [ "$5" = 87c91b6c-3a28-481e-9ff4-e365daca8e56 ]; then printf 'Id:             -\\nName:           vt-one\\nUUID:           87c91b6c-3a28-481e-9ff4-e365daca8e56\\nState:          shut off\\nCPU(s):         2\\nMax memory:     65536 KiB\\nPersistent:     yes\\nAutostart:      enable\\n'; else echo "error: failed to get domain" >&2; exit 1; fi ;;
esac`,
  );
  const connection = new VirshConnection('qemu:///system', { virsh });
  assert.deepEqual(await connection.version(), { ok: true, value: { libvirt: '9.0.0', hypervisor: { name: 'QEMU', version: '7.2.22' } } });
  assert.deepEqual(await connection.freePages(), {
    ok: true,
    value: [
      { node: 0, sizeKiB: 4, free: 5484638 },
      { node: 0, sizeKiB: 2048, free: 12 },
      { node: 0, sizeKiB: 1048576, free: 0 },
      { node: 1, sizeKiB: 4, free: 10 },
      { node: 1, sizeKiB: 2048, free: 3 },
    ],
  });
  assert.deepEqual(await connection.domainCapabilities({ emulator: '/usr/bin/qemu-system-x86_64', arch: 'x86_64', machine: 'q35', virttype: 'kvm' }), { ok: true, value: '<domainCapabilities/>\n' });
  assert.deepEqual(await connection.listDomains(), {
    ok: true,
    value: [{ name: 'vt-one', uuid: '87c91b6c-3a28-481e-9ff4-e365daca8e56', state: 'shut off', autostart: true, persistent: true, vcpus: 2, memoryKiB: 65536 }],
  });
  assert.match(await log(), /^-c qemu:\/\/\/system domcapabilities --emulatorbin \/usr\/bin\/qemu-system-x86_64 --arch x86_64 --machine q35 --virttype kvm$/m);
});

test('virsh gets back the variables the editor moved out of the server environment (NODE_EXTRA_CA_CERTS)', async (t) => {
  const { virsh, log } = await fakeVirsh(t, 'echo "certs=${NODE_EXTRA_CA_CERTS-unset} moved=${VIRT_TUNE_MOVED_NODE_EXTRA_CA_CERTS-unset}" >> "$(dirname "$0")/log"');
  const saved = { ...process.env };
  t.after(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });
  // As the server's process sees its environment once VS Code's extension started it.
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, serverEnvironment({ ...saved, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/some-bundle.pem' }));
  assert.equal(process.env['NODE_EXTRA_CA_CERTS'], undefined);
  await new VirshConnection('qemu:///system', { virsh }).version();
  assert.match(await log(), /^certs=\/etc\/ssl\/certs\/some-bundle\.pem moved=unset$/m);
});

test('the server environment moves NODE_EXTRA_CA_CERTS aside and adds its own; a program run by the server gets it back', () => {
  const editor = { PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/certs.pem', UNSET: undefined };
  const server = serverEnvironment(editor);
  assert.deepEqual(server, { PATH: '/usr/bin', VIRT_TUNE_MOVED_NODE_EXTRA_CA_CERTS: '/certs.pem', ...SERVER_ENVIRONMENT });
  assert.deepEqual(programEnvironment(server), { PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/certs.pem', ...SERVER_ENVIRONMENT });
  // Without the variable nothing is moved, and a plain launch's environment passes through unchanged.
  assert.deepEqual(serverEnvironment({ PATH: '/usr/bin' }), { PATH: '/usr/bin', ...SERVER_ENVIRONMENT });
  assert.deepEqual(programEnvironment({ PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/certs.pem' }), { PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/certs.pem' });
});

test('a call starts its virsh when startWhen says so, not before (the language server waits for a quiet turn)', async (t) => {
  const { virsh, log } = await fakeVirsh(t, `echo 'Compiled against library: libvirt 9.0.0'; echo 'Using library: libvirt 9.0.0'; echo 'Running hypervisor: QEMU 7.2.0'`);
  const waiting: (() => void)[] = [];
  const connection = new VirshConnection('qemu:///system', { virsh, startWhen: (start) => waiting.push(start) });
  const version = connection.version();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await log(), '', 'virsh ran before startWhen started it');
  assert.equal(waiting.length, 1);
  waiting[0]!();
  const result = await version;
  assert.equal(result.ok, true);
  assert.match(await log(), /^-c qemu:\/\/\/system version$/m);
});
