import type { KernelParamSpec } from './types';
import { GUIDE_EMULATORPIN, GUIDE_NUMA_BALANCING, GUIDE_VCPU_PINNING, KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO } from './sources';

const CPU_LIST_NOTE = 'A kernel cpu list: `2-7,10-15`, a range with a stride `0-31:2/4`, `N` for the last CPU, or `all`.';

/** CPU isolation, SMT, mitigations and NUMA (kernel-parameters.txt; guide 9.2). */
export const CPU_PARAMS: readonly KernelParamSpec[] = [
  {
    name: 'isolcpus',
    value: {
      kind: 'flaggedCpulist',
      flags: [
        { value: 'domain', doc: 'take the CPUs out of the scheduler\'s load balancing (the default when no flag is given); cannot be undone at run time' },
        { value: 'nohz', doc: 'stop the timer tick on the CPUs while a single task runs there' },
        { value: 'managed_irq', doc: 'keep managed device interrupts off the CPUs where possible' },
      ],
    },
    summary: 'Keeps the listed host CPUs away from ordinary tasks and kernel threads, so that pinned vCPUs have them to themselves.',
    details:
      'Optional flags come first, then the cpu list: `isolcpus=domain,managed_irq,2-7`. Without flags it means `domain`. ' +
      CPU_LIST_NOTE +
      ' The kernel documentation marks it deprecated in favour of cpusets (cgroups), which can change at run time.',
    advice:
      'Isolated CPUs run only what is pinned there: pin the guests\' vCPUs onto them with `<vcpupin>` and keep `<emulatorpin>` on the host\'s other CPUs (guide 9.3.2, 9.3.5).',
    repeat: 'first',
    repeatNote: 'The kernel keeps the first list; a later copy with a different list is refused with a warning.',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO, GUIDE_VCPU_PINNING, GUIDE_EMULATORPIN],
  },
  {
    name: 'nohz_full',
    value: { kind: 'cpulist' },
    summary: 'Stops the timer tick on the listed CPUs whenever only one task runs there (kernels built with CONFIG_NO_HZ_FULL).',
    details: `The boot CPU always keeps its tick. The listed CPUs also get their RCU callbacks offloaded, as with \`rcu_nocbs=\`. ${CPU_LIST_NOTE}`,
    repeat: 'first',
    repeatNote: 'The kernel keeps the first list; a later copy with a different list is refused with a warning.',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO],
  },
  {
    name: 'nohz',
    value: { kind: 'onoff' },
    default: 'on',
    summary: 'Turns the dynamic tick (no timer tick on idle CPUs) on or off.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'rcu_nocbs',
    value: { kind: 'cpulist' },
    valueOptional: true,
    summary: 'Runs the RCU callbacks of the listed CPUs in kernel threads elsewhere instead of on those CPUs (kernels built with CONFIG_RCU_NOCB_CPU).',
    details: `Less jitter on CPUs that run latency-sensitive guests. ${CPU_LIST_NOTE}`,
    repeat: 'last',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO],
  },
  {
    name: 'rcu_nocb_poll',
    value: { kind: 'flag' },
    summary: 'The offload threads of `rcu_nocbs=` CPUs poll for work, so those CPUs never have to wake them.',
    details: 'Better real-time response on the offloaded CPUs, at some cost in power.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'irqaffinity',
    value: { kind: 'cpulist' },
    summary: 'The CPUs interrupts are sent to by default.',
    details: `Keep it to the housekeeping CPUs, away from those isolated for guests. ${CPU_LIST_NOTE}`,
    repeat: 'last',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO],
  },
  {
    name: 'nosmt',
    value: { kind: 'enum', values: [{ value: 'force', doc: 'SMT cannot be turned back on through sysfs', arch: ['x86_64', 'ppc64le'] }] },
    valueOptional: true,
    summary: 'Turns simultaneous multithreading (hyper-threads) off.',
    details: 'Bare `nosmt` can be undone at run time through /sys/devices/system/cpu/smt/control; `nosmt=force` cannot.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'mitigations',
    value: {
      kind: 'enum',
      values: [
        { value: 'auto', doc: 'mitigate every CPU vulnerability but leave SMT on (the default)' },
        { value: 'auto,nosmt', doc: 'mitigate every CPU vulnerability and turn SMT off where that is needed' },
        { value: 'off', doc: 'no optional mitigation at all: faster, and exposed to the CPU vulnerabilities' },
      ],
    },
    default: 'auto',
    arch: ['x86_64', 'ppc64le', 's390x', 'aarch64'],
    summary: 'One switch for the kernel\'s optional CPU vulnerability mitigations.',
    details: '`off` also turns off KVM\'s iTLB multihit workaround (`kvm.nx_huge_pages`) unless that is set to `force`. Needs a kernel built with CPU_MITIGATIONS.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'numa_balancing',
    value: {
      kind: 'enum',
      values: [
        { value: 'enable', doc: 'the kernel moves tasks and their memory closer together on NUMA hosts' },
        { value: 'disable', doc: 'no automatic NUMA balancing' },
      ],
    },
    default: 'enabled on NUMA hosts (guide 9.2)',
    arch: ['x86_64', 'aarch64', 'ppc64le', 's390x', 'riscv64'],
    summary: 'Automatic NUMA balancing at boot; the same switch as /proc/sys/kernel/numa_balancing at run time.',
    details: 'The run-time file takes 0 and 1, the boot parameter only `enable` and `disable`.',
    advice: 'Guests tuned by hand (vCPUs pinned, memory bound with `<numatune>`) can do without it; the guide shows turning it off (9.2.1).',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS, GUIDE_NUMA_BALANCING],
  },
  {
    name: 'numa',
    value: {
      kind: 'pattern',
      pattern: /^(off|noacpi|nohmat|fake=[0-9]+[MmGgUu]?)$/,
      expected: '`off`, `noacpi`, `nohmat` or `fake=<size>[MG]`, `fake=<N>`, `fake=<N>U`',
    },
    summary: '`numa=off` makes the host one NUMA node spanning all memory; `numa=fake=...` splits memory into emulated nodes.',
    details: 'Turning NUMA off hides the host\'s topology from the scheduler, from libvirt and from the guests\' placement.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'skew_tick',
    value: { kind: 'integer', min: 0, max: 1 },
    default: '0',
    summary: 'With 1, the per-CPU timer ticks are offset from each other, which lowers lock contention and jitter at some cost in power.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'nowatchdog',
    value: { kind: 'flag' },
    summary: 'Turns off both lockup detectors (soft lockup and NMI watchdog), which otherwise interrupt every CPU now and then.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'tsc',
    value: {
      kind: 'enum',
      values: [
        { value: 'reliable', doc: 'trust the TSC clocksource: no verification at boot or run time' },
        { value: 'noirqtime', doc: 'do not use the TSC for IRQ time accounting' },
        { value: 'unstable', doc: 'mark the TSC unstable from boot' },
        { value: 'nowatchdog', doc: 'no clocksource watchdog' },
        { value: 'recalibrate', doc: 'recalibrate the TSC against a hardware timer' },
        { value: 'watchdog', doc: 'use the TSC as the watchdog of the other clocksources' },
      ],
    },
    arch: ['x86_64'],
    summary: 'Options of the TSC clocksource.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
];
