import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The folders whose imports keep their boundary (ARCHITECTURE.md): the host model knows no documents,
// core/ knows no kind, the protocol imports nothing, and the client takes only the protocol of the server.
const ROOT = resolve(__dirname, '..', '..');

function sources(folder: string): string[] {
  const entries = readdirSync(folder).map((name) => join(folder, name));
  return entries.flatMap((path) => (statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(path) ? [path] : []));
}

/** The repository-relative files a source file imports (relative specifiers only). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(ROOT, resolve(dirname(file), specifier)));
}

function offending(folder: string, allowed: (target: string) => boolean): string[] {
  return sources(join(ROOT, folder)).flatMap((file) => importsOf(file).filter((target) => !allowed(target)).map((target) => `${relative(ROOT, file)} -> ${target}`));
}

test('the host model imports no document kind, parser helpers aside', () => {
  assert.deepEqual(offending('server/src/host', (target) => !/^server\/src\/(domain|ksmtuned|cmdline|panel|guests|lsp)\//.test(target)), []);
});

test('core/ imports no file kind and no adapter (the knowledge base aside)', () => {
  assert.deepEqual(offending('server/src/core', (target) => /^server\/src\/(core|kb)\//.test(target)), []);
});

test('the client takes only the protocol of the server', () => {
  assert.deepEqual(offending('client/src', (target) => target.startsWith('client/') || target === 'server/src/protocol'), []);
});

test('the protocol imports nothing', () => {
  assert.deepEqual(importsOf(join(ROOT, 'server/src/protocol.ts')), []);
});
