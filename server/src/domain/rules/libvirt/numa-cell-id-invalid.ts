import { guide, libvirt, libvirtCode } from '../../../kb/sources';
import { childElements, firstChild } from '../../../xml/query';
import { parseUnsigned } from '../../../core/numbers';
import type { DomainRule } from '../context';
import { lineOf } from '../guest';
import { spanOf, value } from './devices';

/**
 * VT191: guest NUMA cell ids that libvirt cannot number: with N cells the ids are 0 to N-1, each once
 * (in any order); a `<distances><sibling id>` names one of those cells.
 */
export const numaCellIdInvalid: DomainRule = {
  meta: {
    code: 'VT191',
    name: 'numa-cell-id-invalid',
    title: 'Guest NUMA cell ids run from 0 to the cell count - 1, each once; siblings name existing cells',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/numa_conf.c', 'virDomainNumaDefParseXML'),
      libvirtCode('src/conf/numa_conf.c', 'virDomainNumaDefNodeDistanceParseXML'),
      libvirt('cpu-model-and-topology', 'CPU model and topology'),
      guide('9.3.9', 'Guest NUMA Topology'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: "Exactly one 'cell' element" },
  },
  paths: ['domain/cpu/numa/cell'],
  check(context, report) {
    const cells = context.model.cpu?.cells ?? [];
    const count = cells.length;
    if (count === 0) return;
    const seen = new Map<number, number>();
    for (const cell of cells) {
      if (cell.id === undefined) continue;
      if (cell.id >= count) {
        report({
          span: spanOf(context.xml, cell.element, 'id'),
          message: `With ${count} cell${count === 1 ? '' : 's'} the ids are ${count === 1 ? '0' : `0-${count - 1}`}: libvirt refuses id ${cell.id} (ids count from 0, without gaps).`,
        });
      } else if (seen.has(cell.id)) {
        report({
          span: spanOf(context.xml, cell.element, 'id'),
          message: `The cell on line ${lineOf(context, seen.get(cell.id)!)} already has id ${cell.id}: libvirt refuses two cells with one id.`,
        });
      } else seen.set(cell.id, cell.element.start);
      const distances = firstChild(cell.element, 'distances');
      for (const sibling of distances ? childElements(distances, 'sibling') : []) {
        const id = parseUnsigned(value(context.xml, sibling, 'id'));
        if (id === undefined || id < count) continue;
        report({
          span: spanOf(context.xml, sibling, 'id'),
          message: `There is no guest cell ${id} (the ids are 0-${count - 1}): libvirt refuses a distance to it.`,
        });
      }
    }
  },
};
