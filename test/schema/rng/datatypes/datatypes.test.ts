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
