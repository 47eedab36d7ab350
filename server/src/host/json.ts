import type { HostCpu, HostModel, HostNode, HugePageCount, KsmState, PciDevice, ThpMode } from './types';

/**
 * `virt-tune host --format json`: the shape (nodes, cpus, ksm, thp, pci; numbers as numbers,
 * lists sorted, an unknown or `-1` node as null) with a few more facts after it: distances, surplus
 * pages, online, the host-wide huge pages, the default huge page size, /proc/meminfo and /proc/cmdline.
 */
export interface HostJson {
  nodes: (Pick<HostNode, 'id' | 'cpus' | 'memTotalKiB' | 'memFreeKiB'> & { hugepages: HugePageCount[]; distances: number[] })[];
  cpus: Pick<HostCpu, 'id' | 'node' | 'socket' | 'core' | 'siblings' | 'online'>[];
  ksm: KsmState | null;
  thp: ThpMode | null;
  pci: PciDevice[];
  hugepages: HugePageCount[];
  defaultHugepageKiB: number | null;
  meminfo: Record<string, number>;
  cmdline: string | null;
}

export function hostJson(host: HostModel): HostJson {
  const pages = (list: HugePageCount[]) => list.map(({ sizeKiB, total, free, surplus }) => ({ sizeKiB, total, free, surplus }));
  return {
    nodes: host.nodes.map((node) => ({
      id: node.id,
      cpus: [...node.cpus],
      memTotalKiB: node.memTotalKiB,
      memFreeKiB: node.memFreeKiB,
      hugepages: pages(node.hugepages),
      distances: [...node.distances],
    })),
    cpus: host.cpus.map(({ id, node, socket, core, siblings, online }) => ({ id, node, socket, core, siblings: [...siblings], online })),
    ksm: host.ksm && { ...host.ksm },
    thp: host.thp,
    pci: host.pci.map(({ address, node, class: pciClass, names }) => ({ address, node, class: pciClass, names: [...names] })),
    hugepages: pages(host.hugepages),
    defaultHugepageKiB: host.defaultHugepageKiB,
    meminfo: { ...host.meminfo },
    cmdline: host.cmdline,
  };
}
