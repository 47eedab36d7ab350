import { SCHEMA_ONLY_ATTRIBUTE } from './stage';
import { guide, libvirt } from '../../../kb/sources';
import type { ElementSpec } from '../../../kb/types';
import type { DomainRule } from '../context';
import { unknownAttributes } from './attribute-names';
import { brokenByXml, listOf } from './values';

/** How many attribute names a message lists when none is close to the name. */
const LISTED_ATTRIBUTES = 12;

/**
 * VT103: an attribute libvirt does not know, on any element of the domain: libvirt's schema lists the
 * attributes of each and refuses any other. Namespace declarations and namespaced attributes belong to
 * other schemas and are not judged.
 */
export const unknownAttribute: DomainRule = {
  meta: {
    code: 'VT103',
    name: 'unknown-attribute',
    title: 'Attributes must be ones libvirt knows on their element',
    severity: 'error',
    sources: [
      libvirt('element-and-attribute-overview', 'Element and attribute overview'),
      libvirt('cpu-tuning', 'CPU Tuning'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
      guide('7.2', 'Caching'),
      guide('9.3.4', 'Domain vCPU Threads'),
    ],
    fixable: true,
    libvirt: {
      stage: 'validate',
      says: 'failed to validate against schema',
      example: "<vcpu placment='static'>2</vcpu>",
      fixed: "<vcpu placement='static'>2</vcpu>",
    },
  },
  visit: {
    unlistedAttributes(element, spec, context, report) {
      for (const { attribute, suggestions } of unknownAttributes(element, spec)) {
        // An attribute still being typed (no value yet, an open quote) is VT100's to report.
        if (brokenByXml(context.xml, attribute.span)) continue;
        const hint = suggestions.length > 0
          ? ` Did you mean ${listOf(suggestions.map((name) => `'${name}'`), 'or')}?`
          : ` ${takenAttributes(spec)}`;
        report({
          span: attribute.nameSpan,
          message: `libvirt knows no attribute '${attribute.name}' on <${element.name}>: ${SCHEMA_ONLY_ATTRIBUTE}.${hint}`,
          fixes: suggestions.map((name) => ({
            title: `Rename '${attribute.name}' to '${name}'`,
            edits: [{ span: attribute.nameSpan, newText: name }],
            ...(suggestions.length === 1 ? { isPreferred: true } : {}),
          })),
        });
      }
    },
  },
};

/** `It takes 'vcpu' and 'cpuset'.`, the first few of a long list and a count of the rest. */
function takenAttributes(spec: ElementSpec): string {
  const known = spec.attributes.map((candidate) => `'${candidate.name}'`);
  if (known.length === 0) return 'It takes no attributes.';
  if (known.length <= LISTED_ATTRIBUTES) return `It takes ${listOf(known, 'and')}.`;
  return `It takes ${known.slice(0, LISTED_ATTRIBUTES).join(', ')}, and ${known.length - LISTED_ATTRIBUTES} more.`;
}
