import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { startStdioServer, within } from '../lsp/stdioServer';

const CONF = 'file:///virt-tune-test/etc/ksmtuned.conf';
const UNTITLED = 'untitled:Untitled-1';
const TEXT = '# KSM_NPAGES_BOOST - is added to the `npages` value, when `free memory` is\nless than `thres`.\nKSM_NPAGES_MAX=2000\n';

test('the language server publishes, hovers, completes and fixes a ksmtuned.conf', { timeout: 60_000 }, async (t) => {
  const { connection, stderr, exited } = startStdioServer(t);
  const published = new Map<string, (diagnostics: Diagnostic[]) => void>();
  const early = new Map<string, Diagnostic[]>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiter = published.get(params.uri);
    if (waiter) {
      published.delete(params.uri);
      waiter(params.diagnostics);
    } else early.set(params.uri, params.diagnostics);
  });
  const diagnosticsOf = (uri: string): Promise<Diagnostic[]> => {
    const ready = early.get(uri);
    if (ready) {
      early.delete(uri);
      return Promise.resolve(ready);
    }
    return within(`diagnostics for ${uri}`, new Promise((resolve) => published.set(uri, resolve)));
  };
  connection.listen();

  await within('initialize', connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }));
  await connection.sendNotification('initialized', {});

  // Opened by its name: the wrapped comment line is a VT201 error, with the rule's page linked.
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: CONF, languageId: 'ksmtuned', version: 1, text: TEXT } });
  const diagnostics = await diagnosticsOf(CONF);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['VT201']);
  const vt201 = diagnostics[0]!;
  assert.equal(vt201.severity, 1);
  assert.deepEqual(vt201.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
  assert.ok(vt201.codeDescription?.href.endsWith('/docs/rules/VT201.md'), vt201.codeDescription?.href);

  // Its quick fix comments the line out.
  const actions = await within(
    'codeAction',
    connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: CONF }, range: vt201.range, context: { diagnostics: [vt201] } }),
  );
  const fix = actions.find((action) => action.isPreferred);
  assert.ok(fix?.edit?.changes?.[CONF], JSON.stringify(actions));
  const fixed = TextDocument.applyEdits(TextDocument.create(CONF, 'ksmtuned', 1, TEXT), fix.edit.changes[CONF]);
  assert.equal(fixed, TEXT.replace('\nless', '\n# less'));

  // Hover on a variable, completion of names.
  const hover = await within('hover', connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: CONF }, position: { line: 2, character: 4 } }));
  assert.match((hover?.contents as MarkupContent).value, /\*\*KSM_NPAGES_MAX\*\*/);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: CONF, version: 2 }, contentChanges: [{ text: `${fixed}KSM_THR` }] });
  // The fixed comment is clean; the half-typed name is, as it stands, a command.
  assert.deepEqual((await diagnosticsOf(CONF)).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [['VT201', 3]]);
  const completion = await within(
    'completion',
    connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: CONF }, position: { line: 3, character: 7 } }),
  );
  assert.ok(completion.items.some((item) => item.label === 'KSM_THRES_COEF'), JSON.stringify(completion.items.map((item) => item.label)));

  // An untitled document in the ksmtuned language is served too (its uri has no file name to go by).
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: UNTITLED, languageId: 'ksmtuned', version: 1, text: 'DEBUG=0\n' } });
  assert.deepEqual((await diagnosticsOf(UNTITLED)).map((diagnostic) => diagnostic.code), ['VT212']);

  await within('shutdown', connection.sendRequest('shutdown'));
  await connection.sendNotification('exit');
  assert.equal(await within('the server to exit', exited), 0, stderr());
  connection.dispose();
});
