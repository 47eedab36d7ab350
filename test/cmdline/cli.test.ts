import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderWith, ROOT, runCli } from '../cli/cliHarness';

const GUIDE_GRUB2 = '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro\nrd.lvm.lv=vg0/lv0 rhgb\nquiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n';

interface JsonEntry {
  file: string;
  kind: string;
  diagnostics: { rule: string }[];
}

test('lint finds command line files in a folder by the names hosts give them', () => {
  const folder = folderWith({
    'host/etc/default/grub': 'GRUB_CMDLINE_LINUX="numa_balancing=0"\n',
    'host/boot/grub2/grub.cfg': GUIDE_GRUB2,
    'host/boot/loader/entries/abc-6.8.5.conf': 'version 6.8.5\noptions elevator=noop\n',
    'host/etc/kernel/cmdline': 'transparent_hugepage=never\n',
    'host/etc/notes.txt': 'numa_balancing=0\n',
  });
  const run = runCli(['lint', '--format', 'json', 'host'], folder);
  assert.equal(run.status, 1, run.stderr);
  const entries = JSON.parse(run.stdout) as JsonEntry[];
  assert.deepEqual(
    entries.map((entry) => [entry.file, entry.kind, entry.diagnostics.map((diagnostic) => diagnostic.rule)]),
    [
      [join('host', 'boot', 'grub2', 'grub.cfg'), 'cmdline', ['VT307', 'VT307']],
      [join('host', 'boot', 'loader', 'entries', 'abc-6.8.5.conf'), 'cmdline', ['VT306']],
      [join('host', 'etc', 'default', 'grub'), 'cmdline', ['VT301']],
      [join('host', 'etc', 'kernel', 'cmdline'), 'cmdline', []],
    ],
  );
});

test('--kind cmdline lints a file of any name, its shape told by its text', () => {
  const folder = folderWith({ 'saved.txt': 'GRUB_CMDLINE_LINUX="transparent_hugepage=off"\n' });
  const run = runCli(['lint', '--kind', 'cmdline', 'saved.txt'], folder);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^saved\.txt:1:42: error VT301 transparent_hugepage=off/);
});

test("fix joins the guide's broken grub2.cfg kernel line", () => {
  const folder = folderWith({ 'grub2.cfg': GUIDE_GRUB2 });
  const run = runCli(['fix', 'grub2.cfg'], folder);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    readFileSync(join(folder, 'grub2.cfg'), 'utf8'),
    '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro rd.lvm.lv=vg0/lv0 rhgb quiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n',
  );
});

test("examples/grub: the guide's grub2.cfg is flagged where it is broken; its grub.conf and a tuned host's /etc/default/grub are clean", () => {
  const run = runCli(['lint', '--format', 'json', 'examples/grub'], ROOT);
  const entries = JSON.parse(run.stdout) as JsonEntry[];
  const byFile = Object.fromEntries(entries.map((entry) => [entry.file, entry.diagnostics.map((diagnostic) => diagnostic.rule)]));
  assert.deepEqual(byFile, {
    [join('examples', 'grub', 'etc', 'default', 'grub')]: [],
    [join('examples', 'grub', 'guide-6.4.1-grub.conf')]: [],
    [join('examples', 'grub', 'guide-6.4.2-grub2.cfg')]: ['VT307', 'VT307'],
  });
});

test('fix leaves a template file byte for byte and says it skipped it; it never removes an accumulating option', () => {
  const template = 'GRUB_CMDLINE_LINUX="isolcpus={{ cpus }} numa_balancing=0 intel_iommu=on intel_iommu=on"\n';
  const vfio = 'GRUB_CMDLINE_LINUX="intel_iommu=on iommu=pt intel_iommu=igfx_off iommu=1 transparent_hugepage=always transparent_hugepage=never"\n';
  const folder = folderWith({ 'tpl/etc/default/grub': template, 'vfio/etc/default/grub': vfio });
  const run = runCli(['fix', 'tpl/etc/default/grub', 'vfio/etc/default/grub'], folder);
  assert.match(run.stderr, /tpl\/etc\/default\/grub: left unchanged: it is a Jinja template \(line 1\), and fix does not change templates/);
  assert.equal(readFileSync(join(folder, 'tpl/etc/default/grub'), 'utf8'), template);
  // Only the transparent_hugepage copy that has no effect (setup_transparent_hugepage() sets the mode anew) goes.
  assert.equal(
    readFileSync(join(folder, 'vfio/etc/default/grub'), 'utf8'),
    'GRUB_CMDLINE_LINUX="intel_iommu=on iommu=pt intel_iommu=igfx_off iommu=1 transparent_hugepage=never"\n',
  );
});
