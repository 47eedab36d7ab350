import type { ElementSpec } from '../../../kb/types';
import type { XmlElement } from '../../../xml/types';
import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { requiredAttributesOf, unknownAttributes } from './attribute-names';
import { listOf } from './values';

/**
 * VT107: an element without an attribute libvirt requires on it (`<vcpupin>` without `vcpu` or
 * `cpuset`). libvirt refuses the domain. No quick fix: an inserted empty attribute would only trade
 * this error for an invalid value, and the value is the user's to choose.
 */
export const missingAttribute: DomainRule = {
  meta: {
    code: 'VT107',
    name: 'missing-attribute',
    title: 'Required attributes must be present',
    severity: 'error',
    sources: [
      libvirt('cpu-tuning', 'CPU Tuning'),
      libvirt('numa-node-tuning', 'NUMA Node Tuning'),
      guide('9.3.4', 'Domain vCPU Threads'),
      guide('9.3.5', 'Using emulatorpin'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'Missing required attribute' },
  },
  visit: {
    lackingAttributes(element, spec, _context, report) {
      // A start tag still being typed has not got all its attributes yet; VT100 reports it.
      if (!element.startTagClosed) return;
      if (!lacksRequired(element, spec)) return;
      // A misspelt attribute (`cpusett`) is VT103's finding; the one it was meant to be is not missing too.
      const meant = new Set(unknownAttributes(element, spec).flatMap((unknown) => unknown.suggestions));
      const missing = spec.attributes
        .filter((required) => required.required && !meant.has(required.name))
        .filter((required) => !element.attributes.some((present) => present.name === required.name))
        .map((required) => `'${required.name}'`);
      if (missing.length === 0) return;
      report({
        span: element.nameSpan,
        message: `<${element.name}> needs ${listOf(missing, 'and')}: libvirt refuses the element without ${missing.length === 1 ? 'it' : 'them'}.`,
      });
    },
  },
};

/** Whether a required attribute of the spec is absent from the element (the common answer, no, without allocating). */
function lacksRequired(element: XmlElement, spec: ElementSpec): boolean {
  const required = requiredAttributesOf(spec);
  const { attributes } = element;
  for (let i = 0; i < required.length; i++) {
    let present = false;
    for (let j = 0; j < attributes.length; j++) {
      if (attributes[j]!.name === required[i]) {
        present = true;
        break;
      }
    }
    if (!present) return true;
  }
  return false;
}
