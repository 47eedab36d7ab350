// The datatype libraries a RelaxNG schema may name: RelaxNG's own (string, token) and XML Schema's
// (http://www.w3.org/2001/XMLSchema-datatypes) with the facets RelaxNG passes as <param>, read the way
// libxml2 2.9.14 reads them where that differs from the XSD spec (libvirt validates with libxml2); each
// such choice is said where it is made (numbers.ts, dates.ts, names.ts, strings.ts, valueType.ts).
//
// For the validator: allows() takes the value as the document holds it (attribute value after XML's
// attribute normalization, or the element's text) and does the type's white-space processing itself.
// It judges one value alone: ID uniqueness, IDREF targets and a QName's prefix binding are the
// document's business and are not checked. Where libxml2 is known to judge otherwise (its regex engine
// on libvirt's usbPort pattern; libxml2 2.13+ on signs, long numbers and names) is listed, with reasons,
// in test/schema/rng/datatypes/libxml2-agreement.test.ts.
import { DATE_TYPES } from './dates';
import { restrict } from './facets';
import { DECIMAL, DOUBLE, FLOAT, INTEGER_TYPES } from './numbers';
import { ANY_URI, BASE64_BINARY, BOOLEAN, HEX_BINARY, QNAME, STRING_TYPES } from './strings';
import type { ValueType } from './valueType';
import { collapse } from './whitespace';

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

const XSD_TYPES = new Map<string, ValueType<unknown>>(
  [...STRING_TYPES, ...INTEGER_TYPES, ...DATE_TYPES, DECIMAL, DOUBLE, FLOAT, BOOLEAN, ANY_URI, QNAME, HEX_BINARY, BASE64_BINARY].map((type) => [type.name, type as ValueType<unknown>]),
);

/**
 * XML Schema built-ins this library does not implement (they exist, so the message says so). ENTITY and
 * ENTITIES name unparsed entities the instance's DTD declares, which only the document knows.
 */
const UNSUPPORTED = new Set(['duration', 'NOTATION', 'ENTITY', 'ENTITIES', 'anySimpleType', 'anyType']);

/** RelaxNG's string: any text, compared exactly. */
const STRING: Datatype = { allows: () => true, equal: (a, b) => a === b };
/** RelaxNG's token: any text, compared with white space collapsed. */
const TOKEN: Datatype = { allows: () => true, equal: (a, b) => a === b || collapse(a) === collapse(b) };

/** Answers by library, type and params: datatypes hold no state, so equal specs share one (libvirt writes <data type="string"/> hundreds of times). */
const made = new Map<string, Datatype | string>();

/**
 * library '' is RelaxNG's built-in library (string, token); XSD is http://www.w3.org/2001/XMLSchema-datatypes.
 * Returns a message string when the type or a param is unknown/invalid.
 */
export function datatypeFor(library: string, type: string, params: readonly DatatypeParam[]): Datatype | string {
  let key = `${library}\u0000${type}`;
  for (const { name, value } of params) key += `\u0000${name}\u0000${value}`;
  let answer = made.get(key);
  if (answer === undefined) {
    made.set(key, (answer = make(library, type, params)));
    if (typeof answer !== 'string' && !specs.has(answer)) specs.set(answer, { library, type, params: params.map(({ name, value }) => ({ name, value })) });
  }
  return answer;
}

/** What a datatype was made from: the library, type and params `datatypeFor` was given. */
export interface DatatypeSpec {
  library: string;
  type: string;
  params: readonly DatatypeParam[];
}

const specs = new Map<Datatype, DatatypeSpec>();

/** The spec a datatype of `datatypeFor` was made from (for the schema cache). */
export function specOfDatatype(datatype: Datatype): DatatypeSpec | undefined {
  return specs.get(datatype);
}

/**
 * The datatype of a spec read back from the schema cache, made on first use: most of a schema's types
 * (and their regular expressions) are never needed by a run that judges a few documents. Throws on
 * first use when the spec names no type, which a cache this build wrote never does.
 */
export function datatypeOnFirstUse(spec: DatatypeSpec): Datatype {
  let datatype: Datatype | undefined;
  const real = (): Datatype => {
    if (datatype) return datatype;
    const made = datatypeFor(spec.library, spec.type, spec.params);
    if (typeof made === 'string') throw new Error(`virt-tune: the schema cache names a datatype this build does not know: ${made}`);
    return (datatype = made);
  };
  const lazy: Datatype = { allows: (value) => real().allows(value), equal: (a, b) => real().equal(a, b) };
  specs.set(lazy, spec);
  return lazy;
}

function make(library: string, type: string, params: readonly DatatypeParam[]): Datatype | string {
  if (library === '') {
    if (type !== 'string' && type !== 'token') return `RelaxNG's built-in datatype library has no type "${type}" (only string and token)`;
    if (params.length > 0) return `RelaxNG's built-in type ${type} takes no parameters (got "${params[0]!.name}")`;
    return type === 'string' ? STRING : TOKEN;
  }
  if (library !== XSD_DATATYPES) return `unknown datatype library "${library}"`;
  const base = XSD_TYPES.get(type);
  if (!base) return UNSUPPORTED.has(type) ? `XML Schema type ${type} is not supported` : `XML Schema has no built-in type "${type}"`;
  return restrict(base, params);
}
