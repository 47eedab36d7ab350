import { guide, kernel, libvirt } from '../../../kb/sources';
import { pageSizeLabel } from '../../../host/sizes';
import { supportedPageSizes } from '../../../host/queries';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { soundAttribute } from '../guest';
import { judgedAsNotHuge } from '../memory/hugepage-size-not-huge';

/**
 * VT153: a hugepages `<page size>` the host's kernel does not offer (no hugepages-NkB folder in
 * /sys/kernel/mm/hugepages, or no such `<pages>` in capabilities). libvirt then finds no hugetlbfs
 * mount for the size and the guest does not start. Sizes that are not huge pages at all on x86 are
 * VT128's.
 */
export const hostHugepageSizeMissing: DomainRule = {
  meta: {
    code: 'VT153',
    name: 'host-hugepage-size-missing',
    title: 'Huge page sizes must be ones the host offers',
    severity: 'error',
    sources: [
      guide('8.2.3.3', 'Enabling 1 GB huge pages for guests at boot or runtime'),
      libvirt('memory-backing', 'Memory Backing'),
      kernel('admin-guide/kernel-parameters.txt', 'hugepagesz='),
    ],
    fixable: false,
    libvirt: { stage: 'start', says: 'hugetlbfs', hostDependent: true },
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    const sizes = host && supportedPageSizes(host);
    if (!host || !sizes) return;
    for (const page of context.model.memoryBacking?.hugepages?.pages ?? []) {
      const size = attribute(page.element, 'size');
      if (page.sizeKiB === undefined || !size || !soundAttribute(context.xml, size)) continue;
      if (sizes.includes(page.sizeKiB) || page.sizeKiB <= 4 || judgedAsNotHuge(context.model, page.sizeKiB)) continue;
      report({
        span: size.valueSpan,
        message:
          `The host has no ${pageSizeLabel(page.sizeKiB)} huge pages: host offers ${sizes.map(pageSizeLabel).join(' and ')}. ` +
          'libvirt finds no hugetlbfs mount for this size and the guest does not start. Boot the host with ' +
          `hugepagesz= for this size (guide 8.2.3.3), or use ${sizes.length === 1 ? 'its size' : 'one of its sizes'}.`,
      });
    }
  },
};
