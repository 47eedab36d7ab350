/**
 * Refusals that come from the sandbox not being a hypervisor, not from what a rule checks: no usable
 * KVM, RLIMIT_MEMLOCK not permitted, no huge pages reserved. A test that meets one says so and skips
 * that case, instead of passing or failing for the wrong reason.
 */
const SANDBOX: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /cannot limit locked memory|setrlimit|RLIMIT_MEMLOCK/i, reason: 'this sandbox does not permit setting RLIMIT_MEMLOCK (needed for <locked/> and a memtune hard_limit)' },
  { pattern: /\/dev\/kvm|KVM is not available|kvm.*not supported/i, reason: 'this sandbox has no usable KVM' },
  { pattern: /cpuset\.cpus'?: Numerical result out of range/i, reason: 'this host has fewer CPUs than the example pins to' },
  { pattern: /NUMA node \d+ is unavailable/i, reason: 'this host has fewer NUMA nodes than the example names' },
  { pattern: /numad/i, reason: 'this host has no numad to ask for an advisory nodeset' },
  { pattern: /passthrough of host PCI devices|VFIO/i, reason: 'this host offers no PCI passthrough (no VFIO)' },
  { pattern: /hugetlbfs filesystem is not mounted|Unable to find any usable hugetlbfs/i, reason: 'this host has no huge pages reserved or mounted' },
];

export function sandboxReason(message: string): string | undefined {
  return SANDBOX.find((entry) => entry.pattern.test(message))?.reason;
}
