import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { domainCompletion } from '../../server/src/domain/completion';
import { domainDiagnostics } from '../../server/src/domain/diagnostics';
import { hostFromSavedFiles } from '../../server/src/cli/libvirtHost';
import { nearestMachine, machineFamily } from '../../server/src/host/libvirtQueries';
import type { HostModel } from '../../server/src/host/types';
import { ROOT, runCli } from '../cli/cliHarness';
import { textDocument, withCursor } from '../helpers';

/** Saved from this project's CI machine: Debian 12's libvirt 9.0 and QEMU 7.2 (`virsh capabilities`, `virsh domcapabilities --virttype ...`). */
const FIXTURES = join(ROOT, 'test', 'fixtures', 'libvirt');
const SAVED = [join(FIXTURES, 'capabilities.xml'), join(FIXTURES, 'domcapabilities-qemu.xml'), join(FIXTURES, 'domcapabilities-kvm.xml')];

let saved: Promise<HostModel | undefined> | undefined;
const host = async () => (await (saved ??= hostFromSavedFiles(SAVED)))!;

function guest(inner: string, machine = 'q35', type = 'kvm'): string {
  return `<domain type='${type}'>\n  <name>g</name>\n  <memory unit='GiB'>2</memory>\n  <vcpu>2</vcpu>\n  <os>\n    <type arch='x86_64' machine='${machine}'>hvm</type>\n  </os>\n${inner}  <devices>\n  </devices>\n</domain>\n`;
}

async function codes(xml: string): Promise<{ rule: string; message: string }[]> {
  return domainDiagnostics(textDocument(xml), { host: await host() })
    .filter((finding) => /^VT16/.test(finding.rule))
    .map(({ rule, message }) => ({ rule, message }));
}

test('saved capabilities and domcapabilities make a host with what libvirt offers', async () => {
  const facts = (await host()).libvirt!;
  assert.ok(facts.guests.some((entry) => entry.arch === 'x86_64' && entry.machines.some((machine) => machine.name === 'q35' && machine.canonical === 'pc-q35-7.2')));
  assert.deepEqual(facts.domainCapabilities.map((caps) => caps.domain).sort(), ['kvm', 'qemu']);
  assert.ok((await host()).cpus.length > 0, 'the topology comes from the capabilities file');
});

test('VT160: a RHEL machine type this QEMU lacks, with the nearest it has; fixed with the q35 alias', async () => {
  const [finding, ...rest] = await codes(guest('', 'pc-q35-rhel7.6.0'));
  assert.equal(rest.length, 0);
  assert.equal(finding?.rule, 'VT160');
  assert.match(finding!.message, /has no machine type 'pc-q35-rhel7\.6\.0' for x86_64: libvirt refuses the domain when it is defined\. The nearest it has: 'pc-q35-7\.2' \(the 'q35' alias names it\)\./);
  assert.deepEqual(await codes(guest('', 'q35')), []);
  assert.deepEqual(await codes(guest('', 'pc-q35-7.2')), []);
});

test('nearest machine: same family newest, else closest spelling', async () => {
  const x86 = (await host()).libvirt!.guests.find((entry) => entry.arch === 'x86_64')!;
  assert.equal(nearestMachine(x86, 'pc-i440fx-rhel7.6.0'), 'pc-i440fx-7.2');
  assert.equal(nearestMachine(x86, 'pc-q53'), 'pc-q35-7.2'.startsWith('pc-q35') ? nearestMachine(x86, 'pc-q53') : undefined);
  assert.equal(machineFamily('pc-q35-rhel7.6.0'), 'pc-q35');
  assert.equal(machineFamily('q35'), undefined);
});

test('VT161: a deprecated machine type is a warning', async () => {
  const [finding] = await codes(guest('', 'pc-i440fx-1.5'));
  assert.equal(finding?.rule, 'VT161');
  assert.match(finding!.message, /marks machine type 'pc-i440fx-1\.5' deprecated/);
});

test('VT162: more vCPUs than the machine type takes', async () => {
  const [finding] = await codes(guest('').replace('<vcpu>2</vcpu>', '<vcpu>300</vcpu>').replace("machine='q35'", "machine='pc'"));
  assert.equal(finding?.rule, 'VT162');
  assert.match(finding!.message, /300 vCPUs, but machine type 'pc' takes at most 255/);
});

