// The string-derived types, and the other types whose values are strings of some shape: boolean,
// anyURI, hexBinary, base64Binary.
import { isName, isNCName, isNmtoken, isQName } from './names';
import type { ValueType } from './valueType';
import { characterCount, collapse } from './whitespace';

const sameString = (a: string, b: string): boolean => a === b;

function stringType(name: string, whitespace: 'preserve' | 'replace' | 'collapse', valid?: (value: string) => boolean): ValueType<string> {
  return {
    name,
    whitespace,
    patternSees: 'processed',
    parse: valid ? (text) => (valid(text) ? text : undefined) : (text) => text,
    same: sameString,
    // libxml2 2.9.14 measures a normalizedString collapsed (xmlSchemaNormLen): "a  b" is 3 long there.
    length: whitespace === 'replace' ? (text) => characterCount(collapse(text)) : (text) => characterCount(text),
  };
}

const LANGUAGE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;

/**
 * A white-space separated list of at least one item; its length is the number of items. libxml2 2.9.14
 * takes an empty IDREFS (not an empty NMTOKENS), and so do we.
 */
function listType(name: string, item: (value: string) => boolean, emptyAllowed: boolean): ValueType<string> {
  return {
    name,
    whitespace: 'collapse',
    patternSees: 'processed',
    parse: (text) => (text === '' ? (emptyAllowed ? text : undefined) : text.split(' ').every(item) ? text : undefined),
    same: sameString,
    length: (text) => (text === '' ? 0 : text.split(' ').length),
  };
}

export const STRING_TYPES: readonly ValueType<string>[] = [
  stringType('string', 'preserve'),
  stringType('normalizedString', 'replace'),
  stringType('token', 'collapse'),
  stringType('language', 'collapse', (value) => LANGUAGE.test(value)),
  stringType('Name', 'collapse', isName),
  stringType('NCName', 'collapse', isNCName),
  stringType('NMTOKEN', 'collapse', isNmtoken),
  stringType('ID', 'collapse', isNCName),
  stringType('IDREF', 'collapse', isNCName),
  listType('NMTOKENS', isNmtoken, false),
  listType('IDREFS', isNCName, true),
];

export const QNAME: ValueType<string> = {
  name: 'QName',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: (text) => (isQName(text) ? text : undefined),
  same: sameString,
  // XSD: the length facets accept any QName; libxml2 does the same.
  length: () => NaN,
};

export const BOOLEAN: ValueType<boolean> = {
  name: 'boolean',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: (text) => (text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined),
  same: (a, b) => a === b,
};

// RFC 3986's URI-reference. libxml2 2.9.14 first turns characters a URI may not hold as they are (controls,
// non-ASCII, space, < > " { } | \ ^ ` and ') into '_' and then parses; we do the same.
const UNRESERVED = "A-Za-z0-9._~!$&'()*+,;=\\-";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const SEGMENT_NZ_NC = `(?:[${UNRESERVED}@]|${PCT})+`;
const AUTHORITY = `(?:(?:[${UNRESERVED}:]|${PCT})*@)?(?:\\[[^\\]/?#@]*\\]|(?:[${UNRESERVED}]|${PCT})*)(?::[0-9]*)?`;
const ABEMPTY = `(?:/${SEGMENT})*`;
const ABSOLUTE = `/(?:${SEGMENT_NZ}${ABEMPTY})?`;
const TAIL = `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
const URI_REFERENCE = new RegExp(
  `^(?:[A-Za-z][A-Za-z0-9+.-]*:(?://${AUTHORITY}${ABEMPTY}|${ABSOLUTE}|${SEGMENT_NZ}${ABEMPTY}|)` +
    `|//${AUTHORITY}${ABEMPTY}|${ABSOLUTE}|${SEGMENT_NZ_NC}${ABEMPTY}|)${TAIL}$`,
);
const NOT_IN_URIS = /[\u0000-\u001f\u007f-\u{10FFFF} <>"{}|\\^`']/gu;

export const ANY_URI: ValueType<string> = {
  name: 'anyURI',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: (text) => (URI_REFERENCE.test(text.replace(NOT_IN_URIS, '_')) ? text : undefined),
  same: sameString,
  length: (text) => characterCount(text),
};

const HEX = /^(?:[0-9A-Fa-f]{2})*$/;

export const HEX_BINARY: ValueType<string> = {
  name: 'hexBinary',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: (text) => (HEX.test(text) ? text.toUpperCase() : undefined),
  same: sameString,
  length: (text) => text.length / 2,
};

function base64Digit(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 + 26;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 52;
  if (code === 0x2b) return 62;
  if (code === 0x2f) return 63;
  return code === 0x3d ? 64 : -1;
}

/**
 * libxml2 2.9.14's reading of base64Binary: characters outside the alphabet are skipped; after the first
 * '=' only '=' and skipped characters may follow; one '=' needs 3 digits past a multiple of 4, two need 2,
 * and the last digit must not carry bits beyond the octets. The value is the digits, the length in octets.
 */
function parseBase64(text: string): { digits: string; octets: number } | undefined {
  let count = 0;
  let pads = 0;
  let last = 0;
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const digit = base64Digit(text.charCodeAt(i));
    if (digit < 0) continue;
    if (digit === 64) pads++;
    else if (pads > 0) return undefined;
    else {
      count++;
      last = digit;
      digits += text[i];
    }
  }
  let octets = 3 * Math.floor(count / 4);
  if (pads === 0) {
    if (count % 4 !== 0) return undefined;
  } else if (pads === 1) {
    if (count % 4 !== 3 || (last & ~0x3c) !== 0) return undefined;
    octets += 2;
  } else if (pads === 2) {
    if (count % 4 !== 2 || (last & ~0x30) !== 0) return undefined;
    octets += 1;
  } else return undefined;
  return { digits, octets };
}

export const BASE64_BINARY: ValueType<{ digits: string; octets: number }> = {
  name: 'base64Binary',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: parseBase64,
  same: (a, b) => a.digits === b.digits,
  length: (_text, value) => value.octets,
};
