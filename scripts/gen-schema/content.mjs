// Summarizes what a pattern allows inside one element: its attributes (required or optional, and the
// patterns of their values), its child elements (by name, each with the element definitions that name
// may stand for here, required or optional, once or repeatable), its text, and whether any name is
// allowed (open content). Choices are flattened into a union: an attribute or child is required only
// if every branch requires it. A <choice> whose branches differ in attributes or children is noted,
// with the attributes whose fixed values tell the branches apart (the discriminators).
import { enumValuesOf } from './values.mjs';

/** The prefix libvirt's documentation uses for each of its extension namespaces. */
const LIBVIRT_NS = /^http:\/\/libvirt\.org\/schemas\/domain\/([a-z0-9]+)\//;

export function qualifiedName(ns, local) {
  if (!ns) return local;
  const match = LIBVIRT_NS.exec(ns);
  return match ? `${match[1]}:${local}` : `{${ns}}${local}`;
}

const EMPTY = freeze({
  notAllowed: false,
  attributes: new Map(),
  children: new Map(),
  openAttributes: false,
  openChildren: false,
  text: [],
  textRequired: false,
  flattened: false,
  discriminators: new Set(),
});
const NOT_ALLOWED = freeze({ ...EMPTY, notAllowed: true });

function freeze(summary) {
  return Object.freeze(summary);
}

export class ContentAnalyzer {
  constructor(values) {
    this.values = values;
    this.memo = new WeakMap();
    this.inProgress = new WeakSet();
    this.neverMemo = new WeakMap();
  }

  summary(pattern) {
    let summary = this.memo.get(pattern);
    if (summary) return summary;
    if (this.inProgress.has(pattern)) throw new Error('a reference loop that passes through no element');
    this.inProgress.add(pattern);
    summary = this.summarize(pattern);
    this.inProgress.delete(pattern);
    this.memo.set(pattern, summary);
    return summary;
  }

  summarize(pattern) {
    switch (pattern.t) {
      case 'element': {
        if (this.neverMatches(pattern)) return NOT_ALLOWED;
        const names = namesOf(pattern.nameClass);
        if (!names) return { ...EMPTY, openChildren: true };
        // With a choice of names, no one name is required.
        const required = names.length === 1;
        const children = new Map(names.map((name) => [name, { name, elements: [pattern], required, multiple: false }]));
        return { ...EMPTY, children };
      }
      case 'attribute': {
        if (this.neverMatches(pattern)) return NOT_ALLOWED;
        const names = namesOf(pattern.nameClass);
        if (!names) return { ...EMPTY, openAttributes: true };
        const docs = pattern.doc ? [pattern.doc] : [];
        const required = names.length === 1;
        const attributes = new Map(names.map((name) => [name, { name, patterns: [pattern.content], required, docs }]));
        return { ...EMPTY, attributes };
      }
      case 'group':
      case 'interleave':
        return pattern.items.map((item) => this.summary(item)).reduce(both, EMPTY);
      case 'choice':
        return this.choice(pattern.items.map((item) => this.summary(item)));
      case 'optional':
        return anyOf([this.summary(pattern.item), EMPTY]);
      case 'zeroOrMore':
        return anyOf([repeated(this.summary(pattern.item)), EMPTY]);
      case 'oneOrMore':
        return repeated(this.summary(pattern.item));
      case 'mixed':
        return both(this.summary(pattern.item), { ...EMPTY, text: [{ t: 'text' }] });
      case 'list':
      case 'data':
      case 'value':
        return { ...EMPTY, text: [pattern], textRequired: true };
      case 'text':
        return { ...EMPTY, text: [pattern] };
      case 'empty':
        return EMPTY;
      case 'notAllowed':
        return NOT_ALLOWED;
      case 'ref':
        return this.summary(pattern.scope.define(pattern.name));
      case 'start':
        return this.summary(pattern.scope.start());
      default:
        throw new Error(`cannot summarize a ${pattern.t} pattern`);
    }
  }

  /** An explicit <choice>: the union, noting when its branches allow different attributes or children. */
  choice(branches) {
    const possible = branches.filter((branch) => !branch.notAllowed);
    const result = anyOf(possible);
    if (new Set(possible.map(signature)).size <= 1) return result;
    const discriminators = new Set(result.discriminators);
    for (const name of this.discriminatorsOf(possible)) discriminators.add(name);
    return { ...result, flattened: true, discriminators };
  }

  /** Attributes present in several branches, with fixed values in each, not the same in all. */
  discriminatorsOf(branches) {
    const names = new Set(branches.flatMap((branch) => [...branch.attributes.keys()]));
    const found = [];
    for (const name of names) {
      const sets = [];
      for (const branch of branches) {
        const attribute = branch.attributes.get(name);
        if (!attribute) continue;
        const value = this.values.valueOfPatterns(attribute.patterns);
        const listed = enumValuesOf(value);
        if (!listed) {
          sets.length = 0;
          break;
        }
        sets.push([...listed].sort().join('\0'));
      }
      if (sets.length >= 2 && new Set(sets).size > 1) found.push(name);
    }
    return found;
  }

