import { fact } from '../../kb/facts';
import { attributeKey, attributeSpec, describeValueType, valueChoices, valueKey } from '../../kb/specLookup';
import { elementSpec } from '../../kb/structure';
import type { AttributeSpec, EnumValue, Fact, ValueType } from '../../kb/types';
import { elementPath } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import { assemble, withDocumentation, type HoverContent } from './content';
import { factParagraphs, valueListMarkdown } from '../../core/markdown';
import { childrenParagraph, structureParagraphs } from './structure';

// Hovers on element and attribute names.

function where(element: XmlElement): string {
  return element.parent ? ` in \`<${element.parent.name}>\`` : '';
}

/**
 * An element: what the knowledge base says of it, else what libvirt's schema says it takes; and the
 * formatdomain section documenting it.
 */
export function elementContent(element: XmlElement, span: Span): HoverContent | undefined {
  const path = elementPath(element);
  const about = fact(path);
  const spec = elementSpec(path);
  if (!spec && !about) return undefined;
  const body: string[] = about ? factParagraphs(about) : [];
  if (spec?.text) body.push(...textTypeParagraphs(spec.text, about));
  if (spec && about) {
    if (spec.attributes.length > 0) body.push(`Attributes: ${spec.attributes.map(attributeName).join(', ')}`);
    const children = childrenParagraph(spec);
    if (children) body.push(children);
  } else if (spec) {
    body.push(...structureParagraphs(spec));
  }
  const sources = spec ? withDocumentation(about?.sources ?? [], path) : about?.sources ?? [];
  return assemble(`**\`<${element.name}>\`**${where(element)}`, body, sources, span);
}

function attributeName(spec: AttributeSpec): string {
  return `\`${spec.name}\`${spec.required ? ' (required)' : ''}`;
}

function textTypeParagraphs(type: ValueType, about: Fact | undefined): string[] {
  if (type.kind === 'memory') {
    return about?.unit ? [] : ['Its text is a size in the unit named by its `unit` attribute: KiB when `unit` is left out.'];
  }
  const choices = valueChoices(type);
  return choices.length > 0 ? [`Values:\n\n${valueListMarkdown(choices, (entry) => entry.doc)}`] : [];
}

export function attributeContent(element: XmlElement, attribute: XmlAttribute): HoverContent | undefined {
  const path = elementPath(element);
  const about = fact(attributeKey(path, attribute.name));
  const spec = attributeSpec(path, attribute.name);
  const body: string[] = about ? factParagraphs(about) : [];
  if (spec) body.push(...attributeTypeParagraphs(path, spec, about === undefined));
  const typeNote = spec && valueChoices(spec.type).length === 0 ? ` — ${describeValueType(spec.type)}` : '';
  const heading = `**\`${attribute.name}\`** on \`<${element.name}>\`${typeNote}`;
  const sources = spec ? withDocumentation(about?.sources ?? [], path) : about?.sources ?? [];
  return assemble(heading, body, sources, attribute.nameSpan);
}

/** Required or not (said of every attribute without a fact), and its values. */
function attributeTypeParagraphs(path: string, spec: AttributeSpec, withoutFact: boolean): string[] {
  const paragraphs: string[] = [];
  if (spec.required) paragraphs.push('Required.');
  else if (withoutFact) paragraphs.push('Optional.');
  if (spec.type.kind === 'memoryUnit') {
    paragraphs.push(
      'Units: `KiB` (the default), `MiB`, `GiB`, `TiB` count in powers of 1024; `KB`, `MB`, `GB`, `TB` in powers of 1000; ' +
        '`b` or `bytes` for bytes.',
    );
    return paragraphs;
  }
  const choices = valueChoices(spec.type);
  if (choices.length > 0) {
    const docOf = (entry: EnumValue): string | undefined => fact(valueKey(path, spec.name, entry.value))?.summary ?? entry.doc;
    paragraphs.push(`Values:\n\n${valueListMarkdown(choices, docOf)}`);
  }
  return paragraphs;
}
