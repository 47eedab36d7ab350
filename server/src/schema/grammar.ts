import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseXml } from '../xml/parser';
import { attributeValue, childElements, elementText } from '../xml/query';
import type { XmlElement } from '../xml/types';

/** An `<element>` pattern of the schema, with the text of the file it is written in. */
export interface ElementPattern {
  element: XmlElement;
  source: string;
}

/** Patterns that hold no elements: nothing inside them can match one. */
const LEAF_PATTERNS = new Set(['attribute', 'data', 'value', 'text', 'empty', 'notAllowed', 'param']);
/** Patterns this walker does not follow: meeting one means "cannot tell". */
const FOREIGN_PATTERNS = new Set(['parentRef', 'externalRef', 'grammar']);
const ANY_ELEMENT = Symbol('any element');

type Found = ElementPattern | typeof ANY_ELEMENT;

/**
 * Which `<element>` patterns of a RelaxNG schema (the files it includes, its defines) may match an
 * element at a given path of a document. Read with the project's tolerant parser, once per schema.
 */
export class RngGrammar {
  private readonly defines = new Map<string, ElementPattern[]>();
  private readonly starts: ElementPattern[] = [];

  private constructor() {}

  static load(schemaPath: string): RngGrammar {
    const grammar = new RngGrammar();
    grammar.readFile(resolve(schemaPath), new Set());
    return grammar;
  }

  /**
   * The element patterns that may match the element reached by `names` from the root (`['domain',
   * 'devices', 'disk']`), or undefined when the schema leaves it open (anyName, nothing found, ...).
   */
  patternsAt(names: readonly string[]): ElementPattern[] | undefined {
    let current: Found[] = [];
    for (const start of this.starts) this.collect(start, names[0] ?? '', current, new Set());
    for (const name of names.slice(1)) {
      const next: Found[] = [];
      for (const found of current) {
        if (found === ANY_ELEMENT) return undefined;
        for (const child of contentOf(found.element)) this.collect({ element: child, source: found.source }, name, next, new Set());
      }
      current = next;
    }
    if (current.length === 0 || current.includes(ANY_ELEMENT)) return undefined;
    return [...new Set(current as ElementPattern[])];
  }

  private readFile(path: string, seen: Set<string>): void {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    const root = parseXml(source).root;
    if (root?.name === 'grammar') this.readGrammarContent(root, path, source, seen);
  }

  private readGrammarContent(container: XmlElement, path: string, source: string, seen: Set<string>): void {
    for (const child of childElements(container)) {
      if (child.name === 'start') {
        for (const pattern of childElements(child)) this.starts.push({ element: pattern, source });
      } else if (child.name === 'define') {
        const name = attributeValue(child, 'name');
        if (name === undefined) continue;
        const bodies = this.defines.get(name) ?? [];
        for (const pattern of childElements(child)) bodies.push({ element: pattern, source });
        this.defines.set(name, bodies);
      } else if (child.name === 'include') {
        const href = attributeValue(child, 'href');
        if (href !== undefined) this.readFile(resolve(dirname(path), href), seen);
        this.readGrammarContent(child, path, source, seen);
      } else if (child.name === 'div') {
        this.readGrammarContent(child, path, source, seen);
      }
    }
  }

  private collect(pattern: ElementPattern, name: string, out: Found[], followed: Set<string>): void {
    const { element } = pattern;
    if (element.name === 'element') {
      const matches = elementNameMatches(element, name);
      if (matches === 'any') out.push(ANY_ELEMENT);
      else if (matches) out.push(pattern);
      return;
    }
    if (LEAF_PATTERNS.has(element.name)) return;
    if (FOREIGN_PATTERNS.has(element.name)) {
      out.push(ANY_ELEMENT);
      return;
    }
    if (element.name === 'ref') {
      const ref = attributeValue(element, 'name');
      if (ref === undefined || followed.has(ref)) return;
      followed.add(ref);
      for (const body of this.defines.get(ref) ?? []) this.collect(body, name, out, followed);
      return;
    }
    for (const child of childElements(element)) this.collect({ element: child, source: pattern.source }, name, out, followed);
  }
}

/** An `<element>`'s content patterns: its children, less the name class when the name is not an attribute. */
function contentOf(element: XmlElement): XmlElement[] {
  const children = childElements(element);
  return attributeValue(element, 'name') === undefined ? children.slice(1) : children;
}

function elementNameMatches(element: XmlElement, name: string): boolean | 'any' {
  const named = attributeValue(element, 'name');
  if (named !== undefined) return named.trim() === name;
  const nameClass = childElements(element)[0];
  if (nameClass?.name === 'name') return elementText(nameClass)?.value === name;
  return 'any';
}

/** The RelaxNG attributes a copied pattern would inherit from where it is written. */
export function inheritedContext(element: XmlElement): Map<string, string> {
  const context = new Map<string, string>();
  for (let at: XmlElement | undefined = element.parent; at; at = at.parent) {
    for (const attribute of at.attributes) {
      const inherited = attribute.name === 'datatypeLibrary' || attribute.name === 'ns' || attribute.name.startsWith('xmlns:');
      if (inherited && attribute.value !== undefined && !context.has(attribute.name)) context.set(attribute.name, attribute.value);
    }
  }
  return context;
}