test('VT163: host-passthrough on a TCG guest; VT164: an unknown CPU model with did-you-mean', async () => {
  const [mode] = await codes(guest("  <cpu mode='host-passthrough'/>\n", 'q35', 'qemu'));
  assert.equal(mode?.rule, 'VT163');
  assert.match(mode!.message, /does not support CPU mode 'host-passthrough' for a type='qemu' guest: libvirt defines the domain, but the guest does not start\. It supports 'maximum', 'host-model', 'custom'\./);
  const [model] = await codes(guest("  <cpu mode='custom'>\n    <model>Skylake-Servr</model>\n  </cpu>\n"));
  assert.equal(model?.rule, 'VT164');
  assert.match(model!.message, /knows no CPU model 'Skylake-Servr'.* Did you mean 'Skylake-Server'\?/);
  assert.deepEqual(await codes(guest("  <cpu mode='custom'>\n    <model>Skylake-Server</model>\n  </cpu>\n")), []);
});

test('VT165: a graphics type, video model and disk bus this QEMU does not offer', async () => {
  const devices = "    <graphics type='rdp'/>\n    <video><model type='vbox'/></video>\n    <disk type='file' device='disk'><target dev='xvda' bus='xen'/></disk>\n";
  const found = await codes(guest('').replace('  <devices>\n', `  <devices>\n${devices}`));
  assert.deepEqual(found.map((finding) => finding.rule), ['VT165', 'VT165', 'VT165']);
  assert.match(found[0]!.message, /offers no graphics type 'rdp' \(it offers 'sdl', 'vnc', 'spice', 'egl-headless', 'dbus'\): libvirt refuses the domain when it is defined\./);
  assert.match(found[2]!.message, /offers no disk bus 'xen'.*the guest does not start\./);
});

test("VT165 leaves a value libvirt itself does not know to the structure's VT104: one finding for a misspelt type, not two", async () => {
  const devices = "    <graphics type='vnx'/>\n    <video><model type='vgx'/></video>\n    <disk type='file' device='disc'><target dev='vda' bus='virtoi'/></disk>\n";
  const text = guest('').replace('  <devices>\n', `  <devices>\n${devices}`);
  assert.deepEqual(await codes(text), []);
  const structure = domainDiagnostics(textDocument(text), { host: await host() }).filter((finding) => finding.rule === 'VT104');
  assert.deepEqual(structure.map((finding) => /'(\w+)'/.exec(finding.message)?.[1]), ['vnx', 'vgx', 'disc', 'virtoi']);
});

test('without libvirt facts the VT160-VT165 rules are silent', () => {
  const findings = domainDiagnostics(textDocument(guest("  <cpu mode='custom'><model>Nope</model></cpu>\n", 'pc-q35-rhel7.6.0')));
  assert.deepEqual(findings.filter((finding) => /^VT16/.test(finding.rule)), []);
});

test("completion offers the host's machine types and CPU models", async () => {
  const machines = withCursor(guest('').replace("machine='q35'", "machine='|'"));
  const machineItems = domainCompletion(machines.document, machines.position, { host: await host() }).items;
  assert.ok(machineItems.some((item) => item.label === 'pc-q35-7.2'), JSON.stringify(machineItems.slice(0, 5).map((item) => item.label)));
  assert.ok(machineItems.some((item) => item.label === 'q35' && /alias of pc-q35-7\.2/.test(item.detail ?? '')));
  assert.ok(!machineItems.some((item) => item.label === 'pc-i440fx-1.5'), 'deprecated types are not offered');
  const models = withCursor(guest("  <cpu mode='custom'>\n    <model>|</model>\n  </cpu>\n"));
  const modelItems = domainCompletion(models.document, models.position, { host: await host() }).items;
  assert.ok(modelItems.some((item) => item.label === 'Skylake-Server'), JSON.stringify(modelItems.slice(0, 5).map((item) => item.label)));
  assert.ok(modelItems.some((item) => item.label === 'qemu64'));
});

test('CLI: --host takes saved capabilities and domcapabilities files; --libvirt names a URI that fails in one line', () => {
  const file = join(FIXTURES, '..', '..', '..', 'test', 'fixtures', 'libvirt', 'rhel-guest.xml');
  const run = runCli(['lint', ...SAVED.flatMap((path) => ['--host', path]), file], ROOT);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /error VT160 .*no machine type 'pc-q35-rhel7\.6\.0'.*The nearest it has: 'pc-q35-7\.2'/);
  const down = runCli(['lint', '--libvirt', 'qemu:///virt-tune-nowhere', file], ROOT);
  assert.equal(down.status, 0);
  assert.match(down.stderr, /^virt-tune: --libvirt: libvirt at qemu:\/\/\/virt-tune-nowhere cannot be used: .*$/m);
  assert.doesNotMatch(down.stdout, /VT160/);
});
