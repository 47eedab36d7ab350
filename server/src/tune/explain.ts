import { formatCpuset } from '../kb/cpuset';
import { guide, libvirt, sourceMarkdown } from '../kb/sources';
import { formatKiB } from '../kb/units';
import { QEMU_ALLOWANCE_KIB } from '../domain/rules/memory/limits';
import type { NodeView } from './hostView';
import type { GuestTopology } from './topology';
import type { Placement } from './types';

/** `1,5,9,13` without SMT, `1+9,5+13` with it: a node's free cores as their threads. */
function coresText(cores: readonly number[][]): string {
  return cores.map((core) => core.join('+')).join(',');
}

function nodeFacts(node: NodeView, pageKiB: number | undefined): string {
  const parts = [`${node.freeCores.length === 1 ? 'core' : 'cores'} ${coresText(node.freeCores)} free`];
  parts.push(node.memFreeKiB === null ? 'free memory unknown' : `${formatKiB(roundMiB(node.memFreeKiB))} free`);
  const pages = pageKiB === undefined ? undefined : node.pages.find((entry) => entry.sizeKiB === pageKiB);
  if (pages) parts.push(`${pages.free} of ${pages.total} ${formatKiB(pages.sizeKiB)} pages free`);
  return parts.join(', ');
}

/** `node 1` or `nodes 1-2`. */
function nodeList(ids: readonly number[]): string {
  return `${ids.length === 1 ? 'node' : 'nodes'} ${formatCpuset(ids)}`;
}

/** Free memory to the MiB, so a title reads `2890 MiB`, not `2959360 KiB`. */
function roundMiB(kib: number): number {
  return Math.floor(kib / 1024) * 1024;
}

/** The choice's title after "Tune for this host: ". */
export function summary(placement: Placement, view: readonly NodeView[]): string {
  const nodeOf = (id: number) => view.find((node) => node.id === id)!;
  if (placement.cells.length === 1) {
    const cell = placement.cells[0]!;
    return `on node ${cell.node}: ${nodeFacts(nodeOf(cell.node), cell.pageKiB)}`;
  }
  const first = placement.cells[0]!;
  const same = placement.cells.every((cell) => cell.memoryKiB === first.memoryKiB && cell.vcpus.length === first.vcpus.length);
  const each = same ? `${first.vcpus.length} ${first.vcpus.length === 1 ? 'vCPU' : 'vCPUs'} and ${formatKiB(first.memoryKiB)} each` : 'unequal cells';
  const paged = placement.cells.filter((cell) => cell.pageKiB !== undefined);
  const pages = paged.length === 0 ? '' : `, ${[...new Set(paged.map((cell) => formatKiB(cell.pageKiB!)))].join(' and ')} pages on ${paged.length === placement.cells.length ? 'all' : nodeList(paged.map((cell) => cell.node))}`;
  return `across nodes ${formatCpuset(placement.nodes)} with ${placement.cells.length} guest NUMA cells: ${each}${pages}`;
}

