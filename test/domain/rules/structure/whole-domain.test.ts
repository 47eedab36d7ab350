import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

// The structure rules judge every element of the domain against libvirt's schema, not only the tuning part.

const STRUCTURE = /^VT10[0-7]$/;
const structural = (text: string) => findings(text).filter((finding) => STRUCTURE.test(finding.rule));
const devices = (inner: string) => domain(`  <devices>\n${inner}\n  </devices>`);

test('VT101: a misspelt device element, <interfase>, is renamed to <interface> in both tags', () => {
  const text = devices(`    <interfase type='network'>\n      <source network='default'/>\n    </interfase>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0, 'one mistake, one finding: nothing inside the unknown element is judged');
  assert.equal(finding!.rule, 'VT101');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /no element <interfase> inside <devices>: virsh edit and virsh define --validate refuse it; a plain virsh define drops it without a word\. Did you mean <interface>\?/);
  assert.equal(rangeText(text, finding!), 'interfase');
  assert.equal(finding!.fixes.length, 1);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('<interfase ', '<interface ').replace('</interfase>', '</interface>'));
  assert.deepEqual(structural(fixed), []);
});

test("VT104: <graphics type='vnx'> lists the graphics types and replaces the value with 'vnc'", () => {
  const text = devices(`    <graphics type='vnx' port='-1' autoport='yes'/>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT104');
  assert.match(finding!.message, /libvirt does not accept type='vnx' on <graphics>/);
  for (const type of ['vnc', 'spice', 'sdl', 'rdp', 'desktop', 'egl-headless', 'dbus']) {
    assert.match(finding!.message, new RegExp(`'${type}'`), type);
  }
  assert.match(finding!.message, /Did you mean 'vnc'\?/);
  assert.equal(rangeText(text, finding!), 'vnx');
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace("type='vnx'", "type='vnc'"));
  assert.deepEqual(structural(fixed), []);
});

test("VT104: <disk device='dsk'> suggests 'disk'", () => {
  const text = devices(`    <disk type='file' device='dsk'>\n      <source file='/var/lib/libvirt/images/a.img'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT104');
  assert.equal(rangeText(text, finding!), 'dsk');
  assert.match(finding!.message, /Did you mean 'disk'\?/);
});

test("VT103: devce= on a block disk's <source> is renamed to dev", () => {
  const text = devices(`    <disk type='block' device='disk'>\n      <source devce='/dev/sdb'/>\n      <target dev='vdb' bus='virtio'/>\n    </disk>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT103');
  assert.match(finding!.message, /no attribute 'devce' on <source>: virsh edit and virsh define --validate refuse it; a plain virsh define ignores it without a word\. Did you mean 'dev'\?/);
  assert.equal(rangeText(text, finding!), 'devce');
  assert.equal(finding!.fixes.length, 1, 'the one sensible name, though <source> merges every disk type');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('devce=', 'dev='));
  assert.deepEqual(structural(fixed), []);
});

test("VT103: fiel= on a file disk's <source> is renamed to file", () => {
  const text = devices(`    <disk type='file' device='disk'>\n      <source fiel='/var/lib/libvirt/images/a.img'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`);
  const [finding] = findings(text, 'VT103');
  assert.equal(rangeText(text, finding!), 'fiel');
  assert.match(finding!.message, /Did you mean 'file'\?/);
  assert.equal(applyFix(text, finding!.fixes[0]!), text.replace('fiel=', 'file='));
});

test('VT103 without a close name lists the first attributes of a long list and counts the rest', () => {
  const text = devices(`    <disk type='file' device='disk'>\n      <source location='/x'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`);
  const [finding] = findings(text, 'VT103');
  assert.equal(rangeText(text, finding!), 'location');
  assert.match(finding!.message, /It takes 'file', .*, and \d+ more\./);
  assert.deepEqual(finding!.fixes, []);
});

