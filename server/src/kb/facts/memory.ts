import type { Fact } from '../types';
import { guideSection as guide, libvirtSection as libvirt } from './cite';

const ALLOCATION = libvirt('memory-allocation');
const BACKING = libvirt('memory-backing');
const TUNING = libvirt('memory-tuning');

const UNIT_DETAILS =
  'Powers of 1024: `k`/`KiB`, `M`/`MiB`, `G`/`GiB`, `T`/`TiB`; powers of 1000: `KB`, `MB`, `GB`, `TB`; ' +
  '`b`/`bytes` for bytes. libvirt rounds the size up to whole KiB.';

/** The `unit` attribute of a memory-sized element. */
function unitFact(path: string, sources: Fact['sources']): Fact {
  return { key: `${path}@unit`, summary: 'The unit of the size: KiB when absent.', details: UNIT_DETAILS, default: 'KiB', sources };
}

export const MEMORY_FACTS: readonly Fact[] = [
  // Memory Allocation
  {
    key: 'domain/memory',
    summary: 'The memory the guest has at boot, at most, including memory devices plugged at start or later.',
    details: 'May be left out when guest NUMA cells give the sizes. Some hypervisors round it or enforce a minimum.',
    advice: "Do not give a guest more memory than it will use (guide 8.1).",
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('8.1'), ALLOCATION],
  },
  unitFact('domain/memory', [ALLOCATION]),
  {
    key: 'domain/memory@dumpCore',
    summary: "Whether the guest's memory goes into the core dump made when QEMU crashes (`on`/`off`).",
    sources: [ALLOCATION],
  },
  {
    key: 'domain/currentMemory',
    summary: 'The memory actually given to the guest now; below `<memory>`, the balloon can raise it later.',
    default: 'the value of `<memory>`',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [ALLOCATION],
  },
  {
    key: 'domain/maxMemory',
    summary: 'The ceiling that memory hot-plug may raise the guest memory to.',
    details: 'Memory modules come in aligned chunks, so the full amount may not be reachable.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [ALLOCATION],
  },
  unitFact('domain/currentMemory', [ALLOCATION]),
  unitFact('domain/maxMemory', [ALLOCATION]),
  {
    key: 'domain/maxMemory@slots',
    summary: 'How many slots are free for hot-plugging memory modules; the limit depends on the hypervisor.',
    sources: [ALLOCATION],
  },

  // Memory Tuning
  {
    key: 'domain/memtune',
    summary: "Optional cgroup limits on the memory of the domain's QEMU process.",
    details:
      'Absent, the host defaults apply. For QEMU/KVM the limits cover the whole process: guest RAM, video ' +
      "RAM and QEMU's own overhead, which can only be estimated. Values are in KiB unless `unit` says " +
      'otherwise; `virsh memtune` shows and changes them.',
    sources: [guide('8.2.2'), TUNING],
  },
  {
    key: 'domain/memtune/hard_limit',
    summary: 'The most memory the domain process may use.',
    details:
      'Set too low, it gets the guest killed by the kernel. With `<memoryBacking><locked/>` a ' +
      'hard limit is needed (guide 8.2.2).',
    advice:
      'libvirt advises QEMU/KVM users to leave it unset, since a guess that is too low gets the guest ' +
      'killed; with `<locked/>` set it to the guest memory plus what QEMU itself uses.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('8.2.2'), TUNING],
  },
  {
    key: 'domain/memtune/soft_limit',
    summary: 'The memory limit enforced only while the host is short of memory.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('8.2.2'), TUNING],
  },
  {
    key: 'domain/memtune/swap_hard_limit',
    summary: 'The most memory plus swap the domain process may use.',
    details: 'It must be larger than `hard_limit`.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('8.2.2'), TUNING],
  },
  {
    key: 'domain/memtune/min_guarantee',
    summary: 'The memory the domain is guaranteed to keep.',
    details: 'Only the VMware ESX and OpenVZ drivers use it; QEMU/KVM does not.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('8.2.2'), TUNING],
  },

  ...['hard_limit', 'soft_limit', 'swap_hard_limit', 'min_guarantee'].map((name) =>
    unitFact(`domain/memtune/${name}`, [TUNING, ALLOCATION]),
  ),

  // Memory Backing
  {
    key: 'domain/memoryBacking',
    summary: 'How host memory backs the guest: huge pages, page sharing, locking, the backing source and when memory is allocated.',
    sources: [guide('8.2.2'), guide('9.4'), BACKING],
  },
  {
    key: 'domain/memoryBacking/hugepages',
    summary: "Backs the guest's memory with static huge pages instead of the normal page size.",
    details:
      'x86 hosts offer 2 MB and 1 GB huge pages; they raise TLB hit rates and help large, memory-hungry ' +
      'guests. The host must reserve enough of them (`vm.nr_hugepages`, or `hugepagesz=`/`hugepages=` on ' +
      'the kernel command line for 1 GB pages) and mount hugetlbfs; the guests together must stay below ' +
      'what the host has. Without static huge pages KVM uses transparent huge pages where it can.',
    advice:
      "Give the page sizes as `<page>` children inside `<hugepages>...</hugepages>`: the guide's 9.3.10 " +
      'example self-closes `<hugepages/>` and then gives it children, which is not well-formed XML.',
    sources: [guide('8.2.3'), guide('8.2.3.2'), guide('8.2.3.3'), guide('9.3.10'), BACKING],
  },
  {
    key: 'domain/memoryBacking/hugepages/page',
    summary: 'Which huge page size backs all guest NUMA nodes, or those in `nodeset`.',
    details:
      'Several `<page>` elements can give different sizes to different guest nodes, which keep their page ' +
      'size wherever they are placed on the host (guide 9.3.10). 1 GB pages must first be reserved on the ' +
      'host, at boot or at run time (guide 8.2.3.3).',
    sources: [guide('9.3.10'), guide('8.2.3.2'), guide('8.2.3.3'), BACKING],
  },
  {
    key: 'domain/memoryBacking/hugepages/page@size',
    summary: 'The huge page size, such as 2 MiB or 1 GiB.',
    unit: 'KiB, unless `unit` says otherwise',
    sources: [guide('9.3.10'), BACKING],
  },
  {
    key: 'domain/memoryBacking/hugepages/page@unit',
    summary: 'The unit of `size` (`M`, `G`, ...).',
    default: 'KiB',
    sources: [guide('9.3.10'), BACKING],
  },
  {
    key: 'domain/memoryBacking/hugepages/page@nodeset',
    summary: 'The guest NUMA nodes (cell ids, not host nodes) that use this page size.',
    details: 'Same syntax as a cpuset: `0-3,5`. Absent, the size applies to every guest node. A guest without NUMA cells takes only `0`, which libvirt clears: the size then applies to all its memory.',
    sources: [guide('9.3.10'), BACKING, libvirt('numa-node-tuning')],
  },
  {
    key: 'domain/memoryBacking/nosharepages',
    summary: "Keeps this guest's memory out of KSM same-page merging.",
    details:
      'When KSM merges pages across host NUMA nodes, guests on distant nodes see much higher latency to ' +
      'the shared page (guide 9.4).',
    advice: 'Unless host memory is oversubscribed, not sharing pages generally gives better runtime performance (guide 9.4).',
    sources: [guide('8.2.2'), guide('9.4'), BACKING],
  },
  {
    key: 'domain/memoryBacking/locked',
    summary: "Locks the guest's memory in host RAM so the host never swaps it out.",
    details:
      'For QEMU/KVM the QEMU process memory is locked too, and because its size is unknown libvirt lifts the ' +
      'locked-memory limit altogether: a hostile guest could then exhaust host memory.',
    advice:
      'Set `<memtune><hard_limit>` to the guest maximum memory plus the memory QEMU itself uses (guide 8.2.2); ' +
      'libvirt discourages locking unless the workload, such as real-time, needs it.',
    sources: [guide('8.2.2'), BACKING, TUNING],
  },
  {
    key: 'domain/memoryBacking/source',
    summary: 'What backs guest memory: anonymous memory, files, or memfd.',
    default: '`anonymous`',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/source@type',
    summary: 'The backing: `anonymous` (default), `file`, or `memfd` (QEMU/KVM).',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/source@type=anonymous',
    summary: 'Ordinary anonymous memory of the QEMU process.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/source@type=file',
    summary: 'Memory backed by files.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/source@type=memfd',
    summary: 'Memory backed by a memfd (QEMU/KVM only).',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/access',
    summary: 'Whether guest memory is mapped shared or private; a NUMA cell can override it with `memAccess`.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/access@mode',
    summary: '`shared` or `private` mapping of guest memory.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/access@mode=shared',
    summary: 'Guest memory is mapped shared, which vhost-user disks and virtiofs require.',
    sources: [BACKING, libvirt('hard-drives-floppy-disks-cdroms')],
  },
  {
    key: 'domain/memoryBacking/access@mode=private',
    summary: 'Guest memory is mapped private to the QEMU process.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/allocation',
    summary: 'When guest memory is allocated, and by how many threads.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/allocation@mode',
    summary: '`immediate` allocates all memory at start, `ondemand` as the guest touches it.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/allocation@mode=immediate',
    summary: 'All guest memory is allocated when the guest starts.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/allocation@mode=ondemand',
    summary: 'Guest memory is allocated as the guest first uses it.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/allocation@threads',
    summary: 'How many threads the hypervisor uses to allocate guest memory.',
    advice: 'When pinning the emulator, include CPUs of the NUMA nodes the memory comes from, so these threads run there.',
    sources: [BACKING],
  },
  {
    key: 'domain/memoryBacking/discard',
    summary: 'Discards the memory contents right before the guest shuts down (or a DIMM is unplugged).',
    details: 'An optimisation only: it does not happen in every case, for example when the hypervisor crashes.',
    sources: [BACKING],
  },
];
