import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCachedBundle } from '../../server/src/boot/codeCache';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const runs = (): string[] => ((globalThis as Record<string, unknown>)['virtTuneBootTest'] ??= []) as string[];

function bundle(folder: string, word: string): string {
  const path = join(folder, 'bundle.js');
  // A bundle as scripts/build.mjs writes one for a loader: CommonJS wrapped in the function of its module
  // parameters, its own __dirname and require.
  writeFileSync(path, `(function (exports, require, module, __filename, __dirname) {\n"use strict";\nconst { basename } = require('node:path');\nglobalThis.virtTuneBootTest.push(${JSON.stringify(word)} + ':' + basename(__dirname));\nmodule.exports = { word: ${JSON.stringify(word)} };\n})\n`);
  return path;
}

test('a bundle runs as under require, and the second run takes its compiled code from the cache', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const cache = join(folder, 'cache');
  const path = bundle(folder, 'one');
  runs().length = 0;
  const first = runCachedBundle(path, 0, cache);
  assert.equal(first.usedCache, false);
  await delay(50);
  assert.ok(first.cacheFile && statSync(first.cacheFile).size > 0, 'the cache is written');
  assert.equal((statSync(cache).mode & 0o777).toString(8), '700');
  const second = runCachedBundle(path, 0, cache);
  assert.equal(second.usedCache, true);
  assert.deepEqual(runs(), [`one:${folder.split('/').pop()}`, `one:${folder.split('/').pop()}`]);
});

test('a cache taken is marked used (its times set to now), so the folder\'s pruning keeps the caches in use', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const cache = join(folder, 'cache');
  const path = bundle(folder, 'used');
  const first = runCachedBundle(path, 0, cache);
  await delay(50);
  const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(first.cacheFile!, longAgo, longAgo);
  assert.equal(runCachedBundle(path, 0, cache).usedCache, true);
  assert.ok(Date.now() - statSync(first.cacheFile!).mtimeMs < 60_000, 'the cache taken counts as used now');
});

test('a changed bundle is compiled anew, and the old cache is dropped', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const cache = join(folder, 'cache');
  const before = runCachedBundle(bundle(folder, 'old'), 0, cache);
  await delay(50);
  const path = bundle(folder, 'new');
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  runs().length = 0;
  const after = runCachedBundle(path, 0, cache);
  assert.equal(after.usedCache, false);
  assert.deepEqual(runs(), [`new:${folder.split('/').pop()}`]);
  await delay(50);
  assert.deepEqual(readdirSync(cache), [after.cacheFile!.split('/').pop()]);
  assert.notEqual(before.cacheFile, after.cacheFile);
});

test('each variant of a bundle (the CLI\'s commands) keeps a cache of its own, which the others leave alone', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const cache = join(folder, 'cache');
  const path = bundle(folder, 'commands');
  const help = runCachedBundle(path, 0, cache, 'other');
  await delay(50);
  const lint = runCachedBundle(path, 0, cache, 'lint');
  assert.equal(lint.usedCache, false, "the help run's cache is not the lint's");
  await delay(50);
  assert.notEqual(help.cacheFile, lint.cacheFile);
  assert.deepEqual(readdirSync(cache).sort(), [help.cacheFile!, lint.cacheFile!].map((file) => file.split('/').pop()).sort());
  assert.equal(runCachedBundle(path, 0, cache, 'lint').usedCache, true);
  assert.equal(runCachedBundle(path, 0, cache, 'other').usedCache, true);
});

test('VIRT_TUNE_CODE_CACHE=off runs the bundle without a cache, none written', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const cache = join(folder, 'cache');
  process.env['VIRT_TUNE_CODE_CACHE'] = 'off';
  try {
    runs().length = 0;
    const run = runCachedBundle(bundle(folder, 'plain'), 0, cache);
    assert.equal(run.cacheFile, undefined);
    assert.equal(runs().length, 1);
  } finally {
    delete process.env['VIRT_TUNE_CODE_CACHE'];
  }
});

