import type { SchemaPattern, SchemaValue } from './types';

const INTEGER = /^[+-]?[0-9]+$/;
const regexes = new Map<string, RegExp>();

/**
 * Whether the schema accepts a value (an attribute value or an element's text, entities decoded).
 * Whitespace is handled as the value's XML Schema type does (tokens and numbers collapse it). A
 * pattern JavaScript cannot run exactly (`unconverted`) accepts everything: no false errors.
 */
export function schemaValueAccepts(value: SchemaValue, text: string): boolean {
  switch (value.kind) {
    case 'enum':
      return value.values.includes(collapse(text));
    case 'yesno':
      return ['yes', 'no'].includes(collapse(text));
    case 'onoff':
      return ['on', 'off'].includes(collapse(text));
    case 'integer': {
      const token = collapse(text);
      if (!INTEGER.test(token)) return false;
      const number = BigInt(token);
      if (value.min !== undefined && number < BigInt(value.min)) return false;
      if (value.max !== undefined && number > BigInt(value.max)) return false;
      return restrictionsAccept(value, token);
    }
    case 'pattern':
    case 'text': {
      const normalized =
        value.whitespace === 'collapse'
          ? collapse(text)
          : value.whitespace === 'replace'
            ? text.replace(/[\t\n\r]/g, ' ')
            : text;
      const length = [...normalized].length;
      if (value.minLength !== undefined && length < value.minLength) return false;
      if (value.maxLength !== undefined && length > value.maxLength) return false;
      return restrictionsAccept(value, normalized);
    }
    case 'cpuset':
    case 'memoryUnit':
      return restrictionsAccept(value, text);
    case 'data':
      return restrictionsAccept(value, collapse(text));
    case 'list':
      return collapse(text)
        .split(' ')
        .filter((item) => item !== '')
        .every((item) => schemaValueAccepts(value.item, item));
    case 'union':
      return value.of.some((member) => schemaValueAccepts(member, text));
  }
}

/** The values a value type lists (enums, yes/no, on/off, and unions of them), or undefined. */
export function schemaEnumValues(value: SchemaValue): readonly string[] | undefined {
  switch (value.kind) {
    case 'enum':
      return value.values;
    case 'yesno':
      return ['yes', 'no'];
    case 'onoff':
      return ['on', 'off'];
    case 'union': {
      const lists = value.of.map(schemaEnumValues);
      return lists.every((list) => list !== undefined) ? [...new Set(lists.flat())] : undefined;
    }
    default:
      return undefined;
  }
}

function restrictionsAccept(value: { pattern?: SchemaPattern; except?: readonly string[] }, text: string): boolean {
  if (value.except?.includes(text)) return false;
  return value.pattern ? patternAccepts(value.pattern, text) : true;
}

function patternAccepts(pattern: SchemaPattern, text: string): boolean {
  if (pattern.js === undefined) return true;
  let regex = regexes.get(pattern.js);
  if (!regex) regexes.set(pattern.js, (regex = new RegExp(pattern.js, 'u')));
  return regex.test(text);
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').trim();
}
