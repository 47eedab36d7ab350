import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { GuestSnapshot } from './libvirt';
import { guestFromText } from './load';
import type { Guest } from './types';

/** A host's domain files are few; a folder with more than this many XML files is read up to here. */
const MAX_FILES = 512;
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * The guests of one host from domain files: each path a file or a folder of `*.xml` (not recursive),
 * such as a copy of /etc/libvirt/qemu. libvirt marks autostart with a link in `autostart/` beside the
 * files; a folder without `autostart/` is an inventory that says nothing of it, and its guests are
 * taken as ones that all start. Files that are not well-formed domains are left out. No file runs.
 */
export async function readGuestFiles(paths: readonly string[]): Promise<Guest[]> {
  return (await readGuestSnapshot(paths)).guests;
}

/** readGuestFiles with a signature of what was read (each file's path, size, time and autostart). */
export async function readGuestSnapshot(paths: readonly string[]): Promise<GuestSnapshot> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = await readdir(path).catch(() => [] as string[]);
      for (const name of names.sort()) if (/\.xml$/i.test(name)) files.push(join(path, name));
    } else if (info?.isFile()) files.push(path);
    if (files.length >= MAX_FILES) break;
  }
  const autostart = new Map<string, Set<string> | undefined>();
  const guests: Guest[] = [];
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].slice(0, MAX_FILES)) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_BYTES) continue;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const folder = dirname(file);
    if (!autostart.has(folder)) autostart.set(folder, await autostartNames(folder));
    const links = autostart.get(folder);
    const fallback = basename(file).replace(/\.xml$/i, '');
    const guest = guestFromText(text, { kind: 'file', path: file }, { running: false, autostart: false }, fallback);
    const autostarts = links === undefined || (guest !== undefined && links.has(guest.name)) || links.has(fallback);
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\0${autostarts}\0`);
    if (guest) guests.push({ ...guest, autostart: autostarts });
  }
  return { guests, signature: hash.digest('hex') };
}

/** The names in `autostart/` beside the files (`NAME.xml` links); undefined when there is no such folder. */
async function autostartNames(folder: string): Promise<Set<string> | undefined> {
  const names = await readdir(join(folder, 'autostart')).catch(() => undefined);
  return names && new Set(names.filter((name) => /\.xml$/i.test(name)).map((name) => name.replace(/\.xml$/i, '')));
}
