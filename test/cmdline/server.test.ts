import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { startStdioServer, within } from '../lsp/stdioServer';

const GRUB2_CFG = 'file:///virt-tune-test/etc/grub2.cfg';
const DEFAULT_GRUB = 'file:///virt-tune-test/etc/default/grub';
const GUIDE = '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro\nrd.lvm.lv=vg0/lv0 rhgb\nquiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n';

test('the language server serves kernel command lines: diagnostics, the join fix, hover and completion', { timeout: 60_000 }, async (t) => {
  const { connection } = startStdioServer(t);
  const published = new Map<string, (diagnostics: Diagnostic[]) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => published.get(params.uri)?.(params.diagnostics));
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.listen();
  const diagnosticsOf = (uri: string) => within(`diagnostics of ${uri}`, new Promise<Diagnostic[]>((resolve) => published.set(uri, resolve)));

  await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }));
  await connection.sendNotification('initialized', {});

  const guideDiagnostics = diagnosticsOf(GRUB2_CFG);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: GRUB2_CFG, languageId: 'grub', version: 1, text: GUIDE } });
  const diagnostics = await guideDiagnostics;
  const broken = diagnostics.filter((diagnostic) => diagnostic.code === 'VT307');
  assert.deepEqual(broken.map((diagnostic) => diagnostic.range.start), [{ line: 3, character: 0 }, { line: 4, character: 0 }]);
  assert.ok(broken.every((diagnostic) => diagnostic.severity === 1 && diagnostic.codeDescription?.href.endsWith('/docs/rules/VT307.md')));

  const actions = await within(
    'codeAction',
    connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: GRUB2_CFG }, range: broken[1]!.range, context: { diagnostics: [broken[1]!] } }),
  );
  const join = actions.find((action) => action.title === 'Join the 2 continuation lines to the linux16 line');
  assert.ok(join?.edit?.changes?.[GRUB2_CFG], JSON.stringify(actions));
  assert.equal(join.isPreferred, true);
  const joined = TextDocument.applyEdits(TextDocument.create(GRUB2_CFG, 'grub', 1, GUIDE), join.edit.changes[GRUB2_CFG]!);
  // One action joins the whole kernel line (issue 11, item 4).
  assert.match(joined, /\nlinux16 \S+ root=\S+ ro rd\.lvm\.lv=vg0\/lv0 rhgb quiet elevator=deadline\n/);

  const defaultDiagnostics = diagnosticsOf(DEFAULT_GRUB);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: DEFAULT_GRUB, languageId: 'grub', version: 1, text: 'GRUB_CMDLINE_LINUX="hugepagesz=1G hugepages=8 transparent_hugepage=never"\n' },
  });
  assert.deepEqual(await defaultDiagnostics, []);
  const hover = await within(
    'hover',
    connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: DEFAULT_GRUB }, position: { line: 0, character: 22 } }),
  );
  assert.match((hover?.contents as MarkupContent).value, /\*\*`hugepagesz`\*\*/);
  const completion = await within(
    'completion',
    connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: DEFAULT_GRUB }, position: { line: 0, character: 70 } }),
  );
  assert.deepEqual(completion.items.map((item) => item.label), ['always', 'madvise', 'never']);

  await within('shutdown', connection.sendRequest('shutdown'));
  await connection.sendNotification('exit');
  connection.dispose();
});
