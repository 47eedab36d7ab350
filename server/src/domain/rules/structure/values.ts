import { derived } from '../../../core/derived';
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
 * Computed once per parsed document: VT104, VT105 and VT106 all read them.
 */
export const typedValues: (xml: XmlDocument) => readonly TypedValue[] = derived((xml: XmlDocument) => collectTypedValues(xml));

function collectTypedValues(xml: XmlDocument): TypedValue[] {
  const result: TypedValue[] = [];
  const problems = xml.problems.length > 0;
  for (const { element, spec } of specifiedElements(xml)) {
    if (element.attributes.length > 0) {
      const byName = attributeSpecsOf(spec);
      for (const attribute of element.attributes) {
        const attributeSpec = byName.get(attribute.name);
        const value = attribute.value;
        if (!attributeSpec || value === undefined || attribute.valueSpan === undefined) continue;
        const quote = attribute.quote;
        if (!quote || !attribute.valueClosed) continue;
        const span = attribute.valueSpan;
        if (problems && brokenByXml(xml, span)) continue;
        result.push(new AttributeValue(element, spec, attribute, attributeSpec.type, value, span, attribute.rawValue === value, quote));
      }
    }
    if (!spec.text || !hasCompleteContent(element)) continue;
    const text = elementText(element);
    if (!text || (problems && brokenByXml(xml, text.span))) continue;
    result.push(new TextValue(element, spec, spec.text, text.value, text.span, xml.text.startsWith(text.value, text.span.start) && text.span.end - text.span.start === text.value.length));
  }
  return result;
}

/** A typed attribute value; its subject is worded only when a rule asks (most values are fine). */
class AttributeValue implements TypedValue {
  constructor(
    readonly element: XmlElement,
    readonly spec: ElementSpec,
    readonly attribute: XmlAttribute,
    readonly type: ValueType,
    readonly value: string,
    readonly span: Span,
    readonly verbatim: boolean,
    private readonly quote: string,
  ) {}

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
  return element.startTagClosed && (element.selfClosing || element.endTagSpan !== undefined);
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
  starts: readonly number[];
  furthestEnds: readonly number[];
}

/**
 * Made once per parsed document: a file with many broken tags has many problems, and scanning them
 * all for every value made checking it quadratic.
 */
const problemIndex = derived((xml: XmlDocument): ProblemIndex => {
  const spans = xml.problems.map((problem) => problem.span).sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const furthestEnds: number[] = [];
  let furthest = -Infinity;
  for (const span of spans) {
    furthest = Math.max(furthest, span.end);
    starts.push(span.start);
    furthestEnds.push(furthest);
  }
  return { starts, furthestEnds };
});

/** `a, b or c`, `a and b` */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
