import { schemaChild, schemaElementOf, schemaNameOf, type SchemaElement } from '../../kb/schema';
import { elementAtPath } from '../../schema/locate';
import type { SchemaError, SchemaMessageKind } from '../../schema/types';
import { attribute, childElements, elementText } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlDocument, XmlElement } from '../../xml/types';
import type { SchemaProblem } from './problem';
import {
  attributeProblem,
  attributesProblems,
  childrenProblems,
  elementProblems,
  firstTextSpan,
  missingChildProblem,
  placementProblem,
  secondElementProblem,
  textProblem,
} from './structureCheck';
import { attributeSubject, textSubject } from './wording';

/**
 * libxml2 follows a precise error with the errors of every element around it that therefore failed
 * ("Element source failed to validate content", "Invalid sequence in interleave", ...). These say no
 * more than "something in here is wrong", and give way to any error beneath them.
 */
const ENCLOSING: ReadonlySet<SchemaMessageKind> = new Set(['invalid-content', 'invalid-attributes', 'invalid-sequence', 'extra-in-interleave']);
/** Of several enclosing errors on one element, the one that says most (first here) speaks for it. */
const ENCLOSING_RANK: readonly SchemaMessageKind[] = ['extra-in-interleave', 'invalid-attributes', 'invalid-content', 'invalid-sequence'];

interface Located {
  error: SchemaError;
  /** The element the error is about, in our tree. */
  subject: XmlElement | undefined;
  /** For an enclosing error: the element within which something failed. */
  anchor: XmlElement | undefined;
}

/**
 * Turns libxml2's (pinpointed) verdict on a domain into problems at the element, attribute or value at
 * fault, worded with the schema's structure. `errors` must be validity errors: the text was
 * well-formed for libxml2.
 */
export function schemaProblems(xml: XmlDocument, errors: readonly SchemaError[]): SchemaProblem[] {
  const root = xml.root;
  if (!root || errors.length === 0) return [];
  const located = errors.map((error) => locate(xml, error));
  const locatable = located.filter((entry) => entry.subject);
  if (locatable.length === 0) return [unlocated(root, errors[0]!)];
  const kept = onePerElement(locatable.filter((entry) => !isEnclosingOther(entry, located)));
  // Enclosing errors that each point beneath the other: the deepest still says where.
  if (kept.length === 0) kept.push(locatable.reduce((deepest, entry) => (depth(entry.subject!) > depth(deepest.subject!) ? entry : deepest)));
  const problems: SchemaProblem[] = [];
  for (const entry of kept) {
    const own = explain(xml.text, entry);
    problems.push(...(own.explained ? own.problems : (explainByAncestors(xml.text, entry, located) ?? own.problems)));
  }
  return unique(problems);
}

function locate(xml: XmlDocument, error: SchemaError): Located {
  const at = error.path === undefined ? undefined : elementAtPath(xml, error.path);
  // "Element os failed to validate content" comes with the path of the child where matching stopped.
  const subject = at && (error.kind === 'invalid-content' || error.kind === 'invalid-attributes') && error.element !== undefined
    ? (ancestorNamed(at, error.element) ?? at)
    : at;
  // "Invalid sequence in interleave" is attached to the parent or to one of the children out of place.
  const anchor = error.kind === 'invalid-sequence' && subject?.parent && childElements(subject).length === 0 ? subject.parent : subject;
  return { error, subject, anchor };
}

/** An enclosing error around another error: the other one says where. */
function isEnclosingOther(entry: Located, all: readonly Located[]): boolean {
  if (!ENCLOSING.has(entry.error.kind)) return false;
  const anchor = entry.anchor!;
  return all.some((other) => {
    if (other === entry || !other.subject || !contains(anchor, other.subject)) return false;
    if (!ENCLOSING.has(other.error.kind)) return true;
    return other.subject !== anchor && other.subject !== entry.subject;
  });
}

/** Enclosing errors left on the same element are one mistake: the most telling of them is kept. */
function onePerElement(entries: readonly Located[]): Located[] {
  const best = new Map<XmlElement, Located>();
  const rank = (entry: Located) => ENCLOSING_RANK.indexOf(entry.error.kind);
  for (const entry of entries) {
    if (!ENCLOSING.has(entry.error.kind)) continue;
    const known = best.get(entry.subject!);
    if (!known || rank(entry) < rank(known)) best.set(entry.subject!, entry);
  }
  return entries.filter((entry) => !ENCLOSING.has(entry.error.kind) || best.get(entry.subject!) === entry);
}

interface Explanation {
  problems: SchemaProblem[];
  /** Whether the structure named the mistake; if not, the problems are libxml2's words, located. */
  explained: boolean;
}

