import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver/node';
import { markedRequests } from '../../server/src/lsp/markedRequests';

test('a request registered through markedRequests says it was handled before its handler runs; the rest is the connection', async () => {
  const registered = new Map<string, (...params: unknown[]) => unknown>();
  const sent: string[] = [];
  const fake = {
    onRequest: (method: string, handler: (...params: unknown[]) => unknown) => void registered.set(method, handler),
    sendNotification: (method: string) => void sent.push(method),
  };
  const events: string[] = [];
  const marked = markedRequests(fake as unknown as Connection, () => events.push('handled'));
  marked.onRequest('virtTune/host', async (params: { uri: string }) => {
    events.push(`handler ${params.uri}`);
    return 42;
  });
  const answer = await registered.get('virtTune/host')!({ uri: 'file:///a.xml' }, 'token');
  assert.equal(answer, 42);
  assert.deepEqual(events, ['handled', 'handler file:///a.xml']);
  void marked.sendNotification('virtTune/libvirt/changed');
  assert.deepEqual(sent, ['virtTune/libvirt/changed']);
});
