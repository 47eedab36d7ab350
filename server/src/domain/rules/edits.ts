// The edits quick fixes of every domain rule group are made of: each touches only its own span.
import type { FixSpec, SpanEdit } from '../../core/types';
import type { XmlAttribute, XmlElement } from '../../xml/types';

/** Replaces the value between the quotes; the quotes and everything around stay as written. */
export function replaceValue(attribute: XmlAttribute, newValue: string): SpanEdit | undefined {
  return attribute.valueSpan ? { span: attribute.valueSpan, newText: newValue } : undefined;
}

/** Writes ` name='value'` right after an attribute, in that attribute's quote style. */
export function insertAttributeAfter(after: XmlAttribute, name: string, value: string): SpanEdit {
  const quote = after.quote ?? "'";
  return { span: { start: after.span.end, end: after.span.end }, newText: ` ${name}=${quote}${value}${quote}` };
}

/** Removes an attribute and the white space before it. */
export function removeAttribute(text: string, attribute: XmlAttribute): SpanEdit {
  let start = attribute.span.start;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  return { span: { start, end: attribute.span.end }, newText: '' };
}

/**
 * Removes an element written in full. When it stands alone on its lines, its lines go with it (indent
 * and line break included), so no blank line is left; otherwise only the element itself.
 */
export function removeElement(text: string, element: XmlElement): SpanEdit | undefined {
  if (!element.startTagClosed || (!element.selfClosing && !element.endTagSpan)) return undefined;
  const { start, end } = element.span;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const aloneOnItsLines = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  return { span: aloneOnItsLines ? { start: lineStart, end: lineEnd } : { start, end }, newText: '' };
}

/** The quick fix that removes an element (see removeElement): none when the element is not written in full. */
export function removeElementFixes(text: string, element: XmlElement): FixSpec[] {
  const edit = removeElement(text, element);
  return edit ? [{ title: `Remove <${element.name}>`, edits: [edit] }] : [];
}

/** Renames an element in its start tag and, when it has one, its end tag; nothing else is touched. */
export function renameElementFix(text: string, element: XmlElement, newName: string, isPreferred: boolean): FixSpec {
  const edits: SpanEdit[] = [{ span: element.nameSpan, newText: newName }];
  const end = element.endNameSpan;
  if (end && text.slice(end.start, end.end) !== newName) edits.push({ span: end, newText: newName });
  return { title: `Rename <${element.name}> to <${newName}>`, edits, ...(isPreferred ? { isPreferred: true } : {}) };
}
