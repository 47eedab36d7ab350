import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache, documentsHeld, trimIdleCaches } from '../../server/src/core/documentCache';

const doc = (name: string, version = 1) => TextDocument.create(`file:///cache-test/${name}.xml`, 'xml', version, `<${name}/>`);

/** A cache that counts its builds, so a test can see what was kept and what was built again. */
function counting(capacity: number, idleCapacity?: number, name = 'cache test') {
  const builds: string[] = [];
  const cache = new DocumentCache<string>((document) => {
    builds.push(document.uri.replace('file:///cache-test/', ''));
    return document.getText();
  }, capacity, name, idleCapacity);
  return { cache, builds };
}

test('past its capacity the cache drops the document used longest ago, not the one built first', () => {
  const { cache, builds } = counting(2);
  cache.get(doc('a'));
  cache.get(doc('b'));
  cache.get(doc('a'));
  cache.get(doc('c'));
  cache.get(doc('a'));
  cache.get(doc('b'));
  assert.deepEqual(builds, ['a.xml', 'b.xml', 'c.xml', 'b.xml']);
  for (const name of ['a', 'b', 'c']) cache.forget(doc(name).uri);
});

test('once idle, a cache with an idle capacity keeps only the documents used last; the others are built again when asked', () => {
  const { cache, builds } = counting(4, 1, 'idle cache test');
  for (const name of ['a', 'b', 'c']) cache.get(doc(name));
  cache.get(doc('b'));
  trimIdleCaches();
  assert.deepEqual(
    documentsHeld().filter((entry) => entry.store === 'idle cache test').map((entry) => entry.uri),
    [doc('b').uri],
  );
  assert.equal(cache.get(doc('b')), '<b/>');
  assert.equal(cache.get(doc('a')), '<a/>');
  assert.deepEqual(builds, ['a.xml', 'b.xml', 'c.xml', 'a.xml']);
  for (const name of ['a', 'b', 'c']) cache.forget(doc(name).uri);
});

test('a cache without an idle capacity keeps what it has when idle', () => {
  const { cache, builds } = counting(4, undefined, 'kept cache test');
  for (const name of ['a', 'b']) cache.get(doc(name));
  trimIdleCaches();
  for (const name of ['a', 'b']) cache.get(doc(name));
  assert.deepEqual(builds, ['a.xml', 'b.xml']);
  for (const name of ['a', 'b']) cache.forget(doc(name).uri);
});
