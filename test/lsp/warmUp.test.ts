import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import { runInTurns, warmUpSteps, WARM_UP_COMPLETIONS, WARM_UP_FRAGMENT, WARM_UP_HOVERS, WARM_UP_LINT_MAX_CHARACTERS, WARM_UP_LINT_MAX_FINDINGS, WARM_UP_LINTS, WARM_UP_TYPED, type WarmUpProbes } from '../../server/src/lsp/warmUp';
import { GUEST } from '../schema/guest';
import { startStdioServer, until, within } from './stdioServer';

const URI = 'file:///etc/libvirt/qemu/guest.xml';

/** Probes that note every call, over documents a test opens and closes. */
function recordingProbes(open: Map<string, TextDocument>) {
  const calls: { what: string; uri: string; version?: number; text?: string; offset?: number }[] = [];
  const probes: WarmUpProbes = {
    current: (uri) => open.get(uri),
    diagnostics: (copy) => calls.push({ what: 'diagnostics', uri: copy.uri, version: copy.version, text: copy.getText() }),
    completion: (document: TextDocument, position: Position) => calls.push({ what: 'completion', uri: document.uri, offset: document.offsetAt(position) }),
    hover: (document: TextDocument, position: Position) => calls.push({ what: 'hover', uri: document.uri, offset: document.offsetAt(position) }),
    forget: (uri) => calls.push({ what: 'forget', uri }),
  };
  return { calls, probes };
}

test('a warm-up lints a copy edited as by keystrokes, then completes and hovers over the real document, and forgets the copy', () => {
  const document = TextDocument.create(URI, 'xml', 3, GUEST);
  const { calls, probes } = recordingProbes(new Map([[URI, document]]));
  const steps = [...warmUpSteps(URI, probes)];

  const lints = calls.filter((call) => call.what === 'diagnostics');
  assert.equal(lints.length, WARM_UP_LINTS + 1);
  assert.ok(lints.every((lint) => lint.uri === URI + WARM_UP_FRAGMENT), 'the real document is never linted: its cached findings stay');
  assert.deepEqual(lints.map((lint) => lint.version), lints.map((_, index) => index + 1));
  assert.equal(lints[0]!.text, GUEST);
  // Then the document with one character typed, each at a place of its own further on.
  const places = lints.slice(1).map((lint, index) => {
    assert.equal(lint.text!.length, GUEST.length + 1);
    const at = firstDifference(GUEST, lint.text!);
    assert.equal(lint.text, GUEST.slice(0, at) + WARM_UP_TYPED[index % WARM_UP_TYPED.length] + GUEST.slice(at), `lint ${index + 1}`);
    return at;
  });
  assert.deepEqual(places, [...new Set(places)].sort((a, b) => a - b), `${places}`);

  const completions = calls.filter((call) => call.what === 'completion');
  const hovers = calls.filter((call) => call.what === 'hover');
  assert.equal(completions.length, WARM_UP_COMPLETIONS);
  assert.equal(hovers.length, WARM_UP_HOVERS);
  assert.ok([...completions, ...hovers].every((call) => call.uri === URI));
  // Spread over the whole document, in order.
  const offsets = completions.map((call) => call.offset!);
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
  assert.ok(offsets[0]! < GUEST.length / 10 && offsets.at(-1)! > (GUEST.length * 9) / 10, `${offsets}`);

  assert.deepEqual(calls.at(-1), { what: 'forget', uri: URI + WARM_UP_FRAGMENT });
  // One step per lint after the first, per completion and per hover: the turns a message may come between.
  assert.equal(steps.length, WARM_UP_LINTS + WARM_UP_COMPLETIONS + WARM_UP_HOVERS);
});

function firstDifference(a: string, b: string): number {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return at;
}

test('a warm-up stops at the next step once its document is closed, and still forgets the copy', () => {
  const open = new Map([[URI, TextDocument.create(URI, 'xml', 1, GUEST)]]);
  const { calls, probes } = recordingProbes(open);
  const steps = warmUpSteps(URI, probes);
  steps.next();
  steps.next();
  open.delete(URI);
  assert.equal(steps.next().done, true);
  assert.equal(calls.filter((call) => call.what === 'diagnostics').length, 2);
  assert.equal(calls.filter((call) => call.what === 'completion' || call.what === 'hover').length, 0);
  assert.deepEqual(calls.at(-1), { what: 'forget', uri: URI + WARM_UP_FRAGMENT });
});

