import type { XmlAttribute, XmlDocument, XmlElement } from '../../xml/types';
import type { Deriver } from './derive';
import { expectedAt, requiredAttributes } from './expected';
import type { CompiledGrammar } from './load';
import { describeNameClass, listedNames, type QualifiedName } from './nameClass';
import { isNamespaceDeclaration, NamespaceScope } from './namespaces';
import { Kind, type Pattern } from './pattern';
import { SubtreeMemo } from './subtreeMemo';
import { derived } from '../../core/derived';
import { attributeName, attributeValue, deriveSubtree, elementName, MAX_DEPTH } from './validate';

/** What the schema allows at an element, given everything the document says before that point. */
export interface AllowedHere {
  /** Attributes the element may still take: those it does not have yet and that fit what it has. */
  attributes: string[];
  /** The same attributes, each with what it takes here. */
  attributeChoices: AllowedAttribute[];
  /** Elements that may come next inside it, after its first `children` child elements. */
  elements: string[];
  /** The same elements that have a name the document can write, each with the attributes it needs there. */
  elementChoices: AllowedElement[];
  /** Values its text may be (`'vnc'`), or a type (`a unsignedInt`); empty when it takes no text. */
  values: string[];
  /** Whether any text goes. */
  text: boolean;
}

/** An attribute an element may take here. */
export interface AllowedAttribute {
  /** As the document would write it. */
  name: string;
  /** Whether the element needs it, in every form that fits what it has. */
  required: boolean;
  /** The values the schema lists for it here, in the schema's order. */
  values: string[];
  /** Whether it also takes values other than those (a datatype, any text). */
  open: boolean;
}

/** An element that may come next. */
export interface AllowedElement {
  /** As the document would write it. */
  name: string;
  /** The attributes it needs in every form it may take here (in no namespace), sorted. */
  requiredAttributes: string[];
}

export interface AllowedOptions {
  /** Only the element's first `children` child elements count (those before the cursor). */
  children?: number;
  /** One of the element's attributes left out, as though not written (the one being typed). */
  leaveOut?: XmlAttribute;
}

/**
 * What the answers of one validator remember between calls: derivatives by whole subtrees (found again
 * by their text on the next keystroke's tree) and what each pair of patterns allows. Both hold patterns,
 * so they are cleared when the pattern table starts afresh.
 */
export class AllowedMemo {
  readonly subtrees = new SubtreeMemo();
  private described = new Map<string, Described>();
  /** Lenient ends of start tags (not memoized by the deriver): an attribute left out is often a required one. */
  private closed = new Map<Pattern, Pattern>();

  clear(): void {
    this.subtrees.clear();
    this.described = new Map();
    this.closed = new Map();
  }

  closeLeniently(deriver: Deriver, pattern: Pattern): Pattern {
    let found = this.closed.get(pattern);
    if (!found) {
      if (this.closed.size >= 5_000) this.closed = new Map();
      found = deriver.startTagCloseLeniently(pattern);
      this.closed.set(pattern, found);
    }
    return found;
  }

  describe(attributesPart: Pattern, contentPart: Pattern): Described {
    const key = `${attributesPart.id} ${contentPart.id}`;
    let found = this.described.get(key);
    if (!found) {
      if (this.described.size >= 5_000) this.described = new Map();
      found = describe(attributesPart, contentPart);
      this.described.set(key, found);
    }
    return found;
  }
}

/**
 * What may be written at an element, per variant: the derivatives of the schema by everything before
 * it (its ancestors' attributes and earlier children, its own attributes) leave only the forms that
 * fit, so after `<disk type='file'>` its `<source>` takes `file`, not `dev`. An attribute or element
 * the schema refuses where it is is passed over as though absent; an element with mistakes inside
 * counts as present. Undefined when the element cannot be placed at all (its name is not allowed
 * where it is). With a memo, elements before it whose text was seen before are not derived again.
 */
