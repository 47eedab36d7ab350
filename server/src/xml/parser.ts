import { decodeEntities } from './entities';
import { badNameCharacter } from './names';
import { isSimilarName } from '../core/similarity';
import type { Span } from '../core/span';
import { AttributeNode, ElementNode, NO_ATTRIBUTES, NO_CHILDREN, OpaqueNode, TextNode } from './nodes';
import type { XmlDocument, XmlElement, XmlNode, XmlProblem, XmlProblemCode } from './types';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Character classes of the ASCII range, by code: 1 may start a name, 2 may continue one, 4 is white space. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII[c] = 1 | 2;
  else if (/[0-9.\-]/.test(ch)) ASCII[c] = 2;
  else if (/[ \t\r\n]/.test(ch)) ASCII[c] = 4;
}

/**
 * A name is read as starting with a letter, `_`, `:` or a code unit from U+00C0 up, and going on with
 * those, digits, `.`, `-` and U+00B7 (U+0080 to U+00BF, the no-break space among them, end it): the tree
 * keeps the name as typed, and a non-ASCII name is then checked character by character (badNameCharacter).
 */
function isNameStart(c: number): boolean {
  return c < 128 ? (ASCII[c]! & 1) !== 0 : c >= 0xc0;
}

function isWhitespace(c: number): boolean {
  return c < 128 && ASCII[c] === 4;
}

/**
 * Parses XML without ever giving up: every keystroke's half-typed document still yields a tree with
 * exact spans, and each well-formedness problem is reported where it is. Linear in the text's length.
 */
export function parseXml(text: string): XmlDocument {
  return new XmlParser(text).parse();
}

/** What parseFragment found: the stretch's nodes and problems, or that elements opened in it are still open at its end. */
export type Fragment = { nodes: XmlNode[]; problems: XmlProblem[] } | 'left open';

/**
 * text[start, end) parsed as content of `parent` (an element of an earlier tree of the same document,
 * its offsets already those of `text`), for reparse.ts: the nodes, each with `parent` as its parent, and
 * the problems found in them; 'left open' when elements opened in the stretch are still open at `end`;
 * undefined when the stretch does not read as whole nodes otherwise (see XmlParser.parseFragment).
 * With `endTagEnd`, the stretch ends where `parent`'s end tag starts, and that end tag, text[end,
 * endTagEnd), is read too, closing what the stretch left open as a whole parse would (unclosed-element);
 * undefined unless it closes `parent` itself. Attribute values are copied out of the text, so the nodes
 * keep no slice of it.
 */
export function parseFragment(text: string, parent: XmlElement, start: number, end: number, endTagEnd?: number): Fragment | undefined {
  if (!(parent instanceof ElementNode)) return undefined;
  // The parser stops at `end` (or `endTagEnd`), never at the text's length: a stretch past the text would never end.
  if (start < 0 || start > end || end > text.length || (endTagEnd !== undefined && (endTagEnd <= end || endTagEnd > text.length))) return undefined;
  return new XmlParser(text, endTagEnd ?? end, true).parseFragment(parent, start, endTagEnd === undefined ? undefined : end);
}

/** From this many attributes on, a start tag's names are kept in a set to find a repeat. */
const MANY_ATTRIBUTES = 16;
/** How many names the process keeps, and how long they may be: past that the table starts again, and longer names are not kept (what users type must not grow it for ever). */
const NAMES_KEPT = 4096;
const NAME_KEPT_LENGTH = 64;

/**
 * The element and attribute names met so far, shared by every parse of the process: every `<disk>` of
 * every document is one string, so V8 computes its hash once, and the lookups by name that follow each
 * parse (places, specs, attribute indexes) do not hash the same names again for every document. Keyed
 * by length and first code unit.
 */
class NameTable {
  private readonly buckets = new Map<number, string[]>();
  private size = 0;

