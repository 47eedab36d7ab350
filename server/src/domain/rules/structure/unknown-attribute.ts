import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { unknownAttributes } from './attribute-names';
import { specifiedElements } from './placement';
import { brokenByXml, listOf } from './values';

/**
 * VT103: an attribute libvirt does not know on an element whose attributes the knowledge base knows in
 * full. libvirt's schema refuses it. Namespace declarations and namespaced attributes belong to other
 * schemas and are not judged.
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
  },
  check(context, report) {
    for (const { element, spec } of specifiedElements(context.xml)) {
      for (const { attribute, suggestions } of unknownAttributes(element, spec)) {
        // An attribute still being typed (no value yet, an open quote) is VT100's to report.
        if (brokenByXml(context.xml, attribute.span)) continue;
        const known = spec.attributes.map((candidate) => `'${candidate.name}'`);
        const hint = suggestions.length > 0
          ? ` Did you mean ${listOf(suggestions.map((name) => `'${name}'`), 'or')}?`
          : known.length > 0
            ? ` It takes ${listOf(known, 'and')}.`
            : ' It takes no attributes.';
        report({
          span: attribute.nameSpan,
          message: `libvirt knows no attribute '${attribute.name}' on <${element.name}>.${hint}`,
          fixes: suggestions.map((name) => ({
            title: `Rename '${attribute.name}' to '${name}'`,
            edits: [{ span: attribute.nameSpan, newText: name }],
            ...(suggestions.length === 1 ? { isPreferred: true } : {}),
          })),
        });
      }
    }
  },
};
