import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { loadRngSchema } from '../../server/src/schema/rng';
import { CORPUS_DIR, missing } from '../kb/shared';
import { complete, item, labels } from './completionHelpers';

// Completion per variant: with libvirt's RelaxNG schema in use, an element is offered the attributes,
// children and attribute values that fit what it (and its ancestors) already say; without one, what the
// built-in structure allows at its path, as before.
const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(SCHEMA) ?? false;
const variants = () => loadRngSchema(SCHEMA);

/** A guest whose <devices> holds `devices`; the `|` marks the cursor. */
function guest(devices: string): string {
  return `<domain type='kvm'>
  <name>guest</name>
  <memory unit='KiB'>1048576</memory>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
  <devices>
${devices}
  </devices>
</domain>
`;
}

function properties(items: readonly CompletionItem[]): string[] {
  return labels(items.filter((candidate) => candidate.kind !== CompletionItemKind.Snippet)).sort();
}

function withSchema(marked: string): CompletionItem[] {
  return complete(marked, { variants: variants() }).items;
}

test("a disk's <source> takes the attributes of the disk's type: file, block, network, volume", { skip }, () => {
  const source = (type: string) => properties(withSchema(guest(`    <disk type='${type}' device='disk'>\n      <source |/>\n    </disk>`)));
  assert.deepEqual(source('file'), ['fdgroup', 'file', 'index', 'startupPolicy']);
  assert.deepEqual(source('block'), ['dev', 'index', 'startupPolicy']);
  const network = source('network');
  for (const name of ['protocol', 'name', 'tls']) assert.ok(network.includes(name), name);
  for (const name of ['file', 'dev', 'pool']) assert.ok(!network.includes(name), name);
  assert.deepEqual(source('volume'), ['index', 'mode', 'pool', 'startupPolicy', 'volume']);
});

test('without a schema the structure gives <source> every attribute its path allows, as before', () => {
  const offered = properties(complete(guest("    <disk type='file' device='disk'>\n      <source |/>\n    </disk>")).items);
  for (const name of ['file', 'dev', 'pool', 'protocol']) assert.ok(offered.includes(name), name);
});

test("an interface's <source> per interface type, with what the type requires marked", { skip }, () => {
  const source = (type: string) => withSchema(guest(`    <interface type='${type}'>\n      <source |/>\n    </interface>`));
  const direct = source('direct');
  assert.deepEqual(properties(direct), ['dev', 'mode', 'network', 'portgroup', 'portid']);
  assert.match(item(direct, 'dev').detail ?? '', /^required · /);
  assert.doesNotMatch(item(direct, 'mode').detail ?? '', /required/);
  const network = source('network');
  assert.ok(properties(network).includes('network') && !properties(network).includes('dev'));
  assert.match(item(network, 'network').detail ?? '', /^required · /);
  assert.deepEqual(properties(source('vhostuser')), ['dev', 'mode', 'path', 'type']);
});

test('<graphics> per type: its attributes and the children it takes', { skip }, () => {
  const vnc = properties(withSchema(guest("    <graphics type='vnc' |/>")));
  const spice = properties(withSchema(guest("    <graphics type='spice' |/>")));
  for (const name of ['websocket', 'sharePolicy', 'powerControl']) assert.ok(vnc.includes(name) && !spice.includes(name), name);
  for (const name of ['tlsPort', 'defaultMode']) assert.ok(spice.includes(name) && !vnc.includes(name), name);
  const children = (type: string) => properties(withSchema(guest(`    <graphics type='${type}'>\n      <|\n    </graphics>`)));
  assert.ok(children('spice').includes('channel') && children('spice').includes('streaming'));
  assert.ok(!children('vnc').includes('channel'));
  assert.ok(children('vnc').includes('listen'));
});

test('a choice of children: a controller takes <master> as a USB controller, <model> and <target> as a PCI one', { skip }, () => {
  const children = (type: string, model: string) => properties(withSchema(guest(`    <controller type='${type}' index='0' model='${model}'>\n      |\n    </controller>`)));
  const usb = children('usb', 'ich9-uhci1');
  const pci = children('pci', 'pcie-root-port');
  assert.ok(usb.includes('master') && !usb.includes('model') && !usb.includes('target'), usb.join(' '));
  assert.ok(pci.includes('model') && pci.includes('target') && !pci.includes('master'), pci.join(' '));
});

test('children already written are not offered again where the schema takes them once; later ones still are', { skip }, () => {
  const before = properties(withSchema(guest("    <disk type='file' device='disk'>\n      |\n      <target dev='vda'/>\n    </disk>")));
  assert.ok(before.includes('source') && before.includes('driver'));
  const after = properties(withSchema(guest("    <disk type='file' device='disk'>\n      <source file='/x.img'/>\n      |\n    </disk>")));
  assert.ok(!after.includes('source') && after.includes('target') && after.includes('driver'), after.join(' '));
});

