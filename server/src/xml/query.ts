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
  if (first === last) {
    const fast = loneTextTrimmed(first);
    if (fast !== SLOW) return fast;
  }
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

const SLOW: unique symbol = Symbol('slow');

/** White space as String.prototype.trim takes it, in the ASCII range. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * elementText of an element with one text node, without the strings trimStart and trimEnd would make
 * (the model and the rules read many such texts); SLOW when a non-ASCII code unit stands at either end of
 * the trimmed part, which may be white space to trim (U+00A0, U+2028, ...): the general code reads it then.
 */
function loneTextTrimmed(text: XmlText): { value: string; span: Span } | undefined | typeof SLOW {
  const { value } = text;
  let start = 0;
  let end = value.length;
  while (start < end && isAsciiSpace(value.charCodeAt(start))) start++;
  if (start === end) return undefined;
  if (value.charCodeAt(start) >= 0x80) return SLOW;
  while (isAsciiSpace(value.charCodeAt(end - 1))) end--;
  if (value.charCodeAt(end - 1) >= 0x80) return SLOW;
  const trimmed = start === 0 && end === value.length ? value : value.slice(start, end);
  // Entities make the decoded value shorter than the source; the trimmed part is located from both ends.
  return { value: trimmed, span: { start: text.start + start, end: text.end - (value.length - end) } };
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