  get(text: string, start: number, end: number): string {
    const length = end - start;
    if (length > NAME_KEPT_LENGTH) return text.slice(start, end);
    const key = length * 65536 + text.charCodeAt(start);
    let bucket = this.buckets.get(key);
    if (bucket) {
      for (let i = 0; i < bucket.length; i++) if (text.startsWith(bucket[i]!, start)) return bucket[i]!;
    } else {
      if (this.size >= NAMES_KEPT) {
        this.buckets.clear();
        this.size = 0;
      }
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const name = internalized(ownCopy(text, start, end));
    if (bucket.length < 8) {
      bucket.push(name);
      this.size++;
    }
    return name;
  }
}

/**
 * text.slice(start, end) as a string of its own: V8 makes a longer slice a view into the whole text, and
 * a name kept for the process must not keep its document's text alive.
 */
function ownCopy(text: string, start: number, end: number): string {
  if (end - start < 13) return text.slice(start, end);
  let copy = '';
  // In pieces, so a long value does not overflow the stack with the call's arguments.
  for (let from = start; from < end; from += OWN_COPY_PIECE) {
    const codes: number[] = [];
    const to = Math.min(end, from + OWN_COPY_PIECE);
    for (let i = from; i < to; i++) codes.push(text.charCodeAt(i));
    copy += String.fromCharCode(...codes);
  }
  return copy;
}
const OWN_COPY_PIECE = 4096;

/**
 * The same name as V8's internalized string, the one a literal `'disk'` in a rule is: comparing the two is
 * then one pointer comparison, not a comparison of their characters (a rule compares names all the time).
 * A property key is internalized; the table keeps the key, so this runs once per name.
 */
function internalized(name: string): string {
  const holder: Record<string, number> = {};
  holder[name] = 0;
  for (const key in holder) return key === name ? key : name;
  return name;
}

const NAMES = new NameTable();

/** How deep the stack of open elements gets before they are counted by name, and how shallow before the count is dropped. */
const DEEP_STACK = 256;
const SHALLOW_STACK = 64;

class XmlParser {
  private pos = 0;
  /** Whether the name readName read last holds a code unit beyond ASCII. */
  private wideName = false;
  private readonly stack: ElementNode[] = [];
  private readonly nodes: XmlNode[] = [];
  private readonly problems: XmlProblem[] = [];
  private root: XmlElement | undefined;
  /**
   * The open elements by name, kept only while the stack is deep (from DEEP_STACK until it is back under
   * SHALLOW_STACK): an end tag that closes nothing then costs no search of thousands of open elements.
   */
  private openCounts: Map<string, number> | undefined;
  /** For selfClosedSibling: per parent (undefined for the top level), its last element child of each name, over its first `upTo` children. */
  private lastNamed: Map<ElementNode | undefined, { upTo: number; last: Map<string, ElementNode> }> | undefined;
  /** The next '&' at or after pos (text.length when none): text without one needs no decoding. */
  private nextAmpersand = -1;
  /** The next '<' at or after the last attribute value's start (text.length when none): see lessThanFrom. */
  private nextLessThan = -1;
  /** A start tag's first unexpected character's problem, from it to the tag's end: see scanAttributes. */
  private muted: XmlProblem | undefined;
  /** The names of the start tag's attributes so far, once it has more than a few (see scanAttribute). */
  private attributeNames: Set<string> | undefined;
  private lastNoValue: { name: string; message: string } | undefined;

  /**
   * `limit`: where parsing stops (the text's end, but for a fragment: see parseFragment). `ownValues`:
   * attribute values of 13 code units or more are copied out of the text rather than sliced (a slice
   * keeps the whole text alive, which a tree that outlives its text's version must not do).
   */
  constructor(
    private readonly text: string,
    private readonly limit = text.length,
    private readonly ownValues = false,
  ) {}

  parse(): XmlDocument {
    const { text } = this;
    this.scan();
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
    return { text, nodes: this.nodes, root: this.root, problems: this.problems, derived: undefined };
  }

  private scan(): void {
    const { text, limit } = this;
    while (this.pos < limit) {
      if (text.charCodeAt(this.pos) === LT) {
        this.scanMarkup();
      } else {
        this.scanText();
      }
    }
  }

