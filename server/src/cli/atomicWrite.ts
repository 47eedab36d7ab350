import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder (same
 * file system, so the rename is atomic) with the file's mode, which then takes the file's place. A
 * symbolic link is followed, so the link stays a link. Readers never see half a file; a crash leaves
 * the old file whole.
 */
export async function writeFileAtomically(path: string, data: Buffer): Promise<void> {
  const target = await realpath(path);
  const mode = (await stat(target)).mode & 0o7777;
  const temporary = join(dirname(target), `.${basename(target)}.virt-tune-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.chmod(mode); // open's mode is narrowed by the umask
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
