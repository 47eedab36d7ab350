import { describeValueType, valueChoices } from '../../kb/specLookup';
import type { AttributeSpec, ElementSpec, ValueType } from '../../kb/types';

/** How many values of an enumeration a one-line summary shows before it counts the rest. */
const LISTED_VALUES = 8;

/**
 * What libvirt's schema says an element takes, for a hover with no fact to tell more: its attributes
 * (required or not, with their values), its children, its text and whether it must be empty.
 */
export function structureParagraphs(spec: ElementSpec): string[] {
  const paragraphs: string[] = [];
  if (spec.attributes.length > 0) {
    paragraphs.push(`Attributes:\n\n${spec.attributes.map(attributeLine).join('\n')}`);
  }
  const children = childrenParagraph(spec);
  if (children) paragraphs.push(children);
  // Closed lists of values and sizes have paragraphs of their own (hover/names.ts).
  if (spec.text && spec.text.kind !== 'memory' && valueChoices(spec.text).length === 0) {
    paragraphs.push(spec.text.kind === 'string' ? 'Holds text.' : `Text: ${typeSummary(spec.text)}.`);
  }
  if (spec.empty) paragraphs.push(`Always empty: \`<${spec.path.slice(spec.path.lastIndexOf('/') + 1)}/>\`.`);
  return paragraphs;
}

/** `Children: <target> (required), <driver>, ...`; a note for open content; undefined when it has none. */
export function childrenParagraph(spec: ElementSpec): string | undefined {
  if (!spec.childrenKnown) return 'Children: any elements of other XML namespaces (virt-tune does not check them).';
  if (spec.children.length === 0) return undefined;
  const required = new Set(spec.requiredChildren ?? []);
  return `Children: ${spec.children.map((name) => `\`<${name}>\`${required.has(name) ? ' (required)' : ''}`).join(', ')}`;
}

/** `required · yes | no`: the line completion and hovers give an attribute without a fact. */
export function attributeSummary(spec: AttributeSpec): string {
  return `${spec.required ? 'required' : 'optional'} · ${typeSummary(spec.type)}`;
}

function attributeLine(spec: AttributeSpec): string {
  return `- \`${spec.name}\`${spec.required ? ' (required)' : ''} — ${typeSummary(spec.type)}`;
}

/** A value type in a line: a long enumeration is cut after its first values. */
export function typeSummary(type: ValueType): string {
  if (type.kind !== 'enum' || type.values.length <= LISTED_VALUES) return describeValueType(type);
  const shown = type.values.slice(0, LISTED_VALUES).map((entry) => entry.value);
  return `${shown.join(' | ')} | … (${type.values.length} values)`;
}
