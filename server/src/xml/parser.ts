import { decodeEntities } from './entities';
import { isSimilarName } from '../core/similarity';
import type { Span } from '../core/span';
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlProblem, XmlProblemCode } from './types';

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const WHITESPACE = /[ \t\r\n]/;

/**
 * Parses XML without ever giving up: every keystroke's half-typed document still yields a tree with
 * exact spans, and each well-formedness problem is reported where it is. Linear in the text's length.
 */
export function parseXml(text: string): XmlDocument {
  return new XmlParser(text).parse();
}

class XmlParser {
  private pos = 0;
  private readonly stack: XmlElement[] = [];
  private readonly nodes: XmlNode[] = [];
  private readonly problems: XmlProblem[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly text: string) {}

  parse(): XmlDocument {
    const { text } = this;
    while (this.pos < text.length) {
      if (text.charCodeAt(this.pos) === 0x3c /* < */) {
        this.scanMarkup();
      } else {
        this.scanText();
      }
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const element = this.stack[i]!;
      // An unfinished start tag is already reported; one mistake, one problem.
      if (element.startTagClosed) this.problem(
        'unclosed-element',
        `<${element.name}> is never closed: add </${element.name}> or close the start tag with '/>'.`,
        element.nameSpan,
      );
      this.finishElement(element, this.lastEnd(element));
    }
    this.stack.length = 0;
    if (!this.root && text.trim() !== '') {
      this.problem('no-root', 'The document has no element.', { start: 0, end: 0 });
    }
    return { text, nodes: this.nodes, root: this.root, problems: this.problems };
  }

