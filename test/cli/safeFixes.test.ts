import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../../server/src/core/types';
import { applySafeFixes, compatibleFixes } from '../../server/src/cli/safeFixes';
import { SELF_CLOSED_HUGEPAGES, SELF_CLOSED_HUGEPAGES_FIXED, UNCLOSED_DEVICES } from './cliHarness';

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
