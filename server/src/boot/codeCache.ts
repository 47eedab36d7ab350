import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
// Not a default import: esbuild would copy each of the module's many properties into a wrapper, a millisecond of start-up.
import Module = require('node:module');
import { markCacheFileUsed, pruneCacheFolder, userCacheFolder } from '../core/userCacheFolder';
import { basename, dirname, join } from 'node:path';
import { cachedDataVersionTag, setFlagsFromString } from 'node:v8';
import { Script, constants, type ScriptOptions } from 'node:vm';

/**
 * Start-up of the CLI: V8 compiling a bundle of most of a megabyte costs about as much as everything
 * the CLI then does on one file. The compiled code is kept in a cache file after the
 * first run (V8's code cache, as `v8-compile-cache` and Node 22's module compile cache do), so later
 * runs skip most of the compiling. The cache lives in the user's own cache folder (mode 0700), never in
 * a shared temporary folder: code read from there runs with the user's rights. Anything that goes wrong
 * with it leaves the bundle compiled without a cache; VIRT_TUNE_CODE_CACHE=off turns it off.
 */
export interface CachedRun {
  /** Where the cache file is kept; undefined when no cache is used. */
  cacheFile: string | undefined;
  /** Whether V8 took the cached code (false on a first run or after the bundle or node changed). */
  usedCache: boolean;
}

/**
 * Runs the CommonJS bundle at `bundlePath` as `require` would, its compiled code taken from and kept in
 * the cache. The bundle is written as the function node's `Module.wrap` would make of it (scripts/build.mjs,
 * `wrapped`): `(function (exports, require, module, __filename, __dirname) {` ... `})`, so V8 is handed the
 * file's text as it is. Wrapped here, the text was a concatenation, which V8 copies into one string
 * before it compiles or looks up a cache: a megabyte more written at every start (alternated, a one-file
 * lint: the compile step 24.1 -> 19.0 ms of CPU, median of 25 rounds at load ~12). `saveAfterMs`: when to write the cache (the code compiled by then is kept): 'exit' for a
 * command; for a server, which may run for days, a delay (or its exit, if that comes first). `variant`
 * keeps a cache apart for each way the bundle runs (the CLI's commands): a cache holds the code its
 * first run compiled and is never rewritten while valid, so one written by `--help` would leave every
 * later lint compiling the lint's code again (5 ms of a one-file run). `v8Flags`: the V8 flags the
 * program keeps set as it runs, set before the bundle is compiled and again right before its cache is
 * made (see saveWhenFlagsMatch). `builtins`: node's own modules the program loads as it starts, loaded
 * before `v8Flags` are set (see loadBeforeFlags).
 */
