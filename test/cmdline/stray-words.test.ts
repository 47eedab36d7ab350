import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootHugePagesOf } from '../../server/src/guests/boot';

test("the huge pages a grub.cfg reserves at boot leave out a stray line's, which GRUB never passes to the kernel", async () => {
  const folder = await mkdtemp(join(tmpdir(), 'vt-stray-'));
  try {
    const path = join(folder, 'grub.cfg');
    await writeFile(path, 'linux /vmlinuz-6.8.5 ro hugepagesz=2M hugepages=512\n  hugepagesz=1G hugepages=8\ninitrd /initramfs.img\n');
    assert.deepEqual((await bootHugePagesOf(path))?.pages, [{ sizeKiB: 2048, count: 512 }]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
