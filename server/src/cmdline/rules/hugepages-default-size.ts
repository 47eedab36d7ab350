import { formatSize } from '../../kb/cmdline/sizes';
import { GUIDE_1G_HUGE_PAGES, KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { archNote, effectiveLines, type CmdlineRule } from './context';
import { hugetlbOrderKnown } from './hugetlb';

/**
 * VT304: hugepages= before any hugepagesz= counts pages of the default huge page size. Worth saying
 * (information); a warning when a default_hugepagesz= later on the line decides that size, because
 * the count then multiplies a size written after it (hugepages=512 default_hugepagesz=1G is 512 GiB).
 */
export const hugepagesDefaultSize: CmdlineRule = {
  meta: {
    code: 'VT304',
    name: 'hugepages-default-size',
    title: 'hugepages before any hugepagesz counts pages of the default size',
    severity: 'information',
    sources: [KERNEL_PARAMETERS, GUIDE_1G_HUGE_PAGES],
    fixable: false,
  },
  check(context, report) {
    for (const line of effectiveLines(context)) {
      if (!hugetlbOrderKnown(line.params)) continue;
      const arch = context.archOf(line);
      for (const step of context.hugetlbOf(line)) {
        // A count replaced later is VT305's (duplicate-parameter).
        if (!step.implicit || step.status !== 'ok') continue;
        const count = step.param.value ?? '';
        const setLater = step.related && step.related.span.start > step.param.span.start ? step.related : undefined;
        if (setLater && step.size !== undefined) {
          report({
            span: step.param.span,
            severity: 'warning',
            message:
              `hugepages=${count} comes before any hugepagesz=, so it counts pages of the default size, and ` +
              `${setLater.name}=${setLater.value} later on the line makes that ${formatSize(step.size)}${total(count, step.size)}. ` +
              `Write it after the size it counts: ${setLater.name}=${setLater.value} hugepages=${count}.`,
          });
          continue;
        }
        const size = step.size === undefined ? "the architecture's default size" : `${formatSize(step.size)}${step.related ? '' : archNote(arch)}`;
        report({
          span: step.param.span,
          message:
            `hugepages=${count} comes before any hugepagesz=, so it counts pages of the default huge page size: ${size}. ` +
            `To reserve pages of another size, write hugepagesz=<size> before it.`,
        });
      }
    }
  },
};

/** `: 512 GiB in all` for a plain count. */
function total(count: string, size: bigint): string {
  if (!/^[0-9]+$/.test(count)) return '';
  return `: ${formatSize(BigInt(count) * size).replace(/([KMGTPE])$/, ' $1iB')} in all`;
}
