import { fact } from '../../kb/facts';
import { attributeKey, attributeSpec, valueChoices, valueKey } from '../../kb/specLookup';
import { elementSpec } from '../../kb/structure';
import type { EnumValue, ValueType } from '../../kb/types';
import { formatKiB, memoryUnit, MEMORY_UNITS_SOURCE, toKiB } from '../../kb/units';
import { attributeValue, elementPath, elementText } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import { parseUnsigned } from '../../core/numbers';
import { assemble, withDocumentation, type HoverContent } from './content';
import { idListMarkdown } from './idList';
import { factParagraphs, valueListMarkdown } from '../../core/markdown';

// Hovers on attribute values and element text.

export function valueContent(element: XmlElement, attribute: XmlAttribute, span: Span): HoverContent | undefined {
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
  const factSources = [...(valueFact?.sources ?? []), ...(attributeFact?.sources ?? [])];
  const sources = spec ? withDocumentation(factSources, path) : factSources;
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

export function textContent(element: XmlElement): HoverContent | undefined {
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
  const factSources = spec?.text?.kind === 'memory' ? [...(about?.sources ?? []), MEMORY_UNITS_SOURCE] : about?.sources ?? [];
  const sources = spec ? withDocumentation(factSources, path) : factSources;
  return assemble(`**\`${text.value}\`** in \`<${element.name}>\``, body, sources, text.span);
}
