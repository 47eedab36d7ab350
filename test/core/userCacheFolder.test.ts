import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markCacheFileUsed, pruneCacheFolder } from '../../server/src/core/userCacheFolder';

const HOUR = 60 * 60 * 1000;

function file(folder: string, name: string, ageMs: number): void {
  writeFileSync(join(folder, name), 'x');
  const when = new Date(Date.now() - ageMs);
  utimesSync(join(folder, name), when, when);
}

test('the cache folder keeps the files of a kind written last, and leaves other files alone', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-prune-'));
  for (let i = 0; i < 5; i++) file(folder, `schema-${String(i).repeat(16)}.bin`, i * 1000);
  file(folder, 'notes.txt', 10 * HOUR);
  file(folder, 'cli-main.js-0123456789abcdef-lint-0123456789abcdef.v8', 10 * HOUR);
  pruneCacheFolder(folder, /^schema-[0-9a-f]{16}\.bin$/, 3);
  assert.deepEqual(readdirSync(folder).sort(), [
    'cli-main.js-0123456789abcdef-lint-0123456789abcdef.v8',
    'notes.txt',
    `schema-${'0'.repeat(16)}.bin`,
    `schema-${'1'.repeat(16)}.bin`,
    `schema-${'2'.repeat(16)}.bin`,
  ]);
});

test('an unfinished write is removed once its writer is surely gone, not while it may still be writing', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-prune-'));
  const cache = 'server-main.js-0123456789abcdef-0123456789abcdef.v8';
  file(folder, `${cache}.4242.tmp`, 2 * HOUR);
  file(folder, `${cache}.4243.tmp`, 1000);
  file(folder, `schema-${'a'.repeat(16)}.bin.4244-k3j2h1g0.tmp`, 2 * HOUR);
  file(folder, `other.bin.4245.tmp`, 2 * HOUR);
  pruneCacheFolder(folder, /\.js-[0-9a-f]{16}-(?:[a-z]+-)?[0-9a-f]{16}\.v8$/, 10);
  pruneCacheFolder(folder, /^schema-[0-9a-f]{16}\.bin$/, 10);
  assert.deepEqual(readdirSync(folder).sort(), ['other.bin.4245.tmp', `${cache}.4243.tmp`]);
});

test('a folder that is not there is nothing to prune', () => {
  assert.doesNotThrow(() => pruneCacheFolder(join(tmpdir(), 'virt-tune-no-such-folder', 'x'), /./, 0));
});

test('a file marked used counts as written now: pruning drops the ones used longest ago', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-prune-'));
  for (let i = 0; i < 3; i++) file(folder, `schema-${String(i).repeat(16)}.bin`, (i + 1) * HOUR);
  markCacheFileUsed(join(folder, `schema-${'2'.repeat(16)}.bin`));
  pruneCacheFolder(folder, /^schema-[0-9a-f]{16}\.bin$/, 2);
  assert.deepEqual(readdirSync(folder).sort(), [`schema-${'0'.repeat(16)}.bin`, `schema-${'2'.repeat(16)}.bin`]);
});

test('files the caller says are superseded go whatever their age, and are not counted among those kept', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-prune-'));
  file(folder, `schema-${'a'.repeat(16)}.bin`, 0);
  file(folder, `schema-${'b'.repeat(16)}.bin`, 1000);
  file(folder, `schema-${'c'.repeat(16)}.bin`, 2000);
  file(folder, `schema-${'d'.repeat(16)}.bin`, 3000);
  pruneCacheFolder(folder, /^schema-[0-9a-f]{16}\.bin$/, 2, (name) => name.startsWith('schema-a'));
  assert.deepEqual(readdirSync(folder).sort(), [`schema-${'b'.repeat(16)}.bin`, `schema-${'c'.repeat(16)}.bin`]);
});

test('marking a file that is not there does nothing', () => {
  assert.doesNotThrow(() => markCacheFileUsed(join(tmpdir(), 'virt-tune-no-such-folder', 'x.v8')));
});
