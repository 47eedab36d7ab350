import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DOMAIN_LAYOUT_REQUEST, HOST_REQUEST, type DomainLayout, type HostView } from '../../server/src/protocol';
import { domain } from '../helpers';
import { workspaceFolderPath } from '../../server/src/lsp/workspaceFolder';
import { HOSTS, ROOT } from './hostFixtures';
import { startStdioServer, until as untilSeen } from '../lsp/stdioServer';

const URI = 'file:///virt-tune-test/pinned.xml';
const TEXT = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    <vcpupin vcpu='1' cpuset='9'/>\n  </cputune>`);

test('the server checks against virtTune.host, answers the panel requests, and republishes when the host changes', { timeout: 60_000 }, async (t) => {
  const { connection } = startStdioServer(t);
  let host = join(HOSTS, 'one-node');
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ host })));
  const published: string[][] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri === URI) published.push(params.diagnostics.map((diagnostic) => String(diagnostic.code)));
  });
  connection.listen();
  const until = (what: string, done: () => boolean) => untilSeen(what, done, () => published);

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xml', version: 1, text: TEXT } });
  await until('VT150 on the one-node host', () => published.some((codes) => codes.includes('VT150')));

  const view = await connection.sendRequest<HostView | null>(HOST_REQUEST);
  assert.equal(view?.source, `sysfs ${join(HOSTS, 'one-node')}`);
  assert.deepEqual(view?.nodes.map((node) => node.cpus), [[0, 1, 2, 3]]);
  const layout = await connection.sendRequest<DomainLayout | null>(DOMAIN_LAYOUT_REQUEST, { uri: URI });
  assert.deepEqual(layout?.vcpuPins.map((pin) => [pin.vcpu, pin.cpus]), [[0, [0]], [1, [9]]]);
  assert.deepEqual(layout?.conflicts.map((conflict) => conflict.rule), ['VT150']);
  assert.deepEqual(layout?.marks.missingCpus, [9]);
  assert.equal(await connection.sendRequest(DOMAIN_LAYOUT_REQUEST, { uri: 'file:///not-open.xml' }), null);

  host = join(HOSTS, 'two-nodes');
  const before = published.length;
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await until('a republish without VT150 on the two-node host', () => published.slice(before).some((codes) => !codes.includes('VT150')));
  host = 'none';
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const deadline = Date.now() + 15_000;
  while ((await connection.sendRequest<HostView | null>(HOST_REQUEST)) !== null) {
    if (Date.now() > deadline) throw new Error('the host stayed after virtTune.host was set to none');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

test('a relative virtTune.host is read from the first workspace folder, not from where the server was started', { timeout: 60_000 }, async (t) => {
  const examples = join(ROOT, 'examples');
  const { connection } = startStdioServer(t, { cwd: tmpdir() });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ host: 'hosts/guide-4-node' })));
  connection.listen();

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(tmpdir()).href,
    workspaceFolders: [
      { uri: pathToFileURL(examples).href, name: 'examples' },
      { uri: pathToFileURL(ROOT).href, name: 'virt-tune' },
    ],
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  const deadline = Date.now() + 15_000;
  let view: HostView | null = null;
  while (!(view = await connection.sendRequest<HostView | null>(HOST_REQUEST))) {
    if (Date.now() > deadline) throw new Error('no host from a relative virtTune.host');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(view.source, `sysfs ${join(examples, 'hosts', 'guide-4-node')}`);
  assert.deepEqual(view.nodes.map((node) => node.cpus), [[0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15]]);
});

test('the workspace folder: the first of workspaceFolders, else rootUri, else rootPath; none that is not on disk', () => {
  const base = { processId: null, capabilities: {} };
  assert.equal(workspaceFolderPath({ ...base, rootUri: 'file:///srv/b', workspaceFolders: [{ uri: 'file:///srv/a', name: 'a' }] }), '/srv/a');
  assert.equal(workspaceFolderPath({ ...base, rootUri: 'file:///srv/b', workspaceFolders: null }), '/srv/b');
  assert.equal(workspaceFolderPath({ ...base, rootUri: null, rootPath: '/srv/c' }), '/srv/c');
  assert.equal(workspaceFolderPath({ ...base, rootUri: null }), undefined);
  assert.equal(workspaceFolderPath({ ...base, rootUri: 'vscode-vfs://github/a/b' }), undefined);
});
