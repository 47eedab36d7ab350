import type { Fact } from '../types';
import { guideSection as guide, libvirtSection as libvirt } from './cite';

const ALLOCATION = libvirt('cpu-allocation');
const IOTHREADS = libvirt('iothreads-allocation');
const TUNING = libvirt('cpu-tuning');
const MODEL = libvirt('cpu-model-and-topology');

/** `<period>`/`<quota>` pairs of `<cputune>`: which threads they throttle. */
const BANDWIDTH_SCOPES = [
  { prefix: '', threads: 'each vCPU thread', note: 'It is applied to every vCPU on its own.' },
  { prefix: 'global_', threads: 'the whole domain', note: 'Unlike `period`/`quota`, it caps the domain as one group.' },
  { prefix: 'emulator_', threads: 'the emulator threads (everything but the vCPUs)', note: '' },
  { prefix: 'iothread_', threads: 'each IOThread', note: '' },
] as const;

const bandwidthFacts: Fact[] = BANDWIDTH_SCOPES.flatMap(({ prefix, threads, note }) => [
  {
    key: `domain/cputune/${prefix}period`,
    summary: `The CFS enforcement window, in microseconds, for ${threads}.`,
    details: `Within every window of this length the threads may not run longer than \`${prefix}quota\`. ${note}`.trim(),
    range: '1000–1000000 (libvirt also reads 0 as "not set")',
    unit: 'microseconds',
    sources: [TUNING],
  },
  {
    key: `domain/cputune/${prefix}quota`,
    summary: `The CPU time, in microseconds, ${threads} may use in each \`${prefix}period\`.`,
    details:
      'A negative value removes the cap (no bandwidth control); 0 means the value is not set. ' +
      'Equal quotas make every thread run at the same speed whatever the host load.',
    range: '1000–17592186044415, or any negative value for no limit',
    unit: 'microseconds',
    sources: [TUNING],
  },
]);

/** The three scheduler elements: what their selection attribute is and which threads they cover. */
const SCHEDULERS = [
  { name: 'vcpusched', threads: 'vCPU threads', selector: 'vcpus', ids: 'vCPU ids (0 to the vCPU count minus one)' },
  { name: 'iothreadsched', threads: 'IOThreads', selector: 'iothreads', ids: 'IOThread ids' },
  { name: 'emulatorsched', threads: 'emulator threads', selector: undefined, ids: '' },
] as const;

const schedulerFacts: Fact[] = SCHEDULERS.flatMap(({ name, threads, selector, ids }) => {
  const path = `domain/cputune/${name}`;
  const facts: Fact[] = [
    {
      key: path,
      summary: `Gives ${threads} a host scheduling policy and, for the real-time ones, a priority.`,
      ...(selector ? { details: `Without \`${selector}\` it sets the default for all ${threads}.` } : {}),
      sources: [TUNING],
    },
    {
      key: `${path}@scheduler`,
      summary: 'The scheduling policy: `batch`, `idle`, or the real-time `fifo` and `rr`.',
      details: 'The real-time policies need `priority`; libvirt has no value for the normal (other) policy: leave the element out.',
      sources: [TUNING],
    },
    {
      key: `${path}@priority`,
      summary: 'The real-time priority for `fifo` and `rr`; ignored with `batch` and `idle`.',
      range: 'host kernel dependent, usually 1–99',
      sources: [TUNING],
    },
  ];
  if (selector) {
    facts.push({
      key: `${path}@${selector}`,
      summary: `Which ${threads} the policy applies to, as a list of ${ids} in cpuset syntax.`,
      sources: [TUNING],
    });
  }
  return facts;
});

