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

test('a newer version is built from the value kept for an older one, which is dropped even when the build fails', () => {
  const given: (string | undefined)[] = [];
  let fail = false;
  const cache = new DocumentCache<string>((document, older) => {
    given.push(older);
    if (fail) throw new Error('build failed');
    return `${document.version}:${document.getText()}`;
  }, 4, 'older value test');
  const version = (v: number, text = `<v${v}/>`) => TextDocument.create('file:///cache-test/older.xml', 'xml', v, text);
  cache.get(version(1));
  cache.get(version(2));
  // An older version than the one kept is built on its own, and the newer value stays.
  cache.get(version(1));
  assert.equal(cache.get(version(2)), '2:<v2/>');
  fail = true;
  assert.throws(() => cache.get(version(3)), /build failed/);
  fail = false;
  cache.get(version(4));
  assert.deepEqual(given, [undefined, '1:<v1/>', undefined, '2:<v2/>', undefined]);
  cache.forget(version(4).uri);
});
