import { formatCpuset } from '../../kb/cpuset';
import { placeholder } from './snippetText';

/**
 * What the tuning snippets are sized from: the document's vCPU count, memory and guest NUMA cells, and
 * when the host is known, its online CPUs and huge page sizes.
 */
export interface DomainShape {
  vcpus: number;
  memoryKiB: number;
  /** The ids of the guest's NUMA cells. */
  cells: readonly number[];
  /** The host's online CPUs, ascending, when the host is known. */
  hostCpus?: readonly number[];
  /** The host's huge page sizes in KiB, ascending, when the host is known and has any. */
  hostPageSizesKiB?: readonly number[];
}

/** The shape snippets/domain.json is written for (a test keeps the two equal). */
export const DEFAULT_SHAPE: DomainShape = { vcpus: 4, memoryKiB: 4 * 1024 * 1024, cells: [0, 1] };

/** Snippet bodies (one string per line, `\t` for one level of indentation) that follow the document's shape. */
export type SnippetGenerator = (shape: DomainShape) => string[];

/**
 * Guide 9.3.2/9.3.4: one `<vcpupin>` per vCPU (vCPU n on host CPU n), and 9.3.5: `<emulatorpin>`, on
 * the next host CPU so QEMU's own threads do not preempt a vCPU (libvirt's real-time KVM guide; VT139).
 * With a host, only its online CPUs are named: vCPU n on the n-th of them (round again when the guest
 * has more vCPUs than the host CPUs, which VT156 reports), the emulator on the first one no vCPU took,
 * or on the first online CPU when every one has a vCPU (VT139 then says so; a CPU the host lacks would be
 * an error, VT150).
 */
export const pinEveryVcpu: SnippetGenerator = ({ vcpus, hostCpus }) => {
  const cpus = hostCpus && hostCpus.length > 0 ? hostCpus : undefined;
  const cpuOf = (index: number): number => (cpus ? cpus[index % cpus.length]! : index);
  const pins = Array.from({ length: vcpus }, (_, vcpu) => `\t<vcpupin vcpu='${vcpu}' cpuset='${placeholder(vcpu + 1, String(cpuOf(vcpu)))}'/>`);
  const emulatorCpu = !cpus ? vcpus : vcpus < cpus.length ? cpus[vcpus]! : cpus[0]!;
  const emulator = `\t<emulatorpin cpuset='${placeholder(vcpus + 1, String(emulatorCpu))}'/>`;
  return ['<cputune>', ...pins, emulator, '</cputune>'];
};

/**
 * Guide 9.3.10: a huge page size per guest NUMA cell (the nodeset names guest cells). One `<page>` per
 * cell the document has (cells 0 and 1 when it has none yet); sizes the host has when it is known (the
 * largest), else 1 GiB and 2 MiB by turns as the guide's example.
 */
export const hugePagesPerCell: SnippetGenerator = ({ cells, hostPageSizesKiB }) => {
  const largest = hostPageSizesKiB?.filter((size) => size > 4).at(-1);
  let index = 0;
  const pages = (cells.length > 0 ? cells : [0, 1]).map((cell, position) => {
    const [size, unit] = largest !== undefined ? sizeInUnit(largest) : position % 2 === 0 ? ['1', 'G'] : ['2', 'M'];
    const line = `\t\t<page size='${placeholder(++index, size)}' unit='${placeholder(++index, unit)}' nodeset='${placeholder(++index, String(cell))}'/>`;
    return line;
  });
  return ['<memoryBacking>', '\t<hugepages>', ...pages, '\t</hugepages>', '</memoryBacking>'];
};

/** A huge page size in KiB as libvirt's short units write it (1048576 -> 1 G, 2048 -> 2 M). */
function sizeInUnit(sizeKiB: number): [string, string] {
  if (sizeKiB % (1024 * 1024) === 0) return [String(sizeKiB / (1024 * 1024)), 'G'];
  if (sizeKiB % 1024 === 0) return [String(sizeKiB / 1024), 'M'];
  return [String(sizeKiB), 'K'];
}

/** Guide 5.4.2: as many queues as vCPUs. */
export const multiQueueVirtioNet: SnippetGenerator = ({ vcpus }) => [
  "<interface type='network'>",
  `\t<source network='${placeholder(1, 'default')}'/>`,
  "\t<model type='virtio'/>",
  `\t<driver name='vhost' queues='${placeholder(2, String(vcpus))}'/>`,
  '</interface>',
];

/** Guide 7.4.2: one queue per vCPU. */
export const multiQueueVirtioScsi: SnippetGenerator = ({ vcpus }) => [
  `<controller type='scsi' index='${placeholder(1, '0')}' model='virtio-scsi'>`,
  `\t<driver queues='${placeholder(2, String(vcpus))}'/>`,
  '</controller>',
];

/** Guide 8.2.2: `locked` wants a `hard_limit` of the guest's memory plus what QEMU itself uses (here 1 GiB). */
export const lockedWithHardLimit: SnippetGenerator = ({ memoryKiB }) => {
  const [limit, unit] = inLargestUnit([memoryKiB + 1024 * 1024]);
  return [
    '<memoryBacking>',
    '\t<locked/>',
    '</memoryBacking>',
    '<memtune>',
    `\t<hard_limit unit='${unit}'>${placeholder(1, String(limit[0]))}</hard_limit>`,
    '</memtune>',
  ];
};

/** Guide 9.3.9: guest NUMA cells; two (one when there is a single vCPU) sharing the vCPUs and the memory. */
export const guestNumaCells: SnippetGenerator = ({ vcpus, memoryKiB }) => {
  const cellCount = vcpus >= 2 ? 2 : 1;
  const cpuCounts = share(vcpus, cellCount);
  const [memories, unit] = inLargestUnit(share(memoryKiB, cellCount));
  let firstCpu = 0;
  const cells = cpuCounts.map((count, id) => {
    const cpus = formatCpuset(Array.from({ length: count }, (_, index) => firstCpu + index));
    firstCpu += count;
    return `\t\t<cell id='${id}' cpus='${cpus}' memory='${placeholder(id + 1, String(memories[id]))}' unit='${unit}'/>`;
  });
  return ['<cpu>', '\t<numa>', ...cells, '\t</numa>', '</cpu>'];
};

/** `total` split into `parts` whole shares as equal as can be, the larger ones first. */
function share(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, index) => base + (index < total % parts ? 1 : 0));
}

/** KiB sizes in the largest of GiB, MiB, KiB that expresses them all exactly. */
function inLargestUnit(sizesKiB: readonly number[]): [number[], string] {
  for (const [unit, kib] of [['GiB', 1024 * 1024], ['MiB', 1024]] as const) {
    if (sizesKiB.every((size) => size % kib === 0)) return [sizesKiB.map((size) => size / kib), unit];
  }
  return [[...sizesKiB], 'KiB'];
}
