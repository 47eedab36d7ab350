import type { Span } from '../core/span';
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlText } from './types';

// Indexed loops in these helpers: they run for every element of every document, and a for-of loop
// allocates an iterator result per step wherever V8 has not optimised the caller yet.

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const result: XmlElement[] = [];
  const { children } = element;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && (name === undefined || child.name === name)) result.push(child);
  }
  return result;
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  const { children } = element;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.name === name) return child;
  }
  return undefined;
}

/** The last attribute of that name (XML forbids duplicates; the parser reports them, libvirt reads the last). */
export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  for (let i = element.attributes.length - 1; i >= 0; i--) {
    const candidate = element.attributes[i]!;
    if (candidate.name === name) return candidate;
  }
  return undefined;
}

export function attributeValue(element: XmlElement, name: string): string | undefined {
  return attribute(element, name)?.value;
}

/** `domain/devices/disk/driver`: the names from the root down to the element. */
export function elementPath(element: XmlElement): string {
  const names: string[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) names.push(at.name);
  return names.reverse().join('/');
}

/** The element's own text (children's text excluded), entities decoded, trimmed, with the span of what is left. */
export function elementText(element: XmlElement): { value: string; span: Span } | undefined {
  let first: XmlText | undefined;
  let last: XmlText | undefined;
  let value = '';
  const { children } = element;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind !== 'text') continue;
    first ??= child;
    last = child;
    value += child.value;
  }
  if (!first || !last) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const firstSpan = first.span;
  if (first === last) {
    // Entities make the decoded value shorter than the source; locate the trimmed part in the source text.
    const leading = value.length - value.trimStart().length;
    const trailing = value.length - value.trimEnd().length;
    return { value: trimmed, span: { start: firstSpan.start + leading, end: firstSpan.end - trailing } };
  }
  return { value: trimmed, span: { start: firstSpan.start, end: last.span.end } };
}

/** Depth-first, document order. Iterative: a 10,000-deep document must not overflow the stack. */
export function walkElements(nodes: readonly XmlNode[], visit: (element: XmlElement) => void): void {
  const pending: XmlNode[] = [...nodes].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind !== 'element') continue;
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
}

/** The first element, depth-first in document order, for which `test` holds; the walk stops there. */
export function firstElement(nodes: readonly XmlNode[], test: (element: XmlElement) => boolean): XmlElement | undefined {
  const pending: XmlNode[] = [...nodes].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind !== 'element') continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return undefined;
}

/** The innermost element whose span holds the offset (both ends included). */
export function elementAt(document: XmlDocument, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let nodes: readonly XmlNode[] = document.nodes;
  for (;;) {
    const next = nodes.find(
      (node): node is XmlElement => node.kind === 'element' && node.span.start <= offset && offset <= node.span.end,
    );
    if (!next) return found;
    found = next;
    nodes = next.children;
  }
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
