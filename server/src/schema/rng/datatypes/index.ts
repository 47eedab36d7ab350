// The datatype libraries a RelaxNG schema may name: RelaxNG's own (string, token) and XML Schema's
// (http://www.w3.org/2001/XMLSchema-datatypes), with the facets RelaxNG passes as <param>.
import { compileXsdRegex } from './xsdRegex';

export interface DatatypeParam {
  name: string;
  value: string;
}

export interface Datatype {
  /** Whether the lexical value is in the type's value space (facets applied). */
  allows(value: string): boolean;
  /** For <value type=...>: whether two lexical values are the same value of the type. */
  equal(a: string, b: string): boolean;
}

export const XSD_DATATYPES = 'http://www.w3.org/2001/XMLSchema-datatypes';

/**
 * library '' is RelaxNG's built-in library (string, token); XSD is http://www.w3.org/2001/XMLSchema-datatypes.
 * Returns a message string when the type or a param is unknown/invalid.
 */
export function datatypeFor(library: string, type: string, params: readonly DatatypeParam[]): Datatype | string {
  if (library === '') {
    if (type !== 'string' && type !== 'token') return `RelaxNG's built-in datatype library has no type "${type}" (only string and token)`;
    if (params.length > 0) return `RelaxNG's built-in type ${type} takes no parameters (got "${params[0]!.name}")`;
    return type === 'string' ? STRING : TOKEN;
  }
  if (library !== XSD_DATATYPES) return `unknown datatype library "${library}"`;
  if (type !== 'string' && type !== 'token') return `XML Schema type ${type}: not supported yet`;
  return stringType(type === 'token', params);
}

/** Collapses XML white space (space, tab, CR, LF): trimmed, runs made one space. */
export function collapse(value: string): string {
  return value.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

const STRING: Datatype = { allows: () => true, equal: (a, b) => a === b };
const TOKEN: Datatype = { allows: () => true, equal: (a, b) => a === b || collapse(a) === collapse(b) };

function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = value.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) length--;
    }
  }
  return length;
}

function stringType(isToken: boolean, params: readonly DatatypeParam[]): Datatype | string {
  let minLength = 0;
  let maxLength = Infinity;
  const patterns: RegExp[] = [];
  for (const { name, value } of params) {
    if (name === 'pattern') {
      const regex = compileXsdRegex(value);
      if (typeof regex === 'string') return regex;
      patterns.push(regex);
    } else if (name === 'length' || name === 'minLength' || name === 'maxLength') {
      if (!/^[ \t\n\r]*\+?[0-9]+[ \t\n\r]*$/.test(value)) return `param ${name}: "${value}" is not a non-negative integer`;
      const length = Number(value);
      if (name !== 'maxLength') minLength = Math.max(minLength, length);
      if (name !== 'minLength') maxLength = Math.min(maxLength, length);
    } else {
      return `param ${name}: not supported yet for ${isToken ? 'token' : 'string'}`;
    }
  }
  const checked = minLength > 0 || maxLength < Infinity || patterns.length > 0;
  if (!checked) return isToken ? TOKEN : STRING;
  const equal = isToken ? TOKEN.equal : STRING.equal;
  return {
    allows(raw) {
      const value = isToken ? collapse(raw) : raw;
      const length = codePointLength(value);
      if (length < minLength || length > maxLength) return false;
      for (const pattern of patterns) if (!pattern.test(value)) return false;
      return true;
    },
    equal,
  };
}
