import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Deriver } from '../../../server/src/schema/rng/derive';
import { ElementMemo } from '../../../server/src/schema/rng/elementMemo';
import { Libxml2Interleaves } from '../../../server/src/schema/rng/libxml2Interleave';
import { compileGrammar } from '../../../server/src/schema/rng/load';
import { MAX_DEPTH, validateTree } from '../../../server/src/schema/rng/validate';
import { parseXml } from '../../../server/src/xml/parser';
import { grammar } from './helpers';

/** `<w>` nests any depth of `<w>`, then `<a>`s that nest; `<a>` takes an optional `n` of digits; `<b>` in `urn:b` only. */
const NESTING = grammar(`<ref name="w"/>`, `
  <define name="w"><element name="w"><choice><ref name="w"/><zeroOrMore><ref name="a"/></zeroOrMore></choice></element></define>
  <define name="a"><element name="a"><optional><attribute name="n"><data type="integer"/></attribute></optional>
    <zeroOrMore><choice><ref name="a"/><element name="b" ns="urn:b"><empty/></element></choice></zeroOrMore></element></define>`);

/** Each document's errors, judged one after another by one validator with a memo, and each alone without one. */
function judged(documents: readonly string[]): { remembered: string[]; alone: string[]; memo: ElementMemo } {
  const compiled = compileGrammar(NESTING);
  const deriver = new Deriver(compiled.table);
  const quirks = new Libxml2Interleaves(compiled);
  const memo = new ElementMemo();
  const remembered = documents.map((text) => JSON.stringify(validateTree(compiled, deriver, quirks, parseXml(text), memo)));
  const alone = documents.map((text) => {
    const fresh = compileGrammar(NESTING);
    return JSON.stringify(validateTree(fresh, new Deriver(fresh.table), new Libxml2Interleaves(fresh), parseXml(text)));
  });
  return { remembered, alone, memo };
}

test('an element met again is judged as it was the first time, and only what was judged without a mistake is remembered', () => {
  const documents = [
    "<w><a n='1'><a/></a><a n='1'><a/></a></w>",
    "<w><a n='x'><a/></a><a n='x'><a/></a></w>",
    "<w><a n='x'><a/></a></w>",
    "<w><w><a n='1'><a/></a></w></w>",
  ];
  const { remembered, alone, memo } = judged(documents);
  assert.deepEqual(remembered, alone);
  assert.equal(remembered[0], '[]');
  // The refused value is refused at each of its places, in every document, however often it was met.
  assert.equal(JSON.parse(remembered[1]!).length, 2);
  assert.equal(JSON.parse(remembered[2]!).length, 1);
  assert.ok(memo.size > 0, 'the elements judged without a mistake are remembered');
});

test("an element remembered near the top is refused where it would nest deeper than libxml2's limit", () => {
  const inner = '<a><a><a><a></a></a></a></a>';
  const shallow = `<w>${inner}</w>`;
  const nested = (wrappers: number): string => `${'<w>'.repeat(wrappers)}${inner}${'</w>'.repeat(wrappers)}`;
  // The inner element's last level is the last libxml2 reads, then one too many.
  const { remembered, alone } = judged([shallow, nested(MAX_DEPTH - 4), shallow, nested(MAX_DEPTH - 3)]);
  assert.deepEqual(remembered, alone);
  assert.deepEqual(remembered.slice(0, 3), ['[]', '[]', '[]']);
  assert.match(JSON.parse(remembered[3]!)[0].message, /deeper than 256 levels/);
});

test('an element under a namespace declaration is judged with its names resolved there, not as the same text elsewhere', () => {
  const documents = [
    "<w xmlns:p='urn:b'><a><p:b/></a></w>",
    "<w xmlns:p='urn:other'><a><p:b/></a></w>",
    "<w><a><b xmlns='urn:b'/></a><a><b xmlns='urn:b'/></a></w>",
    "<w><a><b/></a></w>",
  ];
  const { remembered, alone } = judged(documents);
  assert.deepEqual(remembered, alone);
  assert.deepEqual(remembered.map((errors) => JSON.parse(errors).length), [0, 1, 0, 1]);
});

test('the memo keeps no document alive: its keys are copies, not slices of the text', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const compiled = compileGrammar(NESTING);
  const deriver = new Deriver(compiled.table);
  const quirks = new Libxml2Interleaves(compiled);
  const memo = new ElementMemo();
  // The outcomes a first document leaves, so that the one measured adds only its own entries.
  validateTree(compiled, deriver, quirks, parseXml("<w><a n='1'/></w>"), memo);
  gc();
  const before = process.memoryUsage().heapUsed;
  (() => {
    // 8 MB of comment, then elements of 13 characters or more (V8 would make a slice of them a view into the whole text).
    const text = `<w><!--${'x'.repeat(8_000_000)}-->${Array.from({ length: 200 }, (_, index) => `<a n='${1_000_000 + index}'/>`).join('')}</w>`;
    assert.equal(validateTree(compiled, deriver, quirks, parseXml(text), memo).length, 0);
  })();
  gc();
  const kept = process.memoryUsage().heapUsed - before;
  assert.ok(memo.size >= 200, 'the elements are remembered');
  assert.ok(kept < 2_000_000, `${kept} bytes kept after the document was dropped`);
});
