import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { CLEAN_DOMAIN, SELF_CLOSED_HUGEPAGES, SELF_CLOSED_HUGEPAGES_FIXED } from '../cli/cliHarness';
import { SERVER, startStdioServer, within } from './stdioServer';

const GUEST = 'file:///virt-tune-test/guest.xml';
const NETWORK = 'file:///virt-tune-test/network.xml';
const NETWORK_XML = `<network>\n  <name>default</name>\n  <forward mode='nat'/>\n</network>\n`;

/** The server's publishDiagnostics notifications per uri, taken in the order they came. */
class DiagnosticsInbox {
  private readonly queues = new Map<string, Diagnostic[][]>();
  private readonly waiters = new Map<string, (diagnostics: Diagnostic[]) => void>();
  readonly urisSeen = new Set<string>();

  receive(params: PublishDiagnosticsParams): void {
    this.urisSeen.add(params.uri);
    const waiter = this.waiters.get(params.uri);
    if (waiter) {
      this.waiters.delete(params.uri);
      waiter(params.diagnostics);
    } else {
      this.queues.set(params.uri, [...(this.queues.get(params.uri) ?? []), params.diagnostics]);
    }
  }

  next(uri: string): Promise<Diagnostic[]> {
    const queued = this.queues.get(uri)?.shift();
    if (queued) return Promise.resolve(queued);
    return within(`diagnostics for ${uri}`, new Promise((resolve) => this.waiters.set(uri, resolve)));
  }
}