export function runCachedBundle(
  bundlePath: string,
  saveAfterMs: number | 'exit',
  cacheDir = userCacheFolder(),
  variant = '',
  v8Flags: readonly string[] = [],
  builtins: readonly string[] = [],
): CachedRun {
  if (v8Flags.length > 0) loadBeforeFlags(builtins);
  setV8Flags(v8Flags);
  const bytes = readOutsideMalloc(bundlePath);
  // A view of the bytes read (Buffer.from of a typed array would copy them into malloc's memory).
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (process.env['VIRT_TUNE_CODE_CACHE'] === 'off' || cacheDir === undefined) {
    run(new Script(source, scriptOptions(bundlePath)), bundlePath);
    return { cacheFile: undefined, usedCache: false };
  }
  // One cache per bundle file (several checkouts may share the folder), named by what it was made from.
  const cacheFile = join(cacheDir, `${basename(bundlePath)}-${fnv1a(bundlePath)}-${variant.replace(/[^a-z]/g, '')}${variant ? '-' : ''}${cacheKey(bundlePath, source)}.v8`);
  let cachedData: Uint8Array | undefined;
  try {
    cachedData = readOutsideMalloc(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(source, { ...scriptOptions(bundlePath), ...(cachedData ? { cachedData } : {}) });
  const usedCache = cachedData !== undefined && !script.cachedDataRejected;
  if (usedCache) {
    markCacheFileUsed(cacheFile);
  } else {
    const flags = cachedDataVersionTag();
    let saved = false;
    const save = () => {
      if (saved) return;
      const data = saveWhenFlagsMatch(script, v8Flags, flags);
      if (!data) return;
      saved = true;
      saveCache(data, cacheDir, cacheFile);
    };
    // At exit in any case (a server may be stopped before its delay), and after the delay for a server.
    process.once('exit', save);
    if (saveAfterMs !== 'exit') setTimeout(save, saveAfterMs).unref();
  }
  run(script, bundlePath);
  return { cacheFile, usedCache };
}

function scriptOptions(bundlePath: string): ScriptOptions {
  return {
    filename: bundlePath,
    // The bundle's dynamic import() (libxml2-wasm is an ES module) is done from this module, as under require.
    importModuleDynamically: (constants as unknown as Record<string, unknown>)['USE_MAIN_CONTEXT_DEFAULT_LOADER'] as never,
  };
}

/** Calls the bundle's function as require calls a module's: its own module, exports, require and paths. */
function run(script: Script, bundlePath: string): void {
  const module = new Module(bundlePath, require.main ?? undefined);
  module.filename = bundlePath;
  const localRequire = Module.createRequire(bundlePath);
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, localRequire, module, bundlePath, dirname(bundlePath));
}

/**
 * The cache of what `script` compiled, made under the flags it was compiled under (`tag`), or undefined.
 * V8 takes a cache only under the flags it was made with, and flags are the process's, changed by any
 * thread: the language server's schema worker puts the young generation's growth factor back when it
 * starts and turns compaction on around each idle collection (core/youngGeneration.ts,
 * core/idleCollect.ts). A cache made while one of them was changed is refused at every later start (and
 * written again), and one never made leaves every start compiling. So the program's own flags are set
 * again first (`v8Flags` may name a default that another thread turns off for a moment, to end that
 * moment), and the flags are compared before and after the cache is made: a change on another thread
 * meanwhile drops that cache and the whole is tried again, SAVE_TRIES times at most; then the next chance
 * (exit, or the next run) makes it.
 */
function saveWhenFlagsMatch(script: Script, v8Flags: readonly string[], tag: number): Buffer | undefined {
  for (let attempt = 0; attempt < SAVE_TRIES; attempt++) {
    setV8Flags(v8Flags);
    if (cachedDataVersionTag() !== tag) return undefined;
    const data = script.createCachedData();
    if (cachedDataVersionTag() === tag) return data;
  }
  return undefined;
}

const SAVE_TRIES = 3;

/**
 * Node compiles its own modules (node:net and what it loads) from a code cache built into the binary,
 * which V8 takes only under the flags it was made with, like ours: once a program has set any V8 flag,
 * each of node's modules it loads later is compiled from its source. The language server's start loaded
 * node:net (its stdio) that way, after its flags: 4 modules, about 5 ms more than from node's cache
 * (net, stream, vm, worker_threads and child_process after two of the server's flags: 8.5-10 ms of CPU
 * against 3.3-4.1 without, 7 runs each). Loaded first, they come from node's cache.
 */
function loadBeforeFlags(builtins: readonly string[]): void {
  for (const name of builtins) {
    try {
      require(name);
    } catch {
      // Not a module of this node: the program loads what it needs itself, and reports what is missing.
    }
  }
}

function setV8Flags(flags: readonly string[]): void {
  for (const flag of flags) {
    try {
      setFlagsFromString(flag);
    } catch {
      // An unknown flag (another V8): the program runs without it.
    }
  }
}

/**
 * node 20 loses the bundle's dynamic import() (libxml2-wasm is an ES module) when the code comes from the
 * cache ("A dynamic import callback was not specified"), so the bundle is handed one made in this
 * module, which node loaded itself (schema/libxml2.ts looks for it under this symbol). Made with
 * `new Function`: TypeScript's CommonJS output would turn import() into require().
 */
export const IMPORT_HOOK = Symbol.for('virt-tune.importModule');
(globalThis as Record<symbol, unknown>)[IMPORT_HOOK] = new Function('specifier', 'return import(specifier)');

/**
 * A whole file, read into memory that glibc's malloc never hands out: a WebAssembly memory, which V8 maps
 * and unmaps itself. A bundle and its code cache are each over a megabyte, read at start and dropped once
 * compiled. Had malloc served them (a Buffer, or the external string node makes of a large Latin-1 text),
 * freeing them would raise glibc's mmap and trim thresholds to their size (its dynamic threshold, mallopt(3)
 * M_MMAP_THRESHOLD), and from then on memory the process frees in pieces below that size stays resident:
 * the language server with fifty 2,000-line domains open held about 7 MB more (the bench's server figure,
 * plain launch; VS Code's launch fixes the threshold, protocol.ts SERVER_ENVIRONMENT). The text is decoded
 * into V8's own heap (UTF-8 decoding makes no external string). Without WebAssembly (node --jitless), a
 * plain read.
 */
function readOutsideMalloc(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(size / WASM_PAGE)) }).buffer, 0, size);
    } catch {
      return readFileSync(fd);
    }
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, size - done, done);
      if (read === 0) break;
      done += read;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

const WASM_PAGE = 65536;
/** The part of the WebAssembly JS API used here (the project's TypeScript lib has no WebAssembly types). */
declare const WebAssembly: { Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer } };

/**
 * Changes with the bundle, the node binary and the platform (V8 also refuses a cache of another version).
 * The bundle is told apart by its file's size, times and inode: every write to a file sets its ctime,
 * which no tool sets back, so a rebuilt bundle of the same size is never taken for the old one (V8 checks
 * only the source's length). Hashing the text instead cost a millisecond or two of a one-file run.
 */
function cacheKey(bundlePath: string, source: string): string {
  let stamp: string;
  try {
    const info = statSync(bundlePath);
    stamp = `${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\0${info.ino}`;
  } catch {
    stamp = `${source.length}\0${source.slice(-4096)}`;
  }
  return fnv1a(`${process.version}\0${process.arch}\0${stamp}`);
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  let high = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    high = Math.imul(high ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return hash.toString(16).padStart(8, '0') + high.toString(16).padStart(8, '0');
}

/** Code cache files kept in the folder at most: one checkout or installed version makes about ten (a cache per bundle and CLI command). */
const MAX_CODE_CACHES = 64;
const CODE_CACHE_FILE = /\.js-[0-9a-f]{16}-(?:[a-z]+-)?[0-9a-f]{16}\.v8$/;

/**
 * Writes the cache whole or not at all (another process may be writing the same file), and drops the
 * bundle's older caches and, past MAX_CODE_CACHES, those of other bundle files used longest ago (other
 * checkouts, and the versions of the extension installed before), in one listing of the folder.
 */
function saveCache(data: Buffer, cacheDir: string, cacheFile: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, cacheFile);
    const own = basename(cacheFile);
    const prefix = own.replace(/[0-9a-f]{16}\.v8$/, '');
    // The same length: the same bundle and variant with another key, not another variant's cache.
    pruneCacheFolder(cacheDir, CODE_CACHE_FILE, MAX_CODE_CACHES, (name) => name !== own && name.length === own.length && name.startsWith(prefix));
  } catch {
    // No cache this time: a read-only home, a full disk. The next run compiles again.
  }
}