function explain(text: string, { error, subject, anchor }: Located): Explanation {
  const element = subject!;
  const definition = schemaElementOf(element);
  const found = (problems: SchemaProblem[]): Explanation => ({ problems, explained: true });
  const unexplained = (problem: SchemaProblem): Explanation => ({ problems: [problem], explained: false });
  // Only libxml2 refuses it (virt-tune's validator replays that): the validator's words say so, underlining
  // the attribute it refuses when that can be found (xmllint names only the element), else the element's name.
  if (error.libxml2Only) {
    const refusedAttribute = error.kind === 'invalid-attribute' && error.attribute !== undefined ? attribute(element, error.attribute) : undefined;
    return found([{ code: 'VT108', message: sentence(error.message), span: refusedAttribute?.span ?? element.nameSpan, cover: element.span }]);
  }
  switch (error.kind) {
    case 'extra-content':
    case 'unexpected-element':
    case 'wrong-element':
      return found(misplaced(text, element, error));
    case 'extra-in-interleave':
      return extraInInterleave(text, element, definition);
    case 'missing-element':
      return found([missingChildProblem(element, error.element ?? 'element')]);
    case 'invalid-attribute': {
      const written = error.attribute === undefined ? undefined : attribute(element, error.attribute);
      if (!written) return unexplained(refused(element, error));
      const problem = definition && attributeProblem(element, definition, written);
      if (problem) return found([problem]);
      const here = error.allowed && error.allowed.length > 0 && !error.allowed.some((name) => name.startsWith("'") || name.startsWith('a ')) ? ` At this point <${element.name}> takes ${error.allowed.join(', ')}.` : '';
      return unexplained({
        code: 'VT108',
        message: attributeOfAnotherForm(element, definition, written) + here,
        span: written.span,
        cover: written.span,
      });
    }
    case 'invalid-attributes': {
      const problems = definition ? attributesProblems(element, definition) : [];
      if (problems.length > 0) return found(problems);
      return unexplained({
        code: 'VT108',
        message: `libvirt's schema does not accept the attributes of this <${element.name}>${kindOf(element, definition)} together: one that it needs is missing, or one belongs to another kind of <${element.name}>.`,
        span: element.nameSpan,
        cover: element.startTagSpan,
      });
    }
    case 'invalid-value': {
      const problem = definition && textProblem(element, definition, text);
      if (problem) return found([problem]);
      const content = elementText(element);
      return unexplained({
        code: 'VT108',
        message: content
          ? `libvirt's schema does not accept ${textSubject(element, content.value)} here.`
          : `libvirt's schema does not accept this <${element.name}> empty.`,
        span: content?.span ?? element.nameSpan,
        cover: element.span,
      });
    }
    case 'unexpected-text': {
      const problem = definition && textProblem(element, definition, text);
      if (problem) return found([problem]);
      return unexplained({
        code: 'VT108',
        message: `<${element.name}> takes no text here: libvirt's schema refuses it.`,
        span: firstTextSpan(element) ?? element.nameSpan,
        cover: element.span,
      });
    }
    case 'invalid-sequence': {
      const parent = anchor!;
      const parentDefinition = schemaElementOf(parent);
      const problems = parentDefinition ? childrenProblems(parent, parentDefinition, text) : [];
      if (problems.length > 0) return found(problems);
      return unexplained({
        code: 'VT108',
        message: `The elements inside <${parent.name}> are not in an order or number libvirt's schema accepts.`,
        span: parent.nameSpan,
        cover: parent.parent ? parent.span : parent.startTagSpan,
      });
    }
    case 'invalid-content': {
      const problems = definition ? elementProblems(element, definition, text, true) : [];
      if (problems.length > 0) return found(problems);
      return unexplained({
        code: 'VT108',
        message: `libvirt's schema does not accept this <${element.name}>${kindOf(element, definition)}: none of the forms it allows fits its attributes and content together.`,
        span: element.nameSpan,
        cover: element.parent ? element.span : element.startTagSpan,
      });
    }
    default:
      return unexplained(refused(element, error));
  }
}

/** An element where its parent does not take it, or not once more, or not at this point. */
function misplaced(text: string, element: XmlElement, error: SchemaError): SchemaProblem[] {
  const parent = element.parent;
  const parentDefinition = parent && schemaElementOf(parent);
  if (!parent || !parentDefinition) return [refused(element, error)];
  const known = schemaChild(parentDefinition, schemaNameOf(element));
  if (!known) return [placementProblem(element, parent, parentDefinition, text)];
  const seconds = known.multiple ? [] : childElements(parent, element.name).slice(1);
  if (seconds.length > 0) return seconds.map((second) => secondElementProblem(second, parent));
  const expected = error.kind === 'wrong-element' && error.expected ? ` It expects <${error.expected}> at this point.` : '';
  return [{
    code: 'VT108',
    message: `libvirt's schema does not accept <${element.name}> inside this <${parent.name}>${kindOf(parent, parentDefinition)}: other kinds of <${parent.name}> take it, or take it at another point.${expected}`,
    span: element.nameSpan,
    cover: element.span,
  }];
}