export function allowedAt(grammar: CompiledGrammar, deriver: Deriver, xml: XmlDocument, element: XmlElement, options: AllowedOptions = {}, memo?: AllowedMemo): AllowedHere | undefined {
  const { children = Infinity, leaveOut } = options;
  const path: XmlElement[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) path.unshift(at);
  // libxml2 does not read a document nested that deep (nor can the derivatives' recursion follow it).
  if (path[0] !== xml.root || nestingDepth(xml) > MAX_DEPTH) return undefined;
  const closeLeniently = (p: Pattern): Pattern => (memo ? memo.closeLeniently(deriver, p) : deriver.startTagCloseLeniently(p));
  let pattern = grammar.start;
  let scope = NamespaceScope.ROOT;
  for (let level = 0; level < path.length; level++) {
    const current = path[level]!;
    scope = scope.enter(current);
    pattern = deriver.startTagOpen(pattern, elementName(current, scope));
    if (pattern.kind === Kind.NotAllowed) return undefined;
    for (const attribute of current.attributes) {
      if (attribute === leaveOut || isNamespaceDeclaration(attribute.name)) continue;
      const next = deriver.attribute(pattern, attributeName(attribute, scope), attributeValue(attribute));
      if (next.kind !== Kind.NotAllowed) pattern = next;
    }
    const target = current === element;
    const beforeClose = pattern;
    const closed = deriver.startTagClose(pattern);
    pattern = closed.kind !== Kind.NotAllowed ? closed : closeLeniently(pattern);
    const before = childrenBefore(current, target ? undefined : path[level + 1], target ? children : Infinity);
    if (before.length > 0) {
      // A child with mistakes inside still stands where it is: its name counts, its content does not.
      const step = (from: Pattern, index: number, derived: Pattern): Pattern => {
        if (derived.kind !== Kind.NotAllowed) return derived;
        const child = before[index]!;
        const opened = deriver.startTagOpen(from, elementName(child, scope.enter(child)));
        return opened.kind === Kind.NotAllowed ? from : deriver.endTagLeniently(closeLeniently(opened));
      };
      if (memo) pattern = memo.subtrees.run(deriver, xml.text, pattern, before, scope, step);
      else for (let index = 0; index < before.length; index++) pattern = step(pattern, index, deriveSubtree(deriver, xml.text, pattern, before[index]!, scope));
    }
    if (target) return written(memo ? memo.describe(beforeClose, pattern) : describe(beforeClose, pattern), current, leaveOut, scope);
  }
  return undefined;
}

/**
 * How deep the document's elements nest (the root alone: 1), worked out once per tree, without recursion
 * and without an object per element (every keystroke's tree is walked once: a 2,000-line domain's
 * thousands of elements had each made one, which the next collection had to sweep).
 */
const nestingDepth = derived((xml: XmlDocument): number => {
  if (!xml.root) return 0;
  // The open elements from the root down, and for each the index of its next child to look at.
  const open: XmlElement[] = [xml.root];
  const next: number[] = [0];
  let deepest = 1;
  while (open.length > 0) {
    const top = open.length - 1;
    const children = open[top]!.children;
    let index = next[top]!;
    while (index < children.length && children[index]!.kind !== 'element') index++;
    if (index === children.length) {
      open.pop();
      next.pop();
      continue;
    }
    next[top] = index + 1;
    open.push(children[index] as XmlElement);
    next.push(0);
    if (open.length > deepest) deepest = open.length;
  }
  return deepest;
});

/** The child elements of `element` before `stopAt`, at most `limit` of them. */
function childrenBefore(element: XmlElement, stopAt: XmlElement | undefined, limit: number): XmlElement[] {
  const found: XmlElement[] = [];
  // Indexed: an unoptimized for-of makes an object per child, and this runs on every completion.
  const children = element.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.kind !== 'element') continue;
    if (child === stopAt || found.length >= limit) break;
    found.push(child);
  }
  return found;
}

/** What a pair of patterns allows, names unprefixed: the same for every element in that state. */
interface Described {
  attributes: { names: QualifiedName[]; open: boolean; label: string; required: boolean; values: string[]; valuesOpen: boolean }[];
  elements: { names: QualifiedName[]; open: boolean; label: string; required: string[] }[];
  values: string[];
  text: boolean;
}

