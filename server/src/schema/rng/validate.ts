import { LineStarts } from '../../core/lineStarts';
import { decodeEntities } from '../../xml/entities';
import { nameEnd } from '../../xml/names';
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from '../../xml/types';
import type { SchemaError, SchemaMessageKind } from '../types';
import { resolvedName, isWhitespace, type Deriver, type ResolvedName } from './derive';
import { MAX_REMEMBERED_ELEMENT, type ElementMemo } from './elementMemo';
import { expectedAt, requiredAttributes, requiredElements } from './expected';
import type { CompiledGrammar } from './load';
import { containsName, describeNameClass } from './nameClass';
import { isNamespaceDeclaration, NamespaceScope, splitQName } from './namespaces';
import type { Libxml2Interleaves } from './libxml2Interleave';
import { Kind, type Entered, type Pattern } from './pattern';

/** libxml2 refuses documents nested deeper than this (its parser's default limit). */
export const MAX_DEPTH = 256;
/** Errors past this many are not reported: the first ones say what is wrong. */
const MAX_ERRORS = 50;
/** Names or values listed in one message at most. */
const MAX_LISTED = 12;
/** Characters XML forbids anywhere in a document. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every character FORBIDDEN_CHARACTER could match, surrogates paired or not: one class, tested first (a text without any needs no more). */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

interface Frame {
  element: XmlElement;
  /** What the element has left to match, its parent's part kept apart in `entered.rests`. */
  pattern: Pattern;
  entered: Entered;
  scope: NamespaceScope;
  next: number;
  /**
   * Whether an element child has been met: at the end, whether the element has any, and its white-space
   * text between them is then ignored (at a child element, it has one).
   */
  hasElements: boolean;
  /** Text gathered since the last child element (CDATA sections included, comments and PIs skipped). */
  text: string;
  /** The node that text starts in (its place is worked out only for a message). */
  textNode: XmlNode | undefined;
  /** For elements libxml2's interleave bookkeeping may judge otherwise: their element children, and their names. */
  children: { name: ResolvedName; elements: XmlElement[]; names: ResolvedName[]; errorsBefore: number } | undefined;
  /** The element's text, when its outcome is to be remembered (ElementMemo) if it is judged without a mistake. */
  memoText: string | undefined;
  /** The errors reported before the element's start tag was read: the element was judged without a mistake if there are no more at its end. */
  errorsBefore: number;
  /** How many levels the element nests so far, itself included. */
  height: number;
}

/**
 * Validates the tree the project's parser built against a compiled grammar, by derivatives, and says
 * where each mistake is: the element, attribute or text at which the pattern became notAllowed, with
 * what would have been accepted there. After a mistake it goes on as though the offending node were
 * absent (or the missing part present), so one mistake gives one error.
 */
export function validateTree(grammar: CompiledGrammar, deriver: Deriver, quirks: Libxml2Interleaves, xml: XmlDocument, memo?: ElementMemo): SchemaError[] {
  return new TreeWalk(grammar, deriver, quirks, xml, memo).run();
}

class TreeWalk {
  private readonly errors: SchemaError[] = [];
  /** The frames of the open elements, by depth; a frame is reused by the next element at its depth. */
  private readonly frames: Frame[] = [];
  private lines: LineStarts | undefined;

  constructor(
    private readonly grammar: CompiledGrammar,
    private readonly deriver: Deriver,
    private readonly quirks: Libxml2Interleaves,
    private readonly xml: XmlDocument,
    private readonly memo: ElementMemo | undefined,
  ) {}

