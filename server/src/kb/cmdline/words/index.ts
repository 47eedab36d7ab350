import { ANACONDA, DEBIAN_INSTALLER } from './installers';
import { DRACUT, LIVE_SYSTEMS, MKINITCPIO, OSTREE, PLYMOUTH } from './initramfs';
import { DISTRIBUTION_KERNELS, KERNEL_REGISTERED, X86_BOOT_OPTIONS } from './kernelRegistered';
import { SYSTEMD } from './systemd';
import type { WordReader } from './types';
import { XEN } from './xen';

export * from './types';
export { XEN };

/** Everything besides kernel-parameters.txt that reads words of a Linux kernel's command line. */
export const WORD_READERS: readonly WordReader[] = [
  X86_BOOT_OPTIONS,
  KERNEL_REGISTERED,
  DISTRIBUTION_KERNELS,
  DRACUT,
  SYSTEMD,
  PLYMOUTH,
  MKINITCPIO,
  OSTREE,
  LIVE_SYSTEMS,
  DEBIAN_INSTALLER,
  ANACONDA,
];

const BY_NAME = new Map<string, WordReader[]>();
for (const reader of [...WORD_READERS, XEN]) {
  for (const name of reader.names) {
    const key = `${reader === XEN ? 'xen:' : ''}${name}`;
    const readers = BY_NAME.get(key) ?? [];
    if (!readers.includes(reader)) readers.push(reader);
    BY_NAME.set(key, readers);
  }
}

/** The readers that document a word of a Linux command line by its whole name (`root` has several). */
export function wordReaders(name: string): readonly WordReader[] {
  return BY_NAME.get(name) ?? [];
}

/** Whether Xen documents an option of that name. */
export function isXenOption(name: string): boolean {
  return BY_NAME.has(`xen:${name}`);
}

/** The reader whose family (`rd.`, `systemd.`, `inst.`, a debconf `owner/question`) a word belongs to. */
export function wordFamily(name: string): WordReader | undefined {
  let best: { reader: WordReader; length: number } | undefined;
  for (const reader of WORD_READERS) {
    for (const prefix of reader.prefixes ?? []) {
      if (name.startsWith(prefix) && name.length > prefix.length && (!best || prefix.length > best.length)) best = { reader, length: prefix.length };
    }
  }
  if (best) return best.reader;
  if (/^[a-z][a-z0-9-]*\/[A-Za-z0-9_/-]+$/.test(name)) return WORD_READERS.find((reader) => reader.debconf);
  return undefined;
}

/** Every whole name the readers document (Xen's apart), for did-you-mean. */
export const READER_NAMES: readonly string[] = [...new Set(WORD_READERS.flatMap((reader) => reader.names))];

/** Xen's option names, for did-you-mean on a hypervisor line. */
export const XEN_NAMES: readonly string[] = XEN.names;
