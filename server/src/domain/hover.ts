import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { fact } from '../kb/facts';
import { attributeKey, attributeSpec, describeValueType, valueChoices, valueKey } from '../kb/specLookup';
import { elementSpec } from '../kb/structure';
import type { AttributeSpec, EnumValue, Fact, Source, ValueType } from '../kb/types';
import { formatKiB, memoryUnit, MEMORY_UNITS_SOURCE, toKiB } from '../kb/units';
import { cursorContext } from '../xml/cursor';
import { attributeValue, elementPath, elementText } from '../xml/query';
import type { Span, XmlAttribute, XmlElement } from '../xml/types';
import { domainDocument } from './document';
import { parseUnsigned } from './model';
import { idListMarkdown } from './hover/idList';
import { factParagraphs, joinParagraphs, sourcesParagraphs, valueListMarkdown } from './hover/markdown';

/**
 * Hover for domain XML: on an element name (start or end tag), an attribute name, an attribute value
 * or an element's text, what the knowledge base says about it. Null where it says nothing.
 */
export function domainHover(textDocument: TextDocument, position: Position): Hover | null {
  const document = domainDocument(textDocument);
  if (!document.model) return null;
  const context = cursorContext(document.xml, textDocument.offsetAt(position));
  let content: HoverContent | undefined;
  switch (context.kind) {
    case 'element-name':
      content = context.element && elementContent(context.element, context.span);
      break;
    case 'end-tag-name':
      content = elementContent(context.element, context.span);
      break;
    case 'attribute-name':
      content = context.attribute && attributeContent(context.element, context.attribute);
      break;
    case 'attribute-value':
      content = valueContent(context.element, context.attribute, context.span);
      break;
    case 'text':
      content = textContent(context.element);
      break;
    case 'content':
      content = undefined;
      break;
  }
  if (!content) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: content.markdown },
    range: { start: textDocument.positionAt(content.span.start), end: textDocument.positionAt(content.span.end) },
  };
}

interface HoverContent {
  markdown: string;
  span: Span;
}

/** Paragraphs about the thing hovered; undefined when the knowledge base has nothing beyond a heading. */
function assemble(heading: string, body: readonly string[], sources: readonly Source[], span: Span): HoverContent | undefined {
  if (body.length === 0) return undefined;
  return { markdown: joinParagraphs([heading, ...body, ...sourcesParagraphs(sources)]), span };
}

function where(element: XmlElement): string {
  return element.parent ? ` in \`<${element.parent.name}>\`` : '';
}

function elementContent(element: XmlElement, span: Span): HoverContent | undefined {
  const path = elementPath(element);
  const about = fact(path);
  const spec = elementSpec(path);
  const body: string[] = about ? factParagraphs(about) : [];
  if (spec?.text) body.push(...textTypeParagraphs(spec.text, about));
  if (spec && spec.attributes.length > 0) body.push(`Attributes: ${spec.attributes.map(attributeSummary).join(', ')}`);
  return assemble(`**\`<${element.name}>\`**${where(element)}`, body, about?.sources ?? [], span);
}

function attributeSummary(spec: AttributeSpec): string {
  return `\`${spec.name}\`${spec.required ? ' (required)' : ''}`;
}

function textTypeParagraphs(type: ValueType, about: Fact | undefined): string[] {
  if (type.kind === 'memory') {
    return about?.unit ? [] : ['Its text is a size in the unit named by its `unit` attribute: KiB when `unit` is left out.'];
  }
  const choices = valueChoices(type);
  return choices.length > 0 ? [`Values:\n\n${valueListMarkdown(choices, (entry) => entry.doc)}`] : [];
}

function attributeContent(element: XmlElement, attribute: XmlAttribute): HoverContent | undefined {
  const path = elementPath(element);
  const about = fact(attributeKey(path, attribute.name));
  const spec = attributeSpec(path, attribute.name);
  const body: string[] = about ? factParagraphs(about) : [];
  if (spec) body.push(...attributeTypeParagraphs(path, spec));
  const typeNote = spec && valueChoices(spec.type).length === 0 ? ` — ${describeValueType(spec.type)}` : '';
  const heading = `**\`${attribute.name}\`** on \`<${element.name}>\`${typeNote}`;
  return assemble(heading, body, about?.sources ?? [], attribute.nameSpan);
}

