import { HostFiles } from './files';
import { hostFingerprint } from './fingerprint';
import { byId } from './idLists';
import { readCpus, nodeOfCpuFolder } from './sysfsCpus';
import { readMemoryFacts } from './sysfsMemory';
import { readNodes } from './sysfsNodes';
import { readPciDevices } from './sysfsPci';
import type { HostCpu, HostModel, HostNode } from './types';

/**
 * Reads a Linux host from its sysfs and procfs under `root` (`/` for this machine, a snapshot tree
 * in tests). Never throws for missing or unreadable files: they become gaps.
 */
export async function readSysfsHost(root: string): Promise<HostModel> {
  const files = new HostFiles(root);
  const [cpus, numaNodes, memory, pci] = await Promise.all([readCpus(files), readNodes(files), readMemoryFacts(files), readPciDevices(files)]);
  const nodes = numaNodes ?? [singleNode(cpus, memory.meminfo, memory.hugepages)];
  await placeCpus(files, cpus, nodes, numaNodes !== undefined);
  const defaultHugepageKiB = memory.meminfo['Hugepagesize'] ?? null;
  const host: Omit<HostModel, 'fingerprint'> = {
    source: `sysfs ${root}`,
    nodes: nodes.sort(byId),
    numa: numaNodes !== undefined,
    cpus: cpus.sort(byId),
    hugepages: memory.hugepages,
    defaultHugepageKiB,
    ksm: memory.ksm,
    thp: memory.thp,
    pci: pci.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)),
    meminfo: memory.meminfo,
    cmdline: memory.cmdline,
    gaps: files.gaps.sort(),
  };
  return { ...host, fingerprint: hostFingerprint(host) };
}

/** A host without NUMA files (many containers and VMs): one node 0 with every CPU and all memory. */
function singleNode(cpus: HostCpu[], meminfo: Record<string, number>, hugepages: HostNode['hugepages']): HostNode {
  return {
    id: 0,
    cpus: cpus.map((cpu) => cpu.id),
    memTotalKiB: meminfo['MemTotal'] ?? null,
    memFreeKiB: meminfo['MemFree'] ?? null,
    hugepages: hugepages.map((pages) => ({ ...pages })),
    distances: [10],
  };
}

/** Each CPU's node: the node whose cpulist names it, else the nodeN link in its own folder. */
async function placeCpus(files: HostFiles, cpus: HostCpu[], nodes: HostNode[], numa: boolean): Promise<void> {
  const nodeOf = new Map<number, number>();
  for (const node of nodes) for (const cpu of node.cpus) nodeOf.set(cpu, node.id);
  await Promise.all(
    cpus.map(async (cpu) => {
      cpu.node = nodeOf.get(cpu.id) ?? (numa ? ((await nodeOfCpuFolder(files, cpu.id)) ?? null) : 0);
    }),
  );
}
