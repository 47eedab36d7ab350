import assert from 'node:assert/strict';
import { test } from 'node:test';
import { patternWords } from '../../server/src/domain/verdict/patternWords';
import { describeValue } from '../../server/src/domain/verdict/wording';
import data from '../../server/src/kb/schema/domain-structure.json';

test('the patterns users meet most are named, with an example', () => {
  assert.equal(patternWords('[a-fA-F0-9]{8}\\-([a-fA-F0-9]{4}\\-){3}[a-fA-F0-9]{12}'), 'a UUID such as 4dea22b3-1d52-d8f3-2516-782e98ab3fa0');
  assert.equal(patternWords('(/|[a-zA-Z]:\\\\).+'), 'an absolute path');
  assert.match(patternWords('[a-fA-F0-9][02468aAcCeE](:[a-fA-F0-9]{2}){5}'), /^a MAC address such as 52:54:00:12:34:56/);
  assert.equal(patternWords('(vepa|bridge|private|passthrough)'), "'vepa', 'bridge', 'private' or 'passthrough'");
  assert.equal(patternWords('[a-zA-Z0-9_\\.\\-]+'), "one or more of letters, digits, '_', '.' and '-'");
});

test('no pattern of the built-in structure is described by quoting its regular expression', () => {
  const patterns = new Set([...JSON.stringify(data).matchAll(/"xsd":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string));
  assert.ok(patterns.size > 30);
  for (const xsd of patterns) {
    const words = describeValue({ kind: 'pattern', pattern: { xsd } } as Parameters<typeof describeValue>[0]);
    assert.ok(xsd.length < 4 || !words.includes(xsd), `${xsd} is quoted: ${words}`);
    assert.doesNotMatch(words, /\[[^\]]*[a-z]-[a-z][^\]]*\]|\{\d|\\\.|\(\?/, `${xsd} reads like a regular expression: ${words}`);
  }
});