test('VT102: <boot> directly under <domain> belongs in <os>', () => {
  const text = domain(`  <boot dev='hd'/>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT102');
  assert.equal(finding!.message, '<boot> does not belong inside <domain>: libvirt reads it inside <os>; virsh edit and virsh define --validate refuse it; a plain virsh define drops it without a word.');
  assert.equal(rangeText(text, finding!), 'boot');
  assert.deepEqual(finding!.fixes, []);
});

test("VT102 names the places whose element takes the attributes written: <boot order='1'> is a device's", () => {
  const text = domain(`  <boot order='1'/>`);
  const [finding] = findings(text, 'VT102');
  assert.match(finding!.message, /<disk>/);
  assert.match(finding!.message, /<interface>/);
  assert.doesNotMatch(finding!.message, /<os>/);
});

test('VT102: a <driver> directly in <devices> names the devices that have one', () => {
  const text = devices(`    <driver name='qemu' type='raw'/>`);
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT102');
  assert.match(finding!.message, /^<driver> does not belong inside <devices>: libvirt reads it inside <disk>/);
  assert.equal(rangeText(text, finding!), 'driver');
});

test('VT107: a device without its required attribute, on the element name', () => {
  const iface = devices(`    <interface>\n      <source network='default'/>\n    </interface>`);
  const [finding, ...rest] = structural(iface);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT107');
  assert.equal(finding!.message, "<interface> needs 'type': libvirt refuses the element without it.");
  assert.equal(rangeText(iface, finding!), 'interface');
  assert.deepEqual(finding!.fixes, []);

  const target = devices(`    <disk type='file' device='disk'>\n      <source file='/a.img'/>\n      <target bus='virtio'/>\n    </disk>`);
  const [targetFinding] = findings(target, 'VT107');
  assert.match(targetFinding!.message, /<target> needs 'dev'/);
  assert.equal(rangeText(target, targetFinding!), 'target');
});

test('VT105 judges numbers outside the tuning part, with BigInt precision', () => {
  const text = domain(`  <os>\n    <type arch='x86_64'>hvm</type>\n    <bootmenu enable='yes' timeout='65536'/>\n  </os>`).replace(
    /  <os>\n    <type arch='x86_64' machine='pc-q35-rhel7.6.0'>hvm<\/type>\n  <\/os>\n/,
    '',
  );
  const [finding, ...rest] = structural(text);
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'VT105');
  assert.equal(rangeText(text, finding!), '65536');
  const huge = domain(`  <memtune>\n    <hard_limit unit='KiB'>9007199254740993</hard_limit>\n  </memtune>`);
  assert.deepEqual(findings(huge, 'VT105'), []);
});

test('the whole of a valid domain passes: devices of every kind, os, features, clock, cpu', () => {
  const text = `<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>guest</name>
  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
  <metadata>
    <app:info xmlns:app='urn:example' anything='goes'><app:deep/></app:info>
  </metadata>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>4</vcpu>
  <os firmware='efi'>
    <type arch='x86_64' machine='q35'>hvm</type>
    <boot dev='hd'/>
    <bootmenu enable='yes' timeout='3000'/>
  </os>
  <features>
    <acpi/>
    <apic/>
    <vmport state='off'/>
  </features>
  <cpu mode='host-passthrough' check='none' migratable='on'>
    <topology sockets='1' dies='1' clusters='1' cores='2' threads='2'/>
  </cpu>
  <clock offset='utc'>
    <timer name='rtc' tickpolicy='catchup'/>
    <timer name='hpet' present='no'/>
  </clock>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap'/>
      <source file='/var/lib/libvirt/images/guest.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <boot order='1'/>
    </disk>
    <disk type='block' device='disk'>
      <source dev='/dev/sdb'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='network' device='cdrom'>
      <source protocol='https' name='/images/install.iso'>
        <host name='example.org' port='443'/>
      </source>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <controller type='scsi' index='0' model='virtio-scsi'>
      <driver queues='4'/>
    </controller>
    <interface type='network'>
      <source network='default'/>
      <model type='virtio'/>
      <driver name='vhost' queues='4'/>
    </interface>
    <interface type='bridge'>
      <mac address='52:54:00:12:34:56'/>
      <source bridge='br0'/>
      <model type='virtio'/>
    </interface>
    <interface type='direct'>
      <source dev='eth0' mode='bridge'/>
    </interface>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <graphics type='spice' autoport='yes'/>
    <video>
      <model type='virtio' heads='1' primary='yes'/>
    </video>
    <channel type='unix'>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
    </channel>
    <serial type='pty'>
      <target port='0'/>
    </serial>
    <console type='pty'/>
    <input type='tablet' bus='usb'/>
    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source>
        <address domain='0x0000' bus='0x06' slot='0x02' function='0x0'/>
      </source>
    </hostdev>
    <memballoon model='virtio'/>
    <rng model='virtio'>
      <backend model='random'>/dev/urandom</backend>
    </rng>
  </devices>
  <qemu:commandline>
    <qemu:arg value='-newarg'/>
  </qemu:commandline>
</domain>
`;
  assert.deepEqual(structural(text), []);
});
