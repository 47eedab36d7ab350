import { formatCpuset } from '../kb/cpuset';
import type { HostCpu, HostModel, HugePageCount } from './types';

/** What the host-aware rules ask of a host. Each answer is undefined when the host does not know. */

/** Every CPU id the host has, online or not; undefined when no CPU could be read. */
export function hostCpuIds(host: HostModel): Set<number> | undefined {
  return host.cpus.length > 0 ? new Set(host.cpus.map((cpu) => cpu.id)) : undefined;
}

export function onlineCpus(host: HostModel): HostCpu[] {
  return host.cpus.filter((cpu) => cpu.online);
}

export function hostNodeIds(host: HostModel): Set<number> | undefined {
  return host.nodes.length > 0 ? new Set(host.nodes.map((node) => node.id)) : undefined;
}

/** The host nodes the given CPUs sit on, ascending (CPUs the host lacks or cannot place are left out). */
export function nodesOfCpus(host: HostModel, ids: Iterable<number>): number[] {
  const nodeOf = new Map(host.cpus.map((cpu) => [cpu.id, cpu.node]));
  const nodes = new Set<number>();
  for (const id of ids) {
    const node = nodeOf.get(id);
    if (node !== undefined && node !== null) nodes.add(node);
  }
  return [...nodes].sort((a, b) => a - b);
}

/** The huge page sizes the kernel supports, in KiB, ascending; undefined when unknown. */
export function supportedPageSizes(host: HostModel): number[] | undefined {
  const sizes = new Set([...host.hugepages, ...host.nodes.flatMap((node) => node.hugepages)].map((pages) => pages.sizeKiB));
  return sizes.size > 0 ? [...sizes].sort((a, b) => a - b) : undefined;
}

/** Pages of one size a guest could take: free ones where the host says, else all there are. */
export interface AvailablePages {
  count: number;
  /** `free` from sysfs; `total` from capabilities, which do not say how many are free. */
  kind: 'free' | 'total';
}

/** Huge pages of a size on some nodes (all of the host's when `nodes` is undefined). */
export function availablePages(host: HostModel, sizeKiB: number, nodes?: readonly number[]): AvailablePages | undefined {
  const counts: HugePageCount[] = [];
  if (nodes === undefined) {
    const hostWide = host.hugepages.find((pages) => pages.sizeKiB === sizeKiB);
    if (hostWide) counts.push(hostWide);
    else for (const node of host.nodes) counts.push(...node.hugepages.filter((pages) => pages.sizeKiB === sizeKiB));
  } else {
    for (const id of nodes) {
      const pages = host.nodes.find((node) => node.id === id)?.hugepages.find((entry) => entry.sizeKiB === sizeKiB);
      if (!pages) return undefined;
      counts.push(pages);
    }
  }
  if (counts.length === 0) return undefined;
  if (counts.every((pages) => pages.free !== null)) return { count: sum(counts.map((pages) => pages.free!)), kind: 'free' };
  if (counts.every((pages) => pages.total !== null)) return { count: sum(counts.map((pages) => pages.total!)), kind: 'total' };
  return undefined;
}

/** `host has CPUs 0-15` (with the offline ones named): the fact a message quotes. */
export function cpusFact(host: HostModel): string {
  const all = host.cpus.map((cpu) => cpu.id);
  const offline = host.cpus.filter((cpu) => !cpu.online).map((cpu) => cpu.id);
  const noun = all.length === 1 ? 'CPU' : 'CPUs';
  return `host has ${noun} ${formatCpuset(all)}${offline.length > 0 ? ` (${formatCpuset(offline)} offline)` : ''}`;
}

/** `host has NUMA nodes 0-1`, or `host has one NUMA node (0)`. */
export function nodesFact(host: HostModel): string {
  const ids = host.nodes.map((node) => node.id);
  return ids.length === 1 ? `host has one NUMA node (${ids[0]})` : `host has NUMA nodes ${formatCpuset(ids)}`;
}

/** `node 0 has CPUs 0,2,4,6; node 1 has CPUs 1,3,5,7` for the nodes named. */
export function nodeCpusFact(host: HostModel, nodes: readonly number[]): string {
  return nodes
    .map((id) => {
      const cpus = host.nodes.find((node) => node.id === id)?.cpus ?? [];
      return `node ${id} has CPUs ${cpus.length > 0 ? formatCpuset(cpus) : 'none'}`;
    })
    .join('; ');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
