import { guide, kernel, libvirt } from '../../../kb/sources';
import { formatKiB } from '../../../kb/units';
import { attribute } from '../../../xml/query';
import type { DomainModel } from '../../model';
import type { DomainRule } from '../context';
import { soundAttribute } from '../guest';

const X86_ARCHES: ReadonlySet<string> = new Set(['x86_64', 'i686']);
const X86_NORMAL_PAGE_KIB = 4;
const X86_HUGE_PAGE_KIB: ReadonlySet<number> = new Set([2048, 1048576]);

/** Whether VT128 judges this page size of this guest (so a host-aware rule need not say it again). */
export function judgedAsNotHuge(model: DomainModel, sizeKiB: number): boolean {
  return model.type === 'kvm' && X86_ARCHES.has(model.os?.arch ?? '') && !X86_HUGE_PAGE_KIB.has(sizeKiB);
}

/**
 * VT128: a hugepages `<page size>` that no x86 host has as a huge page. With KVM the pages come from
 * the host, and x86 hosts have huge pages of 2 MiB and 1 GiB only (guide 8.2.3): libvirt finds no
 * hugetlbfs mount for any other size and the guest does not start, an error. 4 KiB is x86's normal
 * page, which libvirt treats as "no huge pages at all": that runs, but cannot be what was meant, a
 * warning. Judged only for `type='kvm'` guests with an x86 arch, where the host is surely x86.
 */
export const hugepageSizeNotHuge: DomainRule = {
  meta: {
    code: 'VT128',
    name: 'hugepage-size-not-huge',
    title: 'On x86 hosts a huge page is 2 MiB or 1 GiB',
    severity: 'error',
    sources: [
      guide('8.2.3', 'Huge Pages and Transparent Huge Pages (THP)'),
      libvirt('memory-backing', 'Memory Backing'),
      kernel('admin-guide/kernel-parameters.txt', 'hugepagesz='),
    ],
    fixable: false,
    libvirt: { stage: 'start', says: 'hugetlbfs' },
  },
  paths: ['domain/memoryBacking/hugepages/page'],
  check(context, report) {
    const { model } = context;
    for (const page of model.memoryBacking?.hugepages?.pages ?? []) {
      const size = attribute(page.element, 'size');
      if (page.sizeKiB === undefined || !size || !soundAttribute(context.xml, size)) continue;
      if (!judgedAsNotHuge(model, page.sizeKiB)) continue;
      if (page.sizeKiB === X86_NORMAL_PAGE_KIB) {
        report({
          span: size.valueSpan,
          severity: 'warning',
          message:
            "4 KiB is x86's normal page size, not a huge page: libvirt then backs this memory with ordinary pages, " +
            'as if <hugepages> were not there. x86 huge pages are 2 MiB or 1 GiB (guide 8.2.3).',
        });
        continue;
      }
      report({
        span: size.valueSpan,
        message:
          `${formatKiB(page.sizeKiB)} is not a huge page size on x86: the host has 2 MiB and 1 GiB pages only ` +
          '(guide 8.2.3), libvirt finds no hugetlbfs mount for this size and the guest does not start.',
      });
    }
  },
};
