import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDropInName, sourcingOrder } from './folder';
import type { GrubDropIn } from './types';

/** Drop-ins are a few lines each; one larger than this is not read (its settings count as not known). */
const MAX_BYTES = 1024 * 1024;
/** A folder holding more than this many is read up to here, and what the rest set counts as not known. */
const MAX_FILES = 256;

/**
 * The drop-ins of a grub.d folder, in the order grub-mkconfig sources them, each with its text; none when
 * the folder does not exist. grub-mkconfig sources every match that exists (`[ -e ]`), so a link to a
 * file counts, and a match it cannot source as a file (a folder, a file this process cannot read) is kept
 * without its text: what it sets is not known.
 */
export async function readDropInFolder(folder: string): Promise<GrubDropIn[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const files: GrubDropIn[] = [];
  for (const name of sourcingOrder(names.filter(isDropInName))) {
    const path = join(folder, name);
    if (files.length >= MAX_FILES) {
      files.push({ path, text: undefined });
      break;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const text = info.isFile() && info.size <= MAX_BYTES ? await readFile(path, 'utf8').catch(() => undefined) : undefined;
    files.push({ path, text });
  }
  return files;
}
