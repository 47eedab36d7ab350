import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { GUIDE_CREDIT } from '../../server/src/kb/sources';
import { serviceFor } from '../../server/src/services';
import { domain, textDocument, withCursor } from '../helpers';

/** Hover through the domain service at the `|` of a marked text: its Markdown and the text its range covers. */
function hover(marked: string): { markdown: string; covered: string } | null {
  const { document, position } = withCursor(marked);
  const result: Hover | null = serviceFor('domain')!.hover(document, position);
  if (!result) return null;
  const contents = result.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  assert.ok(result.range, 'a hover has a range');
  const text = document.getText();
  return { markdown: contents.value, covered: text.slice(document.offsetAt(result.range.start), document.offsetAt(result.range.end)) };
}

const PINS = `  <cputune>\n    <vcpupin vcpu='0' cpuset='1-4,^2'/>\n  </cputune>`;
const DISK = `  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' cache='none' io='native'/>
      <source file='/var/lib/libvirt/images/guest.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>`;

test('hover on <vcpupin> names guide 9.3.4, links libvirt CPU Tuning and credits the guide', () => {
  const result = hover(domain(PINS.replace('<vcpupin', '<vcp|upin')))!;
  assert.equal(result.covered, 'vcpupin');
  assert.match(result.markdown, /Guide 9\.3\.4 \(Domain vCPU Threads\)/);
  assert.match(result.markdown, /\(https:\/\/libvirt\.org\/formatdomain\.html#cpu-tuning\)/);
  assert.ok(result.markdown.includes(GUIDE_CREDIT));
  assert.match(result.markdown, /`vcpu` \(required\)/);
});

test('hover on an end tag name covers that name', () => {
  const result = hover(domain(`  <memtune>\n    <hard_limit unit='KiB'>5242880</hard_limit>\n  </mem|tune>`));
  assert.ok(result);
  assert.equal(result.covered, 'memtune');
});

test('hover on the cache attribute explains it and lists its values', () => {
  const result = hover(domain(DISK.replace("cache='none'", "ca|che='none'")))!;
  assert.equal(result.covered, 'cache');
  for (const value of ['none', 'writethrough', 'writeback', 'directsync', 'unsafe']) {
    assert.ok(result.markdown.includes(`\`${value}\``), value);
  }
  assert.match(result.markdown, /Guide 7\.2/);
});

test("hover on cache='none' says what none does", () => {
  const result = hover(domain(DISK.replace("cache='none'", "cache='no|ne'")))!;
  assert.equal(result.covered, 'none');
  assert.match(result.markdown, /cache='none'/);
  assert.match(result.markdown, /\*\*`none`\*\*/, 'the value hovered stands out in the list');
  assert.match(result.markdown, /page cache/i);
});

test('hover on <hard_limit> gives its unit, KiB by default', () => {
  const result = hover(domain(`  <memtune>\n    <hard_|limit>5242880</hard_limit>\n  </memtune>`))!;
  assert.equal(result.covered, 'hard_limit');
  assert.match(result.markdown, /KiB/);
  assert.match(result.markdown, /Guide 8\.2\.2/);
});

test('hover on a size converts it', () => {
  const result = hover(domain(`  <memtune>\n    <hard_limit unit='KiB'>52|42880</hard_limit>\n  </memtune>`))!;
  assert.equal(result.covered, '5242880');
  assert.match(result.markdown, /5 GiB/);
});

test('hover on a cpuset value lists the ids it selects', () => {
  const result = hover(domain(PINS.replace("'1-4,^2'", "'1-|4,^2'")))!;
  assert.equal(result.covered, '1-4,^2');
  assert.match(result.markdown, /CPUs 1, 3, 4\b/);
  const guideExample = `<domain type='kvm'>\n  <name>g</name>\n  <vcpu placement='static' cpuset='0-10,^|5'>8</vcpu>\n</domain>\n`;
  const guide = hover(guideExample);
  assert.ok(guide);
  assert.match(guide.markdown, /CPUs 0, 1, 2, 3, 4, 6, 7, 8, 9, 10 \(10 in all\)/);
  const nodes = hover(domain(`  <numatune>\n    <memory mode='strict' nodeset='0,|2-3'/>\n  </numatune>`))!;
  assert.match(nodes.markdown, /host NUMA nodes 0, 2, 3/);
});

test('hover on a broken cpuset says why', () => {
  const result = hover(domain(PINS.replace("'1-4,^2'", "'4-|1'")))!;
  assert.match(result.markdown, /reversed range/);
});

test('no hover on elements the knowledge base does not know, on white space, or outside a domain', () => {
  assert.equal(hover(domain('  <fro|bnicate/>')), null);
  assert.equal(hover(domain(PINS.replace('<vcpupin', '<vcpupin bo|gus="1"'))), null);
  assert.equal(hover(domain('  |')), null);
  assert.equal(hover('<network>\n  <bri|dge name="virbr0"/>\n</network>'), null);
  assert.equal(hover("<network><vcpupin vcpu='0' cpuset='1|'/></network>"), null);
});

test('hover never throws on half-typed documents', () => {
  const full = domain(`${PINS}\n${DISK}`);
  for (let end = 0; end <= full.length; end += 5) {
    const document = textDocument(full.slice(0, end));
    for (let offset = 0; offset <= end; offset += 3) serviceFor('domain')!.hover(document, document.positionAt(offset));
  }
});
