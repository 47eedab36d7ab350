import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { startStdioServer, within } from '../lsp/stdioServer';

test('the language server reads the drop-ins beside an open /etc/default/grub and re-checks it as a drop-in is edited', { timeout: 60_000 }, async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'vt-drop-ins-lsp-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const grub = join(root, 'etc', 'default', 'grub');
  const cloud = join(root, 'etc', 'default', 'grub.d', '50-cloudimg-settings.cfg');
  await mkdir(join(root, 'etc', 'default', 'grub.d'), { recursive: true });
  const grubText = 'GRUB_CMDLINE_LINUX_DEFAULT="quiet hugepagesz=1G hugepages=16"\n';
  const cloudText = 'GRUB_TIMEOUT=0\nGRUB_CMDLINE_LINUX_DEFAULT="console=tty1 console=ttyS0"\n';
  await writeFile(grub, grubText);
  await writeFile(cloud, cloudText);
  const grubUri = pathToFileURL(grub).href;
  const cloudUri = pathToFileURL(cloud).href;

  const { connection } = startStdioServer(t);
  const waiting: { uri: string; wanted: (diagnostics: Diagnostic[]) => boolean; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (const wait of [...waiting]) {
      if (wait.uri === params.uri && wait.wanted(params.diagnostics)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(params.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.listen();
  const published = (uri: string, what: string, wanted: (diagnostics: Diagnostic[]) => boolean) =>
    within(what, new Promise<Diagnostic[]>((resolve) => waiting.push({ uri, wanted, resolve })));
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

  await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }));
  await connection.sendNotification('initialized', {});

  // Published at once without the drop-ins, then again once the folder is read.
  const replaced = published(grubUri, 'VT320 once grub.d is read', (diagnostics) => codes(diagnostics).includes('VT320'));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: grubUri, languageId: 'grub', version: 1, text: grubText } });
  const [finding] = await replaced;
  assert.match(finding!.message, /by the drop-in grub\.d\/50-cloudimg-settings\.cfg \(line 2\), which grub-mkconfig sources after this file/);

  // The drop-in opened and changed to keep the value: /etc/default/grub is checked again, unsaved.
  const kept = published(grubUri, 'VT320 gone once the drop-in keeps the value', (diagnostics) => !codes(diagnostics).includes('VT320'));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: cloudUri, languageId: 'grub', version: 1, text: cloudText } });
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: cloudUri, version: 2 },
    contentChanges: [{ text: 'GRUB_TIMEOUT=0\nGRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT console=tty1 console=ttyS0"\n' }],
  });
  await kept;

  // Closed unsaved: the file on disk counts again.
  const back = published(grubUri, 'VT320 back once the drop-in is closed unsaved', (diagnostics) => codes(diagnostics).includes('VT320'));
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: cloudUri } });
  await back;
});