test('the language server publishes, clears, fixes and ignores non-domain XML over stdio', { timeout: 120_000 }, async (t) => {
  const { connection, stderr, exited } = startStdioServer(t);
  const inbox = new DiagnosticsInbox();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => inbox.receive(params));
  const logged: string[] = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => logged.push(params.message));
  connection.listen();

  const initialized = await within(
    'initialize',
    connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }),
  );
  assert.equal(initialized.capabilities.textDocumentSync, 2);
  assert.deepEqual(initialized.capabilities.completionProvider?.triggerCharacters, ['<', '/', "'", '"', '=']);
  assert.equal(initialized.capabilities.hoverProvider, true);
  await connection.sendNotification('initialized', {});

  // A domain with the guide's self-closed <hugepages/>: one VT100 with a link to its page.
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: GUEST, languageId: 'xml', version: 1, text: SELF_CLOSED_HUGEPAGES },
  });
  const opened = await inbox.next(GUEST);
  const vt100 = opened.find((diagnostic) => diagnostic.code === 'VT100');
  assert.ok(vt100, JSON.stringify(opened));
  assert.equal(vt100.source, 'virt-tune');
  assert.equal(vt100.severity, 1);
  assert.deepEqual(vt100.range, { start: { line: 5, character: 14 }, end: { line: 5, character: 16 } });
  assert.ok(vt100.codeDescription?.href.startsWith('file://'), vt100.codeDescription?.href);
  assert.ok(vt100.codeDescription?.href.endsWith('/docs/rules/VT100.md'), vt100.codeDescription?.href);

  // Its quick fix: a preferred quickfix carrying the diagnostic, whose edit removes the '/'.
  const actions = await within(
    'codeAction',
    connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: GUEST },
      range: vt100.range,
      context: { diagnostics: [vt100] },
    }),
  );
  const fix = actions.find((action) => action.diagnostics?.some((diagnostic) => diagnostic.code === 'VT100'));
  assert.ok(fix, JSON.stringify(actions));
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  const edits = fix.edit?.changes?.[GUEST];
  assert.ok(edits);
  const fixed = TextDocument.applyEdits(TextDocument.create(GUEST, 'xml', 1, SELF_CLOSED_HUGEPAGES), edits);
  assert.equal(fixed, SELF_CLOSED_HUGEPAGES_FIXED);
  const refactorsOnly = await within(
    'codeAction (refactor only)',
    connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: GUEST },
      range: vt100.range,
      context: { diagnostics: [vt100], only: ['refactor'] },
    }),
  );
  assert.deepEqual(refactorsOnly, []);

  // Completion and hover answer (whatever the services say today) without an error.
  const completion = await within(
    'completion',
    connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: GUEST },
      position: { line: 1, character: 3 },
    }),
  );
  assert.ok(completion === null || Array.isArray(completion) || Array.isArray(completion.items));
  await within('hover', connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: GUEST }, position: { line: 2, character: 4 } }));

  // A change to a clean text publishes an empty list, so the old diagnostic clears.
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: GUEST, version: 2 },
    contentChanges: [{ text: CLEAN_DOMAIN }],
  });
  assert.deepEqual(await inbox.next(GUEST), []);

  // Broken again, then turned into a <network>: its diagnostics clear once and it is left alone.
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: GUEST, version: 3 },
    contentChanges: [{ text: SELF_CLOSED_HUGEPAGES }],
  });
  assert.ok((await inbox.next(GUEST)).some((diagnostic) => diagnostic.code === 'VT100'));
  // Incremental sync: an editor sends only what changed. Deleting the '/' the VT100 points at makes the
  // fixed document; typing it again makes the first one, with the same findings as when it was opened.
  const slash = { start: vt100.range.start, end: { line: vt100.range.start.line, character: vt100.range.start.character + 1 } };
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: GUEST, version: 4 },
    contentChanges: [{ range: slash, text: '' }],
  });
  assert.ok(!(await inbox.next(GUEST)).some((diagnostic) => diagnostic.code === 'VT100'));
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: GUEST, version: 5 },
    contentChanges: [{ range: { start: slash.start, end: slash.start }, text: '/' }],
  });
  assert.deepEqual(await inbox.next(GUEST), opened);
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: GUEST, version: 6 },
    contentChanges: [{ text: NETWORK_XML }],
  });
  assert.deepEqual(await inbox.next(GUEST), []);

  // Other XML gets nothing: no diagnostics, no completion, no hover, no code actions.
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: NETWORK, languageId: 'xml', version: 1, text: NETWORK_XML },
  });
  const networkPosition = { textDocument: { uri: NETWORK }, position: { line: 1, character: 4 } };
  const networkCompletion = await within('completion on <network>', connection.sendRequest<CompletionList>('textDocument/completion', networkPosition));
  assert.deepEqual(networkCompletion.items, []);
  assert.equal(await within('hover on <network>', connection.sendRequest('textDocument/hover', networkPosition)), null);
  // The server handles messages in order: had didOpen published anything, it would have come before these answers.
  assert.ok(!inbox.urisSeen.has(NETWORK));

  // Requests about a document never opened answer empty instead of failing.
  const unknown = { textDocument: { uri: 'file:///virt-tune-test/never-opened.xml' }, position: { line: 0, character: 0 } };
  assert.equal(await within('hover on an unknown document', connection.sendRequest('textDocument/hover', unknown)), null);

  // Closing publishes an empty list.
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: `${GUEST}.2`, languageId: 'xml', version: 1, text: SELF_CLOSED_HUGEPAGES },
  });
  assert.ok((await inbox.next(`${GUEST}.2`)).length > 0);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: `${GUEST}.2` } });
  assert.deepEqual(await inbox.next(`${GUEST}.2`), []);

  await within('shutdown', connection.sendRequest('shutdown'));
  await connection.sendNotification('exit');
  assert.equal(await within('the server to exit', exited), 0, stderr());
  connection.dispose();
  assert.deepEqual(logged.filter((message) => /failed/.test(message)), []);
});

test('the language server also speaks over node IPC, as vscode-languageclient starts it', { timeout: 60_000 }, async (t) => {
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  t.after(() => {
    if (child.exitCode === null) child.kill();
  });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const inbox = new DiagnosticsInbox();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => inbox.receive(params));
  connection.listen();
  const initialized = await within(
    'initialize over IPC',
    connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }),
  );
  assert.equal(initialized.serverInfo?.name, 'virt-tune');
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: GUEST, languageId: 'xml', version: 1, text: SELF_CLOSED_HUGEPAGES },
  });
  assert.ok((await inbox.next(GUEST)).some((diagnostic) => diagnostic.code === 'VT100'));
  await within('shutdown', connection.sendRequest('shutdown'));
  await connection.sendNotification('exit');
  assert.equal(await within('the server to exit', exited), 0);
  connection.dispose();
});

test('virt-tune-ls without a transport prints its usage and exits 2', () => {
  const child = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(child.status, 2);
  assert.match(child.stderr, /Usage: virt-tune-ls --stdio/);
});
