import { contains, elementAt } from './query';
import type { Span } from '../core/span';
import type { XmlAttribute, XmlDocument, XmlElement } from './types';

/** What the cursor is on, for completion and hover. */
export type CursorContext =
  /** Between tags: a child of `parent` may be inserted. */
  | { kind: 'content'; parent: XmlElement | undefined }
  /** On (or typing) the name of a start tag; `span` is the name typed so far. */
  | { kind: 'element-name'; parent: XmlElement | undefined; element: XmlElement | undefined; span: Span }
  /** On the name in an end tag. */
  | { kind: 'end-tag-name'; element: XmlElement; span: Span }
  /** Inside a start tag where an attribute name is, or may be typed; `span` is the name typed so far. */
  | { kind: 'attribute-name'; element: XmlElement; attribute: XmlAttribute | undefined; span: Span }
  /** Inside an attribute's value; `span` is the whole value between the quotes. */
  | { kind: 'attribute-value'; element: XmlElement; attribute: XmlAttribute; span: Span }
  /** Inside an element's text. */
  | { kind: 'text'; element: XmlElement; span: Span };

export function cursorContext(document: XmlDocument, offset: number): CursorContext {
  const element = elementAt(document, offset);
  if (!element) return { kind: 'content', parent: undefined };

  if (offset > element.startTagSpan.start && offset <= element.startTagSpan.end && !isAfterTagEnd(document, element, offset)) {
    return inStartTag(element, offset);
  }
  if (element.endTagSpan && element.endNameSpan && offset > element.endTagSpan.start && contains(element.endNameSpan, offset)) {
    return { kind: 'end-tag-name', element, span: element.endNameSpan };
  }
  for (const child of element.children) {
    if (child.kind === 'text' && child.span.start < offset && offset < child.span.end && child.value.trim() !== '') {
      return { kind: 'text', element, span: child.span };
    }
  }
  return { kind: 'content', parent: element };
}

function isAfterTagEnd(document: XmlDocument, element: XmlElement, offset: number): boolean {
  // The cursor right after '>' or '/>' is outside the tag.
  return element.startTagClosed && offset === element.startTagSpan.end && document.text[offset - 1] === '>';
}

function inStartTag(element: XmlElement, offset: number): CursorContext {
  if (contains(element.nameSpan, offset)) {
    return { kind: 'element-name', parent: element.parent, element, span: element.nameSpan };
  }
  for (const attribute of element.attributes) {
    if (attribute.valueSpan && attribute.valueSpan.start <= offset && offset <= attribute.valueSpan.end) {
      return { kind: 'attribute-value', element, attribute, span: attribute.valueSpan };
    }
    if (contains(attribute.nameSpan, offset)) {
      return { kind: 'attribute-name', element, attribute, span: attribute.nameSpan };
    }
  }
  return { kind: 'attribute-name', element, attribute: undefined, span: { start: offset, end: offset } };
}
