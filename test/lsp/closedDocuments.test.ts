import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { resolve } from 'node:path';
import { createConnection, createMessageConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { documentsHeld } from '../../server/src/core/documentCache';
import { startLanguageServer } from '../../server/src/lsp/languageServer';
import { chooseSchema } from '../../server/src/services';
import { CORPUS_DIR, missing } from '../kb/shared';
import { GUEST, guestWith } from '../schema/guest';
import { until, within } from './stdioServer';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(SCHEMA) ?? false;
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A disk without <target>: only libvirt's schema says so (VT108), so each domain gets a verdict to keep. */
const NO_TARGET = guestWith("      <target dev='vda' bus='virtio'/>\n", '');

/** The language server of this process, spoken to over in-memory streams, so its caches can be looked into. */
function startInProcess(): { client: ReturnType<typeof createMessageConnection>; publications: PublishDiagnosticsParams[] } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startLanguageServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const publications: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => publications.push(params));
  client.listen();
  return { client, publications };
}

test('documents the server closes leave every cache: trees, findings, verdicts, slow-diagnostics state, published lists', { skip, timeout: 120_000 }, async () => {
  const { client, publications } = startInProcess();
  await within('initialize', client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { schema: SCHEMA, host: 'none', libvirt: 'none', guests: 'none' } }));
  await client.sendNotification('initialized', {});

  const domains = Array.from({ length: 12 }, (_, index) => `file:///closed-test/guest-${index}.xml`);
  const others = [
    ...Array.from({ length: 3 }, (_, index) => ({ uri: `file:///closed-test/${index}/ksmtuned.conf`, text: 'KSM_MONITOR_INTERVAL=60\nKSM_NPAGES_MAX=99999999\n' })),
    ...Array.from({ length: 3 }, (_, index) => ({ uri: `file:///closed-test/boot-${index}.cmdline`, text: 'ro quiet hugepagesz=1G hugepages=4 hugepagesz=1G\n' })),
  ];
  for (const uri of domains) await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text: NO_TARGET } });
  for (const { uri, text } of others) await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const judged = (uri: string) => publications.some((params) => params.uri === uri && params.diagnostics.some((diagnostic) => diagnostic.code === 'VT108'));
  await until('every domain\'s schema verdict', () => domains.every(judged), () => publications.map((params) => `${params.uri} v${params.version}: ${params.diagnostics.length}`), 60_000);
  for (const uri of [...domains, ...others.map((other) => other.uri)]) {
    const position = { line: 1, character: 3 };
    await client.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    await client.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
  }

  // What the server holds while they are open: every store has something, and every document is somewhere.
  const held = documentsHeld();
  for (const store of ['slow diagnostics', 'schema verdicts', 'published diagnostics', 'document cache']) {
    assert.ok(held.some((entry) => entry.store === store), `nothing in ${store}: ${JSON.stringify(held)}`);
  }
  for (const uri of [...domains, ...others.map((other) => other.uri)]) assert.ok(held.some((entry) => entry.uri === uri), `${uri} is in no cache`);

  // Half the domains change and close while their verdict is being worked out; the rest close as they are.
  for (const [index, uri] of domains.entries()) {
    if (index % 2 === 0) await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: GUEST.replace('<name>guest</name>', `<name>guest-${index}</name>`) }] });
  }
  await delay(150);
  for (const uri of [...domains, ...others.map((other) => other.uri)]) await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  // A hover answered means every notification before it was handled; late verdicts still have a moment to land.
  await client.sendRequest('textDocument/hover', { textDocument: { uri: domains[0]! }, position: { line: 0, character: 1 } });
  await delay(1000);
  assert.deepEqual(documentsHeld(), []);
  await within('shutdown', client.sendRequest('shutdown'));
  client.dispose();
  // The schema worker's stdio would keep this test's process alive: choosing no schema stops it.
  await chooseSchema('builtin');
});
