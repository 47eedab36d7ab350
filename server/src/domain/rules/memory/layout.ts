import { childElements, firstElement } from '../../../xml/query';
import type { XmlAttribute, XmlElement } from '../../../xml/types';

/** The white space before an offset on its line; '' when something else stands before it there. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : '';
}

/**
 * One level of indentation as the document writes it: how much deeper a child sits than its parent,
 * looked for under `parent` first, then under the root; two spaces when nothing shows it.
 */
export function indentStep(text: string, parent: XmlElement, root: XmlElement): string {
  for (const candidate of [parent, root]) {
    const child = childElements(candidate)[0];
    if (!child) continue;
    const outer = lineIndent(text, candidate.span.start);
    const inner = lineIndent(text, child.span.start);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return '  ';
}

/** The quote the document uses for attributes: that of its first quoted attribute, else `'`. */
export function documentQuote(root: XmlElement): '"' | "'" {
  const quoted = (attribute: XmlAttribute) => attribute.quote !== undefined;
  // The walk stops at the first element with a quoted attribute (it went through the whole tree before).
  return firstElement([root], (element) => element.attributes.some(quoted))?.attributes.find(quoted)?.quote ?? "'";
}