  run(): SchemaError[] {
    const { xml } = this;
    const root = xml.root;
    if (xml.problems.length > 0 || !root) {
      return (xml.problems.length > 0 ? xml.problems : [{ message: 'The document has no element.', span: { start: 0, end: 0 } }]).map((problem) =>
        this.notWellFormed(problem.span.start, problem.message),
      );
    }
    const forbidden = MAYBE_FORBIDDEN.test(xml.text) ? FORBIDDEN_CHARACTER.exec(xml.text) : null;
    if (forbidden) {
      const code = xml.text.charCodeAt(forbidden.index).toString(16).toUpperCase().padStart(4, '0');
      return [this.notWellFormed(forbidden.index, `The character U+${code} is not allowed in an XML document.`)];
    }
    // A byte order mark is allowed once, first; anywhere else outside the root it is text outside it.
    for (let bom = xml.text.indexOf('\uFEFF', 1); bom >= 0; bom = xml.text.indexOf('\uFEFF', bom + 1)) {
      if (bom < root.span.start || bom >= root.span.end) return [this.notWellFormed(bom, 'A byte order mark (U+FEFF) outside the root element that is not the first character: text outside the root element.')];
    }
    const outside = this.textOutsideRoot();
    if (outside !== undefined) return [this.notWellFormed(outside, 'Only white space (space, tab, line ends) may stand outside the root element.')];
    const declaration = this.misplacedDeclaration(root);
    if (declaration !== undefined) return [this.notWellFormed(declaration, "'<!' starts a comment, a CDATA section or, before the root element only, a DOCTYPE: nothing else.")];
    const cdataEnd = this.cdataEndInText(root);
    if (cdataEnd !== undefined) return [this.notWellFormed(cdataEnd, "']]>' in text: XML allows it only to end a CDATA section; write ]]&gt;.")];
    const hyphens = this.doubleHyphenInComment();
    if (hyphens !== undefined) return [this.notWellFormed(hyphens, "'--' inside a comment: XML allows two hyphens in a row only in the '<!--' and '-->' that open and close it (and no '-' just before the '-->').")];
    const instruction = this.badProcessingInstruction();
    if (instruction !== undefined) return [this.notWellFormed(instruction.at, instruction.message)];
    const scope = NamespaceScope.ROOT.enter(root);
    const unparted = this.attributesNotParted(root);
    if (unparted) return [unparted];
    const name = elementName(root, scope);
    const entered = this.deriver.enterElement(this.grammar.start, name);
    if (entered.content.kind === Kind.NotAllowed) {
      const allowed = elementNames(expectedAt(this.grammar.start).elements);
      this.report(root, 'wrong-element', `The root element must be ${listed(allowed, 'or')}, not <${root.name}>.`, {
        element: root.name,
        ...(allowed.length > 0 ? { expected: allowed[0]!.replace(/^<|>$/g, '') } : {}),
        allowed,
      });
      return this.errors;
    }
    const { frames } = this;
    let depth = 1;
    this.frame(0, root, name, entered, this.startTag(root, entered.content, scope), scope, undefined, 0);
    while (depth > 0 && this.errors.length < MAX_ERRORS) {
      const frame = frames[depth - 1]!;
      const { children } = frame.element;
      if (frame.next < children.length) {
        const child = children[frame.next++]!;
        if (child.kind === 'text') {
          if (frame.text === '') frame.textNode = child;
          frame.text += child.value.includes('\r') ? child.value.replace(/\r\n?/g, '\n') : child.value;
        } else if (child.kind === 'cdata') {
          if (frame.text === '') frame.textNode = child;
          frame.text += this.xml.text.slice(child.span.start + 9, child.span.end - 3);
        } else if (child.kind === 'doctype') {
          return [this.notWellFormed(child.span.start, "'<!' starts a comment or a CDATA section inside an element: nothing else.")];
        } else if (child.kind === 'element') {
          frame.hasElements = true;
          this.flushText(frame, false);
          if (depth >= MAX_DEPTH) return [this.notWellFormed(child.span.start, `The document nests elements deeper than ${MAX_DEPTH} levels, which libxml2 (and so libvirt) refuses to read.`)];
          const childScope = frame.scope.enter(child);
          const childName = elementName(child, childScope);
          const opened = this.deriver.enterElement(frame.pattern, childName);
          // Only where no prefix is declared around it does an element's text alone say what its names are.
          const memoText = this.memo !== undefined && frame.scope === NamespaceScope.ROOT && child.end - child.start <= MAX_REMEMBERED_ELEMENT ? this.xml.text.slice(child.start, child.end) : undefined;
          const known = memoText === undefined ? undefined : this.memo!.find(memoText, opened.content);
          // The same text was judged from the same content without a mistake (its attributes parted too), and would be as deep here.
          if (known !== undefined && depth + known.height <= MAX_DEPTH) {
            if (frame.children) {
              frame.children.elements.push(child);
              frame.children.names.push(childName);
            }
            frame.pattern = this.deriver.leaveElement(known.ended, opened);
            if (frame.height <= known.height) frame.height = known.height + 1;
            continue;
          }
          const unpartedChild = this.attributesNotParted(child);
          if (unpartedChild) return [unpartedChild];
          if (frame.children) {
            frame.children.elements.push(child);
            frame.children.names.push(childName);
          }
          if (opened.content.kind === Kind.NotAllowed) {
            this.misplaced(child, frame);
            continue;
          }
          const errorsBefore = this.errors.length;
          this.frame(depth++, child, childName, opened, this.startTag(child, opened.content, childScope), childScope, memoText, errorsBefore);
        }
        continue;
      }
      this.flushText(frame, true);
      let ended = this.deriver.endTag(frame.pattern);
      if (ended.kind === Kind.NotAllowed) {
        this.incomplete(frame);
        ended = this.deriver.endTagLeniently(frame.pattern);
      }
      if (frame.children && this.errors.length === frame.children.errorsBefore) this.libxml2Interleave(frame);
      if (frame.memoText !== undefined && this.errors.length === frame.errorsBefore) this.memo!.remember(frame.memoText, frame.entered.content, ended, frame.height);
      depth--;
      if (depth > 0) {
        const parent = frames[depth - 1]!;
        parent.pattern = this.deriver.leaveElement(ended, frame.entered);
        if (parent.height <= frame.height) parent.height = frame.height + 1;
      }
    }
    return this.errors;
  }

