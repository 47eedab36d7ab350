import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_DOMAIN, SELF_CLOSED_HUGEPAGES, folderWith } from './cliHarness';
import { readSourceFiles } from '../../server/src/cli/sourceFiles';

test('readSourceFiles hands each file over as it is read and reads the next only once the last was dealt with', async () => {
  const folder = folderWith({ 'a.xml': CLEAN_DOMAIN, 'b.xml': CLEAN_DOMAIN, 'c.xml': CLEAN_DOMAIN });
  const paths = ['a.xml', 'missing.xml', 'b.xml', 'c.xml'].map((name) => join(folder, name));
  const seen: { index: number; path: string; text: string }[] = [];
  const listed = await readSourceFiles(paths, undefined, async (file, index) => {
    seen.push({ index, path: file.path, text: file.text });
    // What a file holds when its turn comes: b.xml is changed while a.xml's promise is pending.
    if (index === 0) await new Promise<void>((resolve) => setImmediate(() => resolve(writeFileSync(paths[2]!, SELF_CLOSED_HUGEPAGES))));
  });
  assert.deepEqual(
    seen.map(({ index, path }) => [index, path]),
    [
      [0, paths[0]],
      [1, paths[2]],
      [2, paths[3]],
    ],
  );
  assert.equal(seen[1]!.text, SELF_CLOSED_HUGEPAGES);
  // The list keeps each file's name and kind, not its text.
  assert.deepEqual(listed.files, [paths[0], paths[2], paths[3]].map((path) => ({ path, kind: 'domain' })));
  assert.equal(listed.unreadable.length, 1);
  assert.match(listed.unreadable[0]!, /missing\.xml: no such file or folder/);
});

test('a file named from its own folder is known by its whole path: /etc/default/grub as `grub`, a BLS entry as `NAME.conf`, and in a walk of `.`', async () => {
  const root = folderWith({
    'etc/default/grub': 'GRUB_CMDLINE_LINUX="hugepages=16"\n',
    'etc/default/grub.d/50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n',
    'boot/loader/entries/debian.conf': 'title Debian\nlinux /vmlinuz\noptions root=/dev/vda1 hugepages=16\n',
  });
  const before = process.cwd();
  const kinds = async (paths: string[]) => (await readSourceFiles(paths, undefined, async () => {})).files.map(({ path, kind }) => [path, kind]);
  try {
    process.chdir(join(root, 'etc', 'default'));
    assert.deepEqual(await kinds(['grub']), [['grub', 'cmdline']]);
    assert.deepEqual(await kinds(['.']), [
      ['grub', 'cmdline'],
      [join('grub.d', '50-cloudimg-settings.cfg'), 'cmdline'],
    ]);
    process.chdir(join(root, 'etc', 'default', 'grub.d'));
    assert.deepEqual(await kinds(['50-cloudimg-settings.cfg']), [['50-cloudimg-settings.cfg', 'cmdline']]);
    process.chdir(join(root, 'boot', 'loader', 'entries'));
    assert.deepEqual(await kinds(['debian.conf']), [['debian.conf', 'cmdline']]);
  } finally {
    process.chdir(before);
  }
});
