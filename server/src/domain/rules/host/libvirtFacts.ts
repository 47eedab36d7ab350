import { guestArchFor, type CapabilitiesQuery } from '../../../host/libvirtQueries';
import type { GuestArch, LibvirtFacts } from '../../../host/libvirtTypes';
import { projectDoc } from '../../../kb/sources';
import { domainCapabilitiesQuery } from '../../libvirtKey';
import type { DomainRuleContext } from '../context';

export const FORMAT_CAPS = projectDoc('libvirt', 'Driver capabilities XML format', 'https://libvirt.org/formatcaps.html');
export const FORMAT_DOMCAPS = projectDoc('libvirt', 'Domain capabilities XML format', 'https://libvirt.org/formatdomaincaps.html');

/** What the host's libvirt says, for the rules fed by it (VT160-VT169); undefined when libvirt was not asked. */
export function libvirtOf(context: DomainRuleContext): { facts: LibvirtFacts; query: CapabilitiesQuery; guest: GuestArch | undefined } | undefined {
  const facts = context.host?.libvirt;
  if (!facts) return undefined;
  const query = domainCapabilitiesQuery(context.model, context.xml.root);
  return { facts, query, guest: guestArchFor(facts, query) };
}

/** `libvirt 9.0.0 with QEMU 7.2.22 (/usr/bin/qemu-system-x86_64)` for messages. */
export function hostLibvirtWords(facts: LibvirtFacts, guest: GuestArch | undefined): string {
  const hypervisor = facts.hypervisor ? `${facts.hypervisor.name} ${facts.hypervisor.version}` : 'QEMU';
  const emulator = guest?.emulator ? ` (${guest.emulator})` : '';
  const libvirt = facts.libvirtVersion ? `libvirt ${facts.libvirtVersion} with ` : '';
  return `${libvirt}${hypervisor}${emulator}`;
}
