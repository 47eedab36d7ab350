import { SCHEMA_ONLY_ATTRIBUTE, SCHEMA_ONLY_ELEMENT } from '../rules/structure/stage';
import { closestNames } from '../../core/similarity';
import type { FixSpec } from '../../core/types';
import {
  isForeignSchemaName,
  schemaAttribute,
  schemaChild,
  schemaEnumValues,
  schemaNameOf,
  schemaValueAccepts,
  type SchemaElement,
  type SchemaValue,
} from '../../kb/schema';
import { elementsNamed, isForeignName } from '../../kb/structure';
import { childElements, elementText } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import { renameElementFix } from '../rules/edits';
import type { SchemaProblem } from './problem';
import { attributeSubject, describeValue, listed, quoted, tag, textSubject, valueCode } from './wording';

/**
 * What the schema's structure (kb/schema, generated from the same RelaxNG) says is wrong with one
 * element: the words for a verdict libxml2 gives only as "Invalid attribute cache for element driver".
 * The structure merges an element's alternative forms, so what it finds wrong is wrong in every form;
 * what it finds right may still be refused by libxml2 (a combination no single form allows).
 */

/** An attribute the element's definition does not list, or a value it does not take; undefined when the structure accepts it. */
export function attributeProblem(element: XmlElement, definition: SchemaElement, attribute: XmlAttribute): SchemaProblem | undefined {
  if (isForeignName(attribute.name)) return undefined;
  const known = schemaAttribute(definition, attribute.name);
  if (!known) return definition.openAttributes ? undefined : unknownAttribute(element, definition, attribute);
  if (attribute.value === undefined || schemaValueAccepts(known.value, attribute.value)) return undefined;
  const verbatim = attribute.rawValue === attribute.value && attribute.valueSpan !== undefined && attribute.value !== '';
  const span = attribute.valueSpan && attribute.valueSpan.end > attribute.valueSpan.start ? attribute.valueSpan : attribute.span;
  return valueProblem(known.value, attribute.value, attributeSubject(attribute, element), span, attribute.span, verbatim);
}

