import { derived } from '../../../core/derived';
import type { ElementSpec, ValueType } from '../../../kb/types';
import { elementText } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { XmlAttribute, XmlDocument, XmlElement } from '../../../xml/types';
import { attributeSpecsOf } from './attribute-names';

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
 * Calls `visit` with each typed value of an element whose place is fine (its attributes in order, then
 * its text). Values the XML layer reports as broken (unterminated, unquoted, a bad entity, or the text
 * of an element never closed) are left to VT100. Only the kinds in `kinds` are made and visited.
 */
export function visitTypedValues(xml: XmlDocument, element: XmlElement, spec: ElementSpec, kinds: ReadonlySet<ValueType['kind']>, visit: (value: TypedValue) => void): void {
  const { attributes } = element;
  if (attributes.length > 0) {
    const byName = attributeSpecsOf(spec);
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const attributeSpec = byName.get(attribute.name);
      if (!attributeSpec || !kinds.has(attributeSpec.type.kind)) continue;
      const value = typedAttributeValue(xml, element, spec, attribute, attributeSpec.type);
      if (value) visit(value);
    }
  }
  if (!spec.text || !kinds.has(spec.text.kind)) return;
  const value = typedText(xml, element, spec, spec.text);
  if (value) visit(value);
}

/** An attribute's value as a typed value; undefined when the XML layer reports it broken (VT100's). */
export function typedAttributeValue(xml: XmlDocument, element: XmlElement, spec: ElementSpec, attribute: XmlAttribute, type: ValueType): TypedValue | undefined {
  const value = attribute.value;
  const quote = attribute.quote;
  // A value is there (and so its span) whenever `value` is defined.
  if (value === undefined || !quote || !attribute.valueClosed) return undefined;
  if (xml.problems.length > 0 && brokenByXml(xml, attribute.valueSpan!)) return undefined;
  return new AttributeValue(element, spec, attribute, type, value, attribute.rawValue === value, quote);
}

/** An element's text as a typed value; undefined when there is none, or the element or the text is broken. */
export function typedText(xml: XmlDocument, element: XmlElement, spec: ElementSpec, type: ValueType): TypedValue | undefined {
  if (!hasCompleteContent(element)) return undefined;
  const text = elementText(element);
  if (!text || (xml.problems.length > 0 && brokenByXml(xml, text.span))) return undefined;
  return new TextValue(element, spec, type, text.value, text.span, xml.text.startsWith(text.value, text.span.start) && text.span.end - text.span.start === text.value.length);
}

/** A typed attribute value; its span and subject are made only when a rule asks (most values are fine). */
class AttributeValue implements TypedValue {
  constructor(
    readonly element: XmlElement,
    readonly spec: ElementSpec,
    readonly attribute: XmlAttribute,
    readonly type: ValueType,
    readonly value: string,
    readonly verbatim: boolean,
    private readonly quote: string,
  ) {}

  get span(): Span {
    return this.attribute.valueSpan!;
  }

  get subject(): string {
    return `${this.attribute.name}=${this.quote}${this.value}${this.quote} on <${this.element.name}>`;
  }
}

/** A typed element text. */
class TextValue implements TypedValue {
  readonly attribute = undefined;

  constructor(
    readonly element: XmlElement,
    readonly spec: ElementSpec,
    readonly type: ValueType,
    readonly value: string,
    readonly span: Span,
    readonly verbatim: boolean,
  ) {}

  get subject(): string {
    return `<${this.element.name}>${this.value}</${this.element.name}>`;
  }
}

/** Whether the element was written in full, so its content is what the user meant it to hold. */
export function hasCompleteContent(element: XmlElement): boolean {
  return element.startTagClosed && (element.selfClosing || element.hasEndTag);
}

/** Whether a well-formedness problem touches the span. */
export function brokenByXml(xml: XmlDocument, span: Span): boolean {
  if (xml.problems.length === 0) return false;
  const index = problemIndex(xml);
  // Problems starting before span.end are the first `count`; one of them touches the span when the
  // furthest end among them lies past span.start.
  let low = 0;
  let high = index.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.starts[middle] < span.end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && index.furthestEnds[low - 1] > span.start;
}

/** The problems' starts in order, and for each the furthest end up to it. */
interface ProblemIndex {
  starts: Int32Array;
  furthestEnds: Int32Array;
}

/**
 * Made once per parsed document: a file with many broken tags has many problems, and scanning them
 * all for every value made checking it quadratic. Typed arrays: a tag of 730,000 attributes without
 * values has twice as many problems, and plain arrays grown by push took a tenth of its diagnostics.
 */
const problemIndex = derived((xml: XmlDocument): ProblemIndex => {
  const spans = xml.problems.map((problem) => problem.span).sort((a, b) => a.start - b.start);
  const starts = new Int32Array(spans.length);
  const furthestEnds = new Int32Array(spans.length);
  let furthest = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.end > furthest) furthest = span.end;
    starts[i] = span.start;
    furthestEnds[i] = furthest;
  }
  return { starts, furthestEnds };
});

/** `a, b or c`, `a and b` */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