  /** Sets up the frame at `depth` for an element just entered. */
  /** `errorsBefore`: the errors reported before the element's start tag was read. */
  private frame(depth: number, element: XmlElement, name: ResolvedName, entered: Entered, pattern: Pattern, scope: NamespaceScope, memoText: string | undefined, errorsBefore: number): void {
    // (An element with fewer than three element children is never refused by libxml2Interleave.)
    const children = this.quirks.concerns(name) ? { name, elements: [], names: [], errorsBefore: this.errors.length } : undefined;
    const frame = this.frames[depth];
    if (!frame) {
      this.frames.push({ element, pattern, entered, scope, next: 0, hasElements: false, text: '', textNode: undefined, children, memoText, errorsBefore, height: 1 });
      return;
    }
    frame.element = element;
    frame.pattern = pattern;
    frame.entered = entered;
    frame.scope = scope;
    frame.next = 0;
    frame.hasElements = false;
    frame.text = '';
    frame.textNode = undefined;
    frame.children = children;
    frame.memoText = memoText;
    frame.errorsBefore = errorsBefore;
    frame.height = 1;
  }

  /** A character other than XML white space between the top-level nodes (the tolerant parser takes any JavaScript white space). */
  private textOutsideRoot(): number | undefined {
    const { text, nodes } = this.xml;
    // Gap by gap in document order, one span per top-level node: this runs on every document, mostly
    // while V8 still interprets it, where a list of gaps and destructuring cost more than the scan.
    let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let n = 0; n <= nodes.length; n++) {
      const span = n < nodes.length ? nodes[n]!.span : undefined;
      const to = span ? span.start : text.length;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
      }
      if (span) from = span.end;
    }
    return undefined;
  }

  /** A `<!...>` the tolerant parser kept as a DOCTYPE where XML allows none (inside or after the root, twice, or not DOCTYPE). */
  private misplacedDeclaration(root: XmlElement): number | undefined {
    const { text, nodes } = this.xml;
    let doctypes = 0;
    for (const node of nodes) {
      if (node.kind !== 'doctype') continue;
      doctypes++;
      if (doctypes > 1 || node.span.start > root.span.start || !text.startsWith('<!DOCTYPE', node.span.start)) return node.span.start;
    }
    // One inside the root is met by the walk.
    return undefined;
  }

  /** Where text (outside CDATA sections) holds ']]>', which libxml2's parser refuses. */
  private cdataEndInText(root: XmlElement): number | undefined {
    const { text } = this.xml;
    for (let at = text.indexOf(']]>', root.span.start); at >= 0 && at < root.span.end; at = text.indexOf(']]>', at + 1)) {
      if (this.insideText(root, at)) return at;
    }
    return undefined;
  }

  /**
   * Where a comment holds '--' other than at its ends, or ends in '--->' (XML 1.0's Comment production;
   * libxml2 refuses both, the tolerant parser takes them). Only the places where '--' occurs are looked at.
   */
  private doubleHyphenInComment(): number | undefined {
    const { text, nodes } = this.xml;
    for (let at = text.indexOf('--'); at >= 0; at = text.indexOf('--', at + 1)) {
      const comment = nodeAt(nodes, at);
      if (comment?.kind !== 'comment') continue;
      const { start, end } = comment.span;
      // '<!-->' and '<!--->': the tolerant parser closes them at once, libxml2 reads on to the next '-->'.
      if (end - start < '<!---->'.length) {
        if (text.indexOf('-->', start + 4) < 0) return start;
        continue;
      }
      // The content, between '<!--' and '-->' (an unclosed comment is the parser's problem, met before this).
      const inner = text.slice(start + 4, end - 3);
      const inside = inner.indexOf('--');
      if (inside >= 0) return start + 4 + inside;
      if (inner.endsWith('-')) return end - 4;
      at = end - 1;
    }
    return undefined;
  }

  /**
   * A processing instruction libxml2's parser refuses and the tolerant parser keeps whole: no name (its
   * target) right after '<?', a target neither followed by white space nor by '?>', or 'xml' in any
   * case as a target, which only the XML declaration at the very start of the document may be.
   */
  private badProcessingInstruction(): { at: number; message: string } | undefined {
    const { text, nodes } = this.xml;
    for (let at = text.indexOf('<?'); at >= 0; at = text.indexOf('<?', at + 2)) {
      const node = nodeAt(nodes, at);
      if (node?.kind !== 'pi' || node.span.start !== at) continue;
      const start = at + 2;
      const end = nameEnd(text, start, node.span.end);
      if (end === start) return { at: start, message: "'<?' must be followed by the name of the processing instruction's target." };
      if (end - start === 3 && text.slice(start, end).toLowerCase() === 'xml') {
        const declaration = text.startsWith('xml', start) && at === (text.charCodeAt(0) === 0xfeff ? 1 : 0);
        if (!declaration) return { at: start, message: `'<?${text.slice(start, end)}' may only open the XML declaration, as the very first thing in the document.` };
      }
      const c = text.charCodeAt(end);
      if (!text.startsWith('?>', end) && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        return { at: end, message: `The processing instruction's target ${text.slice(start, end)} must be followed by white space or '?>'.` };
      }
      at = node.span.end - 2;
    }
    return undefined;
  }

  private insideText(element: XmlElement, offset: number): boolean {
    for (const child of element.children) {
      if (offset < child.span.start || offset >= child.span.end) continue;
      if (child.kind === 'text') return true;
      if (child.kind === 'element') return this.insideText(child, offset);
      return false;
    }
    return false;
  }

  private silently(pattern: Pattern, element: XmlElement, outer: NamespaceScope): Pattern {
    return deriveSubtree(this.deriver, this.xml.text, pattern, element, outer);
  }

  /** What the spec accepts but libxml2's interleave bookkeeping refuses (see Libxml2Interleaves). */
  private libxml2Interleave(frame: Frame): void {
    const { name, elements, names } = frame.children!;
    if (!this.quirks.mayRefuse(name, names)) return;
    const parent = frame.element;
    const attributes = parent.attributes.filter((attribute) => !isNamespaceDeclaration(attribute.name));
    const attributeNames = attributes.map((attribute) => attributeName(attribute, frame.scope));
    const refusal = this.quirks.refusal(name, names, attributeNames, (pattern, chain) => {
      if (!chain) return this.silently(pattern, frame.element, frame.scope).nullable;
      let rest = pattern;
      for (const index of chain) {
        rest = this.silently(rest, elements[index]!, frame.scope);
        if (rest.kind === Kind.NotAllowed) return false;
      }
      // Attributes are libxml2's business apart: only the elements are judged here.
      return this.deriver.startTagCloseLeniently(rest).nullable;
    });
    if (refusal === undefined) return;
    if ('attribute' in refusal) {
      const attribute = attributes[refusal.attribute]!;
      this.report(parent, 'invalid-attribute', `libxml2, which libvirt validates with, refuses ${attribute.name}= on <${parent.name}> when its children are in this order, though RelaxNG itself allows both: libxml2 loses its way when elements that belong together (such as <name> and <uuid>) are parted by others, and then leaves ${attribute.name}= unread. Keep them next to each other.`, {
        element: parent.name,
        attribute: attribute.name,
        libxml2Only: true,
      }, attribute.span.start);
      return;
    }
    const child = elements[refusal.child]!;
    this.report(child, 'invalid-sequence', `libxml2, which libvirt validates with, refuses <${child.name}> at this place inside <${parent.name}>, though RelaxNG itself allows this order: libxml2 loses its way when elements that belong together (such as <memory> and <currentMemory>, <on_poweroff> and <on_crash>, <bootloader> and <os>) are parted by others. Keep them next to each other.`, {
      element: child.name,
      parent: parent.name,
      libxml2Only: true,
    });
  }

  /** The attributes of a start tag, then its end. */
  private startTag(element: XmlElement, opened: Pattern, scope: NamespaceScope): Pattern {
    let pattern = opened;
    let refused = false;
    const { attributes } = element;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      if (isNamespaceDeclaration(attribute.name)) continue;
      const name = attributeName(attribute, scope);
      const value = attributeValue(attribute);
      const next = this.deriver.attribute(pattern, name, value);
      if (next.kind === Kind.NotAllowed) {
        this.badAttribute(element, attribute, name, value, pattern);
        refused = true;
      } else {
        pattern = next;
      }
    }
    const closed = this.deriver.startTagClose(pattern);
    if (closed.kind !== Kind.NotAllowed) return closed;
    // An attribute refused here is most often the one missing, misspelt: one mistake, one error.
    if (refused) return this.deriver.startTagCloseLeniently(pattern);
    const missing = requiredAttributes(pattern).map((attribute) => describeNameClass(attribute.names!));
    const open = attributeNames(expectedAt(pattern).attributes);
    const message = missing.length > 0
      ? `<${element.name}> needs the attribute${missing.length > 1 ? 's' : ''} ${listed(missing, 'and')}.`
      : `<${element.name}> lacks an attribute it needs here: one of ${listed(open, 'or')}.`;
    this.report(element, 'invalid-attributes', message, { element: element.name, allowed: missing.length > 0 ? missing : open });
    return this.deriver.startTagCloseLeniently(pattern);
  }

  /** Text gathered in a frame, matched against its pattern: at a child element, or at the end of the element. */
  private flushText(frame: Frame, atEnd: boolean): void {
    const { text } = frame;
    frame.text = '';
    if (frame.hasElements) {
      if (isWhitespace(text)) return;
    } else if (!atEnd) {
      return;
    }
    const next = this.deriver.text(frame.pattern, text);
    if (isWhitespace(text) && !frame.hasElements) {
      // White space alone may be content (a value) or nothing at all (spec 6.2.7).
      if (next.kind !== Kind.NotAllowed) frame.pattern = this.deriver.table.choice(frame.pattern, next);
      return;
    }
    if (next.kind !== Kind.NotAllowed) {
      frame.pattern = next;
      return;
    }
    const expected = expectedAt(frame.pattern);
    const element = frame.element;
    const lenient = this.deriver.textLeniently(frame.pattern);
    if (lenient.kind !== Kind.NotAllowed) frame.pattern = lenient;
    if (expected.values.length > 0 || expected.text) {
      const allowed = valueNames(expected.values);
      this.report(element, 'invalid-value', `<${element.name}> does not take the text '${shorten(text.trim())}'${allowed.length > 0 ? `: it takes ${listed(allowed, 'or')}` : ''}.`, {
        element: element.name,
        value: text.trim(),
        allowed,
      }, frame.textNode?.span.start);
    } else {
      this.report(element, 'unexpected-text', `<${element.name}> takes no text here${expected.elements.length > 0 ? `, only elements (${listed(elementNames(expected.elements), 'or')})` : ''}.`, {
        element: element.name,
      }, frame.textNode?.span.start);
    }
  }

  private misplaced(child: XmlElement, frame: Frame): void {
    const allowed = elementNames(expectedAt(frame.pattern).elements);
    const parent = frame.element;
    this.report(child, 'extra-content', `<${parent.name}> does not take <${child.name}> here${allowed.length > 0 ? `: it takes ${listed(allowed, 'or')} at this point` : ': nothing more is allowed at this point'}.`, {
      parent: parent.name,
      element: child.name,
      allowed,
    });
  }

  private badAttribute(element: XmlElement, attribute: XmlAttribute, name: ResolvedName, value: string, pattern: Pattern): void {
    const candidates = expectedAt(pattern).attributes;
    const named = candidates.filter((candidate) => containsName(candidate.names!, name.ns, name.local));
    let message: string;
    let allowed: string[];
    if (named.length > 0) {
      allowed = valueNames(named.flatMap((candidate) => expectedAt(candidate.a!).values));
      const anyText = named.some((candidate) => expectedAt(candidate.a!).text);
      message = anyText
        ? `<${element.name}> does not take ${attribute.name}='${shorten(value)}' together with its other attributes or content.`
        : `${attribute.name}='${shorten(value)}' is not a value <${element.name}> takes here${allowed.length > 0 ? `: it takes ${listed(allowed, 'or')}` : ''}.`;
    } else {
      allowed = attributeNames(candidates);
      message = `<${element.name}> takes no attribute ${attribute.name} here${allowed.length > 0 ? `: it takes ${listed(allowed, 'and')}` : ''}.`;
    }
    this.report(element, 'invalid-attribute', message, { element: element.name, attribute: attribute.name, value, allowed }, attribute.span.start);
  }

  private incomplete(frame: Frame): void {
    const element = frame.element;
    const expected = expectedAt(frame.pattern);
    if (expected.elements.length > 0) {
      const needed = requiredElements(frame.pattern);
      const allowed = elementNames(needed.length > 0 ? needed : expected.elements);
      this.report(element, 'missing-element', `<${element.name}> is not complete: it needs ${listed(allowed, 'or')} inside it.`, {
        element: allowed[0]!.replace(/^<|>$/g, ''),
        allowed,
      });
    } else {
      const allowed = valueNames(expected.values);
      this.report(element, 'invalid-value', `<${element.name}> cannot be empty: it takes ${allowed.length > 0 ? listed(allowed, 'or') : 'a value'}.`, { element: element.name, allowed });
    }
  }

  /**
   * What libxml2's parser refuses in a start tag that the project's tolerant parser lets through:
   * attributes not parted by white space. Namespace errors (a prefix used without a declaration, one
   * declared empty) are not refused: libxml2 reports them and builds the tree all the same, so xmllint
   * validates it and libvirt defines the domain (libvirt 9.0, checked); see elementName.
   */
  private attributesNotParted(element: XmlElement): SchemaError | undefined {
    const { text } = this.xml;
    const { attributes } = element;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const before = text.charCodeAt(attribute.span.start - 1);
      if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) {
        return this.notWellFormed(attribute.span.start, `The attribute ${attribute.name} of <${element.name}> must be parted from what comes before it by white space.`);
      }
    }
    return undefined;
  }

  private notWellFormed(offset: number, message: string): SchemaError {
    const { line, column } = this.position(offset);
    return { line, column, message, kind: 'not-well-formed' };
  }

  private report(element: XmlElement, kind: SchemaMessageKind, message: string, fields: Partial<SchemaError>, offset = element.span.start): void {
    const { line, column } = this.position(offset);
    this.errors.push({ line, column, message, kind, path: pathOf(element), ...fields });
  }

  private position(offset: number): { line: number; column: number } {
    return (this.lines ??= new LineStarts(this.xml.text)).position(offset);
  }
}

