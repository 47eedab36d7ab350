import { guide, kernel, projectDoc } from '../sources';

/** The kernel version whose documentation the command line knowledge comes from. */
export const KERNEL_DOCS_VERSION = '6.12';

/** Documentation/admin-guide/kernel-parameters.txt of Linux 6.12: every parameter's values and limits. */
export const KERNEL_PARAMETERS = kernel('admin-guide/kernel-parameters.txt', `kernel-parameters.txt (Linux ${KERNEL_DOCS_VERSION})`);

/** Its introduction, kernel-parameters.rst: how the command line is parsed, cpu lists, `--`. */
export const KERNEL_PARAMETERS_INTRO = kernel(
  'admin-guide/kernel-parameters.rst',
  `kernel-parameters.rst (Linux ${KERNEL_DOCS_VERSION}): parsing, cpu lists`,
);

/**
 * Documentation/admin-guide/hw-vuln/attack_vector_controls.rst of Linux 6.17, where mitigations= first takes
 * attack-vector options after its keyword (kernel/cpu.c's mitigations_parse_cmdline reads them; x86 only).
 */
export const ATTACK_VECTOR_CONTROLS_617 = kernel('admin-guide/hw-vuln/attack_vector_controls.rst', 'Attack Vector Controls (Linux 6.17: mitigations= options no_user_kernel, no_guest_host, ...)');

/** KVM's setter of kvm.nx_huge_pages, which reads `never` (not in kernel-parameters.txt) and booleans besides its three keywords. */
export const KVM_NX_HUGE_PAGES_SETTER = projectDoc(
  'Linux',
  'arch/x86/kvm/mmu/mmu.c, set_nx_huge_pages(): off, force, auto, never (refuses every later setting with EPERM), then kstrtobool',
  'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/x86/kvm/mmu/mmu.c',
);

/** Documentation/block/switching-sched.rst: choosing a block device's I/O scheduler through sysfs. */
export const SWITCHING_SCHEDULER = kernel('block/switching-sched.rst', 'Switching I/O schedulers (sysfs)');

export const GUIDE_HUGE_PAGES = guide('8.2.3', 'Huge Pages and Transparent Huge Pages (THP)');
export const GUIDE_THP = guide('8.2.3.1', 'Configuring Transparent Huge Pages');
export const GUIDE_STATIC_HUGE_PAGES = guide('8.2.3.2', 'Configuring Static Huge Pages');
export const GUIDE_1G_HUGE_PAGES = guide('8.2.3.3', 'Enabling 1 GB huge pages for guests at boot or runtime');
export const GUIDE_IO_SCHEDULER = guide('6.4', 'Configuring the I/O Scheduler');
export const GUIDE_IO_SCHEDULER_GUEST = guide('6.3', 'I/O Scheduling with Red Hat Enterprise Linux as a Virtualization Guest');
export const GUIDE_NUMA_BALANCING = guide('9.2', 'Automatic NUMA Balancing');
export const GUIDE_VCPU_PINNING = guide('9.3.2', 'NUMA vCPU Pinning');
export const GUIDE_EMULATORPIN = guide('9.3.5', 'Using emulatorpin');

/** Documentation/arch/x86/x86_64/boot-options.rst: the x86-64 options kernel-parameters.txt leaves out (the AMD GART's iommu= options). */
export const X86_BOOT_OPTIONS_DOC = kernel('arch/x86/x86_64/boot-options.rst', 'AMD64 specific boot options (Linux 6.12)');

/** GRUB's manual on /etc/default/grub: a shell file grub-mkconfig sources, and the GRUB_CMDLINE_* keys. */
export const GRUB_MKCONFIG = projectDoc('GNU GRUB', 'Manual, 6.1 Simple configuration handling (grub-mkconfig and /etc/default/grub)', 'https://www.gnu.org/software/grub/manual/grub/html_node/Simple-configuration.html');

/** Documentation/admin-guide/mm/transhuge.rst of Linux 6.14, where the shmem and tmpfs THP boot parameters first appear. */
export const TRANSHUGE_614 = kernel('admin-guide/mm/transhuge.rst', 'Transparent Hugepage Support (Linux 6.14: transparent_hugepage_shmem, transparent_hugepage_tmpfs)');
/** Debian's (and Ubuntu's) patch to grub-mkconfig: after /etc/default/grub it sources each /etc/default/grub.d/*.cfg, in the glob's order. */
export const DEBIAN_DEFAULT_GRUB_D = projectDoc(
  'Debian',
  'grub2 2.06-13+deb12u2, debian/patches/default-grub-d.patch (grub-mkconfig sources /etc/default/grub.d/*.cfg after /etc/default/grub)',
  'https://sources.debian.org/src/grub2/2.06-13%2Bdeb12u2/debian/patches/default-grub-d.patch/',
);
/** How bash assigns a variable: a later `NAME=value` replaces the value, `NAME+=value` and `$NAME` in it keep it. */
export const BASH_SHELL_PARAMETERS = projectDoc('GNU Bash', 'Reference Manual, 3.4 Shell Parameters', 'https://www.gnu.org/software/bash/manual/html_node/Shell-Parameters.html');
/** POSIX's shell grammar: an assignment is `name=word`; `+=` is bash's own, and dash (Debian's /bin/sh) has none. */
export const POSIX_SHELL_ASSIGNMENT = projectDoc(
  'The Open Group',
  'POSIX.1-2017, Shell Command Language, 2.9.1 Simple Commands and 2.10.2 Shell Grammar Rules (ASSIGNMENT_WORD: name=word)',
  'https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html',
);
