import type { HostFiles } from './files';
import { kernelIdList, numberedNames } from './idLists';
import type { HostCpu } from './types';

const CPU_FOLDER = '/sys/devices/system/cpu';
/** libvirt's own limit on CPU ids; a tree claiming more is cut there. */
const MAX_CPUS = 16384;

/**
 * The CPUs under /sys/devices/system/cpu: every cpuN folder, and the ids the `online` and `present`
 * lists name without a folder. A CPU is online when its own `online` file says 1, or, without that
 * file (cpu0 often has none), when the global online list names it. Offline CPUs have no topology
 * folder: their socket, core and siblings stay unknown. `node` is filled in by the caller.
 */
export async function readCpus(files: HostFiles): Promise<HostCpu[]> {
  const [names, onlineList, presentList] = await Promise.all([
    files.names(CPU_FOLDER),
    files.text(`${CPU_FOLDER}/online`),
    files.text(`${CPU_FOLDER}/present`, true),
  ]);
  const online = kernelIdList(onlineList);
  const ids = new Set([...numberedNames(names, /^cpu([0-9]+)$/), ...(online ?? []), ...(kernelIdList(presentList) ?? [])]);
  const sorted = [...ids].sort((a, b) => a - b).slice(0, MAX_CPUS);
  const onlineSet = online && new Set(online);
  return Promise.all(sorted.map((id) => readCpu(files, id, onlineSet)));
}

async function readCpu(files: HostFiles, id: number, online: Set<number> | undefined): Promise<HostCpu> {
  const folder = `${CPU_FOLDER}/cpu${id}`;
  const ownOnline = await files.number(`${folder}/online`, true);
  const isOnline = ownOnline !== undefined ? ownOnline === 1 : online ? online.has(id) : true;
  // An offline CPU has no topology folder: not a gap.
  const optional = !isOnline;
  const [socket, core, siblings] = await Promise.all([
    files.number(`${folder}/topology/physical_package_id`, optional),
    files.number(`${folder}/topology/core_id`, optional),
    files.text(`${folder}/topology/thread_siblings_list`, optional),
  ]);
  return {
    id,
    node: null,
    socket: socket === undefined || socket < 0 ? null : socket,
    core: core === undefined || core < 0 ? null : core,
    siblings: kernelIdList(siblings) ?? [],
    online: isOnline,
  };
}

/** The node a CPU's folder links to (`cpu5/node1`), for CPUs no node's cpulist names (offline ones). */
export async function nodeOfCpuFolder(files: HostFiles, id: number): Promise<number | undefined> {
  const nodes = numberedNames(await files.names(`${CPU_FOLDER}/cpu${id}`, true), /^node([0-9]+)$/);
  return nodes[0];
}
