import { formatSize } from '../../kb/cmdline/sizes';
import { GUIDE_1G_HUGE_PAGES, GUIDE_STATIC_HUGE_PAGES, KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { effectiveLines, type CmdlineRule } from './context';
import { hugetlbOrderKnown } from './hugetlb';

const GiB = 1024n * 1024n * 1024n;

/**
 * VT316: default_hugepagesz= whose size gets no pages on the command line. The default size is what a
 * hugetlbfs mount without pagesize= and libvirt's `<hugepages/>` without a size use; with no
 * `hugepages=` for it, guests asking for huge pages find none unless pages are added after boot, which
 * for 1 GiB pages rarely succeeds once memory is fragmented. A warning, for sizes of 1G and more (2M
 * pages are commonly reserved at run time through vm.nr_hugepages).
 */
export const defaultHugepageSizeEmpty: CmdlineRule = {
  meta: {
    code: 'VT316',
    name: 'default-hugepage-size-empty',
    title: 'The default huge page size should get pages',
    severity: 'warning',
    sources: [KERNEL_PARAMETERS, GUIDE_STATIC_HUGE_PAGES, GUIDE_1G_HUGE_PAGES],
    fixable: false,
  },
  check(context, report) {
    for (const line of effectiveLines(context)) {
      if (!hugetlbOrderKnown(line.params)) continue;
      const steps = context.hugetlbOf(line);
      const defaultStep = steps.find((step) => step.role === 'default_hugepagesz' && step.status === 'ok' && step.size !== undefined);
      if (!defaultStep) continue;
      const size = defaultStep.size!;
      const counted = steps.some((step) => step.role === 'hugepages' && (step.status === 'ok' || step.status === 'overridden-count') && step.size === size);
      // The architecture's own 2M default is usually filled at run time (vm.nr_hugepages); 1G pages rarely can be.
      if (counted || size < GiB) continue;
      const written = formatSize(size);
      report({
        span: defaultStep.param.span,
        message:
          `default_hugepagesz=${defaultStep.param.value} makes ${written} the size of hugetlbfs mounts and of libvirt's <hugepages/> without a size, but no hugepages= gives it pages: ` +
          `guests backed by default-size huge pages find none. Add hugepagesz=${written} hugepages=N: 1G pages are hard to reserve once the host has run a while, so at boot.`,
      });
    }
  },
};