test('a bundle holding text beyond ASCII runs with that text, from the cache too', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const cache = join(folder, 'cache');
  const path = bundle(folder, 'naïve ✓ 𝄞');
  runs().length = 0;
  assert.equal(runCachedBundle(path, 0, cache).usedCache, false);
  await delay(50);
  assert.equal(runCachedBundle(path, 0, cache).usedCache, true);
  assert.deepEqual(runs(), [`naïve ✓ 𝄞:${folder.split('/').pop()}`, `naïve ✓ 𝄞:${folder.split('/').pop()}`]);
});

test('without WebAssembly (node --jitless) the bundle and its cache are read as plain files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const path = bundle(folder, 'jitless');
  const script = `globalThis.virtTuneBootTest = []; const { runCachedBundle } = require(${JSON.stringify(require.resolve('../../server/src/boot/codeCache'))});
const first = runCachedBundle(${JSON.stringify(path)}, 'exit', ${JSON.stringify(join(folder, 'cache'))});
console.log(typeof WebAssembly, first.usedCache, globalThis.virtTuneBootTest.join());`;
  const once = spawnSync(process.execPath, ['--jitless', '-e', script], { encoding: 'utf8' });
  // V8's own warning that --jitless turns WebAssembly off, and nothing else.
  assert.equal(once.stderr.replace(/^Warning: disabling flag --expose_wasm.*\n/m, ''), '');
  assert.equal(once.stdout, `undefined false jitless:${folder.split('/').pop()}\n`);
  const again = spawnSync(process.execPath, ['--jitless', '-e', script], { encoding: 'utf8' });
  assert.equal(again.stdout, `undefined true jitless:${folder.split('/').pop()}\n`);
});

test('a flag another thread changed after the compile is set back before the cache is made, so the cache is written and taken', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const path = bundle(folder, 'flags');
  // The program keeps the young generation's growth factor at 1 (as the language server does); after the
  // compile another thread puts another value (the schema worker's start puts V8's default back).
  const script = `globalThis.virtTuneBootTest = []; const { runCachedBundle } = require(${JSON.stringify(require.resolve('../../server/src/boot/codeCache'))});
const run = runCachedBundle(${JSON.stringify(path)}, 'exit', ${JSON.stringify(join(folder, 'cache'))}, '', ['--semi-space-growth-factor=1']);
require('node:v8').setFlagsFromString('--semi-space-growth-factor=3');
console.log(run.usedCache);`;
  const first = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(first.stderr, '');
  assert.equal(first.stdout, 'false\n');
  assert.equal(readdirSync(join(folder, 'cache')).filter((name) => name.endsWith('.v8')).length, 1, 'the cache is written at exit');
  const second = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(second.stdout, 'true\n', 'the second run takes it');
});

test("node's modules named to load at start are loaded before the program's V8 flags are set, and only when it sets some", () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-boot-'));
  const path = bundle(folder, 'builtins');
  // Which of node's modules were loaded when the flags were set (node:dgram: one no part of this start loads otherwise).
  const script = (flags: readonly string[]) => `globalThis.virtTuneBootTest = [];
const v8 = require('node:v8');
const set = v8.setFlagsFromString;
const seen = [];
v8.setFlagsFromString = (flag) => { seen.push(process.moduleLoadList.includes('NativeModule dgram')); set(flag); };
const { runCachedBundle } = require(${JSON.stringify(require.resolve('../../server/src/boot/codeCache'))});
runCachedBundle(${JSON.stringify(path)}, 'exit', ${JSON.stringify(join(folder, 'cache'))}, '', ${JSON.stringify(flags)}, ['node:dgram', 'node:no-such-module']);
console.log(JSON.stringify({ seen, dgram: process.moduleLoadList.includes('NativeModule dgram'), ran: globalThis.virtTuneBootTest.length }));`;
  const withFlags = spawnSync(process.execPath, ['-e', script(['--semi-space-growth-factor=1'])], { encoding: 'utf8' });
  assert.equal(withFlags.stderr, '');
  // A module node does not have is passed over: the program still runs.
  assert.deepEqual(JSON.parse(withFlags.stdout), { seen: [true], dgram: true, ran: 1 });
  const withoutFlags = spawnSync(process.execPath, ['-e', script([])], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(withoutFlags.stdout), { seen: [], dgram: false, ran: 1 }, 'no flags: nothing loaded for them');
});
