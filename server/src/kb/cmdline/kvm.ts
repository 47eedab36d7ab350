import type { KernelParamSpec } from './types';
import { KERNEL_PARAMETERS, KVM_NX_HUGE_PAGES_SETTER } from './sources';

const MODULE_NOTE = 'A module option: on the command line it is read when the module loads, built in or not; `modprobe` options in /etc/modprobe.d/ do the same for a loadable module.';

function enabledByDefault(feature: string): string {
  return `KVM uses ${feature} when the hardware has it; 0 turns it off.`;
}

/**
 * Options of the kvm, kvm_intel and kvm_amd modules that kernel-parameters.txt documents. A module's
 * boolean option given bare (`kvm.ignore_msrs`) is set to true.
 */
export const KVM_PARAMS: readonly KernelParamSpec[] = withBareBooleans([
  {
    name: 'kvm.ignore_msrs',
    value: { kind: 'bool' },
    default: '0',
    arch: ['x86_64'],
    summary: 'With 1, a guest reading or writing a model-specific register KVM does not handle is ignored instead of getting a #GP fault.',
    details: `Some guests (certain Windows versions, macOS) need it. ${MODULE_NOTE}`,
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm.nx_huge_pages',
    value: {
      kind: 'enum',
      alsoBool: true,
      values: [
        { value: 'auto', doc: 'apply the workaround when the CPU has the iTLB multihit bug (the default)' },
        { value: 'force', doc: 'always apply it' },
        { value: 'off', doc: 'do not apply it' },
        { value: 'never', doc: 'do not apply it, and refuse every later change of the option until the next boot' },
      ],
    },
    lastingValue: 'never',
    default: 'auto',
    arch: ['x86_64'],
    summary: 'KVM\'s software workaround for the iTLB multihit CPU bug: executable guest memory is mapped with small pages.',
    details:
      'The workaround splits executable huge pages, so guests lose some of the benefit of huge pages. `mitigations=off` turns it off unless it is `force`. ' +
      '`never`, which kernel-parameters.txt does not list, turns it off for good: any later setting is refused until the next boot. ' +
      `The kernel also reads a boolean (1 is force, 0 is off). ${MODULE_NOTE}`,
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS, KVM_NX_HUGE_PAGES_SETTER],
  },
  {
    name: 'kvm.nx_huge_pages_recovery_ratio',
    value: { kind: 'integer', min: 0 },
    default: '60',
    arch: ['x86_64'],
    summary: 'With N, KVM turns 1/N of the split 4 KiB pages back into huge pages each period; 0 never does.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm.nx_huge_pages_recovery_period_ms',
    value: { kind: 'integer', min: 0 },
    default: '0 (KVM derives the period from the ratio)',
    arch: ['x86_64'],
    summary: 'How often, in milliseconds, KVM turns split pages back into huge pages.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm.eager_page_split',
    value: { kind: 'bool' },
    default: 'Y',
    arch: ['x86_64'],
    summary: 'During dirty logging (live migration), KVM splits all huge pages up front rather than on each write fault.',
    details: 'Guests that write little may do better without it, keeping huge pages for reads.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm.enable_virt_at_load',
    value: { kind: 'bool' },
    summary: 'Turns hardware virtualization on when KVM loads rather than when the first guest starts.',
    details: 'Saves some latency when the first guest is created; can get in the way of other hypervisors on the same host.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm.enable_vmware_backdoor',
    value: { kind: 'bool' },
    default: 'false',
    arch: ['x86_64'],
    summary: 'Supports the VMware backdoor paravirtual interface for guests that expect it.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.nested',
    documentedAs: 'kvm-intel.nested',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'Nested virtualization on Intel (VMX): guests may run their own guests.',
    details: MODULE_NOTE,
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.ept',
    documentedAs: 'kvm-intel.ept',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'Extended Page Tables: the CPU translates guest memory addresses itself.',
    details: `${enabledByDefault('EPT')} Turning it off costs a lot of performance.`,
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.vpid',
    documentedAs: 'kvm-intel.vpid',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'Virtual Processor IDs: tagged TLB entries, so a VM exit does not flush the TLB.',
    details: enabledByDefault('VPID'),
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.flexpriority',
    documentedAs: 'kvm-intel.flexpriority',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'FlexPriority (TPR shadow): the guest\'s task priority register is handled without VM exits.',
    details: enabledByDefault('FlexPriority'),
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.unrestricted_guest',
    documentedAs: 'kvm-intel.unrestricted_guest',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'Unrestricted guest: real mode and unpaged guest code run in hardware. Needs EPT.',
    details: enabledByDefault('it'),
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.emulate_invalid_guest_state',
    documentedAs: 'kvm-intel.emulate_invalid_guest_state',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'Emulates guest state the hardware would refuse; irrelevant when unrestricted guest is on.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_intel.vmentry_l1d_flush',
    documentedAs: 'kvm-intel.vmentry_l1d_flush',
    value: {
      kind: 'enum',
      values: [
        { value: 'cond', doc: 'flush the L1 data cache on VM entry only when host memory may have leaked into it (the default)' },
        { value: 'always', doc: 'flush on every VM entry' },
        { value: 'never', doc: 'never flush: no L1TF mitigation for guests' },
      ],
    },
    default: 'cond',
    arch: ['x86_64'],
    summary: 'L1 Terminal Fault (CVE-2018-3620) mitigation for guests: when the L1 data cache is flushed on VM entry.',
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_amd.nested',
    documentedAs: 'kvm-amd.nested',
    value: { kind: 'integer', min: 0 },
    default: '1',
    arch: ['x86_64'],
    summary: 'Nested virtualization on AMD (SVM): guests may run their own guests. An integer option: 1 on, 0 off.',
    details: MODULE_NOTE,
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'kvm_amd.npt',
    documentedAs: 'kvm-amd.npt',
    value: { kind: 'bool' },
    default: '1',
    arch: ['x86_64'],
    summary: 'Nested Page Tables: the CPU translates guest memory addresses itself.',
    details: `${enabledByDefault('NPT')} Turning it off costs a lot of performance.`,
    repeat: 'last',
    parsedBy: "parse_args() (kernel/params.c) through the module parameter's setter: each copy sets it again",
    sources: [KERNEL_PARAMETERS],
  },
]);

/**
 * Each option marked with its module (KVM, KVM_INTEL and KVM_AMD are tristate in arch/x86/kvm/Kconfig)
 * and as one whose refused value sets nothing (their setters, param_set_bool(), param_set_uint(),
 * set_nx_huge_pages(), vmentry_l1d_flush_set(), read the value before they assign it), and a boolean
 * option allowed bare.
 */
function withBareBooleans(specs: KernelParamSpec[]): KernelParamSpec[] {
  return specs.map((spec) => ({
    ...spec,
    loadableModule: spec.name.slice(0, spec.name.indexOf('.')),
    refusedKeepsEarlier: true,
    ...(spec.value.kind === 'bool' ? { valueOptional: true } : {}),
  }));
}
