import { formatSize } from '../../kb/cmdline/sizes';
import { GUIDE_1G_HUGE_PAGES, KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { kernelAtLeast } from '../kernelImage';
import { effectiveLines, type CmdlineRule } from './context';
import { archDefaultHugePageSize } from './hugetlb';

/**
 * VT303: default_hugepagesz= with no hugepagesz= of the same size. Linux 5.7 and later take it alone;
 * older kernels (RHEL 7's 3.10 among them) know the 1 GiB size only once hugepagesz= registers it and
 * otherwise keep 2M as the default. The guide always writes the pair (8.2.3.3). Information, or a
 * warning when the kernel image is known to be older than 5.7.
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
      const steps = context.hugetlbOf(line);
      // The architecture's own default size needs no registering, on any kernel.
      const archDefault = archDefaultHugePageSize(context.archOf(line).arch);
      for (const step of steps) {
        if (step.role !== 'default_hugepagesz' || step.status !== 'ok' || step.size === undefined || step.size === archDefault) continue;
        const paired = steps.some((other) => other.role === 'hugepagesz' && other.size === step.size && (other.status === 'ok' || other.status === 'repeated-size'));
        if (paired) continue;
        const size = formatSize(step.size);
        const modern = kernelAtLeast(line.kernel, 5, 7);
        const implicitBefore = steps.some((other) => other.implicit && other.param.span.start < step.param.span.start);
        report({
          span: step.param.span,
          message:
            `default_hugepagesz=${step.param.value} has no hugepagesz=${size} beside it. Linux 5.7 and later accept that, ` +
            `but older kernels (RHEL 7's among them) register the ${size} size only through hugepagesz= and otherwise keep the architecture's default (2M on x86_64). ` +
            `The guide writes both: default_hugepagesz=${size} hugepagesz=${size} hugepages=N.`,
          ...(modern === false ? { severity: 'warning' as const } : {}),
          fixes: implicitBefore
            ? []
            : [{ title: `Add hugepagesz=${size} after it`, edits: [{ span: { start: step.param.span.end, end: step.param.span.end }, newText: ` hugepagesz=${size}` }], isPreferred: true }],
        });
      }
    }
  },
};
