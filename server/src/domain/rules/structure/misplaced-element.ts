import { SCHEMA_ONLY_ELEMENT } from './stage';
import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { listOf } from './values';

/**
 * VT102: an element libvirt knows, written under a parent that does not take it (`<vcpupin>` directly
 * in `<domain>`, `<hugepages>` in `<memtune>`). libvirt's schema refuses it there.
 */
export const misplacedElement: DomainRule = {
  meta: {
    code: 'VT102',
    name: 'misplaced-element',
    title: 'Elements must stand under the parent libvirt reads them from',
    severity: 'error',
    sources: [
      libvirt('element-and-attribute-overview', 'Element and attribute overview'),
      libvirt('cpu-tuning', 'CPU Tuning'),
      libvirt('memory-backing', 'Memory Backing'),
      libvirt('memory-tuning', 'Memory Tuning'),
      guide('8.2.2', 'Memory Tuning with virsh'),
      guide('8.2.3.2', 'Configuring Static Huge Pages'),
      guide('9.3.4', 'Domain vCPU Threads'),
    ],
    fixable: false,
    libvirt: { stage: 'validate', says: 'failed to validate against schema' },
  },
  visit: {
    misplaced(placement, _context, report) {
      if (placement.kind !== 'misplaced') return;
      const { element, parentPaths } = placement;
      const parent = element.parent?.name ?? 'domain';
      report({
        span: element.nameSpan,
        message: `<${element.name}> does not belong inside <${parent}>: libvirt reads it inside ${describeParents(parentPaths)}; ${SCHEMA_ONLY_ELEMENT}.`,
      });
    },
  },
};

/** How many places a message names before it only counts the rest. */
const LISTED_PARENTS = 6;

/**
 * `<cputune>`, `<disk>, <controller> or <interface>`; the whole path where two places share a parent
 * name (a `<source>` of a disk or of a hostdev), and a count beyond the first few.
 */
function describeParents(parentPaths: readonly string[]): string {
  const names = parentPaths.map((path) => path.slice(path.lastIndexOf('/') + 1));
  const labels = names.map((name, index) =>
    names.indexOf(name) === names.lastIndexOf(name) ? `<${name}>` : `<${name}> (${parentPaths[index]})`,
  );
  if (labels.length <= LISTED_PARENTS) return listOf(labels, 'or');
  return `${labels.slice(0, LISTED_PARENTS).join(', ')} or ${labels.length - LISTED_PARENTS} other elements`;
}
