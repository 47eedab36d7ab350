import { buildDomainModel } from '../domain/model';
import type { Guest } from '../guests/types';
import type { LibvirtConnection } from '../libvirt/types';
import { parseXml } from '../xml/parser';

/**
 * The domains a libvirt daemon defines, as Guests: each one's persistent definition (`dumpxml
 * --inactive`), its state and autostart. A domain whose XML cannot be had or read is left out with a
 * line in `problems`.
 */
export async function libvirtGuests(connection: LibvirtConnection): Promise<{ guests: Guest[]; problems: string[] }> {
  const listed = await connection.listDomains();
  if (!listed.ok) return { guests: [], problems: [`cannot list the domains of ${connection.uri}: ${listed.message}`] };
  const guests: Guest[] = [];
  const problems: string[] = [];
  for (const domain of listed.value) {
    const dumped = await connection.dumpXml(domain.name);
    const xml = dumped.ok ? parseXml(dumped.value) : undefined;
    if (!dumped.ok || !xml || xml.root?.name !== 'domain' || xml.problems.length > 0) {
      problems.push(`${domain.name}: its definition could not be read${dumped.ok ? '' : ` (${dumped.message})`}`);
      continue;
    }
    guests.push({
      name: domain.name,
      origin: { kind: 'libvirt', uri: connection.uri },
      running: domain.state === 'running' || domain.state === 'paused' || domain.state === 'idle',
      autostart: domain.autostart,
      model: buildDomainModel(xml.root),
    });
  }
  return { guests, problems };
}