/** "Extra element X in interleave" that pinpointing left as it was: X is fine alone, but not here, or not once more. */
function extraInInterleave(text: string, element: XmlElement, definition: SchemaElement | undefined): Explanation {
  const parent = element.parent;
  const parentDefinition = parent && schemaElementOf(parent);
  const known = parentDefinition && schemaChild(parentDefinition, schemaNameOf(element));
  const seconds = parent && known && !known.multiple ? childElements(parent, element.name).slice(1) : [];
  if (seconds.length > 0) return { problems: seconds.map((second) => secondElementProblem(second, parent!)), explained: true };
  const problems = definition ? elementProblems(element, definition, text, true) : [];
  if (problems.length > 0) return { problems, explained: true };
  return {
    problems: [{
      code: 'VT108',
      message: `libvirt's schema does not accept this <${element.name}> here${parent ? ` inside <${parent.name}>` : ''}: not in this place, or not this many.`,
      span: element.nameSpan,
      cover: element.span,
    }],
    explained: false,
  };
}

/**
 * When libxml2 blames something the structure finds nothing wrong with, the mistake it tripped on is
 * often elsewhere in an element that failed around it (libxml2 tried each form of `<os>` and reports
 * the last it tried). The structure looks through those elements, nearest first; not through the
 * whole domain, where it could only find unrelated mistakes.
 */
function explainByAncestors(text: string, entry: Located, all: readonly Located[]): SchemaProblem[] | undefined {
  const subject = entry.subject!;
  const ancestors = new Set<XmlElement>();
  // Pinpointing validated `scope` alone: what failed around it is outside what it judged.
  const scope = entry.error.scope === undefined ? undefined : elementAtPathOf(subject, entry.error.scope);
  for (const other of all) {
    for (const around of [other.anchor, other.subject]) {
      if (!around || around === subject || !around.parent || !contains(around, subject)) continue;
      if (scope && !contains(scope, around)) continue;
      ancestors.add(around);
    }
  }
  const nearestFirst = [...ancestors].sort((a, b) => depth(b) - depth(a));
  for (const ancestor of nearestFirst) {
    const definition = schemaElementOf(ancestor);
    const problems = definition ? elementProblems(ancestor, definition, text, true) : [];
    if (problems.length > 0) return problems;
  }
  return undefined;
}

/** libxml2's words, made a sentence, on the element they are about. */
function refused(element: XmlElement, error: SchemaError): SchemaProblem {
  return {
    code: 'VT108',
    message: `libvirt's schema refuses this <${element.name}>: ${sentence(error.message)}`,
    span: element.nameSpan,
    cover: element.parent ? element.span : element.startTagSpan,
  };
}

/** An error libxml2 could not attach to an element of the document. */
function unlocated(root: XmlElement, error: SchemaError): SchemaProblem {
  return {
    code: 'VT108',
    message: `libvirt's schema refuses this domain: ${sentence(error.message)}${error.line > 1 ? ` (line ${error.line})` : ''}`,
    span: root.nameSpan,
    cover: root.startTagSpan,
  };
}

/** ` with type='vnc'`: the attributes that choose which form of the element this is. */
function kindOf(element: XmlElement, definition: SchemaElement | undefined): string {
  const chosenBy = (definition?.flattenedBy ?? []).map((name) => attribute(element, name)).filter((found) => found?.value !== undefined);
  return chosenBy.length > 0 ? ` with ${chosenBy.map((found) => `${found!.name}='${found!.value}'`).join(' ')}` : '';
}

/** Why the schema can refuse an attribute its structure knows: it fits another form of the element than this one. */
function attributeOfAnotherForm(element: XmlElement, definition: SchemaElement | undefined, written: XmlAttribute): string {
  const setting = `${written.name}='${written.value ?? ''}'`;
  if (definition?.flattenedBy?.includes(written.name)) {
    return `libvirt's schema accepts no <${element.name}> with ${setting} written like this one: its other attributes or content do not fit that ${written.name}.`;
  }
  const kind = kindOf(element, definition);
  if (kind) {
    return `libvirt's schema does not accept ${setting} on ${article(element.name)} <${element.name}>${kind}: the attribute, or this value of it, is for other kinds of <${element.name}>.`;
  }
  return `libvirt's schema does not accept ${attributeSubject(written, element)} here: it does not fit with the element's other attributes or content.`;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function ancestorNamed(element: XmlElement, localName: string): XmlElement | undefined {
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    if (at.name === localName || at.name.endsWith(`:${localName}`)) return at;
  }
  return undefined;
}

/** The ancestor-or-self of an element that a libxml2 path names, counted from the root. */
function elementAtPathOf(element: XmlElement, path: string): XmlElement | undefined {
  const steps = path.split('/').length - 1;
  let at: XmlElement | undefined = element;
  for (let level = depth(element) + 1; at && level > steps; level--) at = at.parent;
  return at;
}

function contains(ancestor: XmlElement, element: XmlElement): boolean {
  for (let at: XmlElement | undefined = element; at; at = at.parent) if (at === ancestor) return true;
  return false;
}

function depth(element: XmlElement): number {
  let count = 0;
  for (let at = element.parent; at; at = at.parent) count++;
  return count;
}

function unique(problems: readonly SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.code} ${spanKey(problem.span)} ${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function spanKey(span: Span): string {
  return `${span.start}-${span.end}`;
}

/** `a` or `an` before a tag name, as it is read aloud. */
function article(name: string): string {
  return /^[aeiou]/i.test(name) ? 'an' : 'a';
}