function unknownAttribute(element: XmlElement, definition: SchemaElement, attribute: XmlAttribute): SchemaProblem {
  const present = new Set(element.attributes.map((candidate) => candidate.name));
  const candidates = definition.attributes.map((known) => known.name).filter((name) => !present.has(name));
  let suggestions = closestNames(attribute.name, candidates);
  const unknownOthers = element.attributes.filter((other) => other !== attribute && !isForeignName(other.name) && !schemaAttribute(definition, other.name));
  const missing = definition.attributes.filter((known) => known.required && !present.has(known.name));
  // `<vcpupin vcpu='1' cpu='3'/>`: one unknown attribute and one required one missing, so that is what it meant.
  if (suggestions.length === 0 && unknownOthers.length === 0 && missing.length === 1) suggestions = [missing[0]!.name];
  const takes = definition.attributes.map((known) => quoted(known.name));
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${listed(suggestions.map(quoted), 'or')}?`
      : takes.length > 0
        ? ` It takes ${listed(takes, 'and')}.`
        : ' It takes no attributes.';
  return {
    code: 'VT103',
    message: `libvirt knows no attribute '${attribute.name}' on <${element.name}>: ${SCHEMA_ONLY_ATTRIBUTE}.${hint}`,
    span: attribute.nameSpan,
    cover: attribute.span,
    fixes: suggestions.map((name) => ({
      title: `Rename '${attribute.name}' to '${name}'`,
      edits: [{ span: attribute.nameSpan, newText: name }],
      ...(suggestions.length === 1 ? { isPreferred: true } : {}),
    })),
  };
}

function valueProblem(type: SchemaValue, value: string, subject: string, span: Span, cover: Span, verbatim: boolean): SchemaProblem {
  const choices = schemaEnumValues(type);
  const suggestions = choices ? closestNames(value, choices) : [];
  const hint = suggestions.length > 0 ? ` Did you mean ${listed(suggestions.map(quoted), 'or')}?` : '';
  return {
    code: valueCode(type),
    message: `libvirt does not accept ${subject}: it takes ${describeValue(type)}.${hint}`,
    span,
    cover,
    fixes: verbatim ? suggestions.map((choice) => replaceValueFix(value, choice, span, suggestions.length === 1)) : [],
  };
}

function replaceValueFix(value: string, replacement: string, span: Span, isPreferred: boolean): FixSpec {
  return { title: `Change '${value}' to '${replacement}'`, edits: [{ span, newText: replacement }], ...(isPreferred ? { isPreferred: true } : {}) };
}

/** Every attribute problem of the element, and the required attributes it lacks. */
export function attributesProblems(element: XmlElement, definition: SchemaElement): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const suggested = new Set<string>();
  for (const attribute of element.attributes) {
    const problem = attributeProblem(element, definition, attribute);
    if (!problem) continue;
    problems.push(problem);
    if (problem.code === 'VT103') for (const fix of problem.fixes ?? []) suggested.add(fix.edits[0]!.newText);
  }
  const missing = definition.attributes
    .filter((known) => known.required && !suggested.has(known.name))
    .filter((known) => !element.attributes.some((present) => present.name === known.name))
    .map((known) => quoted(known.name));
  if (missing.length > 0) {
    problems.push({
      code: 'VT107',
      message: `<${element.name}> needs ${listed(missing, 'and')}: libvirt refuses the element without ${missing.length === 1 ? 'it' : 'them'}.`,
      span: element.nameSpan,
      cover: element.startTagSpan,
    });
  }
  return problems;
}

/** A text the element's definition does not take, or no text where it needs one. */
export function textProblem(element: XmlElement, definition: SchemaElement, text: string): SchemaProblem | undefined {
  const content = elementText(element);
  if (definition.text) {
    if (content) {
      if (schemaValueAccepts(definition.text, content.value)) return undefined;
      const verbatim = text.slice(content.span.start, content.span.end) === content.value;
      return valueProblem(definition.text, content.value, textSubject(element, content.value), content.span, element.span, verbatim);
    }
    if (!definition.textRequired || childElements(element).length > 0) return undefined;
    return {
      code: valueCode(definition.text),
      message: `<${element.name}> is empty: libvirt needs ${describeValue(definition.text)} here.`,
      span: element.nameSpan,
      cover: element.span,
    };
  }
  const stray = firstTextSpan(element);
  if (!stray || definition.openChildren) return undefined;
  return {
    code: 'VT108',
    message: `<${element.name}> holds elements only, no text: libvirt's schema refuses '${shorten(text.slice(stray.start, stray.end))}' here.`,
    span: stray,
    cover: stray,
  };
}

/** Children the definition does not take, a second one where one is allowed, required ones missing. */
export function childrenProblems(element: XmlElement, definition: SchemaElement, text: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const child of childElements(element)) {
    const name = schemaNameOf(child);
    if (isForeignSchemaName(name)) continue;
    const known = schemaChild(definition, name);
    if (!known) {
      if (!definition.openChildren) problems.push(placementProblem(child, element, definition, text));
      continue;
    }
    if (seen.has(name) && !known.multiple) problems.push(secondElementProblem(child, element));
    seen.add(name);
  }
  for (const known of definition.children) {
    if (known.required && !seen.has(known.name)) problems.push(missingChildProblem(element, known.name));
  }
  return problems;
}

