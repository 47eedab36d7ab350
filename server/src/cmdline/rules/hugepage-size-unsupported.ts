import type { FixSpec } from '../../core/types';
import { formatSize, HUGE_PAGE_SIZES } from '../../kb/cmdline/sizes';
import { GUIDE_HUGE_PAGES, KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { archNote, type CmdlineRule } from './context';
import { valueFileSpan } from './spans';

/**
 * VT302: hugepagesz= or default_hugepagesz= names a size the architecture has no pages of (x86_64: 2M
 * and 1G). The kernel refuses it, and the hugepages= that follows is dropped with it: an error.
 */
export const hugepageSizeUnsupported: CmdlineRule = {
  meta: {
    code: 'VT302',
    name: 'hugepage-size-unsupported',
    title: 'Huge page sizes must be ones the architecture has (x86_64: 2M and 1G)',
    severity: 'error',
    sources: [GUIDE_HUGE_PAGES, KERNEL_PARAMETERS],
    fixable: true,
  },
  check(context, report) {
    for (const line of context.lines) {
      const arch = context.archOf(line);
      const sizes = HUGE_PAGE_SIZES[arch.arch];
      if (!sizes) continue;
      const steps = context.hugetlbOf(line);
      for (const step of steps) {
        if (step.status !== 'unsupported' || step.size === undefined || !step.param.valueOffsets) continue;
        const { param } = step;
        const names = sizes.map(formatSize);
        const follower = steps.find((other) => other.status === 'orphan-count' && other.related === param);
        const dropped = follower ? `, and drops the ${follower.param.name}=${follower.param.value ?? ''} after it` : '';
        const span = valueFileSpan(param, { start: 0, end: param.value!.length });
        const fixes: FixSpec[] = ordered(sizes, param.value!).map((size) => ({
          title: `Use ${param.name}=${formatSize(size)}`,
          edits: [{ span, newText: formatSize(size) }],
        }));
        report({
          span,
          message:
            `${arch.arch} has huge pages of ${names.join(' and ')} only${archNote(arch)}: ` +
            `the kernel refuses ${param.name}=${param.value} (${formatSize(step.size)})${dropped}.`,
          fixes,
        });
      }
    }
  },
};

/** The sizes, the one whose number was written first (`2` most likely meant 2M). */
function ordered(sizes: readonly bigint[], written: string): bigint[] {
  const number = /^[0-9]+/.exec(written)?.[0];
  return [...sizes].sort((a, b) => Number(formatSize(b).startsWith(`${number}`)) - Number(formatSize(a).startsWith(`${number}`)));
}
