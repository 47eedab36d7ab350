import type { KernelParamSpec } from './types';
import { KERNEL_PARAMETERS } from './sources';

const PASSTHROUGH_ADVICE =
  'For device assignment (VFIO) on Intel hosts, `intel_iommu=on` turns the IOMMU on; `iommu=pt` then keeps the host\'s own devices out of translation, which costs them nothing while assigned devices stay isolated.';

/** IOMMU options used for device assignment (kernel-parameters.txt). */
export const IOMMU_PARAMS: readonly KernelParamSpec[] = [
  {
    name: 'intel_iommu',
    value: {
      kind: 'enum',
      list: true,
      values: [
        { value: 'on', doc: 'turn the Intel IOMMU (VT-d) driver on' },
        { value: 'off', doc: 'turn the Intel IOMMU driver off' },
        { value: 'igfx_off', doc: 'leave the graphics device out of DMA remapping' },
        { value: 'intgpu_off', doc: 'leave only an integrated GPU out of DMA remapping' },
        { value: 'strict', doc: 'invalidate IOMMU TLBs synchronously', deprecated: { instead: 'iommu.strict=1' } },
        { value: 'sp_off', doc: 'do not use super pages' },
        { value: 'sm_on', doc: 'use scalable mode when the hardware offers it' },
        { value: 'sm_off', doc: 'never use scalable mode' },
        { value: 'tboot_noforce', doc: 'do not force the IOMMU on under tboot' },
      ],
    },
    arch: ['x86_64'],
    summary: 'Options of the Intel IOMMU (VT-d, DMAR) driver, comma-separated: `intel_iommu=on,sm_on`.',
    advice: PASSTHROUGH_ADVICE,
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'amd_iommu',
    value: {
      kind: 'enum',
      list: true,
      values: [
        { value: 'off', doc: 'do not initialize any AMD IOMMU' },
        { value: 'force_isolation', doc: 'isolate every device; the driver may not relax it' },
        { value: 'force_enable', doc: 'turn the IOMMU on even on platforms known to be buggy with it' },
        { value: 'fullflush', doc: 'invalidate IOMMU TLBs synchronously', deprecated: { instead: 'iommu.strict=1' } },
        { value: 'pgtbl_v1', doc: 'v1 page tables for the DMA API (the default)' },
        { value: 'pgtbl_v2', doc: 'v2 page tables for the DMA API' },
        { value: 'irtcachedis', doc: 'no interrupt remapping table caching' },
        { value: 'nohugepages', doc: 'only 4 KiB pages in v1 page tables' },
        { value: 'v2_pgsizes_only', doc: 'only 4 KiB, 2 MiB and 1 GiB pages in v1 page tables' },
      ],
    },
    arch: ['x86_64'],
    summary: 'Options of the AMD IOMMU driver, comma-separated. The AMD IOMMU is on by default where the firmware describes one.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'iommu',
    value: {
      kind: 'enum',
      list: true,
      values: [
        { value: 'pt', doc: 'pass-through: host devices do DMA untranslated; devices given to guests are still isolated', arch: ['x86_64'] },
        { value: 'nopt', doc: 'translate DMA for every device', arch: ['x86_64'] },
        { value: 'off', doc: 'no IOMMU' },
        { value: 'force', doc: 'use the IOMMU even where it would not be needed' },
        { value: 'noforce', doc: 'do not force the IOMMU' },
        { value: 'soft', doc: 'software bounce buffers (swiotlb)' },
        { value: 'merge', doc: 'merge scatter-gather lists' },
        { value: 'nomerge', doc: 'do not merge scatter-gather lists' },
        { value: 'biomerge', doc: 'merge block I/O scatter-gather lists' },
        { value: 'panic', doc: 'panic when the IOMMU overflows' },
        { value: 'nopanic', doc: 'do not panic when the IOMMU overflows' },
        { value: 'nobypass', doc: 'no IOMMU bypass: every PCI device goes through the IOMMU', arch: ['ppc64le'] },
      ],
    },
    arch: ['x86_64', 'ppc64le'],
    summary: 'Generic IOMMU options, comma-separated; on KVM hosts mostly `iommu=pt`.',
    advice: PASSTHROUGH_ADVICE,
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'iommu.passthrough',
    value: { kind: 'bool' },
    default: 'the kernel\'s build-time choice (CONFIG_IOMMU_DEFAULT_PASSTHROUGH)',
    arch: ['x86_64', 'aarch64'],
    summary: 'With 1, DMA bypasses the IOMMU by default; with 0, DMA is translated. `iommu=pt` does the same on x86.',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'iommu.strict',
    value: { kind: 'bool' },
    default: 'the kernel\'s build-time choice (CONFIG_IOMMU_DEFAULT_DMA_STRICT or _LAZY)',
    arch: ['x86_64', 'aarch64', 's390x'],
    summary: 'With 1, unmapping DMA invalidates the IOMMU TLBs at once (safer); with 0, lazily (faster).',
    repeat: 'last',
    sources: [KERNEL_PARAMETERS],
  },
];