/** A child its parent's definition does not take: misspelt (did you mean), misplaced (where it belongs), or unknown. */
export function placementProblem(child: XmlElement, parent: XmlElement, parentDefinition: SchemaElement, text: string): SchemaProblem {
  const siblings = parentDefinition.children.map((candidate) => candidate.name);
  const schemaName = schemaNameOf(child);
  const suggestions = closestNames(schemaName, siblings).map((name) => writtenLike(child.name, schemaName, name));
  const head = `libvirt knows no element <${child.name}> inside <${parent.name}>: ${SCHEMA_ONLY_ELEMENT}.`;
  if (suggestions.length > 0) {
    return {
      code: 'VT101',
      message: `${head} Did you mean ${listed(suggestions.map(tag), 'or')}?`,
      span: child.nameSpan,
      cover: child.span,
      fixes: suggestions.map((name) => renameElementFix(text, child, name, suggestions.length === 1)),
    };
  }
  const parents = parentsOf(child.name);
  if (parents.length > 0) {
    return {
      code: 'VT102',
      message: `<${child.name}> does not belong inside <${parent.name}>: libvirt reads it inside ${listed(parents, 'or')}; ${SCHEMA_ONLY_ELEMENT}.`,
      span: child.nameSpan,
      cover: child.span,
    };
  }
  const holds = siblings.length > 0 ? ` <${parent.name}> may hold ${listed(siblings.map(tag), 'and')}.` : ` <${parent.name}> holds no child elements.`;
  return { code: 'VT101', message: `${head}${holds}`, span: child.nameSpan, cover: child.span };
}

export function secondElementProblem(child: XmlElement, parent: XmlElement): SchemaProblem {
  return {
    code: 'VT108',
    message: `A second <${child.name}> inside <${parent.name}>: libvirt's schema allows only one there.`,
    span: child.nameSpan,
    cover: child.span,
  };
}

export function missingChildProblem(element: XmlElement, childName: string): SchemaProblem {
  return {
    code: 'VT108',
    message: `<${element.name}> needs a <${childName}> inside it: libvirt's schema refuses a <${element.name}> without one.`,
    span: element.nameSpan,
    cover: element.startTagSpan,
  };
}

/** A schema name (`qemu:arg`) with the prefix the document gives its namespace (`q:arg`, or `arg` under a default xmlns). */
function writtenLike(written: string, schemaName: string, name: string): string {
  const prefix = (qualified: string) => qualified.slice(0, qualified.indexOf(':') + 1);
  const schemaPrefix = prefix(schemaName);
  return name.startsWith(schemaPrefix) ? prefix(written) + name.slice(schemaPrefix.length) : name;
}

/** All of the above for one element, and for its descendants when `recursive`. */
export function elementProblems(element: XmlElement, definition: SchemaElement, text: string, recursive: boolean): SchemaProblem[] {
  const problems = [...attributesProblems(element, definition), ...childrenProblems(element, definition, text)];
  const textual = textProblem(element, definition, text);
  if (textual) problems.push(textual);
  if (recursive) {
    for (const child of childElements(element)) {
      const known = schemaChild(definition, schemaNameOf(child));
      if (known) problems.push(...elementProblems(child, known.element, text, true));
    }
  }
  return problems;
}

/** `<os>`, `<disk>`...: the parents an element stands in, nearest to the root first. */
function parentsOf(name: string): string[] {
  const parents = elementsNamed(name).map((spec) => spec.path.split('/').slice(-2, -1)[0]!);
  return [...new Set(parents)].map(tag);
}

/** The first text of the element that is not white space, trimmed. */
export function firstTextSpan(element: XmlElement): Span | undefined {
  for (const child of element.children) {
    if (child.kind !== 'text' || child.value.trim() === '') continue;
    const raw = child.value;
    const leading = raw.length - raw.trimStart().length;
    const trailing = raw.length - raw.trimEnd().length;
    // Entities make the decoded text shorter than the source: then the whole node is underlined.
    if (raw.length !== child.span.end - child.span.start) return child.span;
    return { start: child.span.start + leading, end: child.span.end - trailing };
  }
  return undefined;
}

function shorten(value: string): string {
  const line = value.split('\n')[0]!;
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
