import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { guestCells, idList, lineOf } from '../guest';

/**
 * VT133: guest NUMA cells whose `cpus` share a vCPU. A vCPU belongs to one node; libvirt refuses the
 * domain ("NUMA cells N and M have overlapping vCPU ids"). Reported on the later cell, once per pair.
 */
export const numaCellsOverlap: DomainRule = {
  meta: {
    code: 'VT133',
    name: 'numa-cells-overlap',
    title: 'Guest NUMA cells must not share vCPUs',
    severity: 'error',
    sources: [libvirt('cpu-model-and-topology', 'CPU model and topology'), guide('9.3.9', 'Guest NUMA Topology')],
    fixable: false,
    libvirt: { stage: 'define', says: 'overlapping vCPU ids' },
  },
  paths: ['domain/cpu/numa/cell'],
  check(context, report) {
    const cells = guestCells(context.xml, context.model);
    cells.forEach((later, index) => {
      if (!later.cpus) return;
      for (const earlier of cells.slice(0, index)) {
        const shared = later.cpus.filter((id) => earlier.cpus?.includes(id));
        if (shared.length === 0) continue;
        report({
          span: later.cell.cpus!.attribute.valueSpan!,
          message:
            `${idList(shared, 'vCPU')} ${shared.length > 1 ? 'are' : 'is'} in cell ${later.id} and also in cell ` +
            `${earlier.id} (line ${lineOf(context, earlier.cell.element.span.start)}): a vCPU belongs to one NUMA ` +
            'node, and libvirt refuses cells that share one.',
        });
      }
    });
  },
};
