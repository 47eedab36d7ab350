import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import {
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { CORPUS_DIR, missing } from '../kb/shared';
import { GUEST, guestWith } from '../schema/guest';
import { startStdioServer, within } from './stdioServer';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(SCHEMA) ?? false;
const STEP_TIMEOUT_MS = 20_000;
const URI = 'file:///virt-tune-test/schema-guest.xml';

/** The guest with a misspelt argument of libvirt's QEMU namespace, which only the schema judges (VT101 with a rename). */
const QEMU_ARGG = guestWith("<domain type='kvm'>", "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>")
  .replace('</devices>', "</devices>\n  <qemu:commandline>\n    <qemu:argg value='-no-hpet'/>\n  </qemu:commandline>");
/** A disk without <target>: VT108, which only the schema judges. */
const NO_TARGET = guestWith("      <target dev='vda' bus='virtio'/>\n", '');

/** Every publishDiagnostics in the order it came, and a way to wait for one that satisfies a test. */
class Publications {
  readonly all: PublishDiagnosticsParams[] = [];
  private waiter: { accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void } | undefined;

  receive(params: PublishDiagnosticsParams): void {
    this.all.push(params);
    if (this.waiter?.accept(params)) {
      this.waiter.resolve(params);
      this.waiter = undefined;
    }
  }

  /** The first publication from `from` on that `accept` takes. */
  until(what: string, accept: (params: PublishDiagnosticsParams) => boolean, from = 0): Promise<PublishDiagnosticsParams> {
    const found = this.all.slice(from).find(accept);
    if (found) return Promise.resolve(found);
    return step(what, new Promise((resolve) => (this.waiter = { accept, resolve })));
  }
}

function step<T>(what: string, promise: Promise<T>): Promise<T> {
  return within(what, promise, STEP_TIMEOUT_MS);
}

/** A server over stdio whose client answers workspace/configuration with `virtTune.schema` set to `schema`. */
async function startServer(t: { after(fn: () => void): void }, schema: string) {
  const { connection } = startStdioServer(t);
  const publications = new Publications();
  const shown: string[] = [];
  let messageShown: () => void = () => {};
  const firstMessage = new Promise<void>((resolve) => (messageShown = resolve));
  const show = (params: { message: string }) => {
    shown.push(params.message);
    messageShown();
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => publications.receive(params));
  connection.onNotification('window/showMessage', show);
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    show(params);
    return null;
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'virtTune' ? { schema } : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await step('initialize', connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
  }));
  await connection.sendNotification('initialized', {});
  const stop = async () => {
    await step('shutdown', connection.sendRequest('shutdown'));
    await connection.sendNotification('exit');
  };
  return { connection, publications, shown, firstMessage, stop };
}

const hasCode = (code: string) => (params: PublishDiagnosticsParams) => params.uri === URI && params.diagnostics.some((diagnostic) => diagnostic.code === code);

