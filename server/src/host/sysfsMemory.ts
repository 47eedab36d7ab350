import type { HostFiles } from './files';
import { parseMeminfo, readHugePages } from './sysfsNodes';
import { THP_MODES, type HugePageCount, type KsmState, type ThpMode } from './types';

const KSM_FOLDER = '/sys/kernel/mm/ksm';
const KSM_FILES: Record<keyof KsmState, string> = {
  run: 'run',
  pagesShared: 'pages_shared',
  pagesSharing: 'pages_sharing',
  pagesUnshared: 'pages_unshared',
  pagesVolatile: 'pages_volatile',
  fullScans: 'full_scans',
  sleepMillisecs: 'sleep_millisecs',
  pagesToScan: 'pages_to_scan',
  mergeAcrossNodes: 'merge_across_nodes',
};

/** The host-wide memory facts: huge pages per size, KSM, THP, /proc/meminfo, /proc/cmdline. */
export interface HostMemoryFacts {
  hugepages: HugePageCount[];
  ksm: KsmState | null;
  thp: ThpMode | null;
  meminfo: Record<string, number>;
  cmdline: string | null;
}

export async function readMemoryFacts(files: HostFiles): Promise<HostMemoryFacts> {
  const [hugepages, ksm, thp, meminfo, cmdline] = await Promise.all([
    readHugePages(files, '/sys/kernel/mm/hugepages'),
    readKsm(files),
    files.text('/sys/kernel/mm/transparent_hugepage/enabled', true),
    files.text('/proc/meminfo'),
    files.text('/proc/cmdline'),
  ]);
  return {
    hugepages,
    ksm,
    thp: thpMode(thp),
    meminfo: meminfo === undefined ? {} : parseMeminfo(meminfo),
    cmdline: cmdline === undefined ? null : cmdline.trim(),
  };
}

/** KSM's files (guide 8.3.3); null when the kernel has none of them (built without KSM). */
async function readKsm(files: HostFiles): Promise<KsmState | null> {
  const keys = Object.keys(KSM_FILES) as (keyof KsmState)[];
  const values = await Promise.all(keys.map((key) => files.number(`${KSM_FOLDER}/${KSM_FILES[key]}`, true)));
  if (values.every((value) => value === undefined)) return null;
  const state = {} as KsmState;
  keys.forEach((key, index) => (state[key] = values[index] ?? null));
  return state;
}

/** `always [madvise] never` -> `madvise`: the kernel brackets the mode in force (guide 8.2.3.1). */
export function thpMode(text: string | undefined): ThpMode | null {
  const chosen = text && /\[([a-z]+)\]/.exec(text)?.[1];
  return THP_MODES.find((mode) => mode === chosen) ?? null;
}
