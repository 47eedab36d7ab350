import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver/node';
import { ROOT } from '../cli/cliHarness';
import { startStdioServer, within } from './stdioServer';

const FILE = join(ROOT, 'examples', 'everyday-mistakes.xml');
const URI = pathToFileURL(FILE).href;
const TEXT = readFileSync(FILE, 'utf8');
const HOST = join(ROOT, 'examples', 'hosts', 'guide-4-node');

test('the server offers "Tune for this host" on <cputune> with the saved host, and after it the hover of a pin tells the placement', async (t) => {
  const { connection } = startStdioServer(t);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section === 'virtTune' ? { host: HOST } : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }));
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 1, text: TEXT } });

  const line = TEXT.split('\n').findIndex((each) => each.includes('<cputune>'));
  const ask = (uri: string, at: { line: number; character: number }, only?: string[]) =>
    connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], ...(only ? { only } : {}) } });
  let tunes: CodeAction[] = [];
  // The host is read in the background after the settings arrive: ask until it is there.
  for (let tries = 0; tries < 50 && tunes.length === 0; tries++) {
    tunes = (await within('codeAction', ask(URI, { line, character: 4 }))).filter((action) => action.title.startsWith('Tune for this host'));
    if (tunes.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(tunes.map((action) => [action.title, action.kind, action.isPreferred]), [
    ['Tune for this host: across nodes 0-3 with 4 guest NUMA cells: 1 vCPU and 2 GiB each, 1 GiB pages on nodes 1-2', 'refactor.rewrite', true],
  ]);
  assert.deepEqual((await ask(URI, { line, character: 4 }, ['quickfix'])).filter((action) => action.title.startsWith('Tune')), []);
  const osLine = TEXT.split('\n').findIndex((each) => each.includes('<os>'));
  assert.deepEqual((await ask(URI, { line: osLine, character: 3 })).filter((action) => action.title.startsWith('Tune')), [], 'not offered on <os>');

  const tuned = TextDocument.applyEdits(TextDocument.create(URI, 'xml', 1, TEXT), tunes[0]!.edit!.changes![URI]!);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: tuned }] });
  const pinLine = tuned.split('\n').findIndex((each) => each.includes('<emulatorpin'));
  const hover = await within('hover', connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: pinLine, character: 6 } }));
  assert.match((hover?.contents as MarkupContent).value, /\*\*Tune for this host\*\* across nodes 0-3 .*\.\n\n\*\*`<cputune>`\*\*: each vCPU pinned/);
  assert.deepEqual((await ask(URI, { line, character: 4 })).filter((action) => action.title.startsWith('Tune')), [], 'nothing left to tune');
});
