import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileXsdRegex, xsdToJsRegex } from '../../../../server/src/schema/rng/datatypes/xsdRegex';

function matcher(xsd: string): (value: string) => boolean {
  const regex = compileXsdRegex(xsd);
  if (typeof regex === 'string') assert.fail(regex);
  return (value) => regex.test(value);
}

test('anchored implicitly; ^ and $ are ordinary characters; . excludes only line ends', () => {
  const digits = matcher('[0-9]+');
  assert.equal(digits('12'), true);
  assert.equal(digits('a12'), false);
  assert.equal(digits('12\n'), false);
  assert.equal(matcher('\\^[0-9]+$')('^12$'), true);
  const any = matcher('a.c');
  assert.equal(any('a\tc'), true);
  assert.equal(any('a\u{1F600}c'), true);
  assert.equal(any('a\nc'), false);
  assert.equal(any('a\rc'), false);
});

test('XSD escapes: \\s is XML white space, \\d Unicode digits, \\w excludes punctuation, separators and others', () => {
  assert.equal(matcher('a\\sb')('a\u00a0b'), false);
  assert.equal(matcher('a\\sb')('a\tb'), true);
  assert.equal(matcher('\\d')('٣'), true);
  assert.equal(matcher('\\w+')('aé1'), true);
  assert.equal(matcher('\\w')('-'), false);
  assert.equal(matcher('[\\w.]+')('a.b'), true);
  assert.equal(matcher('[\\w.]+')('a-b'), false);
  assert.equal(matcher('[^\\w.]')('-'), true);
  assert.equal(matcher('[^\\w.]')('.'), false);
  assert.equal(matcher('[^\\S]')(' '), true);
});

test('\\i and \\c are XML name characters, inside a class or not', () => {
  const name = matcher('\\i\\c*');
  assert.equal(name('a:b-c.d'), true);
  assert.equal(name('_é'), true);
  assert.equal(name('1a'), false);
  assert.equal(matcher('\\I')('1'), true);
  assert.equal(matcher('[\\i\\d]+')('a1'), true);
  assert.equal(matcher('[\\C]')('a'), false);
});

test('character-class subtraction, nested too', () => {
  const consonant = matcher('[a-z-[aeiou]]+');
  assert.equal(consonant('bcd'), true);
  assert.equal(consonant('bad'), false);
  const nested = matcher('[a-z-[b-y-[m]]]+');
  assert.equal(nested('azm'), true);
  assert.equal(nested('b'), false);
  assert.equal(matcher('[^a-[b]]')('b'), false);
  assert.equal(matcher('[^a-[b]]')('c'), true);
  assert.equal(matcher('[^a-[b]]')('a'), false);
});

test('what JavaScript cannot say is reported, not guessed', () => {
  for (const xsd of ['\\p{IsBasicLatin}', '[a-', 'a\\', '\\q', '[a-[b]c]', '(a']) {
    assert.ok('unconverted' in xsdToJsRegex(xsd), xsd);
    assert.equal(typeof compileXsdRegex(xsd), 'string', xsd);
  }
});

test('a pattern is compiled once', () => {
  assert.equal(compileXsdRegex('[a-f]{2}'), compileXsdRegex('[a-f]{2}'));
});

test('the conversions the generated structure was made with stay as they were', () => {
  // Sources of server/src/kb/schema/domain-structure.json, so a regeneration gives the same bytes.
  assert.deepEqual(xsdToJsRegex('[a-zA-Z0-9_\\.\\-]+'), { js: '^(?:[a-zA-Z0-9_\\.\\-]+)$' });
  assert.deepEqual(xsdToJsRegex('([0-9]+(-[0-9]+)?|\\^[0-9]+)'), { js: '^(?:([0-9]+(-[0-9]+)?|\\^[0-9]+))$' });
  assert.deepEqual(xsdToJsRegex('[^\\n]+'), { js: '^(?:[^\\n]+)$' });
  assert.deepEqual(xsdToJsRegex('a\\sb.'), { js: '^(?:a[ \\t\\n\\r]b[^\\n\\r])$' });
});
