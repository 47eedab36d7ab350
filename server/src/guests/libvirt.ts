import { createHash } from 'node:crypto';
import { guestFromText } from './load';
import type { LibvirtConnection } from '../libvirt/types';
import type { BootHugePages, Guest } from './types';

/** The part of the libvirt adapter the guests read: the defined domains and their inactive XML. */
export type DomainSource = Pick<LibvirtConnection, 'uri' | 'listDomains' | 'dumpXml'>;

/** A guest list with what identifies its content: the same signature means the same guests. */
export interface GuestSnapshot {
  guests: Guest[];
  /** What the workspace's kernel command line reserves at boot, when the guests came with it. */
  boot?: BootHugePages;
  signature: string;
}

/** States in which a domain holds its CPUs and memory (virsh's words). */
const HOLDING_STATES: ReadonlySet<string> = new Set(['running', 'idle', 'paused', 'in shutdown', 'blocked', 'pmsuspended']);

/** libvirt's defined domains as guests, from `virsh dumpxml --inactive`; undefined when libvirt does not answer. */
export async function readLibvirtGuests(source: DomainSource): Promise<GuestSnapshot | undefined> {
  const listed = await source.listDomains();
  if (!listed.ok) return undefined;
  const hash = createHash('sha256');
  const guests: Guest[] = [];
  for (const domain of listed.value) {
    const xml = await source.dumpXml(domain.name);
    if (!xml.ok) continue;
    const running = HOLDING_STATES.has(domain.state);
    hash.update(`${domain.name}\0${running}\0${domain.autostart}\0${xml.value}\0`);
    const guest = guestFromText(xml.value, { kind: 'libvirt', uri: source.uri }, { running, autostart: domain.autostart }, domain.name);
    if (guest) guests.push(guest);
  }
  return { guests, signature: hash.digest('hex') };
}
