import { closestNames } from '../core/similarity';
import type { DomainCapabilities, GuestArch, LibvirtFacts, MachineType } from './libvirtTypes';

/** What libvirt is asked about a domain: its emulator, arch, machine type and virt type, as written. */
export interface CapabilitiesQuery {
  emulator?: string;
  arch?: string;
  machine?: string;
  virttype?: string;
}

/**
 * The `<guest>` arch of capabilities a domain runs as: the arch it names (x86_64 when it names none,
 * as libvirt picks the host's, and x86_64 is what virt-tune's hosts are) with its emulator when it
 * names one. Undefined when libvirt lists no such arch.
 */
export function guestArchFor(facts: LibvirtFacts, query: CapabilitiesQuery): GuestArch | undefined {
  const arch = query.arch ?? 'x86_64';
  const hvm = facts.guests.filter((guest) => guest.arch === arch && guest.osType === 'hvm');
  if (query.emulator !== undefined) return hvm.find((guest) => guest.emulator === query.emulator);
  return hvm[0];
}

export function machineNamed(guest: GuestArch, name: string): MachineType | undefined {
  return guest.machines.find((machine) => machine.name === name);
}

/**
 * The machine type of this emulator nearest to one it lacks: the newest of the same family
 * (`pc-q35-rhel7.6.0` -> the newest `pc-q35-*`, as the `q35` alias names it), else the closest by
 * spelling (`pc-q53` -> `pc-q35`...). Undefined when nothing is near.
 */
export function nearestMachine(guest: GuestArch, name: string): string | undefined {
  const family = machineFamily(name);
  if (family) {
    const alias = guest.machines.find((machine) => machine.canonical !== null && machineFamily(machine.canonical) === family);
    if (alias?.canonical) return alias.canonical;
    const members = guest.machines.filter((machine) => machineFamily(machine.name) === family && !machine.deprecated).map((machine) => machine.name);
    if (members.length > 0) return members.sort(compareVersions).at(-1);
  }
  return closestNames(name, guest.machines.map((machine) => machine.name), 1)[0];
}

/** `pc-q35-rhel7.6.0` -> `pc-q35`, `pc-i440fx-7.2` -> `pc-i440fx`, `virt-8.2` -> `virt`; undefined for a name with no version. */
export function machineFamily(name: string): string | undefined {
  const match = /^(.*?)-(?:[a-z]+)?\d+(?:\.\d+)*(?:\.\w+)?$/i.exec(name);
  return match?.[1] || undefined;
}

function compareVersions(a: string, b: string): number {
  const numbers = (name: string) => (name.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let index = 0; index < Math.max(x.length, y.length); index++) {
    const difference = (x[index] ?? -1) - (y[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return a.localeCompare(b);
}

/**
 * The domcapabilities read for a domain: those of its virt type and arch, of its machine type (an alias
 * such as `q35` stands for its canonical type) when libvirt answered for it, else of the arch's default.
 */
export function domainCapabilitiesFor(facts: LibvirtFacts, query: CapabilitiesQuery): DomainCapabilities | undefined {
  const arch = query.arch ?? 'x86_64';
  const candidates = facts.domainCapabilities.filter(
    (caps) => (caps.arch ?? arch) === arch && (query.virttype === undefined || caps.domain === query.virttype) && (query.emulator === undefined || caps.emulator === query.emulator),
  );
  if (query.machine !== undefined) {
    const guest = guestArchFor(facts, query);
    const canonical = (guest && machineNamed(guest, query.machine)?.canonical) ?? query.machine;
    const exact = candidates.find((caps) => caps.machine === canonical);
    if (exact) return exact;
  }
  return candidates[0];
}

/** How a message names the hypervisor libvirt runs (`QEMU 7.2.22 (/usr/bin/qemu-system-x86_64)`). */
export function hypervisorWords(facts: LibvirtFacts, guest: GuestArch | undefined): string {
  const name = facts.hypervisor ? `${facts.hypervisor.name} ${facts.hypervisor.version}` : 'QEMU';
  return guest?.emulator ? `${name} (${guest.emulator})` : name;
}
