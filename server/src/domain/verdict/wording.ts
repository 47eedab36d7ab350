import { patternWords } from './patternWords';
import type { SchemaValue } from '../../kb/schema';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import { listOf } from '../rules/structure/values';
import type { SchemaCode } from './problem';

/** How many names or values a message lists before it says "and N more". */
const LISTED = 12;

/** `'a', 'b' or 'c'`; `<a>, <b>, ... and 9 more` when long. */
export function listed(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= LISTED) return listOf(items, conjunction);
  return `${items.slice(0, LISTED).join(', ')} ${conjunction} ${items.length - LISTED} more`;
}

export function tag(name: string): string {
  return `<${name}>`;
}

export function quoted(value: string): string {
  return `'${value}'`;
}

/** `cache='fast' on <driver>`, as written. */
export function attributeSubject(attribute: XmlAttribute, element: XmlElement): string {
  const quote = attribute.quote ?? "'";
  return `${attribute.name}=${quote}${attribute.value ?? ''}${quote} on <${element.name}>`;
}

/** `<vcpu>two</vcpu>`. */
export function textSubject(element: XmlElement, text: string): string {
  return `<${element.name}>${text}</${element.name}>`;
}

/** The code the structure rules give a wrong value of this kind. */
export function valueCode(value: SchemaValue): SchemaCode {
  if (value.kind === 'integer') return 'VT105';
  if (value.kind === 'cpuset') return 'VT106';
  if (value.kind === 'union' && value.of.every((member) => member.kind === 'integer')) return 'VT105';
  return 'VT104';
}

/** What the schema takes there, as the end of "it takes ...". */
export function describeValue(value: SchemaValue): string {
  switch (value.kind) {
    case 'enum':
      return listed(value.values.map(quoted), 'or');
    case 'yesno':
      return "'yes' or 'no'";
    case 'onoff':
      return "'on' or 'off'";
    case 'integer':
      return `an integer${rangeText(value.min, value.max)}`;
    case 'cpuset':
      return 'a list of ids and ranges such as 0-3,^2,8';
    case 'memoryUnit':
      return "a memory unit: 'KiB', 'MiB', 'GiB', 'TiB' (or 'k', 'M', 'G', 'T'), 'KB', 'MB', 'GB', 'TB', or 'b'";
    case 'pattern':
      return patternWords(value.pattern.xsd);
    case 'text':
      if (value.pattern) return patternWords(value.pattern.xsd);
      if (value.minLength !== undefined && value.minLength > 0) return `text of at least ${value.minLength} character${value.minLength === 1 ? '' : 's'}`;
      return 'text';
    case 'data':
      return value.pattern ? `a ${value.datatype}: ${patternWords(value.pattern.xsd)}` : `a ${value.datatype}`;
    case 'list':
      return `a list, separated by spaces, of ${describeValue(value.item)}`;
    case 'union':
      return [...new Set(value.of.map(describeValue))].join(', or ');
  }
}

function rangeText(min: string | undefined, max: string | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of ${min} or more`;
  if (max !== undefined) return ` of ${max} or less`;
  return '';
}
