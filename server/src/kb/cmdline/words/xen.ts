import { projectDoc } from '../../sources';
import type { WordReader } from './types';

/**
 * Xen's own options, on the hypervisor's line (`multiboot2 /xen.gz ...` in grub.cfg, `kernel /xen.gz ...`
 * in GRUB legacy). Xen separates its options by spaces; a value may hold commas of its own
 * (`dom0_mem=4G,max:4G`), but options are never joined by commas.
 */
export const XEN: WordReader = {
  id: 'xen',
  reader: 'the Xen hypervisor',
  class: 'hypervisor',
  sources: [projectDoc('Xen', 'Xen hypervisor command line options (docs/misc/xen-command-line.pandoc)', 'https://xenbits.xen.org/docs/unstable/misc/xen-command-line.html')],
  names: [
    'acpi', 'acpi_apic_instance', 'acpi_pstate_strict', 'acpi_skip_timer_override', 'acpi_sleep', 'allow_unsafe', 'altp2m',
    'apic', 'apic_verbosity', 'apicv', 'argo', 'asid', 'ats', 'availmem', 'badpage', 'bootscrub', 'bootscrub_chunk',
    'clocksource', 'cmci-threshold', 'com1', 'com2', 'conring_size', 'console', 'console_timestamps', 'console_to_ring',
    'conswitch', 'core_parking', 'cpu_type', 'cpufreq', 'cpuid', 'cpuid_mask_cpu', 'cpuidle', 'cpupool0-cpus', 'crashinfo_maxaddr',
    'crashkernel', 'credit2_balance_over', 'credit2_balance_under', 'credit2_cap_period_ms', 'credit2_load_precision_shift',
    'credit2_load_window_shift', 'credit2_migrate_resist', 'credit2_runqueue', 'dbgp', 'debug_stack_lines', 'debugtrace',
    'dma_bits', 'dom0', 'dom0-cpuid', 'dom0-iommu', 'dom0_ioports_disable', 'dom0_max_vcpus', 'dom0_mem', 'dom0_nodes',
    'dom0_vcpus_pin', 'dom0less-boot', 'e820-mtrr-clip', 'e820-verbose', 'edd', 'edid', 'efi', 'ept', 'extra_guest_irqs',
    'flask', 'font', 'force-ept', 'gnttab', 'gnttab_max_frames', 'gnttab_max_maptrack_frames', 'guest_loglvl', 'hap', 'hap_1gb',
    'hap_2mb', 'hardware_dom', 'highmem-start', 'hmp-unsafe', 'hpetbroadcast', 'hvm_debug', 'hvm_fep', 'hvm_port80',
    'idle_latency_factor', 'ioapic_ack', 'iommu', 'iommu_dev_iotlb_timeout', 'iommu_inclusive_mapping', 'irq_ratelimit',
    'irq_vector_map', 'ivrs_hpet', 'ivrs_ioapic', 'kexec_crash_size', 'lapic', 'lapic_timer_c2_ok', 'ler', 'loglvl', 'low_crashinfo',
    'low_mem_virq_limit', 'max_cstate', 'max_gsi_irqs', 'max_lpi_bits', 'max_cpus', 'maxcpus', 'mce', 'mce_fb', 'mce_verbosity',
    'mem', 'memop-max-order', 'mmcfg', 'mmio-relax', 'msi', 'mwait-idle', 'nmi', 'noapic', 'nofxsr', 'noirqbalance', 'nolapic',
    'no-real-mode', 'noreboot', 'nosmp', 'nr_irqs', 'numa', 'pci', 'pci-passthrough', 'pci-phantom', 'pcid', 'ple_gap',
    'ple_window', 'psr', 'pv-l1tf', 'pv-linear-pt', 'pv-shim', 'pv_linear_pt', 'reboot', 'rmrr', 'sched', 'sched_credit_tslice_ms',
    'sched_ratelimit_us', 'sched-gran', 'serial_tx_buffer', 'smap', 'smep', 'smt', 'snb_igd_quirk', 'spec-ctrl', 'sync_console',
    'tboot', 'tbuf_size', 'tdt', 'tevt_mask', 'tickle_one_idle_cpu', 'timer_slop', 'tmem', 'tsc', 'tsx', 'ucode', 'unrestricted_guest',
    'vcpu_migration_delay', 'vga', 'viridian-spinlock-retry-count', 'viridian-version', 'vpid', 'vpmu', 'vwfi', 'watchdog',
    'watchdog_timeout', 'x2apic', 'x2apic_phys', 'xen-cpuid', 'xenheap_megabytes', 'xpti', 'xsave', 'xsm', 'dom0_max_vcpus',
    'ept', 'cet', 'clwb', 'dom0-msr-relaxed', 'hvm-shadow', 'vm-notify-window', 'trace-buffer', 'pf-fixup',
  ],
};
