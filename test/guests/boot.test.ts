import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { bootHugePagesBeside, bootHugePagesOf } from '../../server/src/guests/boot';
import { readGuestFiles } from '../../server/src/guests/files';
import { domain, rangeText } from '../helpers';
import { fixtureHost, ROOT } from '../host/hostFixtures';
import { guestFindings } from './guestFixtures';

// test/guests/fixtures/tree: a host's files in a workspace: etc/libvirt/qemu with web02 (autostart,
// 2 GiB of 1 GiB pages) and etc/default/grub reserving 4 pages of 1 GiB and 512 of 2 MiB at boot.
const QEMU = join(ROOT, 'test', 'guests', 'fixtures', 'tree', 'etc', 'libvirt', 'qemu');
const GiB = 1048576;
const onePages = (memoryKiB: number) => domain(`  <memoryBacking>\n    <hugepages>\n      <page size='1' unit='G'/>\n    </hugepages>\n  </memoryBacking>`, { memoryKiB });

test('the huge pages the same tree\'s etc/default/grub reserves at boot, read with the command line parser', async () => {
  const boot = await bootHugePagesBeside(QEMU);
  assert.deepEqual(boot?.pages, [{ sizeKiB: 2048, count: 512 }, { sizeKiB: GiB, count: 4 }]);
  assert.match(boot!.path, /tree\/etc\/default\/grub$/);
  assert.equal(await bootHugePagesBeside(join(ROOT, 'examples')), undefined, 'only beside an etc/libvirt/qemu');
});

test('VT115 flags guests asking for more pages of a size than the kernel command line reserves, naming the file and the guests', async () => {
  const host = await fixtureHost('two-nodes');
  const guests = await readGuestFiles([QEMU]);
  const bootHugepages = (await bootHugePagesBeside(QEMU))!;
  const text = onePages(3 * GiB);
  const [finding] = guestFindings(text, host, guests, 'VT115', { bootHugepages });
  assert.equal(rangeText(text, finding!), '1');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /^The kernel command line in .*etc\/default\/grub reserves 4 huge pages of 1 GiB at boot, but 5 are asked for \(this guest 3; 'web02' \(web02\.xml, autostart\) 2\)\./);
  assert.deepEqual(guestFindings(onePages(2 * GiB), host, guests, 'VT115', { bootHugepages }), [], '4 of 4');
  assert.deepEqual(guestFindings(text, host, guests, 'VT115'), [], 'silent without the boot files');
});

test('a count the kernel replaces is not added to the boot pages', async () => {
  // default_hugepagesz=2M takes hugepages=512 over, then hugepages=8 replaces it: 8 pages of 2M, none of 1G.
  const folder = await mkdtemp(join(tmpdir(), 'vt-boot-'));
  try {
    const grub = join(folder, 'etc', 'default', 'grub');
    await mkdir(dirname(grub), { recursive: true });
    await writeFile(grub, 'GRUB_CMDLINE_LINUX="hugepages=512 hugepagesz=1G default_hugepagesz=2M hugepages=8"\n');
    assert.deepEqual((await bootHugePagesOf(grub))?.pages, [{ sizeKiB: 2048, count: 8 }]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('an etc/default/grub bash cannot source (a quote never closed) reserves no pages: grub-mkconfig writes no command line from it', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'vt-boot-'));
  try {
    const grub = join(folder, 'etc', 'default', 'grub');
    await mkdir(dirname(grub), { recursive: true });
    await writeFile(grub, 'GRUB_CMDLINE_LINUX="hugepagesz=2M hugepages=512\nGRUB_TIMEOUT=5\n');
    assert.deepEqual((await bootHugePagesOf(grub))?.pages ?? [], []);
    await writeFile(grub, 'GRUB_CMDLINE_LINUX="hugepagesz=2M hugepages=512"\nGRUB_TIMEOUT=5\n');
    assert.deepEqual((await bootHugePagesOf(grub))?.pages, [{ sizeKiB: 2048, count: 512 }]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
