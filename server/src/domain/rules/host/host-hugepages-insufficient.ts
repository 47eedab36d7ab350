import { formatCpuset } from '../../../kb/cpuset';
import { guide, libvirt } from '../../../kb/sources';
import { formatKiB } from '../../../kb/units';
import { availablePages, supportedPageSizes } from '../../../host/queries';
import { pageSizeLabel } from '../../../host/sizes';
import type { HostModel } from '../../../host/types';
import { attribute } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { DomainRule, DomainRuleContext } from '../context';
import { idList } from '../guest';
import { hugePageDemands, type HugePageDemand } from './hugepageDemand';

/**
 * VT154: the guest's memory needs more huge pages of a size than the host has free (on the nodes a
 * strict `<numatune>` allows). Huge pages are reserved ahead; when they run out the guest fails to
 * start (guide 9.3.10 note for strict mode). Free counts move as guests start and stop, and a guest
 * that runs now holds its own pages, so a warning. From capabilities, which give no free counts, the
 * total is compared instead.
 */
export const hostHugepagesInsufficient: DomainRule = {
  meta: {
    code: 'VT154',
    name: 'host-hugepages-insufficient',
    title: 'The host must have enough free huge pages for the guest',
    severity: 'warning',
    sources: [
      guide('9.3.10', 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes'),
      guide('8.2.3.2', 'Configuring Static Huge Pages'),
      libvirt('memory-backing', 'Memory Backing'),
    ],
    fixable: false,
    libvirt: { stage: 'start', says: 'hugetlbfs', hostDependent: true },
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    const sizes = host && supportedPageSizes(host);
    if (!host || !sizes) return;
    for (const demand of hugePageDemands(context.xml, context.model, host.defaultHugepageKiB)) {
      if (!sizes.includes(demand.sizeKiB)) continue;
      // A nodeset naming a node the host lacks (VT152's finding) still says how few pages the others have.
      const hostNodes = new Set(host.nodes.map((node) => node.id));
      const absent = demand.nodes?.filter((id) => !hostNodes.has(id)) ?? [];
      const present = demand.nodes?.filter((id) => hostNodes.has(id));
      if (present !== undefined && present.length === 0) continue;
      const available = availablePages(host, demand.sizeKiB, present);
      if (!available || available.count >= demand.pages) continue;
      const span = demandSpan(context, demand);
      if (!span) continue;
      const where = demand.nodes ? ` on host ${idList(demand.nodes, 'node')}` : '';
      const has = available.kind === 'free' ? `${available.count} free` : `${available.count} in all`;
      const there = where ? (absent.length > 0 ? ` on ${idList(present ?? [], 'node')}` : ' there') : '';
      const lacks = absent.length > 0 ? `, and it has no ${idList(absent, 'node')}` : '';
      report({
        span,
        message:
          `The guest needs ${demand.pages} huge pages of ${pageSizeLabel(demand.sizeKiB)} (${formatKiB(demand.memoryKiB)}` +
          `${demand.cells.length > 0 ? ` for guest ${idList(demand.cells, 'cell')}` : ''})${where}, but the host has ${has}` +
          `${there} (${pagesFact(host, { ...demand, nodes: present })})${lacks}. Without enough pages the guest does not start; ` +
          'reserve more (guide 8.2.3) or give the guest less memory. A guest running now holds its own pages.',
      });
    }
  },
};

/** The page's size attribute when a `<page>` chose the size; else the `<hugepages>` element's name. */
function demandSpan(context: DomainRuleContext, demand: HugePageDemand): Span | undefined {
  if (demand.page) return attribute(demand.page.element, 'size')?.valueSpan;
  return context.model.memoryBacking?.hugepages?.element.nameSpan;
}

/** `node 0: 2 free of 4; node 1: 0 free of 0` for the size, on the nodes concerned (or all). */
function pagesFact(host: HostModel, demand: HugePageDemand): string {
  const nodes = host.nodes.filter((node) => demand.nodes === undefined || demand.nodes.includes(node.id));
  const parts = nodes.flatMap((node) => {
    const pages = node.hugepages.find((entry) => entry.sizeKiB === demand.sizeKiB);
    if (!pages) return [];
    const free = pages.free === null ? '' : `${pages.free} free of `;
    return [`node ${node.id}: ${free}${pages.total ?? '?'}`];
  });
  return parts.length > 0 ? parts.join('; ') : `host nodes ${formatCpuset(nodes.map((node) => node.id))}`;
}
