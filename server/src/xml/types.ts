import type { HasDerived } from '../core/derived';
import type { Span } from '../core/span';

/**
 * The tolerant XML tree. Every offset is an index into the document text, which in JavaScript is
 * counted in UTF-16 code units, the unit LSP positions use; `TextDocument.positionAt` turns an offset
 * into a line/character position.
 */

export interface XmlAttribute {
  name: string;
  nameSpan: Span;
  /** The value with entities decoded; undefined when the attribute has no `=value` yet. */
  value: string | undefined;
  /** The value as written between the quotes. */
  rawValue: string | undefined;
  /** The span of the value between its quotes (quotes excluded); undefined when there is no value. */
  valueSpan: Span | undefined;
  quote: '"' | "'" | undefined;
  /** Whether the closing quote was found. */
  valueClosed: boolean;
  /** From the first character of the name to the end of the value (closing quote included). */
  span: Span;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  nameSpan: Span;
  attributes: XmlAttribute[];
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** From `<` to the end of the closing tag; for an unclosed element, to the end of its last child. */
  span: Span;
  /** `span.start` and `span.end`, read without making a span (the walk and the rules read them for every element). */
  readonly start: number;
  readonly end: number;
  /** From `<` to `>` or `/>` of the start tag (to where the tag stops, when it is not finished). */
  startTagSpan: Span;
  /** Whether the start tag was finished with `>` or `/>`. */
  startTagClosed: boolean;
  selfClosing: boolean;
  /** The closing tag `</name>`, when present. */
  endTagSpan: Span | undefined;
  /** Whether there is a closing tag (`endTagSpan !== undefined`, without making the span). */
  readonly hasEndTag: boolean;
  endNameSpan: Span | undefined;
}

export interface XmlText {
  kind: 'text';
  span: Span;
  /** `span.start` and `span.end`, read without making a span. */
  readonly start: number;
  readonly end: number;
  /** The text with entities decoded. */
  value: string;
  parent: XmlElement | undefined;
}

export interface XmlComment {
  kind: 'comment';
  span: Span;
  parent: XmlElement | undefined;
}

/** Processing instructions, DOCTYPE and CDATA are kept as opaque nodes. */
export interface XmlOther {
  kind: 'pi' | 'doctype' | 'cdata';
  span: Span;
  parent: XmlElement | undefined;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlOther;

export type XmlProblemCode =
  | 'unclosed-element'
  | 'mismatched-end-tag'
  | 'stray-end-tag'
  | 'children-after-self-closed'
  | 'duplicate-attribute'
  | 'bad-entity'
  | 'missing-attribute-value'
  | 'unquoted-attribute-value'
  | 'unterminated-attribute-value'
  | 'unfinished-tag'
  | 'unterminated-comment'
  | 'lt-in-attribute-value'
  | 'invalid-name'
  | 'multiple-roots'
  | 'text-outside-root'
  | 'no-root';

export interface XmlProblem {
  code: XmlProblemCode;
  message: string;
  span: Span;
}

/** What readers derive from the tree once (`core/derived.ts`) is kept in it. */
export interface XmlDocument extends HasDerived {
  text: string;
  /** Top-level nodes in document order. */
  nodes: XmlNode[];
  /** The first top-level element. */
  root: XmlElement | undefined;
  problems: XmlProblem[];
}
