import { SCHEMA_ONLY_ELEMENT } from './stage';
import { closestNames } from '../../../core/similarity';
import type { Report } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import type { ElementSpec } from '../../../kb/types';
import { firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule, DomainRuleContext } from '../context';
import { renameElementFix } from '../edits';
import { listOf } from './values';

/** How many of a parent's children a message lists when none is close to the name. */
const LISTED_CHILDREN = 12;

/**
 * VT101: an element libvirt does not know at all, under a parent whose children libvirt's schema lists
 * (every element of the domain but open content such as `<metadata>`). libvirt validates the domain
 * against its schema and refuses the element.
 */
export const unknownElement: DomainRule = {
  meta: {
    code: 'VT101',
    name: 'unknown-element',
    title: 'Elements must be ones libvirt knows',
    severity: 'error',
    sources: [
      libvirt('element-and-attribute-overview', 'Element and attribute overview'),
      libvirt('cpu-tuning', 'CPU Tuning'),
      guide('9.3.4', 'Domain vCPU Threads'),
      guide('9.3.2', 'NUMA vCPU Pinning'),
      guide('9.3.5', 'Using emulatorpin'),
    ],
    fixable: true,
    libvirt: { stage: 'validate', says: 'failed to validate against schema' },
  },
  visit: {
    misplaced(placement, context, report) {
      if (placement.kind === 'unknown') {
        const { element, parentSpec } = placement;
        const suggestions = closestNames(element.name, parentSpec.children);
        report({
          span: element.nameSpan,
          message: unknownMessage(element, parentSpec, suggestions),
          fixes: suggestions.map((name) => renameElementFix(context.text, element, name, suggestions.length === 1)),
        });
      } else if (placement.kind === 'guide-cpuset-wrapper') {
        reportCpusetWrapper(context, placement.element, report);
      }
    },
  },
};

function unknownMessage(element: XmlElement, parentSpec: ElementSpec, suggestions: readonly string[]): string {
  const parent = element.parent?.name ?? 'domain';
  const head = `libvirt knows no element <${element.name}> inside <${parent}>: ${SCHEMA_ONLY_ELEMENT}.`;
  if (suggestions.length > 0) return `${head} Did you mean ${listOf(suggestions.map((name) => `<${name}>`), 'or')}?`;
  const { children } = parentSpec;
  if (children.length === 0) return `${head} <${parent}> holds no child elements.`;
  const listed = children.slice(0, LISTED_CHILDREN).map((name) => `<${name}>`);
  const more = children.length > LISTED_CHILDREN ? `, and ${children.length - LISTED_CHILDREN} more` : '';
  return `${head} <${parent}> may hold ${listed.join(', ')}${more}.`;
}

/**
 * The guide's examples (9.3.2, 9.3.5) put `<vcpupin>` and `<emulatorpin>` in a `<cpuset>` element;
 * libvirt has no such element and reads pins from `<cputune>`. Renaming is the fix, unless the domain
 * already has a `<cputune>`: libvirt refuses a second one, so the pins must move into the first.
 */
function reportCpusetWrapper(
  context: DomainRuleContext,
  element: XmlElement,
  report: (report: Report) => void,
): void {
  const head =
    'libvirt has no <cpuset> element: pins (<vcpupin>, <emulatorpin>) go inside <cputune>. ' +
    'The guide (9.3.2, 9.3.5) shows them in <cpuset> by mistake.';
  const existing = firstChild(context.model.root, 'cputune');
  if (existing) {
    report({
      span: element.nameSpan,
      message: `${head} This domain already has a <cputune>, and libvirt refuses a second one: move what <cpuset> holds into it.`,
    });
    return;
  }
  report({ span: element.nameSpan, message: head, fixes: [renameElementFix(context.text, element, 'cputune', true)] });
}
