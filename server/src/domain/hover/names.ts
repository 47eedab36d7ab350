import { fact } from '../../kb/facts';
import { attributeKey, attributeSpec, describeValueType, valueChoices, valueKey } from '../../kb/specLookup';
import { elementSpec } from '../../kb/structure';
import type { AttributeSpec, EnumValue, Fact, ValueType } from '../../kb/types';
import { elementPath } from '../../xml/query';
import type { Span, XmlAttribute, XmlElement } from '../../xml/types';
import { assemble, type HoverContent } from './content';
import { factParagraphs, valueListMarkdown } from './markdown';

// Hovers on element and attribute names.

function where(element: XmlElement): string {
  return element.parent ? ` in \`<${element.parent.name}>\`` : '';
}

export function elementContent(element: XmlElement, span: Span): HoverContent | undefined {
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

export function attributeContent(element: XmlElement, attribute: XmlAttribute): HoverContent | undefined {
  const path = elementPath(element);
  const about = fact(attributeKey(path, attribute.name));
  const spec = attributeSpec(path, attribute.name);
  const body: string[] = about ? factParagraphs(about) : [];
  if (spec) body.push(...attributeTypeParagraphs(path, spec));
  const typeNote = spec && valueChoices(spec.type).length === 0 ? ` — ${describeValueType(spec.type)}` : '';
  const heading = `**\`${attribute.name}\`** on \`<${element.name}>\`${typeNote}`;
  return assemble(heading, body, about?.sources ?? [], attribute.nameSpan);
}

function attributeTypeParagraphs(path: string, spec: AttributeSpec): string[] {
  const paragraphs: string[] = [];
  if (spec.required) paragraphs.push('Required.');
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
