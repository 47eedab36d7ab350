import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readDropInFolder } from '../../server/src/grubDropIns/read';
import { dropInFolderOf, dropInsAfter } from '../../server/src/grubDropIns/folder';
import { GrubDropInsProvider } from '../../server/src/grubDropIns/provider';
import type { GrubDropIn } from '../../server/src/grubDropIns/types';
import { bootHugePagesOf } from '../../server/src/guests/boot';
import { detectKind } from '../../server/src/services';
import { folderWith, runCli } from '../cli/cliHarness';
import { sourceLikeGrubMkconfig } from './dropInShell';

async function withFolder(run: (folder: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'vt-drop-ins-'));
  try {
    await run(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

test('drop-ins are of /etc/default/grub\'s kind, and their folder is the grub.d beside it', () => {
  assert.equal(detectKind('/etc/default/grub.d/50-cloudimg-settings.cfg', 'GRUB_TIMEOUT=0\n'), 'cmdline');
  assert.equal(dropInFolderOf('/etc/default/grub'), '/etc/default/grub.d');
  assert.equal(dropInFolderOf('/etc/default/grub.d/50-cloudimg-settings.cfg'), '/etc/default/grub.d');
  assert.equal(dropInFolderOf('/etc/default/grub.d/notes.txt'), undefined);
  assert.equal(dropInFolderOf('/boot/grub/grub.cfg'), undefined);
  const files: GrubDropIn[] = ['10-a.cfg', '50-b.cfg', '99-c.cfg'].map((name) => ({ path: `/etc/default/grub.d/${name}`, text: '' }));
  assert.deepEqual(dropInsAfter('/etc/default/grub', '/etc/default/grub.d', files)?.files.length, 3);
  assert.deepEqual(dropInsAfter('/etc/default/grub.d/50-b.cfg', '/etc/default/grub.d', files)?.files.map((file) => file.path), ['/etc/default/grub.d/99-c.cfg']);
  assert.equal(dropInsAfter('/etc/default/grub.d/99-c.cfg', '/etc/default/grub.d', files), undefined);
});

test('a grub.d folder is read in the order dash (grub-mkconfig\'s /bin/sh) sources it: matches that exist, byte order, no dot files', async () => {
  await withFolder(async (folder) => {
    const names = ['_z.cfg', 'a.cfg', 'A.cfg', '5_b.cfg', '50-a.cfg', '10-x.cfg', '.hidden.cfg', 'notes.txt'];
    for (const name of names) await writeFile(join(folder, name), `X=${name}\n`);
    await symlink(join(folder, 'missing'), join(folder, 'dangling.cfg'));
    await mkdir(join(folder, 'dir.cfg'));
    const read = await readDropInFolder(folder);
    const listed = spawnSync('dash', ['-c', 'for x in "$1"/*.cfg; do if [ -e "$x" ]; then printf "%s\\n" "${x##*/}"; fi; done', 'dash', folder], { encoding: 'utf8' });
    assert.deepEqual(read.map((file) => file.path.slice(folder.length + 1)), listed.stdout.trim().split('\n'));
    assert.deepEqual(read.map((file) => file.path.slice(folder.length + 1)), ['10-x.cfg', '50-a.cfg', '5_b.cfg', 'A.cfg', '_z.cfg', 'a.cfg', 'dir.cfg']);
    // A folder grub-mkconfig would fail to source: kept, with no text (what it sets is not known).
    assert.equal(read.at(-1)!.text, undefined);
    assert.equal(read[0]!.text, 'X=10-x.cfg\n');
    assert.deepEqual(await readDropInFolder(join(folder, 'none')), []);
  });
});

test('VT115\'s boot pages: etc/default/grub read with its drop-ins, as dash sources them', async () => {
  await withFolder(async (folder) => {
    const grub = join(folder, 'etc', 'default', 'grub');
    await mkdir(join(dirname(grub), 'grub.d'), { recursive: true });
    const tuned = 'GRUB_CMDLINE_LINUX="default_hugepagesz=1G hugepagesz=1G"\nGRUB_CMDLINE_LINUX_DEFAULT="quiet hugepages=16"\n';
    await writeFile(grub, tuned);
    assert.deepEqual((await bootHugePagesOf(grub))?.pages, [{ sizeKiB: 1048576, count: 16 }]);
    // The cloud image's drop-in replaces GRUB_CMDLINE_LINUX_DEFAULT: its pages are not reserved.
    const cloud = 'GRUB_CMDLINE_LINUX_DEFAULT="console=tty1 console=ttyS0"\n';
    await writeFile(join(dirname(grub), 'grub.d', '50-cloudimg-settings.cfg'), cloud);
    const replaced = await bootHugePagesOf(grub);
    assert.deepEqual(replaced?.pages, []);
    assert.match(replaced!.path, /etc\/default\/grub \(with .*etc\/default\/grub\.d\/\*\.cfg\)$/);
    // A drop-in sourced after it adds pages; hugepages= there counts the 1G size hugepagesz= of
    // GRUB_CMDLINE_LINUX gave, which comes first on the kernel's line.
    const tuning = 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT hugepages=8"\n';
    await writeFile(join(dirname(grub), 'grub.d', '99-tuning.cfg'), tuning);
    const values = sourceLikeGrubMkconfig('dash', tuned, { '50-cloudimg-settings.cfg': cloud, '99-tuning.cfg': tuning }, ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT']).values;
    assert.deepEqual(values, { GRUB_CMDLINE_LINUX: 'default_hugepagesz=1G hugepagesz=1G', GRUB_CMDLINE_LINUX_DEFAULT: 'console=tty1 console=ttyS0 hugepages=8' });
    assert.deepEqual((await bootHugePagesOf(grub))?.pages, [{ sizeKiB: 1048576, count: 8 }]);
    // A drop-in that runs a command: not sure, so nothing from these files (the next boot file is asked).
    await writeFile(join(dirname(grub), 'grub.d', '98-maybe.cfg'), '[ -e /etc/x ] && GRUB_CMDLINE_LINUX_DEFAULT="hugepages=1"\n');
    assert.equal(await bootHugePagesOf(grub), undefined);
  });
});

test('lint reads the grub.d folder beside /etc/default/grub, and beside a drop-in the ones after it', () => {
  const folder = folderWith({
    'etc/default/grub': 'GRUB_CMDLINE_LINUX_DEFAULT="quiet isolcpus=2-7"\n',
    'etc/default/grub.d/50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n',
    'etc/default/grub.d/99-tuning.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="intel_iommu=on iommu=pt"\n',
  });
  const run = runCli(['lint', 'etc'], folder);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 2, run.stdout);
  assert.match(lines[0]!, /^etc\/default\/grub:1:1: warning VT320 GRUB_CMDLINE_LINUX_DEFAULT is set again by the drop-in grub\.d\/50-cloudimg-settings\.cfg \(line 1\), .* so quiet isolcpus=2-7 never reach the kernel/);
  assert.match(lines[1]!, /^etc\/default\/grub\.d\/50-cloudimg-settings\.cfg:1:1: warning VT320 .* by the drop-in 99-tuning\.cfg \(line 1\)/);
  // The file alone (no folder beside it) says nothing.
  const alone = folderWith({ 'grub': 'GRUB_CMDLINE_LINUX_DEFAULT="quiet isolcpus=2-7"\n' });
  assert.equal(runCli(['lint', '--kind', 'cmdline', 'grub'], alone).stdout, '');
});

test('fix leaves a parameter alone that only looks like a duplicate: the copy after it is one a drop-in replaces', () => {
  // The kernel keeps the last transparent_hugepage=: without the drop-in, VT305 removes the first as having no
  // effect; with Ubuntu's cloud image drop-in replacing GRUB_CMDLINE_LINUX_DEFAULT, the first is the one in effect.
  const grub = 'GRUB_CMDLINE_LINUX="transparent_hugepage=never"\nGRUB_CMDLINE_LINUX_DEFAULT="transparent_hugepage=always quiet"\n';
  const alone = folderWith({ 'etc/default/grub': grub });
  assert.match(runCli(['fix', '--dry-run', 'etc/default/grub'], alone).stdout, /^\+GRUB_CMDLINE_LINUX=""$/m);
  const folder = folderWith({ 'etc/default/grub': grub, 'etc/default/grub.d/50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n' });
  const run = runCli(['fix', '--dry-run', 'etc/default/grub'], folder);
  assert.equal(run.stdout, '', run.stderr);
  assert.match(run.stderr, /would apply 0 fixes in 0 files/);
});

test('the server\'s drop-ins: read when first asked, a drop-in open in the editor counts with its text, one snapshot while nothing changes', async () => {
  const disk = new Map<string, GrubDropIn[]>([['/h/etc/default/grub.d', [{ path: '/h/etc/default/grub.d/50-cloudimg-settings.cfg', text: 'GRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n' }]]]);
  let clock = 0;
  let reads = 0;
  const changed: string[] = [];
  let settle: () => void = () => undefined;
  const provider = new GrubDropInsProvider({
    maxAgeMs: 5000,
    now: () => clock,
    onDidChange: (folder) => {
      changed.push(folder);
      settle();
    },
    read: async (folder) => {
      reads++;
      return disk.get(folder) ?? [];
    },
  });
  const grub = 'file:///h/etc/default/grub';
  const arrived = new Promise<void>((resolve) => (settle = resolve));
  assert.equal(provider.current(grub), undefined, 'not read yet: never waits');
  assert.equal(provider.current('file:///h/etc/libvirt/qemu/web.xml'), undefined);
  await arrived;
  assert.deepEqual(changed, ['/h/etc/default/grub.d']);
  const first = provider.current(grub);
  assert.equal(first?.files[0]!.text, 'GRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n');
  assert.equal(provider.current(grub), first, 'the same snapshot: findings stay cached');
  assert.equal(reads, 1);
  // Typed in the editor: counts at once, no read.
  provider.documentChanged('file:///h/etc/default/grub.d/50-cloudimg-settings.cfg', 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT x"\n');
  assert.equal(changed.length, 2);
  const typed = provider.current(grub);
  assert.notEqual(typed, first);
  assert.match(typed!.files[0]!.text!, /\$GRUB_CMDLINE_LINUX_DEFAULT x/);
  // Closed without saving: the file's own text again, once read.
  const reread = new Promise<void>((resolve) => (settle = resolve));
  provider.documentChanged('file:///h/etc/default/grub.d/50-cloudimg-settings.cfg', undefined);
  assert.equal(changed.length, 3);
  provider.current(grub);
  await reread;
  assert.equal(reads, 2);
  // Stale after maxAgeMs: read again when asked; the same files change nothing.
  clock = 6000;
  provider.current(grub);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(reads, 3);
  assert.equal(changed.length, 3);
});
