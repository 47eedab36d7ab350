import { guide, libvirt } from '../../../kb/sources';
import { formatKiB } from '../../../kb/units';
import { attribute } from '../../../xml/query';
import type { HugePageModel } from '../../model';
import type { DomainRule } from '../context';
import { cleanIds, idList, lineOf, servesAllMemory } from '../guest';

/**
 * VT127: the `<page>`s of `<hugepages>` must not compete for memory. libvirt refuses two pages without
 * a nodeset (each would be the default page size for all memory: "two master hugepages") and two pages
 * whose nodesets share a guest cell ("nodeset attribute of hugepages ... intersect").
 */
export const hugepagePagesConflict: DomainRule = {
  meta: {
    code: 'VT127',
    name: 'hugepage-pages-conflict',
    title: 'Hugepage <page>s must not overlap: one default size, disjoint nodesets',
    severity: 'error',
    sources: [
      libvirt('memory-backing', 'Memory Backing'),
      guide('9.3.10', 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'intersect' },
  },
  paths: ['domain/memoryBacking/hugepages/page'],
  check(context, report) {
    const pages = context.model.memoryBacking?.hugepages?.pages ?? [];
    let defaultPage: HugePageModel | undefined;
    const earlier: { page: HugePageModel; ids: number[] }[] = [];
    for (const page of pages) {
      if (servesAllMemory(context.xml, context.model, page)) {
        if (defaultPage) {
          // libvirt clears nodeset='0' on a guest without NUMA cells: such a page counts as one without.
          const second = attribute(page.element, 'nodeset')
            ? "A second <page> for all memory: the guest has no NUMA cells, so libvirt clears this nodeset='0'"
            : 'A second <page> without nodeset';
          const first = attribute(defaultPage.element, 'nodeset') ? ", whose nodeset='0' libvirt clears likewise" : '';
          report({
            span: page.element.startTagSpan,
            message:
              `${second} (the first is on line ${lineOf(context, defaultPage.element.span.start)}${first}): ` +
              'a page without nodeset sets the size for all memory no other page claims, and libvirt allows only one. ' +
              'Give each extra size a nodeset of guest NUMA cells (guide 9.3.10).',
          });
        } else {
          defaultPage = page;
        }
        continue;
      }
      const ids = cleanIds(context.xml, page.nodeset);
      if (!ids) continue;
      for (const other of earlier) {
        const shared = ids.filter((id) => other.ids.includes(id));
        if (shared.length === 0) continue;
        report({
          span: page.nodeset!.attribute.valueSpan!,
          message:
            `Guest NUMA ${idList(shared, 'cell')} already ${shared.length > 1 ? 'get' : 'gets'} ` +
            `${pageSize(other.page)} pages from the <page> on line ${lineOf(context, other.page.element.span.start)}: ` +
            'libvirt refuses page nodesets that overlap, since a cell has one page size.',
        });
        break;
      }
      earlier.push({ page, ids });
    }
  },
};

function pageSize(page: HugePageModel): string {
  return page.sizeKiB === undefined ? 'other' : formatKiB(page.sizeKiB);
}
