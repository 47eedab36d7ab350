import type { KernelParamSpec } from './types';
import { GUIDE_1G_HUGE_PAGES, GUIDE_HUGE_PAGES, GUIDE_STATIC_HUGE_PAGES, GUIDE_THP, KERNEL_PARAMETERS, TRANSHUGE_614 } from './sources';

/** Huge pages, static and transparent (guide 8.2.3; kernel-parameters.txt). */
export const MEMORY_PARAMS: readonly KernelParamSpec[] = [
  {
    name: 'hugepages',
    value: { kind: 'count', nodes: true },
    default: '0',
    summary: 'How many persistent huge pages the kernel reserves at boot.',
    details:
      'The count belongs to the page size named by the nearest `hugepagesz=` (or `default_hugepagesz=`) before it. ' +
      'Written before any of them, it counts pages of the default huge page size. ' +
      'Per NUMA node: `hugepages=0:4,1:4` reserves four pages on node 0 and four on node 1.',
    advice:
      'Reserve at boot what guests will use: the memory is still unfragmented then, which matters most for 1 GiB pages ' +
      '(guide 8.2.3.3). Write each count right after its `hugepagesz=`.',
    repeat: 'each',
    parsedBy: 'hugepages_setup() (mm/hugetlb.c)',
    repeatNote: 'One count per page size: a second `hugepages=` with no `hugepagesz=` between is ignored.',
    sources: [KERNEL_PARAMETERS, GUIDE_STATIC_HUGE_PAGES, GUIDE_1G_HUGE_PAGES],
  },
  {
    name: 'hugepagesz',
    value: { kind: 'size', suffixes: 'KMG' },
    summary: 'Chooses the huge page size that the `hugepages=` right after it counts.',
    details:
      'The sizes depend on the architecture: an x86_64 host has 2M and 1G pages (1G needs a CPU with 1 GiB page support). ' +
      'A size the architecture lacks is refused, and the `hugepages=` that follows it is ignored with it.',
    advice: 'For guests backed by 1 GiB pages the guide writes `default_hugepagesz=1G hugepagesz=1G hugepages=N` (8.2.3.3).',
    repeat: 'each',
    parsedBy: 'hugepagesz_setup() (mm/hugetlb.c)',
    repeatNote: 'Once per size: naming a size a second time is ignored, and so is the `hugepages=` after it.',
    sources: [KERNEL_PARAMETERS, GUIDE_HUGE_PAGES, GUIDE_1G_HUGE_PAGES],
  },
  {
    name: 'default_hugepagesz',
    value: { kind: 'size', suffixes: 'KMG' },
    default: 'the architecture\'s default (2M on x86_64)',
    summary: 'Sets the default huge page size: the one /proc/meminfo and /proc/sys/vm/nr_hugepages report, and the one hugetlbfs mounts and shmget/mmap use unless told otherwise.',
    details:
      'A `hugepages=` right after it counts pages of this size. Kernels before 5.7 only know the 1 GiB size once a ' +
      '`hugepagesz=1G` registers it; without that they fall back to the architecture\'s default.',
    advice: 'Pair it with `hugepagesz=` of the same size, as the guide does (8.2.3.3).',
    repeat: 'first',
    parsedBy: 'default_hugepagesz_setup() (mm/hugetlb.c)',
    repeatNote: 'Only the first one counts: the kernel ignores a later one.',
    sources: [KERNEL_PARAMETERS, GUIDE_1G_HUGE_PAGES],
  },
  {
    name: 'hugetlb_cma',
    value: { kind: 'size', suffixes: 'KMGTPE', nodes: true },
    summary: 'Reserves a CMA area from which gigantic (1 GiB) huge pages are allocated later, at run time.',
    details:
      'With it, 1 GiB pages are no longer reserved at boot: the area is set aside instead and pages are taken from it on demand. ' +
      'Per node: `hugetlb_cma=0:8G,1:8G`.',
    repeat: 'accumulate',
    parsedBy: 'cmdline_parse_hugetlb_cma() (mm/hugetlb.c)',
    repeatNote: 'Sizes given per node (`0:1G,1:1G`) add up over copies; virt-tune does not remove any.',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'hugetlb_free_vmemmap',
    value: { kind: 'bool', spellings: ['on', 'off'] },
    default: 'off (on when the kernel is built with CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP_DEFAULT_ON)',
    summary: 'HugeTLB vmemmap optimization: frees most of the page structures that describe each huge page.',
    details: 'Saves about 7 base pages of memory per 2 MiB huge page. Needs a kernel built with CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP.',
    repeat: 'last',
    parsedBy: 'hugetlb_vmemmap_optimize_param() (mm/hugetlb_vmemmap.c)',
    sources: [KERNEL_PARAMETERS],
  },
  {
    name: 'transparent_hugepage',
    value: {
      kind: 'enum',
      values: [
        { value: 'always', doc: 'back anonymous memory with huge pages wherever the kernel can' },
        { value: 'madvise', doc: 'only in regions a program marked with madvise(MADV_HUGEPAGE)' },
        { value: 'never', doc: 'no transparent huge pages' },
      ],
    },
    default: 'set when the kernel is built; RHEL 7 ships it enabled (always)',
    summary: 'The boot-time setting of transparent huge pages (THP), the same as /sys/kernel/mm/transparent_hugepage/enabled.',
    details: 'When guests are not backed by static huge pages, KVM uses transparent huge pages rather than 4 KiB pages (guide 8.2.3.1).',
    advice:
      'The guide turns THP off with `transparent_hugepage=never` once static huge pages are set up for the guests (8.2.3.2).',
    repeat: 'last',
    parsedBy: 'setup_transparent_hugepage() (mm/huge_memory.c): each copy sets the mode anew',
    refusedKeepsEarlier: true,
    sources: [KERNEL_PARAMETERS, GUIDE_THP, GUIDE_STATIC_HUGE_PAGES],
  },
  {
    name: 'transparent_hugepage_shmem',
    value: {
      kind: 'enum',
      values: [
        { value: 'always', doc: 'huge pages for all shared memory' },
        { value: 'within_size', doc: 'huge pages only within the object\'s size' },
        { value: 'advise', doc: 'only where madvise() asks' },
        { value: 'never', doc: 'no huge pages for shared memory' },
        { value: 'deny', doc: 'never, and forced off for every mount (testing)' },
        { value: 'force', doc: 'always, for every mount (testing)' },
      ],
    },
    summary: 'Transparent huge pages for the kernel\'s internal shared memory (shmem, SysV and memfd), Linux 6.14 and later. One keyword, compared whole.',
    repeat: 'last',
    parsedBy: 'setup_transparent_hugepage_shmem() (mm/shmem.c)',
    sources: [TRANSHUGE_614],
  },
  {
    name: 'transparent_hugepage_tmpfs',
    value: {
      kind: 'enum',
      values: [
        { value: 'always', doc: 'huge pages for tmpfs mounts without huge=' },
        { value: 'within_size', doc: 'only within the file\'s size' },
        { value: 'advise', doc: 'only where madvise() asks' },
        { value: 'never', doc: 'no huge pages in tmpfs by default' },
      ],
    },
    summary: 'The default of tmpfs mounts\' huge= option, Linux 6.14 and later. One keyword, compared whole.',
    repeat: 'last',
    parsedBy: 'setup_transparent_hugepage_tmpfs() (mm/shmem.c)',
    sources: [TRANSHUGE_614],
  },
];
