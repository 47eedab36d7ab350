import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { domain } from '../helpers';
import { accept, complete, item, labels, replaced } from './completionHelpers';

// Completion for every element of the domain, from libvirt's schema structure.

function elementLabels(items: readonly CompletionItem[]): string[] {
  return labels(items.filter((candidate) => candidate.kind === CompletionItemKind.Property));
}

function newText(completion: CompletionItem): string {
  return (completion.textEdit as { newText: string }).newText;
}

const OS = domain('').replace('hvm</type>', 'hvm</type>\n    |');

test('in <devices>: every device, with its required attributes as snippet placeholders', () => {
  const { items, text } = complete(domain('  <devices>\n    |\n  </devices>'));
  const elements = elementLabels(items);
  for (const name of ['emulator', 'disk', 'controller', 'interface', 'graphics', 'video', 'hostdev', 'channel', 'serial',
    'console', 'input', 'sound', 'rng', 'tpm', 'memballoon', 'watchdog', 'memory', 'iommu', 'vsock', 'panic']) {
    assert.ok(elements.includes(name), name);
  }
  assert.ok(!elements.includes('driver'), 'a <driver> stands in a device, not in <devices>');
  const graphics = item(items, 'graphics', CompletionItemKind.Property);
  assert.match(graphics.detail!, /requires type/);
  assert.equal(replaced(text, graphics), '');
  assert.match(newText(graphics), /^<graphics type='\$\{1\|sdl,vnc,spice,dbus,rdp,desktop,egl-headless\|\}'>\n {2}\$0\n<\/graphics>$/);
  assert.ok(accept(text, graphics).includes(`    <graphics type='sdl'>\n      \n    </graphics>\n  </devices>`));
  const audio = item(items, 'audio', CompletionItemKind.Property);
  assert.match(newText(audio), /^<audio id='\$\{1\}' type='\$\{2\|none,/, 'every required attribute, numbered in order');
  const documentation = (graphics.documentation as { value: string }).value;
  assert.match(documentation, /#graphical-framebuffers\)/, 'the item links its formatdomain section');
});

test('in <os>: boot with its device choice; <type>, which libvirt takes once and is there, not again', () => {
  const { items, text } = complete(OS);
  const elements = elementLabels(items);
  for (const name of ['loader', 'nvram', 'kernel', 'initrd', 'cmdline', 'boot', 'bootmenu', 'smbios', 'bios']) {
    assert.ok(elements.includes(name), name);
  }
  assert.ok(!elements.includes('type'), elements.join(', '));
  const boot = item(items, 'boot', CompletionItemKind.Property);
  assert.equal(newText(boot), "<boot dev='${1|hd,fd,cdrom,network|}'/>");
  assert.ok(accept(text, boot).includes(`    <boot dev='hd'/>\n  </os>`));
  // <boot> may be repeated (one per device, in boot order): offered again next to one.
  const booted = domain('').replace('hvm</type>', "hvm</type>\n    <boot dev='hd'/>\n    |");
  assert.ok(elementLabels(complete(booted).items).includes('boot'));
});

test('in <features>: the hypervisor features, empty ones self-closed', () => {
  const { items } = complete(domain('  <features>\n    |\n  </features>'));
  const elements = elementLabels(items);
  for (const name of ['acpi', 'apic', 'pae', 'hyperv', 'kvm', 'vmport', 'smm', 'ioapic', 'pmu']) assert.ok(elements.includes(name), name);
  assert.equal(newText(item(items, 'acpi')), '<acpi/>');
  assert.equal(newText(item(items, 'ioapic')), "<ioapic driver='${1|qemu,kvm|}'/>");
  assert.equal(newText(item(items, 'hyperv')), '<hyperv>\n  $0\n</hyperv>');
});

test('in <cpu>: topology with its required counts, features with their policy', () => {
  const { items } = complete(domain("  <cpu mode='custom'>\n    |\n  </cpu>"));
  const elements = elementLabels(items);
  for (const name of ['model', 'vendor', 'topology', 'feature', 'numa', 'cache']) assert.ok(elements.includes(name), name);
  assert.equal(newText(item(items, 'topology', CompletionItemKind.Property)), "<topology sockets='${1}' cores='${2}' threads='${3}'/>");
  assert.match(newText(item(items, 'feature')), /^<feature policy='\$\{1\|force,require,optional,disable,forbid\|\}' name='\$\{2\}'\/>$/);
});

test("values of an enumerated attribute outside tuning: <graphics type='|'>, <disk device='|'>, <interface type='|'>", () => {
  const graphics = complete(domain("  <devices>\n    <graphics type='|'/>\n  </devices>")).items;
  assert.deepEqual(labels(graphics).sort(), ['dbus', 'desktop', 'egl-headless', 'rdp', 'sdl', 'spice', 'vnc']);
  assert.ok(graphics.every((entry) => entry.kind === CompletionItemKind.EnumMember));

  const { items, text } = complete(domain("  <devices>\n    <disk type='file' device='c|'>\n      <target dev='sda'/>\n    </disk>\n  </devices>"));
  assert.deepEqual(labels(items).sort(), ['cdrom', 'disk', 'floppy', 'lun']);
  const cdrom = item(items, 'cdrom');
  assert.equal(replaced(text, cdrom), 'c');
  assert.match((cdrom.documentation as { value: string }).value, /a CD-ROM drive/);
  assert.ok(accept(text, cdrom).includes(`<disk type='file' device='cdrom'>`));

  const iface = labels(complete(domain("  <devices>\n    <interface type='|'/>\n  </devices>")).items);
  for (const type of ['network', 'bridge', 'direct', 'user', 'vhostuser', 'hostdev']) assert.ok(iface.includes(type), type);
});

test('attributes not yet written, of any element: yes/no as a choice, required ones first', () => {
  const { items } = complete(domain("  <devices>\n    <graphics type='vnc' |/>\n  </devices>"));
  const names = labels(items);
  assert.ok(!names.includes('type'), 'type is written already');
  for (const name of ['port', 'autoport', 'listen', 'passwd', 'keymap']) assert.ok(names.includes(name), name);
  assert.equal(newText(item(items, 'autoport')), "autoport='${1|yes,no|}'");
  const interfaceItems = complete(domain("  <devices>\n    <interface |>\n    </interface>\n  </devices>")).items;
  const type = item(interfaceItems, 'type');
  assert.match(type.detail!, /^required · /);
  assert.ok(interfaceItems.every((entry) => entry === type || entry.sortText! > type.sortText!));
});

test('text values of an enumeration, and nothing offered inside open content', () => {
  const crash = complete(domain('  <on_crash>|</on_crash>')).items;
  assert.deepEqual(labels(crash), ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart']);
  assert.match((item(crash, 'coredump-destroy').documentation as { value: string }).value, /dump its core/);
  assert.deepEqual(elementLabels(complete(domain('  <metadata>\n    |\n  </metadata>')).items), []);
  const top = elementLabels(complete(domain('  |')).items);
  assert.ok(top.includes('features') && top.includes('clock') && top.includes('devices'));
  assert.ok(!top.includes('os') && !top.includes('name') && !top.includes('vcpu'), 'the domain has them, and takes each once');
  assert.ok(!top.some((name) => name.includes(':')), 'elements of other namespaces need their xmlns: not offered');
  const qemu = domain(`  <qemu:commandline>\n    |\n  </qemu:commandline>`).replace(
    "<domain type='kvm'>",
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>",
  );
  assert.deepEqual(elementLabels(complete(qemu).items), ['qemu:arg', 'qemu:env'], 'inside one, its own children are');
});