  /**
   * The nodes of text[start, limit) as `parent`'s content, the parent's other children aside, with the
   * problems found in them: undefined unless the stretch reads as whole nodes, every element opened in it
   * closed in it ('left open' when the stretch reads as whole nodes but some are still open at its
   * end), and the parent left open (its end tag is not in the stretch). With `endTagStart`, the stretch
   * runs through the parent's end tag, which starts there: that end tag must close the parent (and
   * closes what is still open inside, as in a whole parse), and nothing may follow it. The nodes are `parent`'s
   * children in the tree this returns into (see reparse.ts); `parent` itself is not changed. Which of the
   * problems the stretch alone can decide is reparse.ts's to judge.
   */
  parseFragment(parent: ElementNode, start: number, endTagStart?: number): Fragment | undefined {
    const standIn = new ElementNode(parent.name, parent.parent, parent.start, parent.nameEnd);
    standIn.startTagClosed = true;
    this.stack.push(standIn);
    this.pos = start;
    this.scan();
    if (this.pos !== this.limit) return undefined;
    if (endTagStart !== undefined) {
      // The parent's end tag was read: it must be the one that closed the stand-in, at its place.
      if (this.stack.length !== 0 || standIn.endTagStart !== endTagStart || standIn.endTagEnd !== this.limit) return undefined;
    } else if (this.stack[0] !== standIn) {
      return undefined;
    } else if (this.stack.length !== 1) {
      return 'left open';
    }
    const nodes = standIn.children === NO_CHILDREN ? [] : standIn.children;
    for (let i = 0; i < nodes.length; i++) nodes[i]!.parent = parent;
    return { nodes, problems: this.problems };
  }

  private get current(): ElementNode | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** `span` becomes the problem's own (every caller makes it for the call: a node's span getter or a literal). */
  private problem(code: XmlProblemCode, message: string, span: Span): XmlProblem | undefined {
    if (this.muted) return undefined;
    const problem = { code, message, span };
    this.problems.push(problem);
    return problem;
  }

  private append(node: XmlNode): void {
    const parent = this.current;
    if (parent) {
      pushChild(parent, node);
    } else {
      this.nodes.push(node);
    }
  }

  /** Whether text[start, end) holds an '&'. Amortised linear: the search never goes back. */
  private hasAmpersand(start: number, end: number): boolean {
    if (this.nextAmpersand < start) {
      const found = this.text.indexOf('&', start);
      this.nextAmpersand = found < 0 ? this.text.length : found;
    }
    return this.nextAmpersand < end;
  }

  /**
   * The first '<' at or after `start` (text.length when none). Amortised linear, as hasAmpersand: attribute
   * values are scanned forward, and a tag of 262,000 attributes with no '<' after it searched the rest
   * of the text for each (the fuzzer's 2.6 MB case took 8 s).
   */
  private lessThanFrom(start: number): number {
    if (this.nextLessThan < start) {
      const found = this.text.indexOf('<', start);
      this.nextLessThan = found < 0 ? this.text.length : found;
    }
    return this.nextLessThan;
  }

  private scanMarkup(): void {
    const { text } = this;
    const next = text.charCodeAt(this.pos + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', this.pos)) {
        this.scanDelimited('comment', '-->', 'unterminated-comment', 'The comment is not closed with -->.');
      } else if (text.startsWith('<![CDATA[', this.pos)) {
        this.scanDelimited('cdata', ']]>', 'unfinished-tag', 'The CDATA section is not closed with ]]>.');
      } else {
        this.scanDoctype();
      }
    } else if (next === 0x3f /* ? */) {
      this.scanDelimited('pi', '?>', 'unfinished-tag', 'The processing instruction is not closed with ?>.');
    } else if (next === SLASH) {
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
    this.append(new OpaqueNode(kind, start, end, this.current));
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
    this.append(new OpaqueNode('doctype', start, end, this.current));
    this.pos = end;
  }

  private scanText(): void {
    const { text } = this;
    const start = this.pos;
    let end = text.indexOf('<', start);
    if (end < 0) end = text.length;
    this.pos = end;
    let decoded: string | undefined;
    if (this.hasAmpersand(start, end)) {
      const raw = text.slice(start, end);
      decoded = decodeEntities(raw, start, (span, message) => this.problem('bad-entity', message, span));
    }
    const parent = this.current;
    if (!parent) {
      const raw = text.slice(start, end);
      const trimmedStart = start + (raw.length - raw.trimStart().length);
      if (raw.trim() !== '') {
        this.problem('text-outside-root', 'Text outside the root element.', {
          start: trimmedStart,
          end: start + raw.trimEnd().length,
        });
      }
      return;
    }
    pushChild(parent, new TextNode(text, start, end, parent, decoded));
  }

