import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { bigDomain } from '../bench/bigDomain';
import { startStdioServer, within } from '../lsp/stdioServer';
import { CORPUS_DIR, missing } from '../kb/shared';

const GUEST = 'file:///guests/bench-guest.xml';
// A disk without <target>: only libvirt's schema refuses it, so the verdict, once judged, is published.
const TEXT = bigDomain(80, { schemaOnlyDefect: true });
const SCHEMA = join(CORPUS_DIR, 'schemas', 'domain.rng');

/**
 * One editor session: start, a domain opened and its diagnostics published (with a schema, those with
 * the schema's verdict, judged in the worker), then shutdown and exit as an editor ends it.
 */
async function session(t: { after(fn: () => void): void }, cacheHome: string, settings: { schema: string; host: string }): Promise<void> {
  const { connection, exited } = startStdioServer(t, { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (settings.schema === 'builtin' || params.diagnostics.some((diagnostic) => diagnostic.code === 'VT108')) resolve(params);
    }),
  );
  connection.listen();
  await within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: settings }));
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: GUEST, languageId: 'xml', version: 1, text: TEXT } });
  await within('diagnostics', published);
  await within('shutdown', connection.sendRequest('shutdown'));
  await connection.sendNotification('exit');
  await within('exit', exited);
}

/** The server's code caches: a cache written again is a new file renamed into place (a new inode); a cache taken only has its times set (markCacheFileUsed). */
function serverCaches(cacheHome: string): { name: string; ino: number; size: number }[] {
  const folder = join(cacheHome, 'virt-tune');
  return readdirSync(folder)
    .filter((name) => name.startsWith('server-main.js-'))
    .map((name) => ({ name, ino: statSync(join(folder, name)).ino, size: statSync(join(folder, name)).size }));
}

// The server sets V8 flags as it starts (and again once its schema worker runs), and V8 refuses a code
// cache made under other flags: the second start must take the first one's cache, not write it again.
for (const [what, settings] of [
  ['the built-in structure', { schema: 'builtin', host: 'none' }],
  ["libvirt's schema, judged in a worker thread", { schema: SCHEMA, host: 'none' }],
] as const) {
  const skip = settings.schema === 'builtin' ? undefined : missing(settings.schema);
  test(`the language server's second start takes the code cache its first wrote (${what})`, { timeout: 60_000, skip }, async (t) => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'virt-tune-server-cache-'));
    await session(t, cacheHome, settings);
    const written = serverCaches(cacheHome);
    assert.equal(written.length, 1, JSON.stringify(written));
    await session(t, cacheHome, settings);
    assert.deepEqual(serverCaches(cacheHome), written, 'the cache was refused and written again');
  });
}