  /** Whether a pattern can match nothing at all (an element whose content is notAllowed, ...). */
  neverMatches(pattern, visiting = new Set()) {
    const known = this.neverMemo.get(pattern);
    if (known !== undefined) return known;
    if (visiting.has(pattern)) return false;
    visiting.add(pattern);
    let result;
    switch (pattern.t) {
      case 'notAllowed':
        result = true;
        break;
      case 'element':
      case 'attribute':
        result = this.neverMatches(pattern.content, visiting);
        break;
      case 'group':
      case 'interleave':
        result = pattern.items.some((item) => this.neverMatches(item, visiting));
        break;
      case 'choice':
        result = pattern.items.every((item) => this.neverMatches(item, visiting));
        break;
      case 'oneOrMore':
      case 'mixed':
      case 'list':
        result = this.neverMatches(pattern.item, visiting);
        break;
      case 'ref':
        result = this.neverMatches(pattern.scope.define(pattern.name), visiting);
        break;
      case 'start':
        result = this.neverMatches(pattern.scope.start(), visiting);
        break;
      default:
        result = false;
    }
    visiting.delete(pattern);
    this.neverMemo.set(pattern, result);
    return result;
  }
}

/** The names a name class allows, or undefined when it allows names it cannot list (anyName, nsName). */
function namesOf(nameClass) {
  switch (nameClass.t) {
    case 'name':
      return [qualifiedName(nameClass.ns, nameClass.local)];
    case 'choice': {
      const lists = nameClass.items.map(namesOf);
      return lists.every(Boolean) ? lists.flat() : undefined;
    }
    default:
      return undefined;
  }
}

function signature(summary) {
  const attributes = [...summary.attributes.values()].map((a) => `@${a.name}${a.required ? '!' : '?'}`);
  const children = [...summary.children.values()].map((c) => `${c.name}${c.required ? '!' : '?'}`);
  return [...attributes, ...children].sort().join(' ');
}

/** Both patterns, in sequence or interleaved. */
function both(a, b) {
  if (a.notAllowed || b.notAllowed) return NOT_ALLOWED;
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  const attributes = new Map(a.attributes);
  for (const [name, attribute] of b.attributes) {
    const other = attributes.get(name);
    attributes.set(name, other ? mergeAttribute(other, attribute, true) : attribute);
  }
  const children = new Map(a.children);
  for (const [name, child] of b.children) {
    const other = children.get(name);
    children.set(name, other ? { ...mergeChild(other, child, true), multiple: true } : child);
  }
  return {
    notAllowed: false,
    attributes,
    children,
    openAttributes: a.openAttributes || b.openAttributes,
    openChildren: a.openChildren || b.openChildren,
    text: unique([...a.text, ...b.text]),
    textRequired: a.textRequired || b.textRequired,
    flattened: a.flattened || b.flattened,
    discriminators: new Set([...a.discriminators, ...b.discriminators]),
  };
}

/** One of the patterns (notAllowed ones already removed by the caller, or harmless). */
export function anyOf(summaries) {
  const possible = summaries.filter((summary) => !summary.notAllowed);
  if (possible.length === 0) return NOT_ALLOWED;
  if (possible.length === 1) return possible[0];
  const attributes = new Map();
  const children = new Map();
  for (const summary of possible) {
    for (const [name, attribute] of summary.attributes) {
      const other = attributes.get(name);
      attributes.set(name, other ? mergeAttribute(other, attribute, false) : attribute);
    }
    for (const [name, child] of summary.children) {
      const other = children.get(name);
      children.set(name, other ? mergeChild(other, child, false) : child);
    }
  }
  const inAll = (name, key) => possible.every((summary) => summary[key].get(name)?.required);
  for (const [name, attribute] of attributes) {
    if (attribute.required && !inAll(name, 'attributes')) attributes.set(name, { ...attribute, required: false });
  }
  for (const [name, child] of children) {
    if (child.required && !inAll(name, 'children')) children.set(name, { ...child, required: false });
  }
  return {
    notAllowed: false,
    attributes,
    children,
    openAttributes: possible.some((summary) => summary.openAttributes),
    openChildren: possible.some((summary) => summary.openChildren),
    text: unique(possible.flatMap((summary) => summary.text)),
    textRequired: possible.every((summary) => summary.textRequired),
    flattened: possible.some((summary) => summary.flattened),
    discriminators: new Set(possible.flatMap((summary) => [...summary.discriminators])),
  };
}

/** One or more times: every child may repeat. */
function repeated(summary) {
  if (summary.notAllowed || summary.children.size === 0) return summary;
  const children = new Map([...summary.children].map(([name, child]) => [name, { ...child, multiple: true }]));
  return { ...summary, children };
}

function mergeAttribute(a, b, required) {
  return {
    name: a.name,
    patterns: unique([...a.patterns, ...b.patterns]),
    required: required ? a.required || b.required : a.required && b.required,
    docs: unique([...a.docs, ...b.docs]),
  };
}

function mergeChild(a, b, required) {
  return {
    name: a.name,
    elements: unique([...a.elements, ...b.elements]),
    required: required ? a.required || b.required : a.required && b.required,
    multiple: a.multiple || b.multiple,
  };
}

function unique(items) {
  return [...new Set(items)];
}

