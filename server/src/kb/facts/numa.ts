import type { Fact } from '../types';
import { guideSection as guide, libvirtSection as libvirt } from './cite';

const NUMATUNE = libvirt('numa-node-tuning');
const MODEL = libvirt('cpu-model-and-topology');
const HMAT = libvirt('acpi-heterogeneous-memory-attribute-table');

/** `<latency>` and `<bandwidth>` of `<interconnects>`: the same attributes, different measures. */
function interconnectFacts(name: 'latency' | 'bandwidth'): Fact[] {
  const path = `domain/cpu/numa/interconnects/${name}`;
  const facts: Fact[] = [
    {
      key: path,
      summary:
        name === 'latency'
          ? 'The memory access latency from an initiator cell to a target cell (or its cache).'
          : 'The memory bandwidth from an initiator cell to a target cell.',
      sources: [HMAT],
    },
    { key: `${path}@initiator`, summary: 'The cell the accesses come from.', sources: [HMAT] },
    { key: `${path}@target`, summary: 'The cell whose memory is accessed.', sources: [HMAT] },
    {
      key: `${path}@cache`,
      summary: "A cache level of the target cell, to describe access to that cache rather than the cell's memory.",
      sources: [HMAT],
    },
    { key: `${path}@type`, summary: 'The kind of access: `access`, `read` or `write`.', sources: [HMAT] },
    {
      key: `${path}@value`,
      summary: name === 'latency' ? 'The latency in nanoseconds.' : 'The bandwidth, in KiB per second unless `unit` says otherwise.',
      unit: name === 'latency' ? 'nanoseconds' : 'KiB per second',
      sources: [HMAT],
    },
  ];
  if (name === 'bandwidth') {
    facts.push({ key: `${path}@unit`, summary: 'The unit of `value` per second.', default: 'KiB', sources: [HMAT] });
  }
  return facts;
}

/** `<size>` and `<line>` of a cell's memory-side `<cache>`. */
function cellCacheSizeFacts(name: 'size' | 'line'): Fact[] {
  const path = `domain/cpu/numa/cell/cache/${name}`;
  const what = name === 'size' ? 'the cache size' : 'the cache line size';
  return [
    { key: path, summary: `Gives ${what}.`, sources: [HMAT] },
    { key: `${path}@value`, summary: `The number for ${what}, in \`unit\`.`, sources: [HMAT] },
    { key: `${path}@unit`, summary: `The unit of ${what}.`, sources: [HMAT] },
  ];
}

/** The memory policies, shared by `<numatune><memory>` and `<memnode>`. */
function modeValueFacts(path: string): Fact[] {
  return [
    {
      key: `${path}@mode=strict`,
      summary: 'Memory must come from the nodeset; an allocation the nodes cannot satisfy fails.',
      details: 'It is the default, also when only a nodeset is given (guide 9.1).',
      advice:
        'With memory overcommitted in strict mode and too little swap, the kernel kills guest processes to ' +
        'reclaim memory; the guide suggests `preferred` with a single node instead (guide 9.1). A guest with ' +
        'huge pages in strict mode does not start when its node is short of huge pages (guide 9.3.10).',
      sources: [guide('9.1'), guide('9.3.10'), NUMATUNE],
    },
    {
      key: `${path}@mode=interleave`,
      summary: 'Pages are handed out round-robin across the nodes of the nodeset.',
      sources: [guide('9.1'), NUMATUNE],
    },
    {
      key: `${path}@mode=preferred`,
      summary: 'Memory comes from one preferred node, and from other nodes when that one runs short.',
      advice:
        'The guide recommends this mode with a single node, such as `nodeset="0"`, to avoid the OOM kills ' +
        'strict mode can cause (guide 9.1).',
      sources: [guide('9.1'), NUMATUNE],
    },
    {
      key: `${path}@mode=restrictive`,
      summary: 'The system default policy applies, and only cgroups limit which nodes the memory may use.',
      details:
        'It exists so that memory of a running domain can be asked to move with `virsh numatune`; moving is ' +
        'not guaranteed. `<memnode>` elements must then use `restrictive` too.',
      sources: [NUMATUNE],
    },
  ];
}