/**
 * The derivative of a pattern by a whole element (its subtree judged too), without reporting anything.
 * `derive` derives each child element: this function again, or allowed.ts's memo of whole subtrees.
 */
export function deriveSubtree(deriver: Deriver, source: string, pattern: Pattern, element: XmlElement, outer: NamespaceScope, derive: SubtreeDeriver = deriveSubtree): Pattern {
  const scope = outer.enter(element);
  let p = deriver.startTagOpen(pattern, elementName(element, scope));
  for (const attribute of element.attributes) {
    if (p.kind === Kind.NotAllowed) return p;
    if (!isNamespaceDeclaration(attribute.name)) p = deriver.attribute(p, attributeName(attribute, scope), attributeValue(attribute));
  }
  p = deriver.startTagClose(p);
  let text = '';
  let hasElements = false;
  for (const child of element.children) if (child.kind === 'element') hasElements = true;
  for (const child of element.children) {
    if (p.kind === Kind.NotAllowed) return p;
    if (child.kind === 'element') {
      if (!isWhitespace(text)) p = deriver.text(p, text);
      text = '';
      p = derive(deriver, source, p, child, scope, derive);
    } else if (child.kind === 'text') {
      text += child.value;
    } else if (child.kind === 'cdata') {
      text += source.slice(child.span.start + 9, child.span.end - 3);
    }
  }
  if (hasElements) {
    if (!isWhitespace(text)) p = deriver.text(p, text);
  } else {
    const after = deriver.text(p, text);
    p = isWhitespace(text) ? deriver.table.choice(p, after) : after;
  }
  return deriver.endTag(p);
}

