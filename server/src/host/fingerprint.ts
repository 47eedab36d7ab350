import { createHash } from 'node:crypto';
import type { HostModel } from './types';

/**
 * A short digest of what the host-aware rules read: CPUs and where they sit, nodes, huge pages,
 * whether KSM runs, PCI devices. Free memory and KSM counters move all the time and are left out,
 * so a live host re-read every few seconds keeps its fingerprint, and the cached findings, while
 * nothing that matters has changed.
 */
export function hostFingerprint(host: Omit<HostModel, 'fingerprint'>): string {
  const facts = {
    nodes: host.nodes.map((node) => [node.id, node.cpus, node.hugepages.map((pages) => [pages.sizeKiB, pages.total, pages.free])]),
    cpus: host.cpus.map((cpu) => [cpu.id, cpu.node, cpu.socket, cpu.core, cpu.online]),
    hugepages: host.hugepages.map((pages) => [pages.sizeKiB, pages.total, pages.free]),
    defaultHugepageKiB: host.defaultHugepageKiB,
    ksmRun: host.ksm?.run ?? null,
    pci: host.pci.map((device) => [device.address, device.node, device.class]),
    libvirt: host.libvirt
      ? [
          host.libvirt.source,
          host.libvirt.libvirtVersion,
          host.libvirt.guests.map((guest) => [guest.arch, guest.emulator, guest.machines.length]),
          host.libvirt.domainCapabilities.map((caps) => [caps.emulator, caps.arch, caps.machine, caps.domain]),
        ]
      : null,
  };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
}