test('with virtTune.schema set, the schema verdict arrives after the fast findings, with its quick fix, and a later change clears it', { skip, timeout: 120_000 }, async (t) => {
  const { connection, publications, stop } = await startServer(t, SCHEMA);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 1, text: QEMU_ARGG } });

  // The fast findings come at once and know nothing of <qemu:argg>; the schema's come later, merged in.
  const first = await publications.until('the first publication', (params) => params.uri === URI);
  assert.ok(!first.diagnostics.some((diagnostic) => diagnostic.code === 'VT101'), JSON.stringify(first.diagnostics));
  const judged = await publications.until('the schema verdict', hasCode('VT101'));
  assert.equal(judged.version, 1);
  const vt101 = judged.diagnostics.find((diagnostic) => diagnostic.code === 'VT101')!;
  const line = QEMU_ARGG.split('\n').findIndex((text) => text.includes('<qemu:argg'));
  const character = QEMU_ARGG.split('\n')[line]!.indexOf('qemu:argg');
  assert.deepEqual(vt101.range, { start: { line, character }, end: { line, character: character + 'qemu:argg'.length } });
  assert.match(vt101.message, /Did you mean <qemu:arg>\? \(libvirt 11\.3\.0 schema\)$/);
  assert.equal(vt101.severity, 1);

  const actions = await step('codeAction', connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: vt101.range,
    context: { diagnostics: [vt101] },
  }));
  const rename = actions.find((action) => action.title === 'Rename <qemu:argg> to <qemu:arg>');
  assert.ok(rename, JSON.stringify(actions));
  assert.equal(rename.edit?.changes?.[URI]?.length, 1);

  // A change to the clean guest clears the list at once, and nothing brings the old verdict back.
  const cleared = publications.all.length;
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: GUEST }] });
  const empty = await publications.until('the cleared list', (params) => params.uri === URI && params.version === 2, cleared);
  assert.deepEqual(empty.diagnostics.filter((diagnostic) => diagnostic.severity === 1), []);

  // Many quick edits: publications never go back to an older version, and the last version's verdict comes.
  const before = publications.all.length;
  for (let version = 3; version <= 12; version++) {
    const text = version % 2 === 0 ? NO_TARGET : GUEST;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
  }
  const last = await publications.until('the verdict on version 12', (params) => params.uri === URI && params.version === 12 && hasCode('VT108')(params), before);
  const versions = publications.all.slice(before).filter((params) => params.uri === URI).map((params) => params.version ?? 0);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions published: ${versions.join(' ')}`);
  const vt108s = last.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'VT108');
  assert.equal(vt108s.length, 1);
  assert.match(vt108s[0]!.message, /^<disk> needs a <target> inside it/);
  await stop();
});

test('a schema that cannot be loaded: one window message naming the file, and the built-in structure judges', { skip, timeout: 60_000 }, async (t) => {
  const { connection, publications, shown, firstMessage, stop } = await startServer(t, '/nonexistent/libvirt/domain.rng');
  const broken = guestWith("type='vnc'", "type='vnx'");
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 1, text: broken } });
  await publications.until('the structure finding', hasCode('VT104'));
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await step('the window message', firstMessage);
  await step('hover, so the server has handled everything before it', connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1 } }));
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.match(shown[0]!, /\/nonexistent\/libvirt\/domain\.rng: no such file/);
  await stop();
});

test("with virtTune.schema set, completion offers what fits the element's variant; with builtin, what the structure gives its path", { skip, timeout: 120_000 }, async (t) => {
  // A file disk whose <source> tag is being typed: the document is unfinished (nothing closes it).
  const typing = guestWith("    <disk type='block' device='disk'>", "    <disk type='file' device='disk'>\n      <source \n    </disk>\n    <disk type='block' device='disk'>");
  const line = typing.split('\n').findIndex((text) => text.trim() === '<source');
  const labelsAt = async (schema: string): Promise<string[]> => {
    const { connection, publications, stop } = await startServer(t, schema);
    if (schema !== 'builtin') {
      // The settings are read once the server is up: a verdict only the schema gives shows it is in use.
      const other = 'file:///virt-tune-test/no-target.xml';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'xml', version: 1, text: NO_TARGET } });
      await publications.until('the schema verdict', (params) => params.uri === other && params.diagnostics.some((diagnostic) => diagnostic.code === 'VT108'));
    }
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 1, text: typing } });
    await publications.until('the first publication', (params) => params.uri === URI);
    const list = await step('completion', connection.sendRequest<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: URI }, position: { line, character: '      <source '.length } }));
    await stop();
    return list.items.map((item) => item.label).sort();
  };
  assert.deepEqual(await labelsAt(SCHEMA), ['fdgroup', 'file', 'index', 'startupPolicy']);
  const builtin = await labelsAt('builtin');
  assert.ok(builtin.includes('file') && builtin.includes('dev') && builtin.includes('pool'), builtin.join(' '));
});
