import type { XmlDocument, XmlElement } from '../../xml/types';
import type { Deriver } from './derive';
import { expectedAt } from './expected';
import type { CompiledGrammar } from './load';
import { describeNameClass } from './nameClass';
import { isNamespaceDeclaration, NamespaceScope } from './namespaces';
import { Kind, type Pattern } from './pattern';
import { attributeName, attributeValue, deriveSubtree, elementName } from './validate';

/** What the schema allows at an element, given everything the document says before that point. */
export interface AllowedHere {
  /** Attributes the element may still take: those it does not have yet and that fit what it has. */
  attributes: string[];
  /** Elements that may come next inside it, after its first `children` child elements. */
  elements: string[];
  /** Values its text may be (`'vnc'`), or a type (`a unsignedInt`); empty when it takes no text. */
  values: string[];
  /** Whether any text goes. */
  text: boolean;
}

/**
 * What may be written at an element, per variant: the derivatives of the schema by everything before
 * it (its ancestors' attributes and earlier children, its own attributes) leave only the forms that
 * fit, so after `<disk type='file'>` its `<source>` takes `file`, not `dev`. An attribute or element
 * the schema refuses where it is is passed over as though absent; an element with mistakes inside
 * counts as present. Undefined when the element cannot be placed
 * at all (its name is not allowed where it is).
 */
export function allowedAt(grammar: CompiledGrammar, deriver: Deriver, xml: XmlDocument, element: XmlElement, children = Infinity): AllowedHere | undefined {
  const path: XmlElement[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) path.unshift(at);
  if (path[0] !== xml.root) return undefined;
  let pattern = grammar.start;
  let scope = NamespaceScope.ROOT;
  for (let level = 0; level < path.length; level++) {
    const current = path[level]!;
    scope = scope.enter(current);
    pattern = deriver.startTagOpen(pattern, elementName(current, scope));
    if (pattern.kind === Kind.NotAllowed) return undefined;
    for (const attribute of current.attributes) {
      if (isNamespaceDeclaration(attribute.name)) continue;
      const next = deriver.attribute(pattern, attributeName(attribute, scope), attributeValue(attribute));
      if (next.kind !== Kind.NotAllowed) pattern = next;
    }
    const target = current === element;
    const beforeClose = pattern;
    const closed = deriver.startTagClose(pattern);
    pattern = closed.kind === Kind.NotAllowed ? deriver.startTagCloseLeniently(pattern) : closed;
    const stopAt = target ? undefined : path[level + 1];
    let count = 0;
    for (const child of current.children) {
      if (child.kind !== 'element') continue;
      if (child === stopAt || (target && count >= children)) break;
      count++;
      const next = deriveSubtree(deriver, xml.text, pattern, child, scope);
      if (next.kind !== Kind.NotAllowed) {
        pattern = next;
        continue;
      }
      // A child with mistakes inside still stands where it is: its name counts, its content does not.
      const opened = deriver.startTagOpen(pattern, elementName(child, scope.enter(child)));
      if (opened.kind !== Kind.NotAllowed) pattern = deriver.endTagLeniently(deriver.startTagCloseLeniently(opened));
    }
    if (target) return describe(beforeClose, pattern, current);
  }
  return undefined;
}

function describe(attributesPart: Pattern, contentPart: Pattern, element: XmlElement): AllowedHere {
  const written = new Set(element.attributes.map((attribute) => attribute.name));
  const content = expectedAt(contentPart);
  return {
    attributes: unique(expectedAt(attributesPart).attributes.map((attribute) => describeNameClass(attribute.names!)).filter((name) => !written.has(name))),
    elements: unique(content.elements.map((child) => describeNameClass(child.names!))),
    values: unique(content.values.map((value) => (value.kind === Kind.Value ? `'${value.value}'` : `a ${value.value}`))),
    text: content.text,
  };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}