  /**
   * Reads a name at pos; returns where it ends (pos itself when there is none). `wideName` says whether
   * it holds a code unit beyond ASCII, which checkName then judges.
   */
  private readName(): number {
    const { text } = this;
    const length = text.length;
    let pos = this.pos;
    let wide = false;
    if (pos < length && isNameStart(text.charCodeAt(pos))) {
      wide = text.charCodeAt(pos) >= 128;
      for (pos++; pos < length; pos++) {
        const c = text.charCodeAt(pos);
        if (c < 128) {
          if ((ASCII[c]! & 2) === 0) break;
        } else if (c >= 0xc0 || c === 0xb7) {
          wide = true;
        } else {
          break;
        }
      }
    }
    this.wideName = wide;
    this.pos = pos;
    return pos;
  }

  /** After readName, in a start tag: a problem at the first character of the name that XML does not allow there. */
  private checkName(start: number, end: number, what: string): void {
    if (!this.wideName) return;
    const bad = badNameCharacter(this.text, start, end);
    if (bad < 0) return;
    const code = this.text.codePointAt(bad)!;
    const width = code > 0xffff ? 2 : 1;
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    this.problem(
      'invalid-name',
      `${what} ${this.text.slice(start, end)} holds U+${hex}, which XML does not allow ${bad === start ? 'to start a name' : 'in a name'}.`,
      { start: bad, end: bad + width },
    );
  }

  private skipWhitespace(): void {
    const { text } = this;
    const length = text.length;
    let pos = this.pos;
    while (pos < length && isWhitespace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  private scanStartTag(): void {
    const { text } = this;
    const tagStart = this.pos;
    this.pos++;
    const nameStart = this.pos;
    const nameEnd = this.readName();
    if (nameStart === nameEnd) {
      // A lone '<' (often the start of typing a tag): keep it as text so the tree stays intact.
      this.problem('invalid-name', "'<' must start a tag name; write &lt; for a literal '<'.", {
        start: tagStart,
        end: tagStart + 1,
      });
      const parent = this.current;
      if (parent) pushChild(parent, new TextNode(text, tagStart, this.pos, parent, '<'));
      return;
    }
    this.checkName(nameStart, nameEnd, 'The element name');
    const parent = this.current;
    const element = new ElementNode(NAMES.get(this.text, nameStart, nameEnd), parent, tagStart, nameEnd);
    this.scanAttributes(element);
    element.tagEnd = this.pos;
    element.end = this.pos;
    if (!element.startTagClosed) {
      this.problem('unfinished-tag', `The start tag <${element.name}> is not finished: expected '>' or '/>'.`, element.nameSpan);
    }

    if (!parent) {
      if (this.root) {
        this.problem('multiple-roots', `A document has one root element; <${element.name}> is a second one.`, element.nameSpan);
      } else {
        this.root = element;
      }
    }
    this.append(element);
    if (!element.selfClosing) {
      this.stack.push(element);
      if (this.openCounts) this.openCounts.set(element.name, (this.openCounts.get(element.name) ?? 0) + 1);
      else if (this.stack.length >= DEEP_STACK) this.countOpen();
    }
  }

  /**
   * A start tag's attributes. From its first unexpected character on, the tag is one problem running to
   * its end: what follows is a guess at what was meant (libxml2 stops there), so it is not reported bit by
   * bit (a tag of megabytes of `;&amp;` made four problems per entity: the fuzzer's seed 10101), and the
   * rules, which leave what a problem touches, do not judge its attributes. They are still read.
   */
  private scanAttributes(element: ElementNode): void {
    this.scanAttributeList(element);
    const broken = this.muted;
    this.muted = undefined;
    this.attributeNames = undefined;
    if (!broken) return;
    let end = element.startTagClosed ? this.pos - (element.selfClosing ? 2 : 1) : this.pos;
    while (end > broken.span.end && isWhitespace(this.text.charCodeAt(end - 1))) end--;
    if (end <= broken.span.end) return;
    broken.span.end = end;
    broken.message += ' The rest of the tag is not checked until it is removed.';
  }

  private scanAttributeList(element: ElementNode): void {
    const { text } = this;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= text.length) return;
      const c = text.charCodeAt(this.pos);
      if (c === GT) {
        this.pos++;
        element.startTagClosed = true;
        return;
      }
      if (c === SLASH && text.charCodeAt(this.pos + 1) === GT) {
        this.pos += 2;
        element.startTagClosed = true;
        element.selfClosing = true;
        return;
      }
      if (c === LT) return;
      const nameStart = this.pos;
      const nameEnd = this.readName();
      if (nameStart === nameEnd) {
        this.muted ??= this.problem('invalid-name', `Unexpected '${text[this.pos]}' in the start tag of <${element.name}>.`, {
          start: this.pos,
          end: this.pos + 1,
        });
        this.pos++;
        continue;
      }
      this.checkName(nameStart, nameEnd, 'The attribute name');
      this.scanAttribute(element, nameStart, nameEnd);
    }
  }

