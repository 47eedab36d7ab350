import type { LibvirtFacts } from './libvirtTypes';

/**
 * What virt-tune knows about the machine a guest runs on, read from sysfs/procfs under a root folder
 * or from `virsh capabilities` XML. Anything that could not be read is `null` (or an empty list): a gap
 * in the picture, never an error. The shape is the `virt-tune host --format json` output plus a few
 * fields for the rules and the panel (see json.ts for what is printed).
 */
export interface HostModel {
  /** Where it was read from: `sysfs /`, `sysfs test/fixtures/hosts/two-nodes`, `capabilities caps.xml`. */
  source: string;
  /** Host NUMA nodes by id; a host without NUMA files is one node 0 holding every CPU. */
  nodes: HostNode[];
  /** Whether the nodes came from the host's NUMA files (false: the single node was made up). */
  numa: boolean;
  /** Every CPU the host has, online or not, by id. */
  cpus: HostCpu[];
  /** Huge pages over the whole host, per size: the sizes listed here are the ones the kernel supports. */
  hugepages: HugePageCount[];
  /** The size `<hugepages/>` without a `<page>` uses (Hugepagesize in /proc/meminfo). */
  defaultHugepageKiB: number | null;
  ksm: KsmState | null;
  thp: ThpMode | null;
  pci: PciDevice[];
  /** /proc/meminfo: sizes in KiB, counts (HugePages_Total, ...) as they are. */
  meminfo: Record<string, number>;
  cmdline: string | null;
  /** The files that were expected but could not be read, relative to the root (bounded). */
  gaps: string[];
  /** What the host's libvirt offers (machine types, CPU models, device types), when libvirt was asked. */
  libvirt?: LibvirtFacts;
  /** Changes when anything the rules read changes (not with MemFree or KSM counters). */
  fingerprint: string;
}

export interface HostNode {
  id: number;
  cpus: number[];
  memTotalKiB: number | null;
  memFreeKiB: number | null;
  hugepages: HugePageCount[];
  /** The node's distances to the nodes in id order (10 is local), as the kernel lists them. */
  distances: number[];
}

export interface HugePageCount {
  sizeKiB: number;
  total: number | null;
  free: number | null;
  surplus: number | null;
}

export interface HostCpu {
  id: number;
  node: number | null;
  socket: number | null;
  core: number | null;
  /** The hardware threads of its core, itself included; empty when unknown (offline CPUs). */
  siblings: number[];
  online: boolean;
}

export interface KsmState {
  run: number | null;
  pagesShared: number | null;
  pagesSharing: number | null;
  pagesUnshared: number | null;
  pagesVolatile: number | null;
  fullScans: number | null;
  sleepMillisecs: number | null;
  pagesToScan: number | null;
  mergeAcrossNodes: number | null;
}

export const THP_MODES = ['always', 'madvise', 'never'] as const;
export type ThpMode = (typeof THP_MODES)[number];

export interface PciDevice {
  /** `0000:03:00.0` */
  address: string;
  node: number | null;
  /** The PCI class as the kernel writes it, `0x020000`. */
  class: string | null;
  /** Network interfaces and block devices behind the device (`em1`, `sda`), sorted. */
  names: string[];
}

/** A host description read by the caller's choice: this machine, a saved root folder, a capabilities file. */
export type HostSetting = { kind: 'none' } | { kind: 'live' } | { kind: 'path'; path: string };
