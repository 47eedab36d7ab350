import type { HostFiles } from './files';
import { kernelIdList, numberedNames } from './idLists';
import type { HostNode, HugePageCount } from './types';

const NODE_FOLDER = '/sys/devices/system/node';
const MAX_NODES = 1024;

/**
 * The NUMA nodes under /sys/devices/system/node: each nodeN's cpulist, distance, MemTotal/MemFree
 * from its meminfo and its huge pages per size. Undefined when the host has no NUMA files at all.
 */
export async function readNodes(files: HostFiles): Promise<HostNode[] | undefined> {
  const ids = numberedNames(await files.names(NODE_FOLDER, true), /^node([0-9]+)$/).slice(0, MAX_NODES);
  if (ids.length === 0) return undefined;
  return Promise.all(ids.map((id) => readNode(files, id)));
}

async function readNode(files: HostFiles, id: number): Promise<HostNode> {
  const folder = `${NODE_FOLDER}/node${id}`;
  const [cpulist, distance, meminfo, hugepages] = await Promise.all([
    files.text(`${folder}/cpulist`),
    files.text(`${folder}/distance`),
    files.text(`${folder}/meminfo`),
    readHugePages(files, `${folder}/hugepages`),
  ]);
  const memory = meminfo === undefined ? {} : parseMeminfo(meminfo);
  return {
    id,
    cpus: kernelIdList(cpulist) ?? [],
    memTotalKiB: memory['MemTotal'] ?? null,
    memFreeKiB: memory['MemFree'] ?? null,
    hugepages,
    distances: (distance ?? '').trim().split(/\s+/).filter((word) => /^[0-9]+$/.test(word)).map(Number),
  };
}

/** The hugepages-NkB folders under a folder (a node's, or /sys/kernel/mm/hugepages), by size. */
export async function readHugePages(files: HostFiles, folder: string): Promise<HugePageCount[]> {
  const sizes = numberedNames(await files.names(folder, true), /^hugepages-([0-9]+)kB$/);
  return Promise.all(
    sizes.map(async (sizeKiB) => {
      const pages = `${folder}/hugepages-${sizeKiB}kB`;
      const [total, free, surplus] = await Promise.all([
        files.number(`${pages}/nr_hugepages`),
        files.number(`${pages}/free_hugepages`),
        files.number(`${pages}/surplus_hugepages`),
      ]);
      return { sizeKiB, total: total ?? null, free: free ?? null, surplus: surplus ?? null };
    }),
  );
}

/**
 * /proc/meminfo (`MemTotal:  16318412 kB`) or a node's meminfo (`Node 0 MemTotal:  8155796 kB`): sizes
 * in KiB, counts (`HugePages_Total:  0`) as they are.
 */
export function parseMeminfo(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^(?:Node [0-9]+ )?([A-Za-z0-9_()]+):\s+([0-9]+)(?:\s+kB)?\s*$/.exec(line);
    if (match) values[match[1]!] = Number(match[2]);
  }
  return values;
}