function attributeTypeParagraphs(path: string, spec: AttributeSpec, current?: string): string[] {
  const paragraphs: string[] = [];
  if (spec.required) paragraphs.push('Required.');
  if (spec.type.kind === 'memoryUnit') {
    paragraphs.push('Units: `KiB` (the default), `MiB`, `GiB`, `TiB` count in powers of 1024; `KB`, `MB`, `GB`, `TB` in powers of 1000; `b` or `bytes` for bytes.');
    return paragraphs;
  }
  const choices = valueChoices(spec.type);
  if (choices.length > 0) {
    const docOf = (entry: EnumValue): string | undefined => fact(valueKey(path, spec.name, entry.value))?.summary ?? entry.doc;
    paragraphs.push(`Values:\n\n${valueListMarkdown(choices, docOf, current)}`);
  }
  return paragraphs;
}

function valueContent(element: XmlElement, attribute: XmlAttribute, span: Span): HoverContent | undefined {
  const value = attribute.value ?? '';
  if (value.trim() === '') return undefined;
  const path = elementPath(element);
  const spec = attributeSpec(path, attribute.name);
  const valueFact = fact(valueKey(path, attribute.name, value));
  const attributeFact = fact(attributeKey(path, attribute.name));
  const body: string[] = [];
  if (valueFact) body.push(...factParagraphs(valueFact));
  if (spec) body.push(...valueTypeParagraphs(element, path, attribute.name, spec.type, value, valueFact !== undefined));
  if (body.length > 0 && attributeFact) body.push(`\`${attribute.name}\`: ${attributeFact.summary}`);
  const sources = [...(valueFact?.sources ?? []), ...(attributeFact?.sources ?? [])];
  return assemble(`**\`${attribute.name}='${value}'\`** on \`<${element.name}>\``, body, sources, span);
}

function valueTypeParagraphs(
  element: XmlElement,
  path: string,
  name: string,
  type: ValueType,
  value: string,
  valueHasFact: boolean,
): string[] {
  switch (type.kind) {
    case 'cpuset':
    case 'nodeset':
      return [idListMarkdown(path, name, type.kind, value)];
    case 'memoryUnit': {
      const unit = memoryUnit(value);
      return [unit ? `\`${value}\`: ${unit.doc}.` : `\`${value}\` is not a unit libvirt knows.`];
    }
    case 'memory':
      return sizeParagraphs(value, attributeValue(element, 'unit'));
    default: {
      const choices = valueChoices(type);
      if (choices.length === 0) return [];
      const known = choices.find((entry) => entry.value === value);
      const paragraphs: string[] = [];
      if (!known) paragraphs.push(`\`${value}\` is not one of the values libvirt accepts here.`);
      else if (!valueHasFact && known.doc) paragraphs.push(known.doc);
      const docOf = (entry: EnumValue): string | undefined => fact(valueKey(path, name, entry.value))?.summary ?? entry.doc;
      paragraphs.push(`Values:\n\n${valueListMarkdown(choices, docOf, value)}`);
      return paragraphs;
    }
  }
}

function sizeParagraphs(value: string, unitName: string | undefined): string[] {
  const number = parseUnsigned(value);
  const unit = unitName ?? 'KiB';
  const kib = number === undefined ? undefined : toKiB(number, unit);
  if (kib === undefined || !Number.isInteger(kib)) return [];
  const sizes = [`${value} ${unit}`];
  if (memoryUnit(unit)?.name !== 'KiB') sizes.push(`${kib} KiB`);
  if (!sizes.includes(formatKiB(kib))) sizes.push(formatKiB(kib));
  if (sizes.length === 1) return [];
  return [`${sizes.join(' = ')}${unitName === undefined ? ' (no `unit`, so KiB)' : ''}.`];
}

function textContent(element: XmlElement): HoverContent | undefined {
  const text = elementText(element);
  if (!text) return undefined;
  const path = elementPath(element);
  const spec = elementSpec(path);
  const about = fact(path);
  const body: string[] = [];
  if (spec?.text?.kind === 'memory') {
    body.push(...sizeParagraphs(text.value, attributeValue(element, 'unit')));
  } else if (spec?.text) {
    const choices = valueChoices(spec.text);
    const known = choices.find((entry) => entry.value === text.value);
    if (known?.doc) body.push(known.doc);
    if (choices.length > 0) body.push(`Values:\n\n${valueListMarkdown(choices, (entry) => entry.doc, text.value)}`);
  }
  if (body.length === 0) return undefined;
  if (about) body.push(`\`<${element.name}>\`: ${about.summary}`);
  const sources = spec?.text?.kind === 'memory' ? [...(about?.sources ?? []), MEMORY_UNITS_SOURCE] : about?.sources ?? [];
  return assemble(`**\`${text.value}\`** in \`<${element.name}>\``, body, sources, text.span);
}
