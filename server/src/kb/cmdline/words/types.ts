import type { Source } from '../../types';

/**
 * Who reads a word of a kernel command line. The kernel hands the words it does not know on to init
 * (kernel-parameters.rst), and every program of the boot reads /proc/cmdline for its own: the
 * initramfs (dracut, mkinitcpio hooks, live systems), systemd, installers. A Xen line is the hypervisor's.
 */
export type WordClass = 'kernel' | 'module' | 'initramfs' | 'init' | 'installer' | 'hypervisor';

/** The values a reader documents for one of its words. */
export type WordValues =
  | { kind: 'keywords'; values: readonly string[]; alsoNumbers?: { min: number; max: number } }
  /** systemd's and dracut's booleans: 1/yes/y/true/t/on and 0/no/n/false/f/off. */
  | { kind: 'bool'; also?: readonly string[] };

/** One program (or document) that reads words of the command line, with the words it documents. */
export interface WordReader {
  id: string;
  /** Who reads them, for messages: `dracut`, `systemd`, `the Debian installer`. */
  reader: string;
  class: WordClass;
  sources: readonly Source[];
  /** Whole names, as written on the line (systemd and dracut names keep their dots). */
  names: readonly string[];
  /**
   * Families the reader owns (`rd.`, `systemd.`, `inst.`): a name there that is not listed is taken as the
   * reader's (a later version, a module of its own) unless it is a near miss of a listed one.
   */
  prefixes?: readonly string[];
  /** A name with a `/` is a debconf question the Debian installer preseeds. */
  debconf?: boolean;
  values?: Readonly<Record<string, WordValues>>;
}
