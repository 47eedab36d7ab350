import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';

/**
 * VT159: `<nosharepages/>` on a host where KSM is not running (/sys/kernel/mm/ksm/run is not 1). It
 * changes nothing there today, though it keeps the guest out of merging if KSM is started later. A
 * hint, so the user knows where the host stands.
 */
export const nosharepagesWithoutKsm: DomainRule = {
  meta: {
    code: 'VT159',
    name: 'nosharepages-without-ksm',
    title: '<nosharepages/> matters only where KSM runs',
    severity: 'hint',
    sources: [guide('8.3', 'Kernel Same-page Merging (KSM)'), guide('9.4', 'NUMA-Aware Kernel SamePage Merging (KSM)'), libvirt('memory-backing', 'Memory Backing')],
    fixable: false,
  },
  needs: ['host'],
  check(context, report) {
    const run = context.host?.ksm?.run;
    const element = context.model.memoryBacking?.nosharepages;
    if (!element || run === undefined || run === null || run === 1) return;
    report({
      span: element.nameSpan,
      message:
        `KSM is not running on this host (/sys/kernel/mm/ksm/run is ${run}), so <nosharepages/> changes nothing now; ` +
        'it keeps this guest out of page merging if KSM (or ksmtuned) starts it later (guide 8.3.4, 9.4).',
    });
  },
};
