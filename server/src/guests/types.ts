import type { DomainModel } from '../domain/model';

/**
 * Another domain of the same host, for the rules that look across guests (VT110-VT119) and for the
 * panel: from libvirt's defined domains when connected, otherwise from the workspace's domain files.
 * `running` and `autostart` say whether it can hold its host CPUs and pages at the same time as the
 * document's guest. Built from a well-formed document (a file with XML problems is left out).
 */
export interface Guest {
  /** `<name>`, or for a file without one, the file's name. */
  name: string;
  origin: { kind: 'libvirt'; uri: string } | { kind: 'file'; path: string };
  running: boolean;
  autostart: boolean;
  model: DomainModel;
}

/**
 * The other guests as services take them (`{ host, guests }`). The list is a snapshot: whoever reads
 * the guests makes a new array when any of them changes, so the findings of a document version can be
 * cached per list.
 */
export type Guests = readonly Guest[];

/** The huge pages a host's kernel command line reserves at boot, read from a file of the workspace. */
export interface BootHugePages {
  /** The file that says so (etc/default/grub, a BLS entry, grub.cfg). */
  path: string;
  folder: string;
  pages: { sizeKiB: number; count: number }[];
}
