import type { XmlDocument } from '../../../xml/types';
import type { DomainModel, HugePageModel } from '../../model';
import { cleanIds, guestCells, guestMemoryKiB, servesAllMemory } from '../guest';
import { memoryBinding } from './placement';

/** Huge pages of one size the guest takes from some host nodes when it starts. */
export interface HugePageDemand {
  sizeKiB: number;
  /** Pages needed (the memory rounded up to whole pages). */
  pages: number;
  memoryKiB: number;
  /** Host nodes a strict binding limits the pages to; undefined when any node will do. */
  nodes: number[] | undefined;
  /** The `<page>` that chose the size; undefined when it is the host's default size. */
  page: HugePageModel | undefined;
  /** Guest NUMA cells served, when the guest has cells. */
  cells: number[];
}

const STRICT_MODES: ReadonlySet<string> = new Set(['strict', 'restrictive']);

/**
 * What `<memoryBacking><hugepages>` asks of the host: per page size and per set of host nodes the
 * pages must come from, how many. A `<page>` with a nodeset serves those guest cells; the one without
 * serves the rest; a bare `<hugepages/>` means the host's default size (Hugepagesize); cells no `<page>`
 * serves use ordinary memory. A cell's memory is bound by its
 * strict `<memnode>`, else by a strict `<numatune><memory>` (strict is libvirt's default mode).
 */
export function hugePageDemands(xml: XmlDocument, model: DomainModel, defaultSizeKiB: number | null): HugePageDemand[] {
  const hugepages = model.memoryBacking?.hugepages;
  if (!hugepages) return [];
  const pages = hugepages.pages;
  const general = pages.find((page) => servesAllMemory(xml, model, page));
  const binding = memoryBinding(xml, model);
  const guestBinding = binding && STRICT_MODES.has(binding.mode) ? binding.nodes : undefined;
  const cells = guestCells(xml, model);
  const shares: { memoryKiB: number; page: HugePageModel | undefined; nodes: number[] | undefined; cell: number | undefined }[] = [];
  if (cells.length === 0) {
    const memoryKiB = guestMemoryKiB(model);
    if (memoryKiB === undefined) return [];
    shares.push({ memoryKiB, page: general, nodes: guestBinding, cell: undefined });
  } else {
    for (const { cell, id } of cells) {
      if (cell.memory === undefined) return [];
      const page = pages.find((candidate) => cleanIds(xml, candidate.nodeset)?.includes(id)) ?? general;
      // A cell no <page> names, with no <page> for the rest, gets ordinary memory: libvirt falls back to the
      // host's default size only for a bare <hugepages/> (qemuBuildMemoryBackendProps, qemu_command.c).
      if (!page && pages.length > 0) continue;
      const memnode = model.numatune?.memnodes.find((entry) => entry.cellid === id);
      const cellBinding = memnode && STRICT_MODES.has(memnode.mode ?? 'strict') ? cleanIds(xml, memnode.nodeset) : undefined;
      shares.push({ memoryKiB: cell.memory.kib, page, nodes: memnode ? cellBinding : guestBinding, cell: id });
    }
  }
  const demands = new Map<string, HugePageDemand>();
  for (const share of shares) {
    const sizeKiB = share.page ? share.page.sizeKiB : (defaultSizeKiB ?? undefined);
    if (sizeKiB === undefined || sizeKiB <= 0) continue;
    const key = `${sizeKiB}@${share.nodes?.join(',') ?? '*'}`;
    const demand = demands.get(key) ?? { sizeKiB, pages: 0, memoryKiB: 0, nodes: share.nodes, page: share.page, cells: [] };
    demand.memoryKiB += share.memoryKiB;
    demand.pages = Math.ceil(demand.memoryKiB / sizeKiB);
    if (share.cell !== undefined) demand.cells.push(share.cell);
    demands.set(key, demand);
  }
  return [...demands.values()];
}