const cite = {
  numa: sourceMarkdown(guide('9.3', 'libvirt NUMA Tuning')),
  pinning: sourceMarkdown(guide('9.3.2', 'NUMA vCPU Pinning')),
  process: sourceMarkdown(guide('9.3.3', 'Domain Processes')),
  threads: sourceMarkdown(guide('9.3.4', 'Domain vCPU Threads')),
  emulator: sourceMarkdown(guide('9.3.5', 'Using emulatorpin')),
  topology: sourceMarkdown(guide('9.3.9', 'Guest NUMA Topology')),
  pagesPerCell: sourceMarkdown(guide('9.3.10', 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes')),
  hugepages: sourceMarkdown(guide('8.2.3', 'Huge Pages and Transparent Huge Pages (THP)')),
  memtune: sourceMarkdown(guide('8.2.2', 'Memory Tuning with virsh')),
  memtuneLibvirt: sourceMarkdown(libvirt('memory-tuning', 'Memory Tuning')),
  iothreads: sourceMarkdown(libvirt('iothreads-allocation', 'IOThreads Allocation')),
  net: sourceMarkdown(guide('5.4.2', 'Multi-Queue virtio-net')),
  scsi: sourceMarkdown(guide('7.4.2', 'Multi-Queue virtio-scsi')),
};

export interface ExplainContext {
  view: readonly NodeView[];
  /** Why the other nodes were not chosen (from the fit). */
  notes: readonly string[];
  iothreads: number;
  /** Other guests' pins and isolated CPUs the placement stayed clear of, by CPU. */
  avoided: ReadonlyMap<number, string>;
  multiqueueNet: number;
  multiqueueScsi: number;
  /** The hard_limit is the one the file already had. */
  hardLimitKept: boolean;
  /** Host nodes of the guest's assigned PCI devices. */
  deviceNodes: readonly number[];
  topology: GuestTopology;
}

/** The block each line of the explanation is about, by how the line starts. */
const BLOCK_OF_LINE: [string, RegExp][] = [
  ['cputune', /^- \*\*`<cputune>/],
  ['numatune', /^- \*\*`<vcpu placement/],
  ['cpu', /^- \*\*`<cpu>/],
  ['memoryBacking', /^- \*\*`<memoryBacking>/],
  ['memtune', /^- \*\*`<locked\/>/],
  ['iothreads', /^- \*\*`<iothreads>/],
];

/** What a placement writes and why: the whole Markdown, and its line for each block (for hovers). */
export function explain(placement: Placement, context: ExplainContext): { markdown: string; blocks: Record<string, string> } {
  // Element names as code, so a Markdown reader (the hover) shows them instead of taking them for HTML.
  const lines = explainLines(placement, context).map((line) => line.replace(/(?<!`)<([a-zA-Z_/][^<>]*)>/g, '`<$1>`'));
  const blocks: Record<string, string> = {};
  for (const line of lines) {
    const block = BLOCK_OF_LINE.find(([, pattern]) => pattern.test(line))?.[0];
    if (block) blocks[block] = line.slice(2);
  }
  return { markdown: lines.join('\n'), blocks };
}

function explainLines(placement: Placement, context: ExplainContext): string[] {
  const lines: string[] = [];
  const span = placement.cells.length > 1;
  lines.push(`### Tune for this host: ${summary(placement, context.view)}`, '');
  if (span) {
    lines.push(
      `No single host node has room for the whole guest (${placement.vcpus} vCPUs, ${formatKiB(placement.memoryKiB)}), so it spans ` +
        `${placement.cells.length} nodes, the fewest that hold it, and the guest sees the same split as ${placement.cells.length} NUMA cells, ` +
        `one per host node, so its own scheduler keeps each vCPU's memory local (${cite.threads}, ${cite.topology}).`,
    );
  } else {
    lines.push(
      `Node ${placement.nodes[0]} holds the whole guest (${placement.vcpus} vCPUs, ${formatKiB(placement.memoryKiB)}): the guide's first ` +
        `advice is to keep a guest within one NUMA node rather than split it (${cite.numa}).`,
    );
  }
  const local = context.deviceNodes.filter((node) => placement.nodes.includes(node));
  if (local.length > 0) {
    lines.push(`- The guest's assigned PCI ${context.deviceNodes.length === 1 ? 'device sits' : 'devices sit'} on ${nodeList(local)}, so its DMA and interrupts stay on the guest's nodes (${sourceMarkdown(guide('9.3.11', 'NUMA Node Locality for PCI Devices'))}).`);
  }
  for (const note of context.notes) lines.push(`- ${note}.`);
  lines.push('');
  const pins = placement.cells.flatMap((cell) => cell.vcpus.map((vcpu, index) => `${vcpu}→${cell.hostCpus[index]}`));
  const smt = placement.cells.some((cell) => cell.cores.some((core) => core.length > 1));
  lines.push(
    `- **<cputune>**: each vCPU pinned to one host CPU (${pins.join(', ')}) on whole cores no other guest uses` +
      (placement.threads > 1
        ? `, ${placement.threads} guest threads on the threads of one host core, as the guest's topology says`
        : smt
          ? ', one vCPU per core, its sibling thread left to this guest'
          : '') +
      ` (${cite.pinning}, ${cite.threads}); ` +
      (placement.emulatorShared
        ? `the emulator threads pinned to the first cell's CPUs ${formatCpuset(placement.emulatorCpus)}: every other CPU of ${span ? 'these nodes' : 'the node'} carries a vCPU, and sharing keeps them on the same node (${cite.emulator})`
        : `the emulator threads pinned to CPU ${formatCpuset(placement.emulatorCpus)}, beside the vCPUs but apart from them (${cite.emulator})`) +
      '.',
  );
  if (context.avoided.size > 0) {
    const avoided = [...context.avoided].map(([cpu, why]) => `${cpu} (${why})`);
    lines.push(`- CPUs left alone: ${avoided.join(', ')}.`);
  }
  lines.push(
    `- **<vcpu placement='static'>** and **<numatune>**: memory bound strictly to ${span ? 'nodes' : 'node'} ${formatCpuset(placement.nodes)}` +
      (span ? ', each guest cell to its own host node with a <memnode>' : ', the guest cell to it with a <memnode>') +
      `; vCPU pinning, numatune and emulatorpin belong together (${cite.pinning}, ${cite.process}).`,
  );
  lines.push(
    `- **<cpu>**: a topology of ${placement.cells.length} ${placement.cells.length === 1 ? 'socket' : 'sockets'} (one per cell, so no socket is split across cells) ` +
      `and <numa> cells matching the pins (${cite.topology})` +
      droppedLayers(context.topology) +
      '.',
  );
  const paged = placement.cells.filter((cell) => cell.pageKiB !== undefined);
  if (paged.length > 0) {
    const sizes = [...new Set(paged.map((cell) => formatKiB(cell.pageKiB!)))].join(' and ');
    lines.push(
      `- **<memoryBacking>**: ${sizes} huge pages, which the host has free on ${paged.length === placement.cells.length ? 'the chosen nodes' : nodeList(paged.map((cell) => cell.node))}` +
        (paged.length < placement.cells.length ? '; the other cells use ordinary memory, as no node there has enough free pages' : '') +
        ` (${cite.hugepages}${paged.length < placement.cells.length || new Set(paged.map((cell) => cell.pageKiB)).size > 1 ? `, ${cite.pagesPerCell}` : ''}).`,
    );
  } else {
    lines.push('- **<memoryBacking>**: no huge pages: the chosen nodes do not have enough free pages of one size for the guest.');
  }
  if (placement.hardLimitKiB !== undefined) {
    lines.push(
      `- **<locked/>** with **<memtune> hard_limit** of ${formatKiB(placement.hardLimitKiB)}: ` +
        (placement.hardLimitKiB === placement.memoryKiB + QEMU_ALLOWANCE_KIB || !context.hardLimitKept
          ? "the guest's memory plus 1 GiB for QEMU itself. "
          : 'the limit the file already gave, which leaves room above the guest\'s memory. ') +
        `The guide asks for a hard_limit whenever memory is locked (${cite.memtune}); libvirt warns that QEMU's own share can only be guessed ` +
        `(${cite.memtuneLibvirt}), and 1 GiB is the allowance libvirt itself gives a guest whose memory it must lock for an assigned device. ` +
        'Where the locked-memory limit cannot be raised (some containers), leave locking out (`virt-tune tune --no-lock`).',
    );
  }
  if (context.iothreads > 0) {
    lines.push(
      `- **<iothreads>** ${context.iothreads}, one per virtio disk, each disk's <driver iothread>, pinned with the emulator (${cite.iothreads}).`,
    );
  }
  if (context.multiqueueNet > 0) lines.push(`- virtio-net queues = ${placement.vcpus}, one per vCPU (${cite.net}).`);
  if (context.multiqueueScsi > 0) lines.push(`- virtio-scsi queues = ${placement.vcpus}, one per vCPU (${cite.scsi}).`);
  lines.push('', 'Nothing else in the file changes. A guest running now holds its own memory and pages, which the free figures above do not count.');
  return lines;
}

/** `; dies='2' left out: ...` for the levels of the user's topology a placement cannot keep. */
function droppedLayers(topology: GuestTopology): string {
  if (topology.dropped.length === 0) return '';
  const written = topology.dropped.map(([layer, value]) => `${layer}='${value}'`).join(' and ');
  const cores = topology.coresPerSocket;
  return `; the topology's ${written} ${topology.dropped.length === 1 ? 'is' : 'are'} left out: each socket has ${cores} ${cores === 1 ? 'core' : 'cores'}, which ${topology.dropped.length === 1 ? 'it does' : 'they do'} not divide`;
}
