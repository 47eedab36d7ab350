import { guide, libvirt } from '../sources';
import type { Source } from '../types';

/** The guide's sections the facts cite, with their titles as the guide's cross-references write them. */
export const GUIDE_SECTIONS = {
  '3.2.1': 'Option: Available CPUs',
  '3.2.2': 'Option: CPU Configuration',
  '3.2.3': 'Option: CPU Topology',
  '3.3': 'Virtual Disk Performance Options',
  '5.2': 'Virtio and vhost_net',
  '5.4.2': 'Multi-Queue virtio-net',
  '5.4.2.1': 'Configuring Multi-Queue virtio-net',
  '5.5': 'Batching Network Packets',
  '7.1': 'Block I/O Tuning',
  '7.2': 'Caching',
  '7.3': 'I/O Mode',
  '7.4.1': 'Disk I/O Throttling',
  '7.4.2': 'Multi-Queue virtio-scsi',
  '7.4.2.1': 'Configuring Multi-Queue virtio-scsi',
  '8.1': 'Memory Tuning Tips',
  '8.2.2': 'Memory Tuning with virsh',
  '8.2.3': 'Huge Pages and Transparent Huge Pages (THP)',
  '8.2.3.2': 'Configuring Static Huge Pages',
  '8.2.3.3': 'Enabling 1 GB huge pages for guests at boot or runtime',
  '9.1': 'NUMA Memory Allocation Policies',
  '9.2': 'Automatic NUMA Balancing',
  '9.3': 'libvirt NUMA Tuning',
  '9.3.2': 'NUMA vCPU Pinning',
  '9.3.3': 'Domain Processes',
  '9.3.4': 'Domain vCPU Threads',
  '9.3.5': 'Using emulatorpin',
  '9.3.6': 'Tuning vCPU Pinning with virsh',
  '9.3.7': 'Tuning Domain Process CPU Pinning with virsh',
  '9.3.8': 'Tuning Domain Process Memory Policy with virsh',
  '9.3.9': 'Guest NUMA Topology',
  '9.3.10': 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes',
  '9.4': 'NUMA-Aware Kernel SamePage Merging (KSM)',
} as const;

export type GuideSection = keyof typeof GUIDE_SECTIONS;

/** Headings of libvirt's formatdomain page the facts cite, by their docutils id. */
export const LIBVIRT_SECTIONS = {
  'cpu-allocation': 'CPU Allocation',
  'iothreads-allocation': 'IOThreads Allocation',
  'cpu-tuning': 'CPU Tuning',
  'memory-allocation': 'Memory Allocation',
  'memory-backing': 'Memory Backing',
  'memory-tuning': 'Memory Tuning',
  'numa-node-tuning': 'NUMA Node Tuning',
  'block-i-o-tuning': 'Block I/O Tuning',
  'cpu-model-and-topology': 'CPU model and topology',
  'acpi-heterogeneous-memory-attribute-table': 'ACPI Heterogeneous Memory Attribute Table',
  'hard-drives-floppy-disks-cdroms': 'Hard drives, floppy disks, CDROMs',
  'virtio-related-options': 'Virtio-related options',
  'virtio-device-models': 'Virtio device models',
  controllers: 'Controllers',
  'usb-pci-scsi-devices': 'USB / PCI / SCSI devices',
  'network-interfaces': 'Network interfaces',
  'setting-the-nic-model': 'Setting the NIC model',
  'setting-nic-driver-specific-options': 'Setting NIC driver-specific options',
  'coalesce-settings': 'Coalesce settings',
} as const;

export type LibvirtSection = keyof typeof LIBVIRT_SECTIONS;

/** A guide section as a source, its title taken from the table. */
export function guideSection(section: GuideSection): Source {
  return guide(section, GUIDE_SECTIONS[section]);
}

/** A formatdomain heading as a source, by its anchor. */
export function libvirtSection(anchor: LibvirtSection): Source {
  return libvirt(anchor, LIBVIRT_SECTIONS[anchor]);
}
