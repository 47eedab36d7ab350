import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, InsertReplaceEdit, TextEdit } from 'vscode-languageserver/node';
import { startStdioServer, within } from './stdioServer';

const URI = 'file:///virt-tune-test/etc/default/grub';
const TEXT = 'GRUB_CMDLINE_LINUX="transparent_hugepage=ma quiet"\n';
/** In the middle of the value: right after `transparent_hugepage=m`, before its `a`. */
const POSITION = { line: 0, character: 42 };

for (const insertReplaceSupport of [true, false]) {
  test(`the server passes the client's insertReplaceSupport (${insertReplaceSupport}) down: the edit never reaches right of the cursor unless the user asks for a replace`, { timeout: 60_000 }, async (t) => {
    const { connection } = startStdioServer(t);
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.listen();
    const capabilities = { textDocument: { completion: { completionItem: { snippetSupport: true, insertReplaceSupport } } } };
    await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities }));
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'grub', version: 1, text: TEXT } });
    const list = await within('completion', connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: POSITION }));
    const madvise = list.items.find((item) => item.label === 'madvise');
    assert.ok(madvise?.textEdit, JSON.stringify(list.items));
    if (insertReplaceSupport) {
      const edit = madvise.textEdit as InsertReplaceEdit;
      assert.deepEqual(edit.insert, { start: { line: 0, character: 41 }, end: POSITION });
      assert.deepEqual(edit.replace, { start: { line: 0, character: 41 }, end: { line: 0, character: 43 } });
    } else {
      assert.deepEqual((madvise.textEdit as TextEdit).range, { start: { line: 0, character: 41 }, end: POSITION });
    }
  });
}
