import { test } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { domain } from '../helpers';
import { HOSTS } from '../host/hostFixtures';
import { startStdioServer, until as untilSeen } from '../lsp/stdioServer';
import { GUEST_FOLDER } from './guestFixtures';

test('the server reads the other guests of the document\'s folder off the keystroke path and republishes with VT110', { timeout: 60_000 }, async (t) => {
  const { connection } = startStdioServer(t);
  let guests: unknown = 'auto';
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ host: join(HOSTS, 'two-nodes'), guests })));
  const uri = pathToFileURL(join(GUEST_FOLDER, 'new-guest.xml')).toString();
  const published: string[][] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri === uri) published.push(params.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`));
  });
  connection.listen();
  const until = (what: string, done: () => boolean) => untilSeen(what, done, () => published);
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='2'/>\n  </cputune>`);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
  await until('VT110 naming web01', () => published.some((messages) => messages.some((message) => /^VT110 .*'web01' \(web01\.xml, autostart\)/.test(message))));

  guests = 'none';
  const before = published.length;
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await until('a republish without VT110', () => published.slice(before).some((messages) => !messages.some((message) => message.startsWith('VT110'))));
});