test('a document too large to lint over and over is only completed and hovered in', () => {
  const large = `<domain type='kvm'>\n${'  <!-- padding padding padding padding -->\n'.repeat(Math.ceil(WARM_UP_LINT_MAX_CHARACTERS / 40))}</domain>\n`;
  const { calls, probes } = recordingProbes(new Map([[URI, TextDocument.create(URI, 'xml', 1, large)]]));
  for (const _ of warmUpSteps(URI, probes));
  assert.equal(calls.filter((call) => call.what === 'diagnostics').length, 0);
  assert.equal(calls.filter((call) => call.what === 'completion').length, WARM_UP_COMPLETIONS);
});

test('a document whose publication had very many findings is only completed and hovered in', () => {
  const lintsWith = (publishedFindings: number): number => {
    const { calls, probes } = recordingProbes(new Map([[URI, TextDocument.create(URI, 'xml', 1, GUEST)]]));
    for (const _ of warmUpSteps(URI, probes, publishedFindings));
    assert.equal(calls.filter((call) => call.what === 'hover').length, WARM_UP_HOVERS);
    return calls.filter((call) => call.what === 'diagnostics').length;
  };
  assert.equal(lintsWith(WARM_UP_LINT_MAX_FINDINGS), WARM_UP_LINTS + 1);
  assert.equal(lintsWith(WARM_UP_LINT_MAX_FINDINGS + 1), 0);
});

test('steps run one per turn of the event loop: work queued meanwhile waits for one step at most', async () => {
  const order: string[] = [];
  function* steps(): Generator<void> {
    for (let step = 1; step <= 4; step++) {
      order.push(`step ${step}`);
      if (step === 1) setImmediate(() => order.push('message'));
      yield;
    }
  }
  const done = new Promise<void>((resolve) => runInTurns(steps(), (run) => {
    run();
    if (order.length === 5) resolve();
  }));
  await within('the steps', done, 5_000);
  assert.deepEqual(order, ['step 1', 'message', 'step 2', 'step 3', 'step 4']);
});

test('each step waits until the server is ready for it', async () => {
  const order: string[] = [];
  let release: (() => void) | undefined;
  function* steps(): Generator<void> {
    order.push('step 1');
    yield;
    order.push('step 2');
  }
  runInTurns(steps(), undefined, (next) => {
    if (order.length === 1) release = next;
    else next();
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(order, ['step 1']);
  release!();
  assert.deepEqual(order, ['step 1', 'step 2']);
});

test('a step that throws ends the warm-up without an uncaught exception', async () => {
  let ran = 0;
  function* steps(): Generator<void> {
    ran++;
    yield;
    ran++;
    throw new Error('a bug in a probe');
  }
  runInTurns(steps());
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(ran, 2);
});

test("the server warms each kind's handlers once, after its first publication, and keeps no copy", { timeout: 60_000 }, async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-warm-up-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const traceFile = join(folder, 'trace.json');
  const server = startStdioServer(t, { env: { ...process.env, VIRT_TUNE_TRACE: traceFile } });
  const published: string[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => published.push(params.uri));
  server.connection.listen();
  await within('initialize', server.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { schema: 'builtin', host: 'none', libvirt: 'none', guests: 'none' } }));
  await server.connection.sendNotification('initialized', {});
  const opened = [
    { uri: 'file:///warm/a.xml', languageId: 'xml', text: GUEST },
    { uri: 'file:///warm/b.xml', languageId: 'xml', text: GUEST.replace('<name>guest</name>', '<name>other</name>') },
    { uri: 'file:///warm/ksmtuned.conf', languageId: 'plaintext', text: 'KSM_MONITOR_INTERVAL=60\nKSM_NPAGES_MAX=1250\n' },
  ];
  for (const { uri, languageId, text } of opened) await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  await until('every publication', () => opened.every(({ uri }) => published.includes(uri)), () => published);
  // The warm-up runs in turns no message takes: a request answered long after means it is done.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await within('hover', server.connection.sendRequest('textDocument/hover', { textDocument: { uri: opened[0]!.uri }, position: { line: 1, character: 3 } }));
  await within('shutdown', server.connection.sendRequest('shutdown'));
  await server.connection.sendNotification('exit');
  await within('exit', server.exited);

  const steps = (JSON.parse(readFileSync(traceFile, 'utf8')) as { name: string; detail: string }[]).filter((entry) => entry.name === 'warm-up');
  const perDocument = new Map<string, number>();
  for (const step of steps) perDocument.set(step.detail, (perDocument.get(step.detail) ?? 0) + 1);
  const turns = 1 + WARM_UP_LINTS + WARM_UP_COMPLETIONS + WARM_UP_HOVERS;
  assert.deepEqual(Object.fromEntries(perDocument), { 'file:///warm/a.xml': turns, 'file:///warm/ksmtuned.conf': turns });
});