  private get current(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private problem(code: XmlProblemCode, message: string, span: Span): void {
    this.problems.push({ code, message, span: { start: span.start, end: span.end } });
  }

  private append(node: XmlNode): void {
    const parent = this.current;
    if (parent) {
      parent.children.push(node);
    } else {
      this.nodes.push(node);
    }
  }

  private scanMarkup(): void {
    const { text } = this;
    if (text.startsWith('<!--', this.pos)) {
      this.scanDelimited('comment', '-->', 'unterminated-comment', 'The comment is not closed with -->.');
    } else if (text.startsWith('<![CDATA[', this.pos)) {
      this.scanDelimited('cdata', ']]>', 'unfinished-tag', 'The CDATA section is not closed with ]]>.');
    } else if (text.startsWith('<!', this.pos)) {
      this.scanDoctype();
    } else if (text.startsWith('<?', this.pos)) {
      this.scanDelimited('pi', '?>', 'unfinished-tag', 'The processing instruction is not closed with ?>.');
    } else if (text.charCodeAt(this.pos + 1) === 0x2f /* / */) {
      this.scanEndTag();
    } else {
      this.scanStartTag();
    }
  }

  private scanDelimited(
    kind: 'comment' | 'cdata' | 'pi',
    terminator: string,
    code: XmlProblemCode,
    message: string,
  ): void {
    const start = this.pos;
    const close = this.text.indexOf(terminator, start + 2);
    const end = close < 0 ? this.text.length : close + terminator.length;
    if (close < 0) {
      this.problem(code, message, { start, end: Math.min(start + 4, end) });
    }
    this.append({ kind, span: { start, end }, parent: this.current });
    this.pos = end;
  }

  private scanDoctype(): void {
    const { text } = this;
    const start = this.pos;
    let depth = 0;
    let i = start + 2;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) break;
    }
    const end = Math.min(i + 1, text.length);
    if (i >= text.length) {
      this.problem('unfinished-tag', 'The declaration is not closed with >.', { start, end: start + 2 });
    }
    this.append({ kind: 'doctype', span: { start, end }, parent: this.current });
    this.pos = end;
  }

  private scanText(): void {
    const { text } = this;
    const start = this.pos;
    let end = text.indexOf('<', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    this.pos = end;
    const value = decodeEntities(raw, start, (span, message) => this.problem('bad-entity', message, span));
    const parent = this.current;
    if (!parent) {
      const trimmedStart = start + (raw.length - raw.trimStart().length);
      if (raw.trim() !== '') {
        this.problem('text-outside-root', 'Text outside the root element.', {
          start: trimmedStart,
          end: start + raw.trimEnd().length,
        });
      }
      return;
    }
    parent.children.push({ kind: 'text', span: { start, end }, value, parent });
  }

  private readName(): Span {
    const { text } = this;
    const start = this.pos;
    if (start < text.length && NAME_START.test(text[start]!)) {
      this.pos++;
      while (this.pos < text.length && NAME_CHAR.test(text[this.pos]!)) this.pos++;
    }
    return { start, end: this.pos };
  }

  private skipWhitespace(): void {
    const { text } = this;
    while (this.pos < text.length && WHITESPACE.test(text[this.pos]!)) this.pos++;
  }

  private scanStartTag(): void {
    const { text } = this;
    const tagStart = this.pos;
    this.pos++;
    const nameSpan = this.readName();
    if (nameSpan.start === nameSpan.end) {
      // A lone '<' (often the start of typing a tag): keep it as text so the tree stays intact.
      this.problem('invalid-name', "'<' must start a tag name; write &lt; for a literal '<'.", {
        start: tagStart,
        end: tagStart + 1,
      });
      const parent = this.current;
      if (parent) parent.children.push({ kind: 'text', span: { start: tagStart, end: this.pos }, value: '<', parent });
      return;
    }
    const parent = this.current;
    const element: XmlElement = {
      kind: 'element',
      name: text.slice(nameSpan.start, nameSpan.end),
      nameSpan,
      attributes: [],
      children: [],
      parent,
      span: { start: tagStart, end: nameSpan.end },
      startTagSpan: { start: tagStart, end: nameSpan.end },
      startTagClosed: false,
      selfClosing: false,
      endTagSpan: undefined,
      endNameSpan: undefined,
    };
    this.scanAttributes(element);
    element.startTagSpan.end = this.pos;
    element.span.end = this.pos;
    if (!element.startTagClosed) {
      this.problem('unfinished-tag', `The start tag <${element.name}> is not finished: expected '>' or '/>'.`, nameSpan);
    }

    if (!parent) {
      if (this.root) {
        this.problem('multiple-roots', `A document has one root element; <${element.name}> is a second one.`, nameSpan);
      } else {
        this.root = element;
      }
    }
    this.append(element);
    if (!element.selfClosing) this.stack.push(element);
  }

  private scanAttributes(element: XmlElement): void {
    const { text } = this;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= text.length) return;
      const c = text[this.pos];
      if (c === '>') {
        this.pos++;
        element.startTagClosed = true;
        return;
      }
      if (c === '/' && text[this.pos + 1] === '>') {
        this.pos += 2;
        element.startTagClosed = true;
        element.selfClosing = true;
        return;
      }
      if (c === '<') return;
      const nameSpan = this.readName();
      if (nameSpan.start === nameSpan.end) {
        this.problem('invalid-name', `Unexpected '${c}' in the start tag of <${element.name}>.`, {
          start: this.pos,
          end: this.pos + 1,
        });
        this.pos++;
        continue;
      }
      this.scanAttribute(element, nameSpan);
    }
  }

  private scanAttribute(element: XmlElement, nameSpan: Span): void {
    const { text } = this;
    const name = text.slice(nameSpan.start, nameSpan.end);
    const attribute: XmlAttribute = {
      name,
      nameSpan,
      value: undefined,
      rawValue: undefined,
      valueSpan: undefined,
      quote: undefined,
      valueClosed: false,
      span: { start: nameSpan.start, end: nameSpan.end },
    };
    if (element.attributes.some((other) => other.name === name)) {
      this.problem('duplicate-attribute', `Attribute '${name}' is given twice on <${element.name}>.`, nameSpan);
    }
    element.attributes.push(attribute);

    const afterName = this.pos;
    this.skipWhitespace();
    if (text[this.pos] !== '=') {
      this.pos = afterName;
      this.problem('missing-attribute-value', `Attribute '${name}' has no value: write ${name}='...'.`, nameSpan);
      return;
    }
    this.pos++;
    this.skipWhitespace();
    const quote = text[this.pos];
    if (quote === '"' || quote === "'") {
      this.scanQuotedValue(attribute, quote);
    } else {
      this.scanUnquotedValue(attribute);
    }
    attribute.span.end = this.pos;
  }

  private scanQuotedValue(attribute: XmlAttribute, quote: '"' | "'"): void {
    const { text } = this;
    const valueStart = this.pos + 1;
    const close = text.indexOf(quote, valueStart);
    const lt = text.indexOf('<', valueStart);
    let valueEnd: number;
    if (close >= 0 && (lt < 0 || close < lt)) {
      valueEnd = close;
      this.pos = close + 1;
      attribute.valueClosed = true;
    } else {
      // The closing quote is missing: the value most likely stops where the tag does.
      const limit = lt < 0 ? text.length : lt;
      valueEnd = valueStart;
      while (valueEnd < limit && !/[>\s]/.test(text[valueEnd]!) && !text.startsWith('/>', valueEnd)) valueEnd++;
      this.pos = valueEnd;
      this.problem(
        'unterminated-attribute-value',
        `The value of '${attribute.name}' has no closing ${quote === '"' ? 'double' : 'single'} quote.`,
        { start: valueStart - 1, end: valueEnd },
      );
    }
    attribute.quote = quote;
    this.setValue(attribute, { start: valueStart, end: valueEnd });
  }

  private scanUnquotedValue(attribute: XmlAttribute): void {
    const { text } = this;
    const valueStart = this.pos;
    while (this.pos < text.length && !/[\s<>]/.test(text[this.pos]!) && !text.startsWith('/>', this.pos)) this.pos++;
    if (this.pos === valueStart) {
      this.problem('missing-attribute-value', `Attribute '${attribute.name}' has no value after '='.`, attribute.nameSpan);
      return;
    }
    this.problem('unquoted-attribute-value', `The value of '${attribute.name}' must be in quotes.`, {
      start: valueStart,
      end: this.pos,
    });
    this.setValue(attribute, { start: valueStart, end: this.pos });
  }

  private setValue(attribute: XmlAttribute, span: Span): void {
    const raw = this.text.slice(span.start, span.end);
    attribute.rawValue = raw;
    attribute.valueSpan = span;
    attribute.value = decodeEntities(raw, span.start, (at, message) => this.problem('bad-entity', message, at));
  }

  private scanEndTag(): void {
    const { text } = this;
    const tagStart = this.pos;
    this.pos += 2;
    const nameSpan = this.readName();
    const name = text.slice(nameSpan.start, nameSpan.end);
    this.skipWhitespace();
    if (text[this.pos] === '>') {
      this.pos++;
    } else {
      this.problem('unfinished-tag', `The end tag </${name}> is not finished: expected '>'.`, {
        start: tagStart,
        end: nameSpan.end,
      });
    }
    const tagSpan = { start: tagStart, end: this.pos };

    const depth = this.findOpen(name);
    if (depth >= 0) {
      for (let i = this.stack.length - 1; i > depth; i--) {
        const unclosed = this.stack[i]!;
        this.problem(
          'unclosed-element',
          `<${unclosed.name}> is never closed: </${name}> closes its parent first. ` +
            `Write <${unclosed.name} .../> or add </${unclosed.name}>.`,
          unclosed.nameSpan,
        );
        this.finishElement(unclosed, tagStart);
      }
      this.stack.length = depth + 1;
      this.closeTop(tagSpan, nameSpan);
      return;
    }

    const selfClosed = this.selfClosedSibling(name);
    if (selfClosed) {
      const slash = { start: selfClosed.startTagSpan.end - 2, end: selfClosed.startTagSpan.end };
      this.problem(
        'children-after-self-closed',
        `<${name}/> is self-closed, so what follows it is not inside it and </${name}> closes nothing. ` +
          `Remove the '/' to make it hold what comes before </${name}>.`,
        slash,
      );
      return;
    }

    const top = this.current;
    if (top && !top.endTagSpan && isSimilarName(top.name, name)) {
      this.problem('mismatched-end-tag', `</${name}> does not match <${top.name}>.`, nameSpan.start === nameSpan.end ? tagSpan : nameSpan);
      this.closeTop(tagSpan, nameSpan);
      return;
    }
    this.problem('stray-end-tag', `</${name}> closes no open element.`, tagSpan);
  }

  private findOpen(name: string): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.name === name) return i;
    }
    return -1;
  }

  /** The guide's `<hugepages/> <page .../> </hugepages>`: a self-closed sibling with the end tag's name. */
  private selfClosedSibling(name: string): XmlElement | undefined {
    const siblings = this.current ? this.current.children : this.nodes;
    for (let i = siblings.length - 1; i >= 0; i--) {
      const node = siblings[i]!;
      if (node.kind === 'element' && node.name === name) return node.selfClosing ? node : undefined;
    }
    return undefined;
  }

  private closeTop(tagSpan: Span, nameSpan: Span): void {
    const element = this.stack.pop();
    if (!element) return;
    element.endTagSpan = tagSpan;
    element.endNameSpan = nameSpan;
    this.finishElement(element, tagSpan.end);
  }

  private finishElement(element: XmlElement, end: number): void {
    element.span.end = Math.max(end, element.startTagSpan.end);
  }

  private lastEnd(element: XmlElement): number {
    const last = element.children[element.children.length - 1];
    return last ? last.span.end : element.startTagSpan.end;
  }
}
