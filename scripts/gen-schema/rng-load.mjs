// Reads a RelaxNG grammar (XML syntax) and every file it includes into a tree of patterns.
// Grammars become scopes of named defines; `ref`/`parentRef` keep their scope and are resolved later,
// so a define may be used before it is read. Follows the RelaxNG specification's simplification rules
// for include (a define inside <include> replaces the included one), combine="choice"|"interleave",
// nested <grammar>, div, externalRef, ns and datatypeLibrary inheritance.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/**
 * Pattern nodes (plain objects):
 *   { t: 'element', id, nameClass, content, doc?, define?, file }
 *   { t: 'attribute', nameClass, content, doc? }
 *   { t: 'group'|'interleave'|'choice', items }
 *   { t: 'optional'|'zeroOrMore'|'oneOrMore'|'mixed'|'list', item }
 *   { t: 'empty'|'text'|'notAllowed' }
 *   { t: 'data', library, type, params: [{name, value}], except? }
 *   { t: 'value', library, type, value }
 *   { t: 'ref', name, scope } (parentRef is a ref into the parent scope)
 *   { t: 'start', scope } (a nested grammar used as a pattern)
 * Name classes: { t: 'name', ns, local } | { t: 'anyName', except? } | { t: 'nsName', ns, except? }
 *   | { t: 'choice', items }
 */

export class Scope {
  constructor(parent) {
    this.parent = parent;
    /** name -> [{ combine, pattern }] */
    this.defineParts = new Map();
    this.startParts = [];
    this.resolved = new Map();
  }

  define(name) {
    let pattern = this.resolved.get(name);
    if (pattern) return pattern;
    const parts = this.defineParts.get(name);
    if (!parts) throw new Error(`reference to undefined define "${name}"`);
    pattern = combineParts(parts, `define "${name}"`);
    this.resolved.set(name, pattern);
    return pattern;
  }

  start() {
    if (this.startParts.length === 0) throw new Error('grammar without <start>');
    return (this.resolvedStart ??= combineParts(this.startParts, 'start'));
  }
}

function combineParts(parts, what) {
  const plain = parts.filter((part) => !part.combine);
  if (plain.length > 1) throw new Error(`${what} is defined more than once without combine`);
  const methods = new Set(parts.map((part) => part.combine).filter(Boolean));
  if (methods.size > 1) throw new Error(`${what} mixes combine methods`);
  if (parts.length === 1) return parts[0].pattern;
  const [method] = methods;
  return { t: method, items: parts.map((part) => part.pattern) };
}

