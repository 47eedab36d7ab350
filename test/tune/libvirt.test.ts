import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { spanToRange } from '../../server/src/core/report';
import { buildDomainModel } from '../../server/src/domain/model';
import { loadHost } from '../../server/src/host/load';
import { VirshConnection } from '../../server/src/libvirt/virsh';
import { isolatedCpus, tuneDomain } from '../../server/src/tune';
import { parseXml } from '../../server/src/xml/parser';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const URI = 'qemu:///system';
const NAME = `vt-tune-${process.pid}`;
const IMAGE = `/tmp/${NAME}.img`;

/** A guest as a user might start from: two vCPUs, a virtio disk, a virtio-scsi controller, nothing tuned. */
const GUEST = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>128</memory>
  <vcpu>2</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='${IMAGE}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <controller type='scsi' index='0' model='virtio-scsi'/>
  </devices>
</domain>
`;

async function tuned(lockMemory: boolean): Promise<string> {
  const host = await loadHost({ kind: 'live' });
  assert.ok(host);
  const xml = parseXml(GUEST);
  const result = tuneDomain({ text: GUEST, xml, model: buildDomainModel(xml.root!), host, isolatedCpus: host.cmdline ? isolatedCpus(host.cmdline) : [], lockMemory });
  const choice = result.choices[0];
  assert.ok(choice, result.notes.join('\n'));
  const document = TextDocument.create('file:///g.xml', 'xml', 1, GUEST);
  return TextDocument.applyEdits(document, choice.edits.map((edit) => ({ range: spanToRange(document, edit.span), newText: edit.newText })));
}

test("this machine's libvirt defines the tuned guest and, as type='qemu', starts it with the tuner's pins", async (t) => {
  const libvirt = new VirshConnection(URI, { timeoutMs: 30_000 });
  const version = await libvirt.version();
  if (!version.ok) {
    t.skip(`no libvirt at ${URI}: ${version.message}`);
    return;
  }
  await writeFile(IMAGE, Buffer.alloc(1024 * 1024));
  t.after(async () => {
    await libvirt.destroy(NAME);
    await libvirt.undefine(NAME);
    await rm(IMAGE, { force: true });
  });

  // As proposed (memory locked with a hard limit): libvirt accepts the definition, schema check included.
  const locked = await tuned(true);
  assert.match(locked, /<locked\/>/);
  const defined = await libvirt.define(locked, { validate: true });
  assert.ok(defined.ok, defined.ok ? '' : defined.message);
  assert.equal((await libvirt.undefine(NAME)).ok, true);
  // Starting it fails here only because this sandbox may not raise RLIMIT_MEMLOCK, which locked memory needs.
  const lockedStart = await libvirt.create(locked);
  if (lockedStart.ok) await libvirt.destroy(NAME);
  else assert.match(lockedStart.message, /locked memory|MEMLOCK|Operation not permitted/i, 'a start failure other than the memlock limit');

  // Without the lock (virt-tune tune --no-lock) the same placement starts, and libvirt applies its pins.
  const unlocked = await tuned(false);
  const started = await libvirt.create(unlocked);
  assert.ok(started.ok, started.ok ? '' : started.message);
  const expected = parseXml(unlocked);
  const model = buildDomainModel(expected.root!);
  const { stdout: vcpupin } = await run('virsh', ['-c', URI, 'vcpupin', NAME]);
  for (const pin of model.cputune!.vcpupins) {
    assert.match(vcpupin, new RegExp(`^\\s*${pin.vcpu}\\s+${pin.cpuset!.attribute.value}\\s*$`, 'm'), vcpupin);
  }
  const { stdout: emulatorpin } = await run('virsh', ['-c', URI, 'emulatorpin', NAME]);
  assert.match(emulatorpin, new RegExp(`:\\s*${model.cputune!.emulatorpin!.cpuset!.attribute.value}\\s*$`, 'm'), emulatorpin);
  assert.match(unlocked, /<controller type='scsi' index='0' model='virtio-scsi'>\n      <driver queues='2'\/>\n    <\/controller>/);
  const { stdout: iothreads } = await run('virsh', ['-c', URI, 'iothreadinfo', NAME]);
  assert.match(iothreads, /^\s*1\s+\S+/m, iothreads);
});

test("virt-tune tune --libvirt avoids the host CPU another domain of that libvirt is pinned to", async (t) => {
  const libvirt = new VirshConnection(URI, { timeoutMs: 30_000 });
  if (!(await libvirt.version()).ok) {
    t.skip(`no libvirt at ${URI}`);
    return;
  }
  const host = await loadHost({ kind: 'live' });
  assert.ok(host);
  const cpus = host.cpus.filter((cpu) => cpu.online).map((cpu) => cpu.id);
  if (cpus.length < 2) {
    t.skip('this machine has one CPU: nothing to avoid');
    return;
  }
  const taken = cpus[cpus.length - 1]!;
  const other = `${NAME}-other`;
  const defined = await libvirt.define(
    `<domain type='qemu'><name>${other}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu><cputune><vcpupin vcpu='0' cpuset='${taken}'/></cputune><os><type arch='x86_64'>hvm</type></os></domain>`,
  );
  assert.ok(defined.ok, defined.ok ? '' : defined.message);
  t.after(async () => {
    await libvirt.undefine(other);
  });
  const folder = await mkdtemp(join(tmpdir(), 'vt-tune-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const file = join(folder, 'guest.xml');
  await writeFile(file, GUEST.replace('<vcpu>2</vcpu>', '<vcpu>1</vcpu>'));
  const { stdout } = await run(process.execPath, [CLI, 'tune', '--host', 'live', '--libvirt', URI, file], { timeout: 120_000 });
  assert.match(stdout, /^\+ {4}<vcpupin vcpu='0' cpuset='(\d+)'\/>$/m);
  const pinned = Number(/^\+ {4}<vcpupin vcpu='0' cpuset='(\d+)'\/>$/m.exec(stdout)![1]);
  assert.notEqual(pinned, taken, stdout);
  // The reason names the first guest found pinned there: ${other}, or the guest of another run of these
  // tests sharing this libvirtd that pinned the same CPU first.
  assert.match(stdout, new RegExp(`CPUs left alone: (?:[^\\n]*, )?${taken} \\(pinned by vt-tune-\\d+(?:-other)?(?: \\(not running\\))?\\)`), stdout);
});
