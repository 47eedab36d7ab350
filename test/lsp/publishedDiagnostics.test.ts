import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Finding, Severity } from '../../server/src/core/types';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { MAX_PUBLISHED_DIAGNOSTICS, publishedDiagnostics } from '../../server/src/lsp/publishedDiagnostics';
import { startStdioServer, within } from './stdioServer';

function finding(line: number, severity: Severity, rule = 'VT305'): Finding {
  return { rule, severity, message: `on line ${line}`, range: { start: { line, character: 0 }, end: { line, character: 3 } }, fixes: [] };
}

test('up to the limit every finding is published, in order, as it converts', () => {
  const findings = Array.from({ length: MAX_PUBLISHED_DIAGNOSTICS }, (_, line) => finding(line, line % 2 ? 'hint' : 'warning'));
  assert.deepEqual(publishedDiagnostics(findings), findings.map(toDiagnostic));
});

test('over the limit, the most severe are published in the file\'s order, and a note at the first left out says how many are not', () => {
  // Hints on every line, an error and two warnings late in the file: VS Code would keep those first.
  const findings = Array.from({ length: MAX_PUBLISHED_DIAGNOSTICS + 500 }, (_, line) => finding(line, 'hint', 'VT308'));
  findings[1200] = finding(1200, 'error', 'VT301');
  findings[1300] = finding(1300, 'warning');
  findings[1400] = finding(1400, 'warning');
  const published = publishedDiagnostics(findings);

  assert.equal(published.length, MAX_PUBLISHED_DIAGNOSTICS);
  const sent = published.slice(0, -1);
  const lines = sent.map((diagnostic) => diagnostic.range.start.line);
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'in the file\'s order');
  assert.ok(lines.includes(1200) && lines.includes(1300) && lines.includes(1400), 'the error and the warnings are kept');
  // The first 996 hints fill the rest, with room for the note: lines 0-995, so line 996 is the first left out.
  assert.deepEqual(lines.slice(0, 996), Array.from({ length: 996 }, (_, line) => line));
  assert.deepEqual(sent[0], toDiagnostic(findings[0]!));

  const note = published.at(-1)!;
  assert.deepEqual(note.range, findings[996]!.range);
  assert.equal(note.severity, 3);
  assert.equal(note.source, 'virt-tune');
  assert.equal(note.code, undefined, 'the note is no rule\'s');
  assert.match(note.message, /found 1,500 problems/);
  assert.match(note.message, /shows 999 of them, the most severe first/);
  assert.match(note.message, /no more than 1,000 per file, this note included/);
  assert.match(note.message, /leaves out 501, the first of them here/);
  assert.match(note.message, /virt-tune lint/);
});

test('the server publishes a file of many findings so, and still offers the fixes of those left out', { timeout: 60_000 }, async (t) => {
  const { connection } = startStdioServer(t);
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
  connection.listen();
  await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }));
  await connection.sendNotification('initialized', {});
  // transparent_hugepage=never given 1,600 times: each copy but the last, which stays, is a VT305 with a fix that removes it.
  const uri = 'file:///etc/kernel/cmdline';
  const word = 'transparent_hugepage=never';
  const text = `${`${word} `.repeat(1600).trimEnd()}\n`;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kernel-cmdline', version: 1, text } });
  const { diagnostics } = await within('the publication', published);

  assert.equal(diagnostics.length, MAX_PUBLISHED_DIAGNOSTICS);
  const note = diagnostics.at(-1)!;
  assert.match(note.message, /found 1,599 problems/);
  const at = 1500 * (word.length + 1);
  const leftOut = { start: { line: 0, character: at }, end: { line: 0, character: at + word.length } };
  assert.ok(!diagnostics.some((diagnostic) => diagnostic.range.start.character === leftOut.start.character), 'the 1,501st copy is left out');
  const actions = await within('codeAction', connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: leftOut, context: { diagnostics: [] } }));
  assert.ok(actions.some((action) => action.kind === 'quickfix' && action.diagnostics?.[0]?.code === 'VT305'), JSON.stringify(actions).slice(0, 500));
});
