import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { cleanIds, guestCells, idList, servesAllMemory } from '../guest';

/**
 * VT124: a hugepages `<page nodeset>` names guest NUMA cells, not host nodes, and libvirt refuses a
 * nodeset with a cell the guest does not define ("hugepages: node N not found"). With no guest cells
 * at all, every nodeset is refused that way but a nodeset of just 0, which libvirt clears (servesAllMemory).
 */
export const hugepageNodesetUnknownCell: DomainRule = {
  meta: {
    code: 'VT124',
    name: 'hugepage-nodeset-unknown-cell',
    title: 'A hugepages <page> nodeset must name guest NUMA cells that exist',
    severity: 'error',
    sources: [
      guide('9.3.10', 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes'),
      libvirt('memory-backing', 'Memory Backing'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'node 4 not found' },
  },
  paths: ['domain/memoryBacking/hugepages/page'],
  check(context, report) {
    const pages = context.model.memoryBacking?.hugepages?.pages ?? [];
    const cellIds = new Set(guestCells(context.xml, context.model).map((cell) => cell.id));
    for (const page of pages) {
      if (servesAllMemory(context.xml, context.model, page)) continue;
      const ids = cleanIds(context.xml, page.nodeset);
      if (!ids || !page.nodeset?.attribute.valueSpan) continue;
      const span = page.nodeset.attribute.valueSpan;
      if (cellIds.size === 0) {
        report({
          span,
          message:
            `nodeset names guest NUMA ${idList(ids, 'cell')}, but the guest defines no NUMA cells (<cpu><numa>): ` +
            'libvirt refuses it. A page nodeset counts guest cells, not host nodes; drop nodeset to use this page ' +
            'size for all guest memory, or define the cells first (guide 9.3.9, 9.3.10).',
        });
        continue;
      }
      const unknown = ids.filter((id) => !cellIds.has(id));
      if (unknown.length === 0) continue;
      report({
        span,
        message:
          `Guest NUMA ${idList(unknown, 'cell')} ${unknown.length > 1 ? 'do' : 'does'} not exist: the guest defines ` +
          `${idList(cellIds, 'cell')}, and libvirt refuses a page nodeset naming others. The nodeset counts guest ` +
          'cells, not host nodes (guide 9.3.10).',
      });
    }
  },
};
