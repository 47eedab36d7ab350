import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datatypeFor, XSD_DATATYPES, type Datatype } from '../../../../server/src/schema/rng/datatypes';

function datatype(library: string, type: string, params: Record<string, string> = {}): Datatype {
  const result = datatypeFor(library, type, Object.entries(params).map(([name, value]) => ({ name, value })));
  if (typeof result === 'string') assert.fail(result);
  return result;
}

test('built-in string and token accept any text; token compares collapsed, string exactly', () => {
  const string = datatype('', 'string');
  const token = datatype('', 'token');
  for (const value of ['', ' a ', '\n', 'é']) {
    assert.equal(string.allows(value), true);
    assert.equal(token.allows(value), true);
  }
  assert.equal(token.equal(' a  b\n', 'a b'), true);
  assert.equal(string.equal(' a', 'a'), false);
  assert.equal(token.equal('a', 'b'), false);
});

test('the built-in library refuses params and other types with a message', () => {
  assert.equal(typeof datatypeFor('', 'int', []), 'string');
  assert.equal(typeof datatypeFor('', 'string', [{ name: 'pattern', value: 'a' }]), 'string');
  assert.equal(typeof datatypeFor('urn:other', 'string', []), 'string');
});

test('XSD string patterns are anchored and apply to the raw value; token patterns after collapsing', () => {
  const string = datatype(XSD_DATATYPES, 'string', { pattern: '[a-z]+' });
  assert.equal(string.allows('abc'), true);
  assert.equal(string.allows('abc1'), false);
  assert.equal(string.allows(' abc'), false);
  const token = datatype(XSD_DATATYPES, 'token', { pattern: '[a-z]+ [a-z]+' });
  assert.equal(token.allows('  ab \n cd '), true);
  assert.equal(token.allows('abcd'), false);
});

test('length facets count characters, not UTF-16 units', () => {
  const short = datatype(XSD_DATATYPES, 'string', { maxLength: '2' });
  assert.equal(short.allows('ab'), true);
  assert.equal(short.allows('abc'), false);
  assert.equal(short.allows('a\u{1F600}'), true);
  const exact = datatype(XSD_DATATYPES, 'string', { length: '1' });
  assert.equal(exact.allows(''), false);
  assert.equal(exact.allows('x'), true);
});

const xsd = (type: string, params: Record<string, string> = {}): Datatype => datatype(XSD_DATATYPES, type, params);

test('equal() compares in the value space of the type', () => {
  const cases: [string, string, string, boolean][] = [
    ['int', '01', '1', true],
    ['int', '+1', ' 1 ', true],
    ['int', '-0', '0', true],
    ['int', '1', '2', false],
    ['int', 'x', 'x', true],
    ['int', 'x', 'y', false],
    ['unsignedLong', '18446744073709551615', '018446744073709551615', true],
    ['unsignedLong', '18014398509481984', '18014398509481985', false],
    ['decimal', '1.50', '01.5', true],
    ['decimal', '1.5', '1.05', false],
    ['double', '1.0', '1', true],
    ['double', '1e2', '100', true],
    ['double', 'NaN', 'NaN', true],
    ['double', '-0', '0', true],
    ['float', '0.1', '0.10000000149011612', true],
    ['boolean', '1', 'true', true],
    ['boolean', '0', 'true', false],
    ['token', ' a  b ', 'a b', true],
    ['string', ' a', 'a', false],
    ['NCName', ' a ', 'a', true],
    ['hexBinary', '0a', '0A', true],
    ['dateTime', '2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00Z', true],
    ['dateTime', '2024-01-01T24:00:00Z', '2024-01-02T00:00:00Z', false],
    ['dateTime', '2024-01-01T24:00:00Z', '2024-01-01T24:00:00.0Z', true],
    ['dateTime', '2024-01-01T00:00:00', '2024-01-01T00:00:00Z', false],
    ['date', '2024-01-01', '2024-01-02', false],
  ];
  for (const [type, a, b, same] of cases) assert.equal(xsd(type).equal(a, b), same, `${type} ${a} = ${b}`);
});

test('64-bit bounds are exact where a Number would round', () => {
  const long = xsd('long');
  assert.equal(long.allows('9223372036854775807'), true);
  assert.equal(long.allows('9223372036854775808'), false);
  assert.equal(long.allows('-9223372036854775808'), true);
  assert.equal(long.allows('-9223372036854775809'), false);
  const capped = xsd('unsignedLong', { minInclusive: '1', maxInclusive: '18014398509481984' });
  assert.equal(capped.allows('18014398509481984'), true);
  assert.equal(capped.allows('18014398509481985'), false);
  assert.equal(capped.allows('0'), false);
  const window = xsd('long', { minExclusive: '-1', maxExclusive: '17592186044416' });
  assert.equal(window.allows('-1'), false);
  assert.equal(window.allows('0'), true);
  assert.equal(window.allows('17592186044415'), true);
  assert.equal(window.allows('17592186044416'), false);
});

