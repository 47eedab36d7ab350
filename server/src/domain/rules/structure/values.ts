import type { ElementSpec, ValueType } from '../../../kb/types';
import { elementText } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { XmlAttribute, XmlDocument, XmlElement } from '../../../xml/types';
import { attributeSpecsOf } from './attribute-names';
import { specifiedElements } from './placement';

/** A value the structure gives a type to: an attribute's value or an element's text. */
export interface TypedValue {
  element: XmlElement;
  spec: ElementSpec;
  /** The attribute holding the value; undefined for the element's text. */
  attribute: XmlAttribute | undefined;
  type: ValueType;
  /** Entities decoded; an element's text trimmed. */
  value: string;
  span: Span;
  /** Whether the text under `span` is `value` as is, so an offset inside the value is an offset in the document. */
  verbatim: boolean;
  /** The value as written in the document, for messages: `cache='None' on <driver>`, `<weight>50</weight>`. */
  subject: string;
}

/**
 * Every typed value of the elements whose place is fine. Values the XML layer reports as broken
 * (unterminated, unquoted, a bad entity, or the text of an element never closed) are left to VT100.
 */
export function typedValues(xml: XmlDocument): readonly TypedValue[] {
  let result = cache.get(xml);
  if (!result) {
    result = collectTypedValues(xml);
    cache.set(xml, result);
  }
  return result;
}

/** Computed once per parsed document: VT104, VT105 and VT106 all read them. */
const cache = new WeakMap<XmlDocument, TypedValue[]>();

function collectTypedValues(xml: XmlDocument): TypedValue[] {
  const result: TypedValue[] = [];
  for (const { element, spec } of specifiedElements(xml)) {
    for (const attribute of element.attributes) {
      const attributeSpec = attributeSpecsOf(spec).get(attribute.name);
      if (!attributeSpec || attribute.value === undefined || attribute.valueSpan === undefined) continue;
      const quote = attribute.quote;
      if (!quote || !attribute.valueClosed || brokenByXml(xml, attribute.valueSpan)) continue;
      const value = attribute.value;
      result.push({
        element,
        spec,
        attribute,
        type: attributeSpec.type,
        value,
        span: attribute.valueSpan,
        verbatim: attribute.rawValue === value,
        subject: `${attribute.name}=${quote}${value}${quote} on <${element.name}>`,
      });
    }
    if (!spec.text || !hasCompleteContent(element)) continue;
    const text = elementText(element);
    if (!text || brokenByXml(xml, text.span)) continue;
    result.push({
      element,
      spec,
      attribute: undefined,
      type: spec.text,
      value: text.value,
      span: text.span,
      verbatim: xml.text.slice(text.span.start, text.span.end) === text.value,
      subject: `<${element.name}>${text.value}</${element.name}>`,
    });
  }
  return result;
}

/** Whether the element was written in full, so its content is what the user meant it to hold. */
export function hasCompleteContent(element: XmlElement): boolean {
  return element.startTagClosed && (element.selfClosing || element.endTagSpan !== undefined);
}

/** Whether a well-formedness problem touches the span. */
export function brokenByXml(xml: XmlDocument, span: Span): boolean {
  return xml.problems.some((problem) => problem.span.start < span.end && span.start < problem.span.end);
}

/** `a, b or c`, `a and b` */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