export type SubtreeDeriver = (deriver: Deriver, source: string, pattern: Pattern, element: XmlElement, outer: NamespaceScope, derive: SubtreeDeriver) => Pattern;

/**
 * An element's name as libxml2 gives it to the schema. A prefix declared nowhere is a namespace error
 * libxml2 reports and reads on: the element is then named by its whole `prefix:local`, in no namespace
 * (xmllint: "Did not expect element q:commandline there"; under an anyName it validates).
 */
export function elementName(element: XmlElement, scope: NamespaceScope): ResolvedName {
  const qname = element.name;
  if (qname.indexOf(':') < 0) return resolvedName(scope.defaultNamespace, qname);
  const { prefix, local } = splitQName(qname);
  const uri = scope.uri(prefix);
  return uri === undefined ? resolvedName('', qname) : resolvedName(uri, local);
}

/** An attribute's name as libxml2 gives it to the schema: with an undeclared prefix, its whole name in no namespace (see elementName). */
export function attributeName(attribute: XmlAttribute, scope: NamespaceScope): ResolvedName {
  if (attribute.name.indexOf(':') < 0) return resolvedName('', attribute.name);
  const { prefix, local } = splitQName(attribute.name);
  const uri = prefix === '' ? '' : scope.uri(prefix);
  return uri === undefined ? resolvedName('', attribute.name) : resolvedName(uri, local);
}

