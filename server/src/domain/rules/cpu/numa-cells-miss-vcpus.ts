import { guide, libvirt } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { guestCells, idList, maxVcpus, type GuestCell } from '../guest';
import { vcpuRange } from './vcpus';

/** Whether the cells list every vCPU below the count (ids are whole numbers, as cpuset lists give them). */
function coversAll(cells: readonly GuestCell[], count: number): boolean {
  const seen = new Uint8Array(count);
  let covered = 0;
  for (const { cpus } of cells) {
    if (!cpus) continue;
    for (let i = 0; i < cpus.length; i++) {
      const vcpu = cpus[i]!;
      if (vcpu < count && seen[vcpu] === 0) {
        seen[vcpu] = 1;
        covered++;
      }
    }
  }
  return covered === count;
}

/**
 * VT134: the guest NUMA cells must cover the vCPUs, and only them.
 * - A cell listing a vCPU at or above `<vcpu>`'s count: libvirt refuses the domain ("CPU IDs in <numa>
 *   exceed the <vcpu> count"). Reported as an error on that cell.
 * - vCPUs in no cell: libvirt (6.5+, QEMU) quietly adds them to cell 0, so the guest's topology
 *   is not the one written, and libvirt's documentation asks for a complete one. Reported as a warning
 *   (the rule's severity) on `<numa>`. Cells without `cpus` (memory-only nodes) are fine.
 */
export const numaCellsMissVcpus: DomainRule = {
  meta: {
    code: 'VT134',
    name: 'numa-cells-miss-vcpus',
    title: 'Guest NUMA cells must hold every vCPU, and only existing ones',
    severity: 'warning',
    sources: [libvirt('cpu-model-and-topology', 'CPU model and topology'), guide('9.3.9', 'Guest NUMA Topology')],
    fixable: false,
    libvirt: { stage: 'accepted' },
  },
  paths: ['domain/cpu/numa/cell'],
  check(context, report) {
    const count = maxVcpus(context.model);
    const cells = guestCells(context.xml, context.model);
    if (count === undefined || cells.length === 0) return;
    for (const { cell, id, cpus } of cells) {
      const beyond = cpus?.filter((vcpu) => vcpu >= count) ?? [];
      if (beyond.length === 0) continue;
      report({
        span: cell.cpus!.attribute.valueSpan!,
        severity: 'error',
        message:
          `Cell ${id} lists ${idList(beyond, 'vCPU')}, but the guest has ${vcpuRange(count)}: libvirt refuses ` +
          'cell cpus beyond the <vcpu> count.',
      });
    }
    // A cell whose cpus do not parse may hold any vCPU: say nothing about missing ones then.
    if (cells.some((cell) => cell.cell.cpus !== undefined && cell.cpus === undefined)) return;
    let listed = 0;
    for (const cell of cells) listed += cell.cpus?.length ?? 0;
    // No cell lists any vCPU: QEMU then spreads them by itself; libvirt fills in only partial lists.
    if (listed === 0) return;
    // The common case, cells listing every vCPU, is told without a set of the ids (lists can be long).
    if (count <= listed && coversAll(cells, count)) return;
    const covered = new Set(cells.flatMap((cell) => cell.cpus ?? []));
    const missing = Array.from({ length: count }, (_, vcpu) => vcpu).filter((vcpu) => !covered.has(vcpu));
    const numa = context.model.cpu && firstChild(context.model.cpu.element, 'numa');
    if (missing.length === 0 || !numa) return;
    report({
      span: numa.nameSpan,
      message:
        `${idList(missing, 'vCPU')} ${missing.length > 1 ? 'are' : 'is'} in no NUMA cell: libvirt adds ` +
        `${missing.length > 1 ? 'them' : 'it'} to cell 0, so the guest does not get the topology ` +
        'written here. List every vCPU in a cell (guide 9.3.9).',
    });
  },
};
