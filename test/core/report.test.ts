import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runRules } from '../../server/src/core/report';
import type { FixSpec, Rule } from '../../server/src/core/types';

test('runRules: a fix of several edits offered on many lines is converted once and shared; a one-edit fix is made per finding, the same', () => {
  const text = 'a\nb\nc\n';
  const document = TextDocument.create('file:///x', 'plaintext', 1, text);
  const many: FixSpec = { title: 'all', edits: [0, 2, 4].map((start) => ({ span: { start, end: start + 1 }, newText: 'z' })) };
  const one: FixSpec = { title: 'one', edits: [{ span: { start: 0, end: 1 }, newText: 'y' }] };
  const rule: Rule<null> = {
    meta: { code: 'VT999', name: 'test', title: 'test', severity: 'warning', sources: [], fixable: true },
    check(_context, report) {
      for (const start of [0, 2, 4]) report({ span: { start, end: start + 1 }, message: 'm', fixes: [many, one] });
    },
  };
  const findings = runRules(document, [rule], null);
  assert.equal(findings.length, 3);
  assert.ok(findings.every((finding) => finding.fixes[0] === findings[0]!.fixes[0]));
  assert.deepEqual(findings.map((finding) => finding.fixes[1]), findings.map(() => findings[0]!.fixes[1]));
  assert.deepEqual(findings[2]!.fixes[1]!.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'y' }]);
});
