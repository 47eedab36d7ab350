import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { guestCells, idList, soundAttribute } from '../guest';

/**
 * VT126: `<numatune><memnode cellid>` addresses a guest NUMA cell; libvirt refuses a cellid the guest
 * does not define, and any memnode at all when the guest has no cells.
 */
export const memnodeUnknownCell: DomainRule = {
  meta: {
    code: 'VT126',
    name: 'memnode-unknown-cell',
    title: '<memnode cellid> must name a guest NUMA cell that exists',
    severity: 'error',
    sources: [libvirt('numa-node-tuning', 'NUMA Node Tuning'), guide('9.3.9', 'Guest NUMA Topology')],
    fixable: false,
    libvirt: { stage: 'define', says: 'must correspond to existing guest' },
  },
  paths: ['domain/numatune/memnode'],
  check(context, report) {
    const memnodes = context.model.numatune?.memnodes ?? [];
    const cellIds = new Set(guestCells(context.xml, context.model).map((cell) => cell.id));
    for (const memnode of memnodes) {
      const cellid = attribute(memnode.element, 'cellid');
      if (memnode.cellid === undefined || !cellid || !soundAttribute(context.xml, cellid)) continue;
      if (cellIds.size === 0) {
        report({
          span: cellid.valueSpan,
          message:
            '<memnode> sets the policy of one guest NUMA cell, but the guest defines no cells (<cpu><numa>): ' +
            'libvirt refuses it. Define the cells, or use <numatune><memory> for the whole guest.',
        });
      } else if (!cellIds.has(memnode.cellid)) {
        report({
          span: cellid.valueSpan,
          message:
            `Guest NUMA cell ${memnode.cellid} does not exist: the guest defines ${idList(cellIds, 'cell')}, ` +
            'and libvirt refuses a memnode for any other. cellid counts guest cells, not host nodes.',
        });
      }
    }
  },
};
