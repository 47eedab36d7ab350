import { formatKiB } from '../kb/units';
import { maxVcpus, numaMemoryKiB } from '../domain/rules/guest';
import { QEMU_ALLOWANCE_KIB } from '../domain/rules/memory/limits';
import { assignedPciDevices } from '../domain/rules/host/hostdevs';
import { isUnlimited } from '../domain/rules/memory/limits';
import type { HostModel } from '../host/types';
import type { NodeView } from './hostView';
import type { CellPlan, Placement, TuneInput } from './types';

/** Spanning placements offered when no single node fits: the closest few. */
const MAX_SPANNING_CHOICES = 4;
/** Reasons kept for the explanation: enough to say why, not one per node pair of a large host. */
const MAX_NOTES = 8;

/** What the guest asks for, as the tuner reads it. */
export interface GuestNeeds {
  vcpus: number;
  memoryKiB: number;
  /** The most memory the guest may grow to (`<maxMemory>`), for the hard limit. */
  maxMemoryKiB: number;
  /** The hard_limit to write when memory is locked. */
  hardLimitKiB: number;
  threads: number;
  lock: boolean;
  /** Host nodes of the PCI devices assigned to the guest (guide 9.3.11): placements holding them come first. */
  deviceNodes: number[];
}

/** The guest's vCPUs, memory and threads per core; a note instead when one is missing or unusable. */
export function guestNeeds(input: TuneInput): GuestNeeds | string {
  const { model } = input;
  const vcpus = maxVcpus(model);
  if (vcpus === undefined) return 'The vCPU count in <vcpu> is not a number virt-tune can read, so there is nothing to place.';
  const memoryKiB = model.memory?.kib ?? numaMemoryKiB(model);
  if (memoryKiB === undefined || memoryKiB <= 0) return 'The guest has no <memory> virt-tune can read, so there is nothing to place.';
  if (!Number.isInteger(memoryKiB)) return `<memory> (${memoryKiB} KiB) is not a whole number of KiB; write it in KiB or a larger unit first.`;
  const written = model.cpu?.topology?.threads;
  const threads = written !== undefined && written > 1 ? written : 1;
  if (vcpus % threads !== 0) return `The guest's topology has ${threads} threads per core, which does not divide its ${vcpus} vCPUs.`;
  const maxMemoryKiB = Math.max(memoryKiB, model.maxMemory?.kib ?? 0);
  // A hard_limit the user already gave that leaves room above the guest's memory is their own judgement of
  // QEMU's share (libvirt: it can only be guessed): it stays; otherwise the guest's memory plus the allowance.
  const given = model.memtune?.hardLimit;
  const hardLimitKiB = given && !isUnlimited(given) && given.kib > maxMemoryKiB && Number.isInteger(given.kib) ? given.kib : maxMemoryKiB + QEMU_ALLOWANCE_KIB;
  const deviceNodes = [
    ...new Set(
      assignedPciDevices(model)
        .map((device) => input.host.pci.find((entry) => entry.address === device.address)?.node)
        .filter((node): node is number => node !== undefined && node !== null),
    ),
  ];
  return { vcpus, memoryKiB, maxMemoryKiB, hardLimitKiB, threads, lock: input.lockMemory ?? true, deviceNodes };
}

interface CellFit {
  plan: Omit<CellPlan, 'id' | 'vcpus'>;
  /** Free CPUs of the node left once the vCPUs have theirs, best first, for the emulator. */
  spare: number[];
}