test("attribute values per variant: a USB controller's models are USB models, a SCSI controller's SCSI ones", { skip }, () => {
  const models = (type: string) => labels(withSchema(guest(`    <controller type='${type}' index='0' model='|'/>`)));
  const usb = models('usb');
  assert.ok(usb.includes('qemu-xhci') && usb.includes('ich9-ehci1'), usb.join(' '));
  assert.ok(!usb.includes('virtio-scsi') && !usb.includes('pcie-root-port'), usb.join(' '));
  const scsi = models('scsi');
  assert.ok(scsi.includes('virtio-scsi') && !scsi.includes('qemu-xhci'), scsi.join(' '));
  // The value being edited does not narrow itself: every disk type is offered in a file disk's type.
  assert.ok(['file', 'block', 'network', 'volume'].every((type) => labels(withSchema(guest("    <disk type='fi|le' device='disk'/>"))).includes(type)));
  // Without a schema, the structure's list for the path, every model of every type.
  const all = labels(complete(guest("    <controller type='usb' index='0' model='|'/>")).items);
  assert.ok(all.includes('qemu-xhci') && all.includes('virtio-scsi'));
});

test('each item keeps the documentation and value list the structure gives it', { skip }, () => {
  const marked = guest("    <disk type='file' device='disk'>\n      <driver |/>\n    </disk>");
  const plain = complete(marked).items;
  const fitted = withSchema(marked);
  for (const name of ['cache', 'io', 'discard']) {
    assert.deepEqual(item(fitted, name).documentation, item(plain, name).documentation, name);
    assert.deepEqual(item(fitted, name).textEdit, item(plain, name).textEdit, name);
  }
  const element = (items: readonly CompletionItem[]) => item(items, 'driver', CompletionItemKind.Property);
  const content = guest("    <disk type='file' device='disk'>\n      |\n    </disk>");
  assert.deepEqual(element(withSchema(content)).documentation, element(complete(content).items).documentation);
});

test('an unfinished document: the start tag being typed, an unclosed disk, a half-typed name', { skip }, () => {
  const head = "<domain type='kvm'>\n  <name>g</name>\n  <memory>1</memory>\n  <os><type>hvm</type></os>\n  <devices>\n    <disk type='file' device='disk'>\n      ";
  // The document ends in the middle of the tag: nothing is closed.
  assert.deepEqual(properties(withSchema(`${head}<source |`)), ['fdgroup', 'file', 'index', 'startupPolicy']);
  // A partial attribute name is the one being typed, not written: it is replaced, not left out.
  assert.deepEqual(properties(withSchema(`${head}<source fi|`)), ['fdgroup', 'file', 'index', 'startupPolicy']);
  // An attribute already written is not offered again.
  assert.deepEqual(properties(withSchema(`${head}<source file='/x.img' |`)), ['fdgroup', 'index', 'startupPolicy']);
  // A child whose name is being typed, after a <driver>, with no end tag for the disk.
  const fresh = properties(withSchema(`${head}<driver name='qemu'/>\n      <sou|`));
  assert.ok(fresh.includes('source') && fresh.includes('target') && !fresh.includes('driver'), fresh.join(' '));
  // A value refused where it stands (a half-typed interface type) narrows nothing: every form's attributes.
  const undecided = properties(withSchema("<domain type='kvm'>\n  <name>g</name>\n  <devices>\n    <interface type='bri'>\n      <source |"));
  assert.ok(undecided.includes('bridge') && undecided.includes('dev') && undecided.includes('path'), undecided.join(' '));
  // A disk whose type is refused is read as having none, which libvirt's schema takes as a file disk.
  assert.deepEqual(properties(withSchema(`${head.replace("type='file'", "type='fi'")}<source |`)), ['fdgroup', 'file', 'index', 'startupPolicy']);
});

test('an element the schema cannot place gets what the structure gives its path', { skip }, () => {
  // <source> directly in <devices> is not libvirt's: the structure knows nothing there either.
  assert.deepEqual(withSchema(guest('    <source |/>')), complete(guest('    <source |/>')).items);
  // A <disk> under <domain> is misplaced: its <source> falls back to the structure's <source> of no disk.
  const misplaced = "<domain type='kvm'>\n  <name>g</name>\n  <disk type='file'>\n    <source |/>\n  </disk>\n</domain>";
  assert.deepEqual(withSchema(misplaced), complete(misplaced).items);
});

test('an element inserted in content comes with the attributes its variant needs, in the order the structure writes them', { skip }, () => {
  const source = (type: string, schema: boolean) => {
    const marked = guest(`    <interface type='${type}'>\n      |\n    </interface>`);
    const found = item(schema ? withSchema(marked) : complete(marked).items, 'source', CompletionItemKind.Property);
    return { newText: (found.textEdit as { newText: string }).newText, detail: found.detail };
  };
  // The tag is closed as the structure closes it (some interfaces' <source> take children).
  const network = source('network', true);
  assert.match(network.newText, /^<source network='\$\{1\}'>\n/);
  assert.equal(network.detail, '<source> in <interface> · requires network');
  assert.match(source('direct', true).newText, /^<source dev='\$\{1\}'>\n/);
  // Without a schema, what the structure says of every interface's <source>: nothing required.
  assert.match(source('network', false).newText, /^<source>\n/);
  // The structure's order where it knows the attributes: vcpu before cpuset, as before.
  const cputune = "<domain type='kvm'>\n  <name>g</name>\n  <memory>1</memory>\n  <vcpu>2</vcpu>\n  <cputune>\n    |\n  </cputune>\n</domain>";
  const vcpupin = (items: readonly CompletionItem[]) => (item(items, 'vcpupin', CompletionItemKind.Property).textEdit as { newText: string }).newText;
  assert.equal(vcpupin(withSchema(cputune)), vcpupin(complete(cputune).items));
  assert.equal(vcpupin(withSchema(cputune)), "<vcpupin vcpu='${1|0,1|}' cpuset='${2}'/>");
});
