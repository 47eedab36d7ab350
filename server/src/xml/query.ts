import type { Span } from '../core/span';
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from './types';

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const result: XmlElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'element' && (name === undefined || child.name === name)) result.push(child);
  }
  return result;
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
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
  const texts = element.children.filter((child) => child.kind === 'text');
  if (texts.length === 0) return undefined;
  const first = texts[0]!;
  const last = texts[texts.length - 1]!;
  const value = texts.map((text) => text.value).join('');
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (texts.length === 1) {
    // Entities make the decoded value shorter than the source; locate the trimmed part in the source text.
    const leading = value.length - value.trimStart().length;
    const trailing = value.length - value.trimEnd().length;
    return { value: trimmed, span: { start: first.span.start + leading, end: first.span.end - trailing } };
  }
  return { value: trimmed, span: { start: first.span.start, end: last.span.end } };
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