function describe(attributesPart: Pattern, contentPart: Pattern): Described {
  const required = new Set(requiredAttributes(attributesPart));
  const content = expectedAt(contentPart);
  return {
    attributes: expectedAt(attributesPart).attributes.map((attribute) => {
      const taken = expectedAt(attribute.a!);
      const values = taken.values.filter((value) => value.kind === Kind.Value).map((value) => value.value!);
      return {
        ...listedNames(attribute.names!),
        label: describeNameClass(attribute.names!),
        required: required.has(attribute),
        values,
        valuesOpen: taken.text || values.length < taken.values.length,
      };
    }),
    elements: content.elements.map((child) => ({ ...listedNames(child.names!), label: describeNameClass(child.names!), required: child.content ? plainNames(requiredAttributes(child.content)) : [] })),
    values: unique(content.values.map((value) => (value.kind === Kind.Value ? `'${value.value}'` : `a ${value.value}`))),
    text: content.text,
  };
}

/** What is allowed, the names as this element would write them, less the attributes it has. */
function written(described: Described, element: XmlElement, leaveOut: XmlAttribute | undefined, scope: NamespaceScope): AllowedHere {
  const has = new Set(element.attributes.filter((attribute) => attribute !== leaveOut).map((attribute) => attribute.name));
  const choices = new Map<string, AllowedAttribute>();
  const labels: string[] = [];
  for (const attribute of described.attributes) {
    const names = attribute.names.map((name) => qualified(name, element, scope, true));
    labels.push(attribute.open || names.length !== 1 ? attribute.label : names[0]!);
    for (const name of names) {
      if (has.has(name)) continue;
      const known = choices.get(name);
      if (!known) choices.set(name, { name, required: attribute.required, values: [...attribute.values], open: attribute.valuesOpen });
      else {
        // The same name in several patterns (several forms still fit): it takes what any of them takes.
        known.required &&= attribute.required;
        for (const value of attribute.values) if (!known.values.includes(value)) known.values.push(value);
        known.open ||= attribute.valuesOpen;
      }
    }
  }
  // Open name classes (any element, any in a namespace) are named as a whole.
  const elements = described.elements.flatMap((child) => [...(child.open ? [child.label] : []), ...child.names.map((name) => qualified(name, element, scope, false))]);
  const elementChoices = new Map<string, AllowedElement>();
  for (const child of described.elements) {
    for (const listed of child.names) {
      const name = qualified(listed, element, scope, false);
      if (name.startsWith('{')) continue;
      const known = elementChoices.get(name);
      // Several forms of one name may still come (several variants fit): it needs what all of them need.
      if (known) known.requiredAttributes = known.requiredAttributes.filter((attribute) => child.required.includes(attribute));
      else elementChoices.set(name, { name, requiredAttributes: [...child.required] });
    }
  }
  return {
    attributes: unique(labels.filter((label) => !has.has(label))),
    attributeChoices: [...choices.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    elements: unique(elements),
    elementChoices: [...elementChoices.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    values: described.values,
    text: described.text,
  };
}

/**
 * A name as written inside `element`: with the prefix its namespace is bound to there, `{ns}local`
 * when none is. An attribute in no namespace has no prefix; an element in the default namespace neither.
 */
function qualified(name: QualifiedName, element: XmlElement, scope: NamespaceScope, attribute: boolean): string {
  if (name.ns === '' && (attribute || scope.uri('') === '')) return name.local;
  if (!attribute && scope.uri('') === name.ns) return name.local;
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    for (const declaration of at.attributes) {
      if (!declaration.name.startsWith('xmlns:') || declaration.value !== name.ns) continue;
      const prefix = declaration.name.slice(6);
      if (scope.uri(prefix) === name.ns) return `${prefix}:${name.local}`;
    }
  }
  return `{${name.ns}}${name.local}`;
}

/** The names of attribute patterns that name one attribute in no namespace, sorted. */
function plainNames(attributes: readonly Pattern[]): string[] {
  return unique(attributes.flatMap((attribute) => (attribute.names!.kind === 'name' && attribute.names!.ns === '' ? [attribute.names!.local] : [])));
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}
