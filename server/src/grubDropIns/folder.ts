import { DEFAULT_GRUB_PATH, GRUB_DROP_IN_PATH } from '../cmdline/shape';
import type { GrubDropIn, GrubDropIns } from './types';

/**
 * The grub.d folder whose drop-ins grub-mkconfig sources after the file at `path`: the one beside an
 * /etc/default/grub, or a drop-in's own folder; undefined for any other path.
 */
export function dropInFolderOf(path: string): string | undefined {
  if (DEFAULT_GRUB_PATH.test(path)) return `${path}.d`;
  if (GRUB_DROP_IN_PATH.test(path)) return path.slice(0, path.lastIndexOf('/'));
  return undefined;
}

/**
 * Names in the order Debian's grub-mkconfig sources them: its `for x in .../grub.d/*.cfg` runs under
 * /bin/sh, which is dash there, and dash sorts the matches of a pattern byte by byte (strcmp), whatever
 * the locale.
 */
export function sourcingOrder(names: readonly string[]): string[] {
  return [...names].sort(byteOrder);
}

/** Two names compared byte by byte in UTF-8, as dash's strcmp does. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether a folder entry is one the pattern takes: a name ending in `.cfg` (dot files too: dash's `*` skips them). */
export function isDropInName(name: string): boolean {
  return name.endsWith('.cfg') && !name.startsWith('.');
}

/**
 * The drop-ins sourced after the file at `path`, from its folder's drop-ins (all of them, in sourcing
 * order): every one for an /etc/default/grub, those whose names come later for a drop-in. Undefined when
 * there are none, so that a file without drop-ins is judged as before.
 */
export function dropInsAfter(path: string, folder: string, files: readonly GrubDropIn[]): GrubDropIns | undefined {
  let after = files;
  if (GRUB_DROP_IN_PATH.test(path)) {
    const own = nameOf(path);
    after = files.filter((file) => byteOrder(nameOf(file.path), own) > 0);
  }
  return after.length > 0 ? { folder, files: after } : undefined;
}
