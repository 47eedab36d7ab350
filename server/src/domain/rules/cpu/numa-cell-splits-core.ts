import { guide, libvirt } from '../../../kb/sources';
import type { DomainModel } from '../../model';
import type { DomainRule } from '../context';
import { guestCells, idList, maxVcpus, type GuestCell } from '../guest';

/**
 * VT138: a guest NUMA cell boundary that cuts through a socket of the guest's CPU topology. Guide 9.3.9
 * asks that all cores and threads of one socket sit in the same NUMA node, or the guest may fail to
 * boot; libvirt and QEMU accept the split, so a warning.
 *
 * vCPU ids map to the topology the way QEMU numbers them: threads fastest, then cores, clusters, dies,
 * sockets. vCPU v is thread v % threads of core ⌊v / threads⌋, and in socket ⌊v / (dies × clusters ×
 * cores × threads)⌋.
 */
export const numaCellSplitsCore: DomainRule = {
  meta: {
    code: 'VT138',
    name: 'numa-cell-splits-core',
    title: 'A guest NUMA cell must hold whole sockets of the CPU topology',
    severity: 'warning',
    sources: [guide('9.3.9', 'Guest NUMA Topology'), libvirt('cpu-model-and-topology', 'CPU model and topology')],
    fixable: false,
  },
  paths: ['domain/cpu/numa/cell'],
  check(context, report) {
    const topology = socketLayout(context.model);
    if (!topology) return;
    const cellOf = new Map<number, GuestCell>();
    for (const cell of guestCells(context.xml, context.model)) {
      for (const vcpu of cell.cpus ?? []) if (!cellOf.has(vcpu)) cellOf.set(vcpu, cell);
    }
    if (cellOf.size === 0) return;
    for (let socket = 0; socket < topology.sockets; socket++) {
      const first = socket * topology.vcpusPerSocket;
      // The sockets after the last vCPU hold none.
      if (first >= topology.vcpus) break;
      const end = Math.min(first + topology.vcpusPerSocket, topology.vcpus);
      // The cell of the socket's first placed vCPU, and the first vCPU in another: lists only for the report.
      let home: GuestCell | undefined;
      let stray: number | undefined;
      for (let vcpu = first; vcpu < end; vcpu++) {
        const cell = cellOf.get(vcpu);
        if (cell === undefined) continue;
        if (home === undefined) home = cell;
        else if (cell !== home) {
          stray = vcpu;
          break;
        }
      }
      if (!home || stray === undefined) continue;
      const vcpus = range(first, end);
      const placed = vcpus.filter((vcpu) => cellOf.has(vcpu));
      const cells = [...new Set(placed.map((vcpu) => cellOf.get(vcpu)!.id))];
      const splitCore = splitCoreVcpus(placed, cellOf, topology.threads);
      report({
        span: cellOf.get(stray)!.cell.cpus!.attribute.valueSpan!,
        message:
          `Socket ${socket} (${idList(vcpus, 'vCPU')}) is split across ${cellList(cells)}` +
          (splitCore ? `, and even the threads of one core (${idList(splitCore, 'vCPU')}) are` : '') +
          ': guide 9.3.9 asks that the cores and threads of a socket stay in one NUMA node, or the guest may ' +
          'fail to boot. Give each cell whole sockets.',
      });
    }
  },
};

interface SocketLayout {
  sockets: number;
  vcpusPerSocket: number;
  threads: number;
  /** vCPUs that exist: the topology's total, or fewer when `<vcpu>` says so. */
  vcpus: number;
}

function socketLayout(model: DomainModel): SocketLayout | undefined {
  const topology = model.cpu?.topology;
  if (!topology) return undefined;
  const { sockets, cores, threads } = topology;
  const dies = topology.dies ?? 1;
  const clusters = topology.clusters ?? 1;
  if (!sockets || !cores || !threads || dies < 1 || clusters < 1) return undefined;
  const vcpusPerSocket = dies * clusters * cores * threads;
  if (vcpusPerSocket === 1) return undefined;
  const vcpus = Math.min(sockets * vcpusPerSocket, maxVcpus(model) ?? Infinity);
  return { sockets, vcpusPerSocket, threads, vcpus };
}

/** The vCPUs of the first core whose threads sit in different cells, if any. */
function splitCoreVcpus(vcpus: number[], cellOf: Map<number, GuestCell>, threads: number): number[] | undefined {
  if (threads < 2) return undefined;
  const byCore = new Map<number, number[]>();
  for (const vcpu of vcpus) {
    const core = Math.floor(vcpu / threads);
    byCore.set(core, [...(byCore.get(core) ?? []), vcpu]);
  }
  for (const siblings of byCore.values()) {
    if (new Set(siblings.map((vcpu) => cellOf.get(vcpu))).size > 1) return siblings;
  }
  return undefined;
}

function cellList(ids: number[]): string {
  return ids.length === 2 ? `cells ${ids[0]} and ${ids[1]}` : `cells ${ids.join(', ')}`;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, index) => start + index);
}