/** The value as an XML parser gives it: literal tabs and line ends become spaces (XML 1.0, 3.3.3), references decoded. */
export function attributeValue(attribute: XmlAttribute): string {
  const raw = attribute.rawValue;
  if (raw === undefined) return attribute.value ?? '';
  if (!hasTabOrLineEnd(raw)) return attribute.value ?? raw;
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '), 0, () => {});
}

function hasTabOrLineEnd(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** libxml2's path of an element: `/domain/devices/disk[2]/source`, a position only where siblings share the name. */
export function pathOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const parent: XmlElement | undefined = at.parent;
    if (!parent) {
      steps.push(at.name);
      break;
    }
    let position = 0;
    let count = 0;
    for (const sibling of parent.children) {
      if (sibling.kind !== 'element' || sibling.name !== at.name) continue;
      count++;
      if (sibling === at) position = count;
    }
    steps.push(count > 1 ? `${at.name}[${position}]` : at.name);
  }
  return `/${steps.reverse().join('/')}`;
}

function elementNames(elements: readonly Pattern[]): string[] {
  return uniqueSorted(elements.map((element) => `<${describeNameClass(element.names!)}>`));
}

function attributeNames(attributes: readonly Pattern[]): string[] {
  return uniqueSorted(attributes.map((attribute) => describeNameClass(attribute.names!)));
}

function valueNames(values: readonly Pattern[]): string[] {
  return uniqueSorted(values.map((value) => (value.kind === Kind.Value ? `'${value.value}'` : `a ${value.value}`)));
}

function uniqueSorted(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}

function listed(names: readonly string[], conjunction: 'and' | 'or'): string {
  if (names.length === 0) return 'nothing';
  const shown = names.slice(0, MAX_LISTED);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} ${conjunction} ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

/**
 * The innermost node whose span holds `offset`, among `nodes` and their descendants. A binary search per
 * level (the nodes are in order and do not overlap): a text with '--' in thousands of values under one
 * element would otherwise scan that element's children once per '--'.
 */
function nodeAt(nodes: readonly XmlNode[], offset: number): XmlNode | undefined {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle]!.span.end <= offset) low = middle + 1;
    else high = middle;
  }
  const node = nodes[low];
  if (!node || node.span.start > offset) return undefined;
  return node.kind === 'element' ? (nodeAt(node.children, offset) ?? node) : node;
}
