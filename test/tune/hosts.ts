import { hostFingerprint } from '../../server/src/host/fingerprint';
import type { HostCpu, HostModel, HostNode, HugePageCount } from '../../server/src/host/types';

/** A made-up host for the tuner's tests: per node, its cores (each a list of thread ids), free memory and free pages. */
export interface NodeSpec {
  cores: number[][];
  memFreeKiB: number;
  /** Free huge pages per size in KiB. */
  pages?: Record<number, number>;
}

export function makeHost(specs: readonly NodeSpec[], cmdline: string | null = null): HostModel {
  const sizes = [2048, 1048576];
  const nodes: HostNode[] = specs.map((spec, id) => ({
    id,
    cpus: spec.cores.flat().sort((a, b) => a - b),
    memTotalKiB: spec.memFreeKiB + 1048576,
    memFreeKiB: spec.memFreeKiB,
    hugepages: sizes.map((sizeKiB): HugePageCount => {
      const free = spec.pages?.[sizeKiB] ?? 0;
      return { sizeKiB, total: free, free, surplus: 0 };
    }),
    distances: specs.map((_, other) => (other === id ? 10 : 20)),
  }));
  const cpus: HostCpu[] = specs.flatMap((spec, node) =>
    spec.cores.flatMap((core, index) => core.map((id): HostCpu => ({ id, node, socket: node, core: index, siblings: [...core], online: true }))),
  );
  cpus.sort((a, b) => a.id - b.id);
  const hugepages = sizes.map((sizeKiB): HugePageCount => {
    const free = nodes.reduce((sum, node) => sum + (node.hugepages.find((pages) => pages.sizeKiB === sizeKiB)?.free ?? 0), 0);
    return { sizeKiB, total: free, free, surplus: 0 };
  });
  const host: Omit<HostModel, 'fingerprint'> = {
    source: 'test host',
    nodes,
    numa: true,
    cpus,
    hugepages,
    defaultHugepageKiB: 2048,
    ksm: null,
    thp: null,
    pci: [],
    meminfo: {},
    cmdline,
    gaps: [],
  };
  return { ...host, fingerprint: hostFingerprint(host) };
}

/**
 * The host of guide section 9.3.4 as the guide lists it: four nodes, node n with CPUs n and n+4 (the
 * guide's table repeats node 0's CPUs for node 3, a slip: 3 and 7 here), 4000, 3999, 4001 and 4005 MiB,
 * no SMT, no huge pages. The guide says nothing of what is in use, so all of it is free.
 */
export function guideHost(): HostModel {
  const sizes = [4000, 3999, 4001, 4005];
  return makeHost(sizes.map((mib, node) => ({ cores: [[node], [node + 4]], memFreeKiB: mib * 1024 })));
}