test('libxml2 2.9.14 readings: no sign on unsigned types, at most 24 digits, patterns on the written value of numbers', () => {
  assert.equal(xsd('unsignedInt').allows('+1'), false);
  assert.equal(xsd('unsignedInt').allows('-0'), false);
  assert.equal(xsd('int').allows('+1'), true);
  assert.equal(xsd('integer').allows('9'.repeat(24)), true);
  assert.equal(xsd('integer').allows('9'.repeat(25)), false);
  assert.equal(xsd('integer').allows('0'.repeat(30) + '1'), true);
  assert.equal(xsd('unsignedInt').allows(' 5 '), true);
  assert.equal(xsd('unsignedInt', { pattern: '[0-9]+' }).allows(' 5 '), false);
  assert.equal(xsd('token', { pattern: '[0-9]+' }).allows(' 5 '), true);
  assert.equal(xsd('double').allows('1e'), true);
  assert.equal(xsd('double').allows('+INF'), false);
  assert.equal(xsd('double', { minInclusive: '0' }).allows('NaN'), true);
  assert.equal(xsd('double', { maxInclusive: '0' }).allows('NaN'), false);
  assert.equal(xsd('normalizedString', { maxLength: '3' }).allows('a  b'), true);
  assert.equal(xsd('IDREFS').allows(''), true);
  assert.equal(xsd('NMTOKENS').allows(''), false);
});

test('names: ASCII exact, non-ASCII by the 4th edition rules', () => {
  const ncname = xsd('NCName');
  for (const good of ['a', '_a', 'a-b.c1', 'é', '中文', 'a\u0301']) assert.equal(ncname.allows(good), true, good);
  for (const bad of ['', '1a', '-a', 'a:b', 'a b', 'Ⅻ', '\u{1F600}', 'x\u{10000}']) assert.equal(ncname.allows(bad), false, bad);
  assert.equal(xsd('Name').allows(':a'), true);
  assert.equal(xsd('NMTOKEN').allows('1a'), true);
  assert.equal(xsd('QName').allows('a:b'), true);
  assert.equal(xsd('QName').allows('a:b:c'), false);
});

test('dates, binaries, booleans and URIs', () => {
  const dateTime = xsd('dateTime');
  for (const good of ['2024-02-29T00:00:00', '2024-01-31T24:00:00', '-0001-01-01T00:00:00Z', '2024-01-01T00:00:00.123+14:00', '12024-01-01T00:00:00']) assert.equal(dateTime.allows(good), true, good);
  for (const bad of ['2023-02-29T00:00:00', '2024-01-31T24:00:01', '0000-01-01T00:00:00', '02024-01-01T00:00:00', '2024-01-01T00:00:00+14:01', '2024-01-01', '+2024-01-01T00:00:00', '2024-01-01T00:00:60'])
    assert.equal(dateTime.allows(bad), false, bad);
  assert.equal(xsd('gMonthDay').allows('--02-29'), true);
  assert.equal(xsd('gMonth').allows('--12-05:00'), true);
  assert.equal(xsd('hexBinary', { length: '2' }).allows('0aFF'), true);
  assert.equal(xsd('hexBinary').allows('0aF'), false);
  assert.equal(xsd('base64Binary', { length: '2' }).allows('QUI='), true);
  assert.equal(xsd('base64Binary').allows('QR=='), false);
  assert.equal(xsd('boolean').allows(' true '), true);
  assert.equal(xsd('boolean').allows('yes'), false);
  assert.equal(xsd('anyURI').allows('http://example.com/a b?c#d'), true);
  assert.equal(xsd('anyURI').allows('%zz'), false);
  assert.equal(xsd('anyURI').allows('a#b#c'), false);
});

test('an unknown or invalid type or param is a message, never a type that takes everything', () => {
  const message = (type: string, params: Record<string, string> = {}): unknown =>
    datatypeFor(XSD_DATATYPES, type, Object.entries(params).map(([name, value]) => ({ name, value })));
  for (const [type, params] of [
    ['integr', {}],
    ['duration', {}],
    ['ENTITY', {}],
    ['int', { minInclusive: 'x' }],
    ['int', { minLength: '1' }],
    ['string', { maxInclusive: '5' }],
    ['string', { enumeration: 'a' }],
    ['string', { whiteSpace: 'collapse' }],
    ['string', { colour: 'red' }],
    ['string', { length: '-1' }],
    ['string', { pattern: '[a-' }],
    ['string', { pattern: '\\p{IsBasicLatin}' }],
    ['unsignedInt', { maxInclusive: '-1' }],
  ] as const) {
    const result = message(type, params);
    assert.equal(typeof result, 'string', `${type} ${JSON.stringify(params)}`);
  }
});

test('equal specs give the same datatype object', () => {
  assert.equal(datatypeFor(XSD_DATATYPES, 'string', []), datatypeFor(XSD_DATATYPES, 'string', []));
  const bounded = (max: string): unknown => datatypeFor(XSD_DATATYPES, 'int', [{ name: 'maxInclusive', value: max }]);
  assert.equal(bounded('5'), bounded('5'));
  assert.notEqual(bounded('5'), bounded('6'));
});