/** How one node holds one cell of `vcpus` vCPUs and `memoryKiB`, or why it cannot. */
function fitCell(node: NodeView, vcpus: number, memoryKiB: number, threads: number): CellFit | string {
  const usable = node.freeCores.filter((core) => core.length >= threads);
  const coresNeeded = vcpus / threads;
  if (usable.length < coresNeeded) {
    const free = `${node.freeCores.length} free ${node.freeCores.length === 1 ? 'core' : 'cores'}`;
    if (threads === 1) return `node ${node.id}: ${free}, ${coresNeeded} needed (one core per vCPU)`;
    // Free cores with too few threads are free all the same: say so, or "0 free cores" on an idle host misleads.
    const narrow = usable.length < node.freeCores.length ? `, ${usable.length} of them with ${threads} threads` : '';
    return `node ${node.id}: ${free}${narrow}; ${coresNeeded} ${coresNeeded === 1 ? 'core' : 'cores'} of ${threads} threads needed (the guest's <topology> has ${threads} threads per core)`;
  }
  const cores = usable.slice(0, coresNeeded);
  const hostCpus = cores.flatMap((core) => core.slice(0, threads));
  const spare = [...usable.slice(coresNeeded).map((core) => core[0]!), ...cores.flatMap((core) => core.slice(threads))];
  const page = node.pages.find((pages) => memoryKiB % pages.sizeKiB === 0 && pages.free * pages.sizeKiB >= memoryKiB);
  if (page) return { plan: { node: node.id, hostCpus, cores, memoryKiB, pageKiB: page.sizeKiB }, spare };
  if (node.memFreeKiB !== null && node.memFreeKiB < memoryKiB) {
    const pages = node.pages.filter((entry) => entry.free > 0).map((entry) => `${entry.free} of ${formatKiB(entry.sizeKiB)}`);
    return (
      `node ${node.id}: ${formatKiB(node.memFreeKiB)} free${pages.length > 0 ? ` and huge pages ${pages.join(', ')}` : ''}, ` +
      `${formatKiB(memoryKiB)} needed`
    );
  }
  return { plan: { node: node.id, hostCpus, cores, memoryKiB, pageKiB: undefined }, spare };
}

/** Every way to choose `size` of the items, in order. */
function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const result: T[][] = [];
  items.forEach((item, index) => {
    for (const rest of combinations(items.slice(index + 1), size - 1)) result.push([item, ...rest]);
  });
  return result;
}

/** Memory of each of `cells` cells: equal shares, whole MiB where possible, the last taking what is left. */
function cellMemory(total: number, cells: number): number[] {
  const unit = total % (1024 * cells) === 0 ? 1 : total % 1024 === 0 ? 1024 : 1;
  const share = Math.floor(total / cells / unit) * unit;
  return Array.from({ length: cells }, (_, index) => (index === cells - 1 ? total - share * (cells - 1) : share));
}

function place(needs: GuestNeeds, nodes: NodeView[]): Placement | string[] {
  const perCell = needs.vcpus / nodes.length;
  const memory = cellMemory(needs.memoryKiB, nodes.length);
  const cells: CellPlan[] = [];
  const spares: number[][] = [];
  const why: string[] = [];
  nodes.forEach((node, index) => {
    const fit = fitCell(node, perCell, memory[index]!, needs.threads);
    if (typeof fit === 'string') {
      why.push(fit);
      return;
    }
    spares.push(fit.spare);
    const vcpus = Array.from({ length: perCell }, (_, offset) => index * perCell + offset);
    cells.push({ id: index, vcpus, ...fit.plan });
  });
  if (why.length > 0) return why;
  // The emulator goes on a CPU of the placement's nodes that no vCPU has, the first node first; where
  // every CPU carries a vCPU it shares the first cell's CPUs (VT139 says that is second best).
  const emulator = spares.find((list) => list.length > 0)?.[0];
  return {
    nodes: nodes.map((node) => node.id),
    cells,
    threads: needs.threads,
    emulatorCpus: emulator !== undefined ? [emulator] : [...cells[0]!.hostCpus].sort((a, b) => a - b),
    emulatorShared: emulator === undefined,
    hardLimitKiB: needs.lock ? needs.hardLimitKiB : undefined,
    vcpus: needs.vcpus,
    memoryKiB: needs.memoryKiB,
  };
}