  private scanAttribute(element: ElementNode, nameStart: number, nameEnd: number): void {
    const { text } = this;
    const name = NAMES.get(this.text, nameStart, nameEnd);
    const attribute = new AttributeNode(name, nameStart, nameEnd);
    let repeated = false;
    if (element.attributes === NO_ATTRIBUTES) {
      element.attributes = [attribute];
    } else {
      repeated = this.repeatsName(element.attributes, name);
      element.attributes.push(attribute);
    }

    const afterName = this.pos;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== EQUALS) {
      // A name without '=' is one mistake, not also a repeat: libxml2 stops at it ("Specification mandates value").
      this.pos = afterName;
      this.problem('missing-attribute-value', this.noValueMessage(name), attribute.nameSpan);
      return;
    }
    if (repeated) this.problem('duplicate-attribute', `Attribute '${name}' is given twice on <${element.name}>.`, attribute.nameSpan);
    this.pos++;
    this.skipWhitespace();
    const quote = text.charCodeAt(this.pos);
    if (quote === QUOTE || quote === APOSTROPHE) {
      this.scanQuotedValue(attribute, quote === QUOTE ? '"' : "'");
    } else {
      this.scanUnquotedValue(attribute);
    }
    attribute.end = this.pos;
  }

  /** The message of a name without a value, the last one reused while the name repeats (a tag of 730,000 copies of one name made a string each). */
  private noValueMessage(name: string): string {
    if (this.lastNoValue?.name !== name) this.lastNoValue = { name, message: `Attribute '${name}' has no value: write ${name}='...'.` };
    return this.lastNoValue.message;
  }

  /** Whether `name` is among `attributes` (names are interned): a search of them, or of a set once there are many, so a tag of many attributes stays linear. */
  private repeatsName(attributes: readonly { name: string }[], name: string): boolean {
    if (attributes.length < MANY_ATTRIBUTES) return attributes.some((other) => other.name === name);
    if (!this.attributeNames) this.attributeNames = new Set(attributes.map((other) => other.name));
    const repeated = this.attributeNames.has(name);
    this.attributeNames.add(name);
    return repeated;
  }

  private scanQuotedValue(attribute: AttributeNode, quote: '"' | "'"): void {
    const { text } = this;
    const valueStart = this.pos + 1;
    const close = text.indexOf(quote, valueStart);
    const lt = this.lessThanFrom(valueStart);
    let valueEnd: number;
    if (close >= 0 && close < lt) {
      valueEnd = close;
      this.pos = close + 1;
      attribute.valueClosed = true;
    } else {
      // The closing quote is missing: the value most likely stops where the tag does.
      const limit = lt;
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
    this.setValue(attribute, valueStart, valueEnd);
  }

  private scanUnquotedValue(attribute: AttributeNode): void {
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
    this.setValue(attribute, valueStart, this.pos);
  }

  private setValue(attribute: AttributeNode, start: number, end: number): void {
    const raw = this.ownValues ? ownCopy(this.text, start, end) : this.text.slice(start, end);
    attribute.rawValue = raw;
    attribute.valueStart = start;
    attribute.valueEnd = end;
    attribute.value = this.hasAmpersand(start, end) ? decodeEntities(raw, start, (at, message) => this.problem('bad-entity', message, at)) : raw;
  }

  private scanEndTag(): void {
    const { text } = this;
    const tagStart = this.pos;
    this.pos += 2;
    const nameStart = this.pos;
    const nameEnd = this.readName();
    const name = NAMES.get(this.text, nameStart, nameEnd);
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === GT) {
      this.pos++;
    } else {
      this.problem('unfinished-tag', `The end tag </${name}> is not finished: expected '>'.`, {
        start: tagStart,
        end: nameEnd,
      });
    }
    const tagEnd = this.pos;

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
      // Usually the end tag closes the top element and nothing is cut: setting length would still take V8's slow path.
      if (this.stack.length !== depth + 1) this.truncateStack(depth + 1);
      this.closeTop(tagStart, tagEnd, nameEnd);
      return;
    }

    const selfClosed = this.selfClosedSibling(name);
    if (selfClosed) {
      const slash = { start: selfClosed.tagEnd - 2, end: selfClosed.tagEnd };
      this.problem(
        'children-after-self-closed',
        `<${name}/> is self-closed, so what follows it is not inside it and </${name}> closes nothing. ` +
          `Remove the '/' to make it hold what comes before </${name}>.`,
        slash,
      );
      return;
    }

    const top = this.current;
    if (top && top.endTagStart < 0 && isSimilarName(top.name, name)) {
      const nameSpan = { start: nameStart, end: nameEnd };
      this.problem('mismatched-end-tag', `</${name}> does not match <${top.name}>.`, nameStart === nameEnd ? { start: tagStart, end: tagEnd } : nameSpan);
      this.closeTop(tagStart, tagEnd, nameEnd);
      return;
    }
    this.problem('stray-end-tag', `</${name}> closes no open element.`, { start: tagStart, end: tagEnd });
  }

  private findOpen(name: string): number {
    // In a deep stack, a name that is not open is known at once; one that is gets found and closed, once.
    if (this.openCounts && !this.openCounts.get(name)) return -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.name === name) return i;
    }
    return -1;
  }

  /**
   * The guide's `<hugepages/> <page .../> </hugepages>`: a self-closed sibling with the end tag's name
   * (the last sibling of that name, when it is self-closed). Asked only for an end tag that closes
   * nothing; the siblings are indexed by name as they are met, so a file of thousands of stray end tags
   * among thousands of siblings stays linear.
   */
  private selfClosedSibling(name: string): ElementNode | undefined {
    const parent = this.current;
    const siblings = parent ? parent.children : this.nodes;
    const lastNamed = (this.lastNamed ??= new Map());
    let index = lastNamed.get(parent);
    if (!index) {
      index = { upTo: 0, last: new Map() };
      lastNamed.set(parent, index);
    }
    // Children are only ever appended: index the ones added since the last time.
    for (; index.upTo < siblings.length; index.upTo++) {
      const node = siblings[index.upTo]!;
      if (node instanceof ElementNode) index.last.set(node.name, node);
    }
    const node = index.last.get(name);
    return node?.selfClosing ? node : undefined;
  }

  private closeTop(tagStart: number, tagEnd: number, nameEnd: number): void {
    const element = this.stack.pop();
    if (!element) return;
    if (this.openCounts) this.uncount(element);
    element.endTagStart = tagStart;
    element.endTagEnd = tagEnd;
    element.endNameEnd = nameEnd;
    this.finishElement(element, tagEnd);
  }

  /** Counts the open elements by name, from the stack: called when it gets deep. */
  private countOpen(): void {
    const counts = new Map<string, number>();
    for (const element of this.stack) counts.set(element.name, (counts.get(element.name) ?? 0) + 1);
    this.openCounts = counts;
  }

  private uncount(element: ElementNode): void {
    const counts = this.openCounts!;
    counts.set(element.name, counts.get(element.name)! - 1);
    if (this.stack.length < SHALLOW_STACK) this.openCounts = undefined;
  }

  private truncateStack(length: number): void {
    if (this.openCounts) {
      for (let i = this.stack.length - 1; i >= length; i--) {
        const counts = this.openCounts;
        const name = this.stack[i]!.name;
        counts.set(name, counts.get(name)! - 1);
      }
    }
    this.stack.length = length;
    if (length < SHALLOW_STACK) this.openCounts = undefined;
  }

  private finishElement(element: ElementNode, end: number): void {
    element.end = Math.max(end, element.tagEnd);
  }

  private lastEnd(element: ElementNode): number {
    const last = element.children[element.children.length - 1];
    return last ? last.span.end : element.tagEnd;
  }
}

function pushChild(parent: ElementNode, node: XmlNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [node];
  else parent.children.push(node);
}
