import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { markCacheFileUsed, pruneCacheFolder, userCacheFolder } from '../../../core/userCacheFolder';
import { join } from 'node:path';
import type { CompiledGrammar } from '../load';
import { decodeGrammar, readCacheFile } from './decode';
import { encodeGrammar } from './encode';
import { checksum } from './layout';
import { fileStamp } from './stamp';

/** Bumped when the file's layout or what the table holds changes in a way the build stamp would not show. */
const FORMAT = 1;
/** Schema cache files kept in the folder at most (a test run may make one per temporary schema; each build has its own). */
const MAX_FILES = 32;
const SCHEMA_CACHE_FILE = /^schema-[0-9a-f]{16}\.bin$/;

/**
 * Where compiled schemas are kept: the user's cache folder (XDG_CACHE_HOME, else ~/.cache) under
 * virt-tune, as V8's code cache (boot/codeCache.ts); undefined when VIRT_TUNE_SCHEMA_CACHE=off or there
 * is no home folder.
 */
export function schemaCacheFolder(): string | undefined {
  if (process.env['VIRT_TUNE_SCHEMA_CACHE'] === 'off') return undefined;
  return userCacheFolder();
}

/**
 * The grammar kept for a schema file, when the cache holds one written by this build for the schema's
 * files as they are now; undefined otherwise (none yet, another build's, a schema file changed, the
 * cache file damaged), and the caller compiles the schema.
 */
export function readCachedGrammar(folder: string, schemaPath: string): CompiledGrammar | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile(folder, schemaPath));
  } catch {
    return undefined;
  }
  try {
    const file = readCacheFile(bytes);
    if (!file) return undefined;
    const { header } = file;
    if (header.build !== buildStamp() || header.path !== schemaPath || header.files[0]?.path !== schemaPath) return undefined;
    for (const { path, stamp } of header.files) if (fileStamp(path) !== stamp) return undefined;
    const grammar = decodeGrammar(file);
    markCacheFileUsed(cacheFile(folder, schemaPath));
    return grammar;
  } catch {
    // Damaged in a way the checksum let through, or a file gone: compiled afresh, and rewritten then.
    return undefined;
  }
}

/**
 * Keeps a compiled grammar, whole or not at all (written beside, then renamed: another process may read
 * or write the same file). Not when a schema file changed since it was read. Any failure (a read-only
 * home, a full disk) leaves the cache as it was.
 */
export function writeCachedGrammar(folder: string, grammar: CompiledGrammar): void {
  try {
    for (const { path, stamp } of grammar.files) if (fileStamp(path) !== stamp) return;
    const bytes = encodeGrammar(grammar, buildStamp());
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const target = cacheFile(folder, grammar.path);
    // The lint's worker threads share the process id: a random part keeps their files apart.
    const temporary = `${target}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
    try {
      writeFileSync(temporary, bytes, { mode: 0o600 });
      renameSync(temporary, target);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // Never written.
      }
      throw error;
    }
    pruneCacheFolder(folder, SCHEMA_CACHE_FILE, MAX_FILES);
  } catch {
    // No cache this time; the next run compiles again.
  }
}

/** One file per build and schema path (several checkouts share the folder, each with its own build). */
function cacheFile(folder: string, schemaPath: string): string {
  const name = Buffer.from(`${__filename}\0${schemaPath}`, 'utf8');
  const words = new Int32Array(Math.ceil(name.length / 4));
  new Uint8Array(words.buffer).set(name);
  return join(folder, `schema-${checksum(words).toString('hex')}.bin`);
}

/**
 * This build: the code that compiles schemas and reads the cache is the file running now (the bundle,
 * or tsc's output); a rebuild changes its identity. With the platform, whose byte order the body has.
 */
let stamp: string | undefined;
function buildStamp(): string {
  return (stamp ??= `${FORMAT}:${process.arch}:${fileStamp(__filename)}`);
}

