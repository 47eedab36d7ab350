import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { cmdlineHover } from '../../server/src/cmdline/hover';
import { atCursor, DEFAULT_GRUB, GRUB_CFG } from './cmdlineHelpers';

function hoverAt(marked: string, path = DEFAULT_GRUB): { hover: Hover | null; text: string } {
  const { document, position } = atCursor(marked, path);
  return { hover: cmdlineHover(document, position), text: document.getText() };
}

function markdown(hover: Hover | null): string {
  assert.ok(hover);
  return (hover.contents as MarkupContent).value;
}

function rangeOf(hover: Hover | null, text: string): string {
  assert.ok(hover?.range);
  const lines = text.split('\n');
  assert.equal(hover.range.start.line, hover.range.end.line);
  return lines[hover.range.start.line]!.slice(hover.range.start.character, hover.range.end.character);
}

test('hover on a parameter name: what it does, its values, default, and its sources with the guide credit', () => {
  const { hover, text } = hoverAt('GRUB_CMDLINE_LINUX="quiet transparent_huge|page=never"\n');
  assert.equal(rangeOf(hover, text), 'transparent_hugepage');
  const value = markdown(hover);
  assert.match(value, /^\*\*`transparent_hugepage`\*\* — kernel parameter/);
  assert.match(value, /- \*\*`never`\*\* — no transparent huge pages/);
  assert.match(value, /\*\*Advice:\*\* The guide turns THP off/);
  assert.match(value, /\[kernel: kernel-parameters\.txt \(Linux 6\.12\)\]\(https:\/\/docs\.kernel\.org\/admin-guide\/kernel-parameters\.html\)/);
  assert.match(value, /Guide 8\.2\.3\.2 \(Configuring Static Huge Pages\)/);
  assert.match(value, /CC BY-SA 3\.0/);
});

test('hover on a value: that value first', () => {
  const { hover, text } = hoverAt('linux /vmlinuz-6.8.0 numa_balancing=dis|able\n', GRUB_CFG);
  assert.equal(rangeOf(hover, text), 'disable');
  assert.match(markdown(hover), /^\*\*`numa_balancing=disable`\*\* — no automatic NUMA balancing/);
});

test('hover on a module option written with dashes finds it, and says how the documentation spells it', () => {
  const { hover } = hoverAt('GRUB_CMDLINE_LINUX="kvm-intel.nes|ted=1"\n');
  assert.match(markdown(hover), /\*\*`kvm_intel\.nested`\*\* — kernel module option \(documented as `kvm-intel\.nested`\)/);
  assert.match(markdown(hover), /Default: `1`/);
});

test('hover on a documented parameter the knowledge base does not describe, after --, and elsewhere', () => {
  assert.match(markdown(hoverAt('GRUB_CMDLINE_LINUX="qu|iet"\n').hover), /Documented in the kernel's parameter list/);
  assert.match(markdown(hoverAt('GRUB_CMDLINE_LINUX="ro -- sin|gle"\n').hover), /comes after `--`: the kernel hands it to init/);
  assert.equal(hoverAt('GRUB_TIME|OUT=5\nGRUB_CMDLINE_LINUX="quiet"\n').hover, null);
  assert.equal(hoverAt('GRUB_CMDLINE_LINUX="frob|nicate"\n').hover, null);
  assert.equal(hoverAt('GRUB_CMDLINE_LINUX="$EXT|RA"\n').hover, null);
});

test('hover on a word another program reads names the reader and its source', () => {
  const { document, position } = atCursor('quiet rd.lv|m.lv=vg/root systemd.log_level=debug\n');
  const hover = cmdlineHover(document, position);
  const value = (hover?.contents as { value: string }).value;
  assert.match(value, /read by the initramfs: dracut \(the initramfs\)\./);
  assert.match(value, /dracut\.cmdline\(7\)\]\(https:\/\/man7\.org\/linux\/man-pages\/man7\/dracut\.cmdline\.7\.html\)/);
});

test("hover on a stray line's word says what it is, though the kernel never gets it (VT307 says so)", () => {
  const { hover, text } = hoverAt('linux /vmlinuz-6.8.0 ro\nquiet numa_balancing=dis|able\n', GRUB_CFG);
  assert.equal(rangeOf(hover, text), 'disable');
  assert.match(markdown(hover), /^\*\*`numa_balancing=disable`\*\*/);
});