export class RngLoader {
  constructor() {
    /** Every file read, absolute path -> text. */
    this.files = new Map();
    this.nextElementId = 0;
    this.parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
      },
    });
  }

  /** Loads a grammar file; returns its top scope. */
  loadGrammar(path) {
    const root = this.readRoot(path);
    if (!isRng(root, 'grammar')) throw new Error(`${path}: the top element is not a <grammar>`);
    const scope = new Scope(undefined);
    this.grammarContent(root, scope, path, new Set());
    return scope;
  }

  readRoot(path) {
    const absolute = resolve(path);
    let text = this.files.get(absolute);
    if (text === undefined) {
      text = readFileSync(absolute, 'utf8');
      this.files.set(absolute, text);
    }
    return this.parser.parseFromString(text, 'application/xml').documentElement;
  }

  /** Adds a grammar element's starts and defines to `scope`, leaving out the `overridden` ones. */
  grammarContent(grammar, scope, file, overridden) {
    for (const child of rngChildren(grammar)) {
      switch (child.localName) {
        case 'start':
          if (!overridden.has('\0start')) scope.startParts.push(this.part(child, scope, file, undefined));
          break;
        case 'define': {
          const name = child.getAttribute('name').trim();
          if (overridden.has(name)) break;
          let parts = scope.defineParts.get(name);
          if (!parts) scope.defineParts.set(name, (parts = []));
          parts.push(this.part(child, scope, file, name));
          break;
        }
        case 'div':
          this.grammarContent(child, scope, file, overridden);
          break;
        case 'include':
          this.include(child, scope, file, overridden);
          break;
        default:
          throw new Error(`${file}: unexpected <${child.localName}> in a grammar`);
      }
    }
  }

  include(include, scope, file, overridden) {
    const href = resolve(dirname(file), include.getAttribute('href').trim());
    const replaced = new Set(overridden);
    collectOverrides(include, replaced);
    const root = this.readRoot(href);
    if (!isRng(root, 'grammar')) throw new Error(`${href}: an included file must hold a <grammar>`);
    this.grammarContent(root, scope, href, replaced);
    this.grammarContent(include, scope, file, overridden);
  }

  part(node, scope, file, defineName) {
    const combine = node.getAttribute('combine')?.trim() || undefined;
    return { combine, pattern: this.group(rngChildren(node), scope, file, defineName) };
  }

  group(nodes, scope, file, defineName) {
    const items = nodes.map((node) => this.pattern(node, scope, file, defineName));
    if (items.length === 0) return { t: 'empty' };
    return items.length === 1 ? items[0] : { t: 'group', items };
  }

  pattern(node, scope, file, defineName) {
    const children = rngChildren(node);
    switch (node.localName) {
      case 'element': {
        const { nameClass, rest } = this.nameClassOf(node, children, true);
        return {
          t: 'element',
          id: this.nextElementId++,
          nameClass,
          content: this.group(rest, scope, file, defineName),
          doc: documentation(node),
          define: defineName,
          file: basename(file),
        };
      }
      case 'attribute': {
        const { nameClass, rest } = this.nameClassOf(node, children, false);
        const content = rest.length === 0 ? { t: 'text' } : this.group(rest, scope, file, defineName);
        return { t: 'attribute', nameClass, content, doc: documentation(node) };
      }
      case 'group':
      case 'interleave':
      case 'choice':
        return { t: node.localName, items: children.map((child) => this.pattern(child, scope, file, defineName)) };
      case 'optional':
      case 'zeroOrMore':
      case 'oneOrMore':
      case 'mixed':
      case 'list':
        return { t: node.localName, item: this.group(children, scope, file, defineName) };
      case 'empty':
      case 'text':
      case 'notAllowed':
        return { t: node.localName };
      case 'data': {
        const params = children
          .filter((child) => child.localName === 'param')
          .map((param) => ({ name: param.getAttribute('name').trim(), value: textOf(param) }));
        const exceptNode = children.find((child) => child.localName === 'except');
        return {
          t: 'data',
          library: datatypeLibrary(node),
          type: node.getAttribute('type').trim(),
          params,
          except: exceptNode ? this.choiceOf(rngChildren(exceptNode), scope, file, defineName) : undefined,
        };
      }
      case 'value': {
        const typed = node.hasAttribute('type');
        return {
          t: 'value',
          library: typed ? datatypeLibrary(node) : '',
          type: typed ? node.getAttribute('type').trim() : 'token',
          value: textOf(node),
        };
      }
      case 'ref':
        return { t: 'ref', name: node.getAttribute('name').trim(), scope };
      case 'parentRef':
        if (!scope.parent) throw new Error(`${file}: <parentRef> outside a nested grammar`);
        return { t: 'ref', name: node.getAttribute('name').trim(), scope: scope.parent };
      case 'grammar': {
        const inner = new Scope(scope);
        this.grammarContent(node, inner, file, new Set());
        return { t: 'start', scope: inner };
      }
      case 'externalRef': {
        const href = resolve(dirname(file), node.getAttribute('href').trim());
        const root = this.readRoot(href);
        if (isRng(root, 'grammar')) {
          const inner = new Scope(undefined);
          this.grammarContent(root, inner, href, new Set());
          return { t: 'start', scope: inner };
        }
        return this.pattern(root, new Scope(undefined), href, undefined);
      }
      default:
        throw new Error(`${file}: unsupported RelaxNG construct <${node.localName}>`);
    }
  }

  choiceOf(nodes, scope, file, defineName) {
    const items = nodes.map((node) => this.pattern(node, scope, file, defineName));
    return items.length === 1 ? items[0] : { t: 'choice', items };
  }

  /** The name class of an element or attribute: its `name` attribute or its first child. */
  nameClassOf(node, children, isElement) {
    if (node.hasAttribute('name')) {
      return { nameClass: qualifiedName(node, node.getAttribute('name').trim(), isElement), rest: children };
    }
    const [first, ...rest] = children;
    if (!first) throw new Error(`<${node.localName}> without a name`);
    return { nameClass: this.nameClass(first, isElement), rest };
  }

  nameClass(node, isElement) {
    const children = rngChildren(node);
    const except = () => {
      const exceptNode = children.find((child) => child.localName === 'except');
      if (!exceptNode) return undefined;
      return { t: 'choice', items: rngChildren(exceptNode).map((child) => this.nameClass(child, isElement)) };
    };
    switch (node.localName) {
      case 'name':
        return qualifiedName(node, textOf(node).trim(), isElement);
      case 'anyName':
        return { t: 'anyName', except: except() };
      case 'nsName':
        return { t: 'nsName', ns: inheritedNs(node, isElement), except: except() };
      case 'choice':
        return { t: 'choice', items: children.map((child) => this.nameClass(child, isElement)) };
      default:
        throw new Error(`unsupported name class <${node.localName}>`);
    }
  }
}

function collectOverrides(node, names) {
  for (const child of rngChildren(node)) {
    if (child.localName === 'define') names.add(child.getAttribute('name').trim());
    else if (child.localName === 'start') names.add('\0start');
    else if (child.localName === 'div') collectOverrides(child, names);
  }
}

function isRng(node, localName) {
  return node?.namespaceURI === RNG_NS && node.localName === localName;
}

/** RelaxNG children of a node; foreign elements are annotations and are skipped. */
function rngChildren(node) {
  const result = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && child.namespaceURI === RNG_NS) result.push(child);
  }
  return result;
}

function textOf(node) {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_NODE) text += child.data;
  }
  return text;
}

/** `<a:documentation>` (or an unqualified `<documentation>`) directly inside a node, whitespace tidied. */
function documentation(node) {
  const texts = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && child.localName === 'documentation') {
      const text = textOf(child).replace(/\s+/g, ' ').trim();
      if (text) texts.push(text);
    }
  }
  return texts.length > 0 ? texts.join('\n\n') : undefined;
}

function inheritedAttribute(node, name, fallback) {
  for (let current = node; current && current.nodeType === ELEMENT_NODE; current = current.parentNode) {
    if (current.hasAttribute(name)) return current.getAttribute(name).trim();
  }
  return fallback;
}

function datatypeLibrary(node) {
  return inheritedAttribute(node, 'datatypeLibrary', '');
}

/** Elements inherit `ns` from their RelaxNG ancestors; attributes without a prefix are in no namespace. */
function inheritedNs(node, isElement) {
  if (node.hasAttribute('ns')) return node.getAttribute('ns').trim();
  return isElement ? inheritedAttribute(node, 'ns', '') : '';
}

function qualifiedName(node, name, isElement) {
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const prefix = name.slice(0, colon);
    const ns = node.lookupNamespaceURI(prefix);
    if (ns === null) throw new Error(`undeclared prefix "${prefix}" in name "${name}"`);
    return { t: 'name', ns, local: name.slice(colon + 1) };
  }
  return { t: 'name', ns: inheritedNs(node, isElement), local: name };
}