export const CPU_FACTS: readonly Fact[] = [
  // CPU Allocation
  {
    key: 'domain/vcpu',
    summary: 'The most virtual CPUs the guest can have; its attributes say where the domain runs by default.',
    details:
      'The text is the maximum vCPU count, at least 1. `current` brings up fewer at boot; `cpuset` and ' +
      '`placement` give the host CPUs of the whole domain process, which `<cputune>` can narrow per thread.',
    advice:
      'Giving all guests together more vCPUs than the host has CPUs is overcommitting: it can cost ' +
      'performance, notably with heavy or unpredictable loads (guide 3.2.1).',
    range: '1 up to the hypervisor maximum',
    sources: [guide('3.2.1'), guide('9.3.3'), ALLOCATION],
  },
  {
    key: 'domain/vcpu@placement',
    summary: 'Whether the domain process is pinned to `cpuset` (`static`) or to what numad advises (`auto`).',
    details:
      'When absent it follows the placement of `<numatune>`, or is `static` when a `cpuset` is given. ' +
      '`<vcpu>` and `<numatune>` inherit placement from each other, so CPU and memory placement can be ' +
      'set separately or tied together (guide 9.3.3).',
    default: "`<numatune>`'s placement, else `static`",
    sources: [guide('9.3.3'), ALLOCATION],
  },
  {
    key: 'domain/vcpu@placement=static',
    summary: 'The domain process runs on the host CPUs of `cpuset`, or on all host CPUs when there is no `cpuset`.',
    sources: [guide('9.3.3'), ALLOCATION],
  },
  {
    key: 'domain/vcpu@placement=auto',
    summary: 'libvirt queries numad for a suitable set of host nodes and pins the domain process there.',
    details:
      'Any `cpuset` is then ignored. Without `<numatune>`, libvirt also adds a strict, automatically placed ' +
      'memory policy, so memory follows the CPUs.',
    advice: 'numad must run on the host.',
    sources: [guide('9.3.3'), ALLOCATION],
  },
  {
    key: 'domain/vcpu@cpuset',
    summary: 'The host CPUs the domain process and its vCPUs may use unless `<cputune>` pins them elsewhere.',
    details:
      'Ids and ranges separated by commas, `^N` taking one id out again: `0-10,^5`. A vCPU without its ' +
      'own `<vcpupin>` inherits this set (guide 9.3.2); `<emulatorpin>` replaces it for the emulator threads.',
    sources: [guide('9.3.2'), guide('9.3.3'), ALLOCATION],
  },
  {
    key: 'domain/vcpu@current',
    summary: 'How many vCPUs are online at boot; the rest up to the maximum can be hot-plugged later.',
    details: "The guide's example boots 8 of 32 vCPUs under numad placement (9.3.3).",
    range: '1 up to the vCPU count',
    sources: [guide('9.3.3'), ALLOCATION],
  },
  {
    key: 'domain/vcpus',
    summary: 'State of individual vCPUs: which are enabled at boot, which can be hot-plugged, in which order.',
    details: 'For QEMU, vCPU 0 must be enabled and not hotpluggable, and every disabled vCPU must be hotpluggable.',
    sources: [ALLOCATION],
  },
  {
    key: 'domain/vcpus/vcpu',
    summary: "One vCPU's boot state and hotplug behaviour.",
    sources: [ALLOCATION],
  },
  {
    key: 'domain/vcpus/vcpu@id',
    summary: "The vCPU's libvirt id, the one pinning and NUMA cells refer to.",
    range: '0 to the vCPU count minus one',
    sources: [ALLOCATION],
  },
  {
    key: 'domain/vcpus/vcpu@enabled',
    summary: 'Whether the vCPU is online when the guest starts.',
    sources: [ALLOCATION],
  },
  {
    key: 'domain/vcpus/vcpu@hotpluggable',
    summary: 'Whether the vCPU can be plugged in and out while it is enabled at boot.',
    sources: [ALLOCATION],
  },
  {
    key: 'domain/vcpus/vcpu@order',
    summary: 'The order in which enabled vCPUs are added; if used, give it for every online vCPU.',
    sources: [ALLOCATION],
  },

  // IOThreads Allocation
  {
    key: 'domain/iothreads',
    summary: 'The number of IOThreads: event-loop threads dedicated to the block I/O of the disks assigned to them.',
    details: "Disks and virtio-scsi controllers are given one with their driver's `iothread` attribute; several devices may share one.",
    advice: 'libvirt suggests one or two IOThreads per host CPU.',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/iothreadids',
    summary: 'Lists the IOThreads by id, instead of the plain 1..N numbering `<iothreads>` implies.',
    details: 'If it names more IOThreads than `<iothreads>` counts, the count grows to match.',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/iothreadids/iothread',
    summary: 'One IOThread, with its worker-pool bounds and polling settings.',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/iothreadids/iothread@id',
    summary: 'The IOThread id that disks, controllers and `<iothreadpin>` refer to.',
    range: '1 or more',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/iothreadids/iothread@thread_pool_min',
    summary: 'The fewest worker threads this IOThread keeps; 0 is allowed.',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/iothreadids/iothread@thread_pool_max',
    summary: 'The most worker threads this IOThread may spawn; it cannot be 0.',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/iothreadids/iothread/poll',
    summary: 'Overrides how long the IOThread busy-polls before going back to waiting for events.',
    details: '`max` is the longest polling time in nanoseconds (0 turns polling off); `grow` and `shrink` change the adjustment steps.',
    sources: [IOTHREADS],
  },
  ...(['max', 'grow', 'shrink'] as const).map(
    (name): Fact => ({
      key: `domain/iothreadids/iothread/poll@${name}`,
      summary:
        name === 'max'
          ? 'The longest the IOThread busy-polls, in nanoseconds; 0 turns polling off.'
          : `The step by which the polling time ${name === 'grow' ? 'grows when too short' : 'shrinks when too long'}; 0 turns that off.`,
      ...(name === 'max' ? { unit: 'nanoseconds' } : {}),
      sources: [IOTHREADS],
    }),
  ),
  {
    key: 'domain/defaultiothread',
    summary: "Worker-thread bounds of the hypervisor's main event loop, which serves devices without an IOThread.",
    advice: 'Leave it out unless a real-time workload cannot afford threads being spawned on demand.',
    sources: [IOTHREADS],
  },

  {
    key: 'domain/defaultiothread@thread_pool_min',
    summary: 'The fewest worker threads the main event loop keeps.',
    sources: [IOTHREADS],
  },
  {
    key: 'domain/defaultiothread@thread_pool_max',
    summary: 'The most worker threads the main event loop may spawn.',
    sources: [IOTHREADS],
  },

  // CPU Tuning
  {
    key: 'domain/cputune',
    summary:
      "The domain's CPU tunables: pinning of vCPU, emulator and IOThread threads, CFS bandwidth, scheduling " +
      'policies, cache and memory-bandwidth allocation.',
    details:
      "The guide's 9.3.2 and 9.3.5 examples put `<vcpupin>` and `<emulatorpin>` in a `<cpuset>` element, and " +
      'its 9.3.4 example misspells `<vcpupin>` as `<vcupin>`: libvirt knows neither and reads the pins only ' +
      'inside `<cputune>`.',
    sources: [guide('9.3.4'), guide('9.3.2'), guide('9.3.5'), TUNING],
  },
  {
    key: 'domain/cputune/vcpupin',
    summary: "Pins one guest vCPU's thread to a set of host CPUs.",
    details:
      'libvirt applies it with cgroups or sched_setaffinity(2). A vCPU without a `<vcpupin>` inherits ' +
      '`<vcpu cpuset>`, or may run on any host CPU when that is absent too. Pinning keeps a vCPU on the ' +
      'same caches, much as task pinning does on bare metal.',
    advice:
      'Pin the vCPUs and the memory (`<numatune>`) to the same host node, ideally the socket the I/O ' +
      'adapter is attached to, and set `<vcpupin>`, `<emulatorpin>` and `<numatune>` together for ' +
      'predictable performance. Pinning gets complicated when vCPUs far outnumber physical cores (guide 9.3.2).',
    sources: [guide('9.3.4'), guide('9.3.2'), guide('9.3.6'), TUNING],
  },
  {
    key: 'domain/cputune/vcpupin@vcpu',
    summary: 'The id of the vCPU being pinned.',
    range: '0 to the vCPU count minus one',
    sources: [guide('9.3.4'), TUNING],
  },
  {
    key: 'domain/cputune/vcpupin@cpuset',
    summary: 'The host CPUs that vCPU may run on, in cpuset syntax such as `1-4,^2`.',
    sources: [guide('9.3.4'), TUNING],
  },
  {
    key: 'domain/cputune/emulatorpin',
    summary: 'Pins the emulator threads, everything of the domain except vCPUs and IOThreads, to a set of host CPUs.',
    details:
      'It replaces `<vcpu cpuset>` for those threads. Kept on the same CPUs and memory, vhost threads gain ' +
      'cache locality (guide 9.3.5). With automatic NUMA balancing, on by default in RHEL 7, the vhost-net ' +
      'thread follows the vCPUs on its own, so manual emulator pinning matters less.',
    advice: 'For complete pinning, pin the emulator as well as every vCPU (guide 9.3.7).',
    sources: [guide('9.3.5'), guide('9.3.7'), guide('9.2'), TUNING],
  },
  {
    key: 'domain/cputune/emulatorpin@cpuset',
    summary: 'The host CPUs the emulator threads may run on, in cpuset syntax.',
    sources: [guide('9.3.5'), TUNING],
  },
  {
    key: 'domain/cputune/iothreadpin',
    summary: 'Pins one IOThread to a set of host CPUs.',
    details: 'Unpinned IOThreads follow `<vcpu cpuset>`, or may use any host CPU.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/iothreadpin@iothread',
    summary: 'The id of the IOThread being pinned (see `<iothreadids>`; 1..N by default).',
    sources: [TUNING, IOTHREADS],
  },
  {
    key: 'domain/cputune/iothreadpin@cpuset',
    summary: 'The host CPUs that IOThread may run on, in cpuset syntax.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/shares',
    summary: "The domain's relative CPU weight: under contention a domain with twice the shares gets about twice the CPU time.",
    details: 'The value has no unit; it only matters compared with the other domains. Absent, the host default applies.',
    range: '2–262144 with cgroups v1, 1–10000 with cgroups v2',
    sources: [TUNING],
  },
  ...bandwidthFacts,
  ...schedulerFacts,
  {
    key: 'domain/cputune/vcpusched@scheduler=batch',
    summary: 'The batch policy: for CPU-bound, non-interactive work.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/vcpusched@scheduler=idle',
    summary: 'The idle policy: the threads run only when nothing else wants the CPU.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/vcpusched@scheduler=fifo',
    summary: 'Real-time first-in, first-out scheduling; needs `priority`.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/vcpusched@scheduler=rr',
    summary: 'Real-time round-robin scheduling; needs `priority`.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune',
    summary: 'Reserves part of a host CPU cache for some vCPUs through resctrl (cache allocation technology).',
    details: 'A vCPU can be in one `<cachetune>` only; its vCPUs may equal those of a `<memorytune>` but not partly overlap them.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune@vcpus',
    summary: 'The vCPUs this cache allocation is for.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune@id',
    summary: 'An id libvirt writes to identify the allocation; output only.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache',
    summary: 'One cache allocation: which host cache (level, id), which kind of data and how much.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@level',
    summary: 'The host cache level to allocate from.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@id',
    summary: 'The id of the host cache to allocate from.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@type',
    summary: 'Which data the allocation holds: `code`, `data` or `both`.',
    details: 'It must match what the host offers: a host with code/data prioritization enabled cannot give `both`.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@type=both',
    summary: 'A unified allocation for instructions and data.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@type=code',
    summary: 'An allocation for instructions only (with code/data prioritization).',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@type=data',
    summary: 'An allocation for data only (with code/data prioritization).',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@size',
    summary: 'How much cache to reserve.',
    unit: 'bytes, unless `unit` says otherwise',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/cache@unit',
    summary: 'The unit of `size` (KiB, MiB, ...); bytes when absent.',
    default: 'bytes',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/monitor',
    summary: 'Creates a cache-usage monitor for some of the allocation’s vCPUs.',
    details: "Its vCPUs must belong to the allocation; monitors other than the default one must not share vCPUs.",
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/monitor@level',
    summary: 'The host cache level the monitor watches.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/cachetune/monitor@vcpus',
    summary: 'The vCPUs the monitor covers.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune',
    summary: 'Limits the memory bandwidth some vCPUs may use, through resctrl.',
    details: 'A vCPU can be in one `<memorytune>` only.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune@vcpus',
    summary: 'The vCPUs this bandwidth allocation is for.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune/node',
    summary: 'The bandwidth allowed from one host node.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune/node@id',
    summary: 'The host node the bandwidth is taken from.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune/node@bandwidth',
    summary: 'The bandwidth to allow: usually a percentage (Intel), or MB/s or 1/8 GB/s steps depending on the host.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune/monitor',
    summary: 'Creates a memory-bandwidth monitor for some vCPUs.',
    sources: [TUNING],
  },
  {
    key: 'domain/cputune/memorytune/monitor@vcpus',
    summary: 'The vCPUs the monitor covers.',
    sources: [TUNING],
  },

  // CPU model and topology
  {
    key: 'domain/cpu',
    summary: 'The CPU the guest sees: its model and features, its topology and its NUMA cells.',
    sources: [guide('3.2.2'), guide('3.2.3'), guide('9.3.9'), MODEL],
  },
  {
    key: 'domain/cpu@mode',
    summary:
      "How the guest CPU is derived from the host's: a described model (`custom`), a copy of the host model, " +
      'the host CPU itself, or the most the hypervisor offers.',
    advice:
      "The guide recommends copying the host CPU configuration over configuring one by hand (guide 3.2.2); " +
      '`virsh capabilities` shows the host CPU and NUMA layout.',
    default: '`custom`',
    sources: [guide('3.2.2'), MODEL],
  },
  {
    key: 'domain/cpu@mode=custom',
    summary: 'The guest gets the model and features the element describes, the same on every host it boots on.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@mode=host-model',
    summary: "libvirt copies the host's CPU model and features into the definition just before the guest starts.",
    details:
      'The same XML works on different hosts while each guest gets the best CPU its host supports; a ' +
      'running guest keeps its CPU across migration. `match` cannot be used, nor (except on PowerPC) a model name.',
    advice: 'This is the copy-the-host-CPU choice the guide prefers to a manual configuration (guide 3.2.2).',
    sources: [guide('3.2.2'), MODEL],
  },
  {
    key: 'domain/cpu@mode=host-passthrough',
    summary: 'The guest sees the host CPU as it is, including what libvirt does not model.',
    details:
      'The guest cannot be reproduced on other hardware, and migrating it is safe only between identical ' +
      'hosts (hardware, microcode, QEMU version and configuration).',
    sources: [guide('3.2.2'), MODEL],
  },
  {
    key: 'domain/cpu@mode=maximum',
    summary: 'The most capable CPU the hypervisor can give: the host CPU under KVM, every emulated feature under TCG.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@match',
    summary: 'How strictly the provided CPU must match the described one.',
    default: '`exact`',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@match=minimum',
    summary: 'The described CPU is a minimum; a better one may be given.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@match=exact',
    summary: 'The guest CPU must be exactly the described one, or the domain does not start.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@match=strict',
    summary: 'The host CPU itself must match the description exactly; rarely useful.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@check',
    summary: 'How libvirt verifies that the CPU the hypervisor created matches the definition.',
    advice: 'Usually left out: libvirt picks the best supported value when the domain starts.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@check=none',
    summary: 'libvirt does not check; QEMU only warns about differences.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@check=partial',
    summary: 'libvirt checks the definition before starting the domain, not the CPU actually created.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@check=full',
    summary: 'libvirt refuses to start the domain unless the created CPU matches the definition.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu@migratable',
    summary: 'With `host-passthrough` or `maximum`: `on` drops features that block migration, `off` keeps them.',
    details: 'It does not make migration between different hosts safe.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/model',
    summary: 'The CPU model requested for the guest, one of the names in libvirt’s cpu_map.',
    sources: [guide('3.2.2'), MODEL],
  },
  {
    key: 'domain/cpu/model@fallback',
    summary: 'Whether libvirt may fall back to a close model the hypervisor supports (`allow`) or must fail (`forbid`).',
    default: '`allow`',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/model@vendor_id',
    summary: 'The vendor id the guest sees, exactly 12 characters (`GenuineIntel`, `AuthenticAMD`).',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/vendor',
    summary: 'The CPU vendor the guest requires; without it any vendor with the features will do.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/topology',
    summary: 'How the vCPUs are arranged into sockets, dies, clusters, cores and threads.',
    details:
      'Hypervisors may require the product of the counts to equal the vCPU count of `<vcpu>`. When the ' +
      'guest also has NUMA cells, keep all cores and threads of one socket in the same cell, or the guest ' +
      'may fail to boot (guide 9.3.9).',
    advice:
      'Unless the workload demands otherwise, any number of sockets with one core and one thread each ' +
      'usually performs best (guide 3.2.3).',
    sources: [guide('3.2.3'), guide('9.3.9'), MODEL],
  },
  {
    key: 'domain/cpu/topology@sockets',
    summary: 'The number of CPU sockets.',
    range: '1 or more',
    sources: [guide('3.2.3'), MODEL],
  },
  {
    key: 'domain/cpu/topology@dies',
    summary: 'Dies per socket.',
    range: '1 or more',
    default: '1',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/topology@clusters',
    summary: 'Clusters per die.',
    range: '1 or more',
    default: '1',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/topology@cores',
    summary: 'Cores per cluster.',
    range: '1 or more',
    sources: [guide('3.2.3'), MODEL],
  },
  {
    key: 'domain/cpu/topology@threads',
    summary: 'Threads per core.',
    range: '1 or more',
    sources: [guide('3.2.3'), MODEL],
  },
  {
    key: 'domain/cpu/feature',
    summary: 'Adjusts one CPU feature flag on top of the chosen model.',
    details: 'virt-manager shows these as the CPU Features list, each one enabled or disabled (guide 3.2.2).',
    sources: [guide('3.2.2'), MODEL],
  },
  {
    key: 'domain/cpu/feature@name',
    summary: 'The feature flag, as named in libvirt’s cpu_map (`pcid`, `lahf_lm`, ...).',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/feature@policy',
    summary: 'What to do with the feature.',
    default: '`require`',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/feature@policy=force',
    summary: 'The guest is told the feature exists even if the host lacks it.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/feature@policy=require',
    summary: 'The guest is not created unless the host has the feature or the hypervisor can emulate it.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/feature@policy=optional',
    summary: 'The guest gets the feature exactly when the host CPU has it.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/feature@policy=disable',
    summary: 'The feature is hidden from the guest.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/feature@policy=forbid',
    summary: 'The guest is not created if the host CPU has the feature.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/cache',
    summary: 'What the guest CPU reports about its caches; absent, the hypervisor decides.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/cache@level',
    summary: 'The cache level described; absent, the element covers all levels (do not mix both forms).',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/cache@mode',
    summary: 'Whether cache data is emulated, passed through from the host, or hidden.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/maxphysaddr',
    summary: 'The physical address width of the vCPUs, in bits.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/maxphysaddr@mode',
    summary: "`passthrough` uses the host's address width, `emulate` the one given in `bits`.",
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/maxphysaddr@bits',
    summary: 'The address width to present in `emulate` mode; it cannot exceed what the hypervisor supports.',
    sources: [MODEL],
  },
  {
    key: 'domain/cpu/maxphysaddr@limit',
    summary: "An upper bound on the host's address width in `passthrough` mode.",
    sources: [MODEL],
  },
];
