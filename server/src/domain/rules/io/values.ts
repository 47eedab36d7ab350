import { parseUnsigned } from '../../../core/numbers';
import { elementText, firstChild } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { XmlAttribute, XmlDocument, XmlElement } from '../../../xml/types';
import { brokenByXml, hasCompleteContent } from '../structure/values';

/**
 * The attribute's value when it was written whole between quotes and no well-formedness problem
 * touches it; undefined when it is absent or broken (VT100 speaks about broken values).
 */
export function writtenValue(xml: XmlDocument, attribute: XmlAttribute | undefined): string | undefined {
  if (!attribute) return undefined;
  const { value } = attribute;
  // A value is there (and so its span) whenever `value` is defined; the span is made only when problems may touch it.
  if (value === undefined || !attribute.quote || !attribute.valueClosed) return undefined;
  if (xml.problems.length > 0 && brokenByXml(xml, attribute.valueSpan!)) return undefined;
  return value;
}

/** An attribute's non-negative integer value, or undefined when it is absent, broken or not a number. */
export function unsignedValue(xml: XmlDocument, attribute: XmlAttribute | undefined): number | undefined {
  return parseUnsigned(writtenValue(xml, attribute));
}

/**
 * A child holding a number as its text, the way libvirt's `<iotune>` limits are written. `value` is 0
 * when the child is absent (libvirt reads an absent limit as 0, "no limit") and undefined when the
 * child is there but its text is not a number, or the element is not written in full.
 */
export interface NumberChild {
  element: XmlElement | undefined;
  value: number | undefined;
  /** The number's text, when there is one. */
  valueSpan: Span | undefined;
}

/** An absent child, shared: most of the limits an <iotune> could hold are not written, and each is asked for on every keystroke. */
const ABSENT: NumberChild = Object.freeze({ element: undefined, value: 0, valueSpan: undefined });

export function numberChild(xml: XmlDocument, parent: XmlElement, name: string): NumberChild {
  // libvirt reads the first element of a name (an XPath string() of the node set).
  const element = firstChild(parent, name);
  if (!element) return ABSENT;
  const text = hasCompleteContent(element) ? elementText(element) : undefined;
  if (!text || brokenByXml(xml, text.span)) return { element, value: undefined, valueSpan: text?.span };
  return { element, value: parseUnsigned(text.value), valueSpan: text.span };
}

/** A limit that is in force: a number above 0 (0 means "no limit"). */
export function isSet(child: NumberChild): child is NumberChild & { element: XmlElement; value: number } {
  return child.element !== undefined && child.value !== undefined && child.value > 0;
}

/** A limit known to be off: absent, or 0. A child whose text does not parse is neither set nor unset. */
export function isUnset(child: NumberChild): boolean {
  return child.value === 0;
}
