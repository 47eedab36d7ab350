import { guide } from '../../kb/sources';
import { walkElements } from '../../xml/query';
import type { XmlDocument, XmlElement, XmlProblem } from '../../xml/types';
import type { FixSpec } from '../../core/types';
import type { DomainRule, DomainRuleContext } from './context';

/**
 * VT100: the document is not well-formed XML. libvirt refuses to parse it at all, so every problem
 * is an error, reported where the parser found it.
 */
export const wellFormed: DomainRule = {
  meta: {
    code: 'VT100',
    name: 'well-formed',
    title: 'The document must be well-formed XML',
    severity: 'error',
    sources: [
      guide('9.3.10', 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes'),
      guide('9.1', 'NUMA Memory Allocation Policies'),
    ],
    fixable: true,
  },
  check(context, report) {
    let byNameStart: Map<number, XmlElement> | undefined;
    const elementNamedAt = (nameStart: number) => (byNameStart ??= elementsByNameStart(context.xml)).get(nameStart);
    for (const problem of context.xml.problems) {
      report({ span: problem.span, message: problem.message, fixes: fixesFor(context, problem, elementNamedAt) });
    }
  },
};

function fixesFor(context: DomainRuleContext, problem: XmlProblem, elementNamedAt: (nameStart: number) => XmlElement | undefined): FixSpec[] {
  const { text } = context;
  switch (problem.code) {
    case 'children-after-self-closed':
      // The span is the '/>' of the self-closed tag: keep '>' and drop the '/'.
      return [{ title: "Remove the '/' so the element holds what follows", edits: [{ span: { start: problem.span.start, end: problem.span.start + 1 }, newText: '' }], isPreferred: true }];
    case 'unclosed-element': {
      const element = elementNamedAt(problem.span.start);
      if (!element || !element.startTagClosed || element.children.some((child) => child.kind === 'element')) return [];
      if (element.children.some((child) => child.kind !== 'text' || child.value.trim() !== '')) return [];
      // An empty element written as a start tag: make it self-closing.
      const gt = element.startTagSpan.end - 1;
      if (text[gt] !== '>') return [];
      const before = text[gt - 1] === ' ' ? '' : ' ';
      return [{ title: `Self-close <${element.name}/>`, edits: [{ span: { start: gt, end: gt + 1 }, newText: `${before}/>` }], isPreferred: true }];
    }
    default:
      return [];
  }
}

/**
 * Each element by where its name starts, made once for all the unclosed elements of a document: looking
 * each up from the root would take time in proportion to problems × depth (a broken 5 MB file has tens
 * of thousands of both).
 */
function elementsByNameStart(xml: XmlDocument): Map<number, XmlElement> {
  const result = new Map<number, XmlElement>();
  walkElements(xml.nodes, (element) => result.set(element.nameSpan.start, element));
  return result;
}