export const NUMA_FACTS: readonly Fact[] = [
  // NUMA Node Tuning
  {
    key: 'domain/numatune',
    summary: "The host NUMA memory policy of the domain process: which host nodes the guest's memory comes from, and how.",
    details:
      'libvirt sets the policy through libnuma; `virsh numatune` changes it on a running domain (guide 9.3.8).',
    advice:
      'Best performance usually comes from keeping a guest within one host NUMA node, when that node has ' +
      'enough resources (guide 8.1, 9.3). Pair it with vCPU pinning: NUMA misses typically cost 10% or more ' +
      '(guide 9.3.2).',
    sources: [guide('9.3.3'), guide('9.3.2'), guide('9.3'), guide('8.1'), guide('9.3.8'), NUMATUNE],
  },
  {
    key: 'domain/numatune/memory',
    summary: 'The memory policy for all guest memory: its mode and the host nodes it may come from.',
    details:
      "Write it as an empty element, `<memory mode='strict' nodeset='0'/>`: the guide's 9.1 example leaves " +
      'the tag open, which makes the rest of the domain its content.',
    sources: [guide('9.1'), guide('9.3.3'), NUMATUNE],
  },
  {
    key: 'domain/numatune/memory@mode',
    summary: 'The allocation policy: `strict`, `interleave`, `preferred` or `restrictive`.',
    default: '`strict`',
    sources: [guide('9.1'), NUMATUNE],
  },
  ...modeValueFacts('domain/numatune/memory'),
  {
    key: 'domain/numatune/memory@nodeset',
    summary: 'The host NUMA nodes the memory may come from, in cpuset syntax (`0,2-3`).',
    details: 'Ignored when `placement` is `auto`.',
    sources: [guide('9.3.3'), NUMATUNE],
  },
  {
    key: 'domain/numatune/memory@placement',
    summary: 'Whether the nodes are the `nodeset` given (`static`) or the ones numad advises (`auto`).',
    details:
      "When absent it follows `<vcpu>`'s placement, or is `static` when a nodeset is given; the two " +
      'placements inherit from each other (guide 9.3.3).',
    default: "`<vcpu>`'s placement, else `static`",
    sources: [guide('9.3.3'), NUMATUNE],
  },
  {
    key: 'domain/numatune/memory@placement=static',
    summary: 'Memory comes from the nodes listed in `nodeset`.',
    sources: [guide('9.3.3'), NUMATUNE],
  },
  {
    key: 'domain/numatune/memory@placement=auto',
    summary: 'Memory comes only from the nodes numad advises; any `nodeset` is ignored.',
    advice: 'numad must run on the host.',
    sources: [guide('9.3.3'), NUMATUNE],
  },
  {
    key: 'domain/numatune/memnode',
    summary: 'The memory policy of one guest NUMA cell; cells without one use the policy of `<memory>`.',
    details:
      'It needs guest NUMA cells (`<cpu><numa>`) and does not work with automatic placement. It steers the ' +
      "vCPUs' memory accesses rather than guaranteeing where the cell's memory is allocated.",
    sources: [NUMATUNE],
  },
  {
    key: 'domain/numatune/memnode@cellid',
    summary: 'The id of the guest NUMA cell this policy is for.',
    sources: [NUMATUNE],
  },
  {
    key: 'domain/numatune/memnode@mode',
    summary: 'The allocation policy for that cell, as in `<memory mode>`.',
    default: '`strict`',
    sources: [NUMATUNE],
  },
  ...modeValueFacts('domain/numatune/memnode'),
  {
    key: 'domain/numatune/memnode@nodeset',
    summary: "The host NUMA nodes that cell's memory may come from.",
    sources: [NUMATUNE],
  },

  // Guest NUMA topology
  {
    key: 'domain/cpu/numa',
    summary: 'Gives the guest a NUMA topology, one `<cell>` per guest node.',
    advice:
      'A guest with more vCPUs than one host node holds should get a NUMA topology of its own, so that its ' +
      'cells map one to one onto host nodes (guide 9.3.4).',
    sources: [guide('9.3.9'), guide('9.3.4'), MODEL],
  },
  {
    key: 'domain/cpu/numa/cell',
    summary: 'One guest NUMA node: the vCPUs in it and its memory.',
    details:
      'Cells are numbered 0, 1, ... in order when `id` is left out; give every cell an id or none. With a ' +
      'socket/core/thread topology keep the cores and threads of one socket in one cell, or the guest may ' +
      'not boot (guide 9.3.9).',
    sources: [guide('9.3.9'), MODEL],
  },
  {
    key: 'domain/cpu/numa/cell@id',
    summary: 'The cell id that `<memnode cellid>` and huge page `nodeset`s refer to.',
    sources: [guide('9.3.9'), MODEL],
  },
  {
    key: 'domain/cpu/numa/cell@cpus',
    summary: 'The vCPUs in this cell, in cpuset syntax; leave it out for a cell with memory only.',
    advice: 'Together the cells should cover every vCPU of `<vcpu>` exactly once.',
    sources: [guide('9.3.9'), MODEL],
  },
  {
    key: 'domain/cpu/numa/cell@memory',
    summary: "The cell's memory size.",
    details: 'The cells’ sizes add up to the guest memory, so `<memory>` may then be left out.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('9.3.9'), MODEL, libvirt('memory-allocation')],
  },
  {
    key: 'domain/cpu/numa/cell@unit',
    summary: 'The unit of `memory` (KiB, MiB, GiB, ...).',
    default: 'KiB',
    sources: [guide('9.3.4'), MODEL],
  },
  {
    key: 'domain/cpu/numa/cell@memAccess',
    summary: "Whether the cell's memory is mapped `shared` or `private`, overriding `<memoryBacking><access>`.",
    details: 'It is only valid for memory backed by huge pages and for NVDIMM modules.',
    sources: [MODEL, libvirt('memory-backing')],
  },
  {
    key: 'domain/cpu/numa/cell@memAccess=shared',
    summary: 'The cell’s memory is mapped shared, which vhost-user disks and virtiofs require.',
    sources: [MODEL, libvirt('hard-drives-floppy-disks-cdroms')],
  },
  {
    key: 'domain/cpu/numa/cell@memAccess=private',
    summary: 'The cell’s memory is mapped private to the QEMU process.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/numa/cell@discard',
    summary: "Whether the cell's memory is discarded when the guest stops, as `<memoryBacking><discard>` does for all memory.",
    sources: [MODEL, libvirt('memory-backing')],
  },
  {
    key: 'domain/cpu/numa/cell/distances',
    summary: "The cell's distances to the other cells (the ACPI SLIT).",
    default: '10 to itself, 20 to every other cell',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/numa/cell/distances/sibling',
    summary: 'The distance from this cell to the cell `id`.',
    range: '10–255',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/numa/cell/distances/sibling@id',
    summary: 'The cell the distance is measured to.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/numa/cell/distances/sibling@value',
    summary: 'The distance; 10 means local.',
    range: '10–255',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/numa/cell/cache',
    summary: 'A memory-side cache of the cell, for the ACPI HMAT; one element per cache level.',
    sources: [HMAT],
  },
  { key: 'domain/cpu/numa/cell/cache@level', summary: 'The level of the cache described.', sources: [HMAT] },
  {
    key: 'domain/cpu/numa/cell/cache@associativity',
    summary: 'The cache associativity: `none`, `direct` or `full`.',
    sources: [HMAT],
  },
  {
    key: 'domain/cpu/numa/cell/cache@policy',
    summary: 'The write policy of the cache: `none`, `writeback` or `writethrough`.',
    sources: [HMAT],
  },
  ...cellCacheSizeFacts('size'),
  ...cellCacheSizeFacts('line'),
  {
    key: 'domain/cpu/numa/interconnects',
    summary: 'Latencies and bandwidths between initiator and target cells, for the ACPI HMAT.',
    sources: [HMAT],
  },
  ...interconnectFacts('latency'),
  ...interconnectFacts('bandwidth'),
];
