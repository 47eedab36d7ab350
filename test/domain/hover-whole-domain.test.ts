import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { serviceFor } from '../../server/src/services';
import { domain, withCursor } from '../helpers';

// Hover on elements and attributes the knowledge base has no fact about: libvirt's schema structure
// and the formatdomain section that documents them.

function hover(marked: string): { markdown: string; covered: string } | null {
  const { document, position } = withCursor(marked);
  const result: Hover | null = serviceFor('domain')!.hover(document, position);
  if (!result) return null;
  const text = document.getText();
  return {
    markdown: (result.contents as { value: string }).value,
    covered: text.slice(document.offsetAt(result.range!.start), document.offsetAt(result.range!.end)),
  };
}

const GRAPHICS = `  <devices>\n    <graphics type='vnc' port='-1' autoport='yes'/>\n  </devices>`;

test('hover on <graphics>: its attributes with their values, required or not, its children and its section', () => {
  const result = hover(domain(GRAPHICS.replace('<graphics', '<grap|hics')))!;
  assert.equal(result.covered, 'graphics');
  assert.match(result.markdown, /\*\*`<graphics>`\*\* in `<devices>`/);
  assert.match(result.markdown, /- `type` \(required\) — sdl \| vnc \| spice/);
  assert.match(result.markdown, /- `autoport` — yes \| no/);
  assert.match(result.markdown, /- `port` — integer -1–65535/);
  assert.match(result.markdown, /Children: .*`<listen>`/);
  assert.match(result.markdown, /\[libvirt: Graphical framebuffers\]\(https:\/\/libvirt\.org\/formatdomain\.html#graphical-framebuffers\)/);
  assert.doesNotMatch(result.markdown, /Guide content summarized/, 'no guide credit where the guide is not a source');
});

test('hover on an attribute without a fact: required or optional, its values, and the section', () => {
  const type = hover(domain(GRAPHICS.replace("type='vnc'", "ty|pe='vnc'")))!;
  assert.equal(type.covered, 'type');
  assert.match(type.markdown, /Required\./);
  for (const value of ['sdl', 'vnc', 'spice', 'rdp', 'desktop', 'egl-headless', 'dbus']) assert.ok(type.markdown.includes(`\`${value}\``), value);
  assert.match(type.markdown, /#graphical-framebuffers\)/);
  const port = hover(domain(GRAPHICS.replace("port='-1'", "po|rt='-1'")))!;
  assert.match(port.markdown, /\*\*`port`\*\* on `<graphics>` — integer -1–65535/);
  assert.match(port.markdown, /Optional\./);
});

test("hover on a value of an enumeration outside the tuning part: <disk device='cdrom'>", () => {
  const result = hover(domain(`  <devices>\n    <disk type='file' device='cd|rom'>\n      <target dev='sda' bus='sata'/>\n    </disk>\n  </devices>`))!;
  assert.equal(result.covered, 'cdrom');
  assert.match(result.markdown, /\*\*`cdrom`\*\* — a CD-ROM drive/);
  assert.match(result.markdown, /`floppy` — a floppy drive/);
  assert.match(result.markdown, /#hard-drives-floppy-disks-cdroms\)/);
});

test('hover on elements of <os>, <features> and the lifecycle actions', () => {
  const os = domain('').replace('<type arch', '<boot dev=\'hd\'/>\n    <type arch').replace('<boot', '<bo|ot');
  const boot = hover(os)!;
  assert.equal(boot.covered, 'boot');
  assert.match(boot.markdown, /- `dev` \(required\) — hd \| fd \| cdrom \| network/);
  assert.match(boot.markdown, /\[libvirt: BIOS bootloader\]\(https:\/\/libvirt\.org\/formatdomain\.html#bios-bootloader\)/);

  const acpi = hover(domain('  <features>\n    <ac|pi/>\n  </features>'))!;
  assert.match(acpi.markdown, /Always empty: `<acpi\/>`/);
  assert.match(acpi.markdown, /#hypervisor-features\)/);

  const features = hover(domain('  <feat|ures>\n    <acpi/>\n  </features>'))!;
  assert.match(features.markdown, /Children: `<pae>`, `<apic>`, `<acpi>`/);

  const name = hover(domain('').replace('<name>', '<na|me>'))!;
  assert.match(name.markdown, /Holds text\./);
  assert.match(name.markdown, /#general-metadata\)/);

  const crash = hover(domain('  <on_crash>coredump-re|start</on_crash>'))!;
  assert.equal(crash.covered, 'coredump-restart');
  assert.match(crash.markdown, /\*\*`coredump-restart`\*\* — dump its core, then restart it/);
  assert.match(crash.markdown, /#events-configuration\)/);
});

test('an element with a fact keeps its fact and gains its children and section link', () => {
  const disk = hover(domain(`  <devices>\n    <di|sk type='file' device='disk'>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n  </devices>`))!;
  assert.match(disk.markdown, /Guide 3\.3/);
  assert.match(disk.markdown, /Children: .*`<target>` \(required\)/);
  assert.match(disk.markdown, /#hard-drives-floppy-disks-cdroms\)/);
  // One link per section: the fact's own libvirt source is not repeated.
  assert.equal(disk.markdown.split('#hard-drives-floppy-disks-cdroms').length, 2);
});

test('a heading with angle brackets is escaped in the link text', () => {
  const os = hover(domain('').replace('<os>', '<o|s>'))!;
  assert.match(os.markdown, /\[libvirt: Common \\<os\\> element configuration\]\(https:\/\/libvirt\.org\/formatdomain\.html#common-os-element-configuration\)/);
});

test('open content and unknown names get no structure hover', () => {
  const metadata = hover(domain("  <metadata>\n    <app:i|nfo xmlns:app='urn:x'/>\n  </metadata>"));
  assert.equal(metadata, null);
  assert.equal(hover(domain(GRAPHICS.replace('<graphics', '<graphics bo|gus="1"'))), null);
});
