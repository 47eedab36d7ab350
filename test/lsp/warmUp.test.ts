import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, createMessageConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { documentsHeld } from '../../server/src/core/documentCache';
import { startLanguageServer } from '../../server/src/lsp/languageServer';
import { WARM_UP_URI, warmUpSteps, warmUpWhenQuiet, type WarmUpCalls } from '../../server/src/lsp/warmUp';
import { domainDocument } from '../../server/src/domain/document';
import { cursorContext } from '../../server/src/xml/cursor';
import { serviceFor } from '../../server/src/services';
import { GUEST } from '../schema/guest';
import { until, within } from './stdioServer';

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Calls that only count what they are asked (and, for completion, what the cursor is on). */
function countingCalls(): WarmUpCalls & { asked: string[]; texts: string[]; contexts: Set<string> } {
  const asked: string[] = [];
  const texts: string[] = [];
  const contexts = new Set<string>();
  return {
    asked,
    texts,
    contexts,
    findings: (document: TextDocument) => {
      asked.push('findings');
      texts.push(document.getText());
    },
    completion: (document: TextDocument, position: Position) => {
      asked.push('completion');
      contexts.add(cursorContext(domainDocument(document).xml, document.offsetAt(position)).kind);
    },
    hover: () => void asked.push('hover'),
    forget: (uri: string) => {
      asked.push(`forget ${uri}`);
      serviceFor('domain')!.forget(uri);
    },
  };
}

test('the warm-up types at every kind of place of a copy, asks completion and hover there, and gives the copy back as it was, then forgets it', () => {
  const calls = countingCalls();
  const steps = warmUpSteps(GUEST, calls);
  assert.ok(steps.length > 20, `${steps.length} steps`);
  for (const step of steps) step();
  assert.deepEqual([...calls.contexts].sort(), ['attribute-name', 'attribute-value', 'content', 'element-name', 'end-tag-name', 'text']);
  assert.ok(calls.asked.filter((call) => call === 'hover').length >= 6);
  // Every keystroke typed is taken back: the copy ends as the text it copied.
  assert.equal(calls.texts[0], GUEST);
  assert.equal(calls.texts.at(-1), GUEST);
  assert.ok(new Set(calls.texts).size > 6);
  assert.equal(calls.asked.at(-1), `forget ${WARM_UP_URI}`);
  assert.ok(!documentsHeld().some((entry) => entry.uri === WARM_UP_URI));
});

test('a text that is no domain gets no steps but the forgetting', () => {
  const calls = countingCalls();
  for (const step of warmUpSteps('<network><name>default</name></network>', calls)) step();
  assert.deepEqual(calls.asked, ['findings', `forget ${WARM_UP_URI}`]);
});

test('the warm-up waits for the client to be quiet, runs once per process, and a cancel forgets its copy at once', async () => {
  const calls = countingCalls();
  const stepTimes: number[] = [];
  const timed: WarmUpCalls = {
    ...calls,
    findings: (document) => {
      stepTimes.push(performance.now());
      calls.findings(document);
    },
  };
  const warming = warmUpWhenQuiet(timed, 30);
  warming.start(() => GUEST);
  // Activity every 10 ms holds it back: no step runs within 30 ms of an activity (a loaded machine may wait longer between two).
  const activities: number[] = [];
  for (let i = 0; i < 8; i++) {
    await delay(10);
    warming.activity();
    activities.push(performance.now());
  }
  await until('the warm-up', () => calls.asked.at(-1) === `forget ${WARM_UP_URI}`, () => calls.asked.length, 10_000);
  for (const at of stepTimes) {
    const before = activities.filter((activity) => activity <= at);
    if (before.length > 0) assert.ok(at - before.at(-1)! >= 29, `a step ${at - before.at(-1)!} ms after an activity`);
  }
  const once = calls.asked.length;
  warming.start(() => GUEST);
  await delay(100);
  assert.equal(calls.asked.length, once);

  const cancelled = countingCalls();
  const other = warmUpWhenQuiet(cancelled, 10);
  other.start(() => GUEST);
  await until('a few steps', () => cancelled.asked.length >= 3, () => cancelled.asked, 10_000);
  other.cancel();
  const at = cancelled.asked.length;
  assert.equal(cancelled.asked.at(-1), `forget ${WARM_UP_URI}`);
  await delay(50);
  assert.equal(cancelled.asked.length, at);

  const gone = countingCalls();
  const none = warmUpWhenQuiet(gone, 10);
  none.start(() => undefined);
  await delay(50);
  assert.deepEqual(gone.asked, []);
});

test('the server warms up on a copy of the first domain once the client is quiet: nothing published for it, nothing kept after', { timeout: 60_000 }, async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startLanguageServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const publications: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => publications.push(params));
  client.listen();
  await within('initialize', client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { schema: 'builtin', host: 'none', libvirt: 'none', guests: 'none' } }));
  await client.sendNotification('initialized', {});
  const uri = 'file:///warm-up-test/guest.xml';
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text: GUEST } });
  // Looked for between every two turns of the event loop: on a small document the warm-up's steps are quick.
  const deadline = Date.now() + 20_000;
  while (!documentsHeld().some((entry) => entry.uri === WARM_UP_URI)) {
    assert.ok(Date.now() < deadline, 'the warm-up copy never came in the caches');
    await new Promise((done) => setImmediate(done));
  }
  await until('the warm-up copy forgotten', () => !documentsHeld().some((entry) => entry.uri === WARM_UP_URI), () => documentsHeld(), 20_000);
  assert.deepEqual([...new Set(publications.map((params) => params.uri))], [uri]);
  await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.sendRequest('shutdown');
  client.dispose();
});
