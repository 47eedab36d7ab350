import type { Span } from '../core/span';
import type { XmlAttribute, XmlElement, XmlNode } from './types';

/**
 * The parser's node objects: the interfaces of types.ts, flattened. A node keeps plain offsets (small
 * integers stored in the object itself) and hands out its spans as fresh objects when asked, so a tree
 * costs one object per node and attribute instead of six; most spans are never read. Only the parser
 * creates and changes these (reparse.ts moves the offsets of the nodes after an edit).
 */

/** The children or attributes of a node that has none: one shared, frozen list (the parser replaces it on the first push). */
export const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];
export const NO_ATTRIBUTES: XmlAttribute[] = Object.freeze([]) as unknown as XmlAttribute[];

export class ElementNode implements XmlElement {
  declare readonly kind: 'element';
  attributes: XmlAttribute[] = NO_ATTRIBUTES;
  children: XmlNode[] = NO_CHILDREN;
  startTagClosed = false;
  selfClosing = false;
  /** Where the start tag ends (after `>`, or where it stops when unfinished). */
  tagEnd: number;
  /** Where the element ends (`span.end`). */
  end: number;
  /** The end tag's start, end and name's end; -1 when there is no end tag. */
  endTagStart = -1;
  endTagEnd = -1;
  endNameEnd = -1;

  constructor(
    readonly name: string,
    public parent: XmlElement | undefined,
    /** The offset of `<`. */
    public start: number,
    /** Where the name ends (it starts right after `<`). */
    public nameEnd: number,
  ) {
    this.tagEnd = nameEnd;
    this.end = nameEnd;
  }

  get nameSpan(): Span {
    return { start: this.start + 1, end: this.nameEnd };
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get startTagSpan(): Span {
    return { start: this.start, end: this.tagEnd };
  }

  get hasEndTag(): boolean {
    return this.endTagStart >= 0;
  }

  get endTagSpan(): Span | undefined {
    return this.endTagStart < 0 ? undefined : { start: this.endTagStart, end: this.endTagEnd };
  }

  get endNameSpan(): Span | undefined {
    // The end tag's name starts after `</`.
    return this.endTagStart < 0 ? undefined : { start: this.endTagStart + 2, end: this.endNameEnd };
  }
}
Object.defineProperty(ElementNode.prototype, 'kind', { value: 'element', enumerable: true });

export class AttributeNode implements XmlAttribute {
  value: string | undefined = undefined;
  rawValue: string | undefined = undefined;
  quote: '"' | "'" | undefined = undefined;
  valueClosed = false;
  /** The value's start and end between the quotes; -1 when there is no value. */
  valueStart = -1;
  valueEnd = -1;
  /** Where the attribute ends (the closing quote included). */
  end: number;

  constructor(
    readonly name: string,
    public start: number,
    public nameEnd: number,
  ) {
    this.end = nameEnd;
  }

  get nameSpan(): Span {
    return { start: this.start, end: this.nameEnd };
  }

  get valueSpan(): Span | undefined {
    return this.valueStart < 0 ? undefined : { start: this.valueStart, end: this.valueEnd };
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}

/** Text between tags. Its decoded value is read from the document's text when first asked (most are never read). */
export class TextNode {
  declare readonly kind: 'text';
  private decoded: string | undefined;
  /** Whether `decoded` was given (entities decoded), not read from the source when first asked. */
  private readonly given: boolean;

  constructor(
    private source: string,
    public start: number,
    public end: number,
    public parent: XmlElement | undefined,
    /** Given when it differs from the source text (entities decoded). */
    value?: string,
  ) {
    this.decoded = value;
    this.given = value !== undefined;
  }

  get value(): string {
    return (this.decoded ??= this.source.slice(this.start, this.end));
  }

  /**
   * The same text in a later version of the document (reparse.ts has moved its offsets): the value read
   * from the older text is forgotten, so the node keeps no slice of an older text alive.
   */
  readFrom(source: string): void {
    this.source = source;
    if (!this.given) this.decoded = undefined;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}
Object.defineProperty(TextNode.prototype, 'kind', { value: 'text', enumerable: true });

/** A comment, processing instruction, DOCTYPE or CDATA section: kept as an opaque stretch. */
export class OpaqueNode {
  constructor(
    readonly kind: 'comment' | 'pi' | 'doctype' | 'cdata',
    public start: number,
    public end: number,
    public parent: XmlElement | undefined,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}