/** The distance between two host nodes as the kernel lists it; 10 (local) when unknown. */
function distance(host: HostModel, a: number, b: number): number {
  const ids = host.nodes.map((node) => node.id).sort((x, y) => x - y);
  return host.nodes.find((node) => node.id === a)?.distances[ids.indexOf(b)] ?? 10;
}

function hugeShare(placement: Placement): number {
  return placement.cells.reduce((sum, cell) => sum + (cell.pageKiB !== undefined ? cell.memoryKiB : 0), 0);
}

/**
 * The placements that fit, best first: every single node that holds the whole guest (the guide's
 * first advice, 9.3: do not split a guest across nodes without need); when none does, the
 * fewest nodes that do, closest together first. With `node`, only placements using that node.
 */
export function fitPlacements(input: TuneInput, needs: GuestNeeds, view: NodeView[]): { placements: Placement[]; notes: string[] } {
  const notes: string[] = [];
  const noted = (line: string) => {
    if (!notes.includes(line) && notes.length < MAX_NOTES) notes.push(line);
  };
  const uneven: number[] = [];
  for (let count = 1; count <= view.length; count++) {
    if (needs.vcpus % count !== 0 || (needs.vcpus / count) % needs.threads !== 0) {
      if (count > 1) uneven.push(count);
      continue;
    }
    const found: Placement[] = [];
    const why: string[] = [];
    for (const nodes of combinations(view, count)) {
      if (input.node !== undefined && !nodes.some((node) => node.id === input.node)) continue;
      const result = place(needs, nodes);
      if (Array.isArray(result)) why.push(...result);
      else found.push(result);
    }
    if (found.length > 0) {
      const span = (placement: Placement) =>
        Math.max(0, ...placement.nodes.flatMap((a) => placement.nodes.map((b) => distance(input.host, a, b))));
      // Free memory in whole GiB: a few MiB more is no reason to pass over lower-numbered nodes.
      const freeAfter = (placement: Placement) =>
        Math.floor(placement.cells.reduce((sum, cell) => sum + (view.find((node) => node.id === cell.node)?.memFreeKiB ?? 0), 0) / 1048576);
      // CPU 0's node last among equals: the kernel keeps its housekeeping work (timers, unbound interrupts) there.
      const housekeeping = (placement: Placement) => Number(placement.nodes.some((id) => input.host.nodes.find((node) => node.id === id)?.cpus.includes(0)));
      const remoteDevices = (placement: Placement) => needs.deviceNodes.filter((node) => !placement.nodes.includes(node)).length;
      found.sort(
        (a, b) =>
          remoteDevices(a) - remoteDevices(b) ||
          span(a) - span(b) ||
          Number(a.emulatorShared) - Number(b.emulatorShared) ||
          hugeShare(b) - hugeShare(a) ||
          housekeeping(a) - housekeeping(b) ||
          freeAfter(b) - freeAfter(a),
      );
      return { placements: count === 1 ? found : found.slice(0, MAX_SPANNING_CHOICES), notes };
    }
    for (const line of why) noted(count === 1 ? `${line}: the whole guest does not fit there` : `${line} (as one of ${count} nodes)`);
  }
  if (uneven.length > 0) {
    const counts = uneven.length === 1 ? `${uneven[0]}` : `${uneven.slice(0, -1).join(', ')} or ${uneven.at(-1)}`;
    const unit = needs.threads > 1 ? `cores of ${needs.threads} threads` : 'vCPUs';
    // Past the cap of notes too: it is the one reason that covers every spanning placement.
    notes.push(`Not tried across ${counts} nodes: the guest's ${needs.vcpus} vCPUs do not split into the same number of ${unit} per node, and each guest NUMA cell gets an equal share.`);
  }
  if (input.node !== undefined && !view.some((node) => node.id === input.node)) notes.unshift(`The host has no node ${input.node}.`);
  return { placements: [], notes };
}
