import { formatSize } from '../../kb/cmdline/sizes';
import { GUIDE_1G_HUGE_PAGES, KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { kernelAtLeast } from '../kernelImage';
import { effectiveLines, type CmdlineRule } from './context';
import { archDefaultHugePageSize, hugetlbOrderKnown } from './hugetlb';

/**
 * VT303: default_hugepagesz= with no hugepagesz= of the same size. Linux 5.7 and later take it alone, and
 * so do x86_64 kernels from 3.16 that allocate gigantic pages at run time (CMA, CONTIG_ALLOC): their
 * gigantic_pages_init() registers 1G early when the CPU has pdpe1gb. Other kernels know the size only once
 * hugepagesz= registers it and keep the architecture's default. The guide always writes the pair
 * (8.2.3.3). Nothing when the kernel is known to take it alone; information on x86_64 otherwise; a
 * warning on another architecture's kernel known to be older than 5.7.
 */
export const defaultHugepageszUnpaired: CmdlineRule = {
  meta: {
    code: 'VT303',
    name: 'default-hugepagesz-unpaired',
    title: 'default_hugepagesz should come with hugepagesz of the same size',
    severity: 'information',
    sources: [GUIDE_1G_HUGE_PAGES, KERNEL_PARAMETERS],
    fixable: true,
  },
  check(context, report) {
    for (const line of effectiveLines(context)) {
      if (!hugetlbOrderKnown(line.params)) continue;
      const steps = context.hugetlbOf(line);
      // The architecture's own default size needs no registering, on any kernel.
      const archDefault = archDefaultHugePageSize(context.archOf(line).arch);
      for (const [index, step] of steps.entries()) {
        if (step.role !== 'default_hugepagesz' || step.status !== 'ok' || step.size === undefined || step.size === archDefault) continue;
        const paired = steps.some((other) => other.role === 'hugepagesz' && other.size === step.size && (other.status === 'ok' || other.status === 'repeated-size'));
        if (paired) continue;
        const size = formatSize(step.size);
        const modern = kernelAtLeast(line.kernel, 5, 7);
        const x86 = context.archOf(line).arch === 'x86_64';
        // x86_64 kernels that allocate gigantic pages at run time (3.16 on, built with CMA or CONTIG_ALLOC, as
        // distribution kernels are) register 1G early in gigantic_pages_init(), before hugetlb_init() picks the default.
        const earlyGigantic = x86 ? kernelAtLeast(line.kernel, 3, 16) : undefined;
        if (modern === true || earlyGigantic === true) continue;
        // Steps follow the kernel's line, not the file: GRUB puts GRUB_CMDLINE_LINUX, often written below, first.
        const implicitBefore = steps.slice(0, index).some((other) => other.implicit);
        report({
          span: step.param.span,
          message: x86
            ? `default_hugepagesz=${step.param.value} has no hugepagesz=${size} beside it. Linux 5.7 and later, and x86_64 kernels from 3.16 built with CMA or CONTIG_ALLOC ` +
              `(which register 1G pages early when the CPU has pdpe1gb, in gigantic_pages_init()), accept that; a kernel without either keeps 2M as the default. ` +
              `The guide writes both: default_hugepagesz=${size} hugepagesz=${size} hugepages=N.`
            : `default_hugepagesz=${step.param.value} has no hugepagesz=${size} beside it. Linux 5.7 and later accept that, ` +
              `but older kernels register the ${size} size only through hugepagesz= and otherwise keep the architecture's default. ` +
              `The guide writes both: default_hugepagesz=${size} hugepagesz=${size} hugepages=N.`,
          ...(modern === false && !x86 ? { severity: 'warning' as const } : {}),
          fixes: implicitBefore
            ? []
            : [{ title: `Add hugepagesz=${size} after it`, edits: [{ span: { start: step.param.span.end, end: step.param.span.end }, newText: ` hugepagesz=${size}` }], isPreferred: true }],
        });
      }
    }
  },
};
