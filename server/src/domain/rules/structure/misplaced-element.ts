import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { placements } from './placement';
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
  },
  check(context, report) {
    for (const placement of placements(context.xml)) {
      if (placement.kind !== 'misplaced') continue;
      const { element, parentPaths } = placement;
      const parent = element.parent?.name ?? 'domain';
      report({
        span: element.nameSpan,
        message: `<${element.name}> does not belong inside <${parent}>: libvirt reads it inside ${listOf(describeParents(parentPaths), 'or')}.`,
      });
    }
  },
};

/** `<cputune>`; the whole path too when two places share a parent name (`<driver>` of a disk or of an interface). */
function describeParents(parentPaths: readonly string[]): string[] {
  const names = parentPaths.map((path) => path.slice(path.lastIndexOf('/') + 1));
  const unique = [...new Set(names)];
  if (unique.length === names.length) return names.map((name) => `<${name}>`);
  return parentPaths.map((path, index) => `<${names[index]}> (${path})`);
}
