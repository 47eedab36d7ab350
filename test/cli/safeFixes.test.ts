import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../../server/src/core/types';
import { applySafeFixes, compatibleFixes } from '../../server/src/cli/safeFixes';
import { SELF_CLOSED_HUGEPAGES, SELF_CLOSED_HUGEPAGES_FIXED, UNCLOSED_DEVICES } from './cliHarness';
import { Random } from '../fuzz/random';

const document = TextDocument.create('file:///t.xml', 'xml', 1, '0123456789');

function fix(title: string, ...spans: [number, number][]): Fix {
  return {
    title,
    edits: spans.map(([start, end]) => ({ range: { start: document.positionAt(start), end: document.positionAt(end) }, newText: 'x' })),
    isPreferred: true,
  };
}

test('overlapping fixes: the first in the document wins, the other waits for the next pass', () => {
  const chosen = compatibleFixes(document, [fix('late', [4, 7]), fix('early', [2, 5]), fix('apart', [8, 9])]);
  assert.deepEqual(chosen.map((f) => f.title), ['early', 'apart']);
});

test('touching fixes both apply; two insertions at one place do not (their order would be a guess)', () => {
  assert.equal(compatibleFixes(document, [fix('a', [2, 4]), fix('b', [4, 6])]).length, 2);
  assert.equal(compatibleFixes(document, [fix('a', [3, 3]), fix('b', [3, 3])]).length, 1);
});

test('a fix is all or nothing: one clashing edit keeps all its edits out', () => {
  const chosen = compatibleFixes(document, [fix('first', [0, 1]), fix('second', [5, 6], [0, 2])]);
  assert.deepEqual(chosen.map((f) => f.title), ['first']);
});

/** What compatibleFixes chooses, said the plain way (each edit against every other): the specification it is tested against. */
function compatibleFixesPairwise(within: TextDocument, fixes: readonly Fix[]): Fix[] {
  const spansOf = (each: Fix) => each.edits.map((edit) => ({ start: within.offsetAt(edit.range.start), end: within.offsetAt(edit.range.end) }));
  const clash = (a: { start: number; end: number }, b: { start: number; end: number }) => (a.start < b.end && b.start < a.end) || a.start === b.start;
  const ordered = fixes
    .filter((each) => each.edits.length > 0)
    .map((each) => ({ fix: each, spans: spansOf(each) }))
    .sort((x, y) => Math.min(...x.spans.map((span) => span.start)) - Math.min(...y.spans.map((span) => span.start)));
  const taken: { start: number; end: number }[] = [];
  const chosen: Fix[] = [];
  for (const { fix: each, spans } of ordered) {
    if (spans.some((a, i) => spans.some((b, j) => i !== j && clash(a, b))) || spans.some((span) => taken.some((other) => clash(span, other)))) continue;
    taken.push(...spans);
    chosen.push(each);
  }
  return chosen;
}

test('the fixes chosen are those of comparing every edit with every other, on random fixes: insertions, overlaps, fixes shared by findings', () => {
  const long = TextDocument.create('file:///t.xml', 'xml', 1, 'x'.repeat(200));
  const random = new Random(1207);
  for (let round = 0; round < 3000; round++) {
    const pool: Fix[] = [];
    const fixes: Fix[] = [];
    for (let count = random.below(12); count > 0; count--) {
      if (pool.length > 0 && random.below(4) === 0) {
        fixes.push(random.pick(pool));
        continue;
      }
      const edits = Array.from({ length: random.below(4) }, () => {
        const start = random.below(40);
        const end = random.below(3) === 0 ? start : start + random.below(8);
        return { range: { start: long.positionAt(start), end: long.positionAt(end) }, newText: 'y' };
      });
      const made: Fix = { title: `fix ${round}.${count}`, edits, isPreferred: true };
      pool.push(made);
      fixes.push(made);
    }
    assert.deepEqual(compatibleFixes(long, fixes), compatibleFixesPairwise(long, fixes), `round ${round}`);
  }
});

test('one fix of thousands of edits shared by thousands of findings is looked at once (pair by pair it took a minute)', () => {
  const text = 'word '.repeat(4000);
  const big = TextDocument.create('file:///t.cmdline', 'plaintext', 1, text);
  const shared: Fix = {
    title: 'remove every word but the first',
    edits: Array.from({ length: 3999 }, (_, index) => ({ range: { start: big.positionAt(5 * (index + 1)), end: big.positionAt(5 * (index + 2)) }, newText: '' })),
    isPreferred: true,
  };
  const chosen = compatibleFixes(big, Array.from({ length: 3999 }, () => shared));
  assert.deepEqual(chosen, [shared]);
});

test('applySafeFixes repairs what it can and reports what remains', () => {
  const repaired = applySafeFixes('guest.xml', 'domain', SELF_CLOSED_HUGEPAGES);
  assert.equal(repaired.text, SELF_CLOSED_HUGEPAGES_FIXED);
  assert.equal(repaired.applied, 1);
  assert.ok(!repaired.remaining.some((finding) => finding.rule === 'VT100'));
  const stuck = applySafeFixes('guest.xml', 'domain', UNCLOSED_DEVICES);
  assert.equal(stuck.text, UNCLOSED_DEVICES);
  assert.equal(stuck.applied, 0);
  assert.ok(stuck.remaining.some((finding) => finding.rule === 'VT100'));
});
