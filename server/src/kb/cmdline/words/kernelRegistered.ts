import { kernel, projectDoc } from '../../sources';
import type { WordReader } from './types';

/**
 * Kernel parameters that kernel-parameters.txt (6.12) leaves out but the kernel registers: those of the
 * x86-64 boot options page, and names the Linux sources register with `__setup()` or `early_param()`
 * (older spellings kept as aliases, options documented beside their code).
 */
export const X86_BOOT_OPTIONS: WordReader = {
  id: 'x86-boot-options',
  reader: 'the kernel (x86-64)',
  class: 'kernel',
  sources: [kernel('arch/x86/x86_64/boot-options.rst', 'AMD64 specific boot options (Linux 6.12)')],
  names: ['disableapic', 'noapictimer', 'apicpmtimer', 'no_timer_check', 'notsc', 'nohpet', 'nogbpages', 'gbpages', 'sev', 'pirq', 'nomce'],
};

const LINUX_SOURCE = projectDoc('Linux sources', '__setup() and early_param() registrations', 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/include/linux/init.h');

export const KERNEL_REGISTERED: WordReader = {
  id: 'kernel-registered',
  reader: 'the kernel',
  class: 'kernel',
  sources: [LINUX_SOURCE],
  names: [
    // crypto/fips.c
    'fips',
    // mm/slub.c keeps the slub_* spellings as aliases of slab_*
    'slub_debug', 'slub_max_order', 'slub_min_objects', 'slub_min_order', 'slub_nomerge', 'slub_merge',
    // arch/x86/kernel/cpu/common.c and neighbours
    'ibt', 'nosep', 'nordrand', 'noclflush', 'kaslr',
    // mm/huge_memory.c (Linux 6.13)
    'thp_anon', 'thp_shmem',
    // kernel/cgroup: the RHEL/CentOS 7 spelling of cgroup controllers' switch
    'cgroup_enable',
  ],
};

/**
 * Parameters added by a distribution's kernel patches, not in mainline: right on those kernels, and
 * ignored (handed to init) on others.
 */
export const DISTRIBUTION_KERNELS: WordReader = {
  id: 'distribution-kernels',
  reader: "a distribution's kernel",
  class: 'kernel',
  sources: [
    projectDoc('Ubuntu', 'kernel boot parameters of Ubuntu kernels (vt.handoff)', 'https://wiki.ubuntu.com/Kernel/KernelBootParameters'),
    projectDoc('Proxmox VE', 'PCI passthrough: the ACS override patch of its kernel (pcie_acs_override)', 'https://pve.proxmox.com/wiki/PCI_Passthrough'),
  ],
  names: ['vt.handoff', 'pcie_acs_override'],
};
