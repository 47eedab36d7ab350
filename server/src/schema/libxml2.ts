import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Libxml2 = typeof import('libxml2-wasm');

const PACKAGE = 'libxml2-wasm';
/** Where scripts/build.mjs puts the ESM bundle of libxml2-wasm, next to dist/server.js and dist/cli.js. */
const BUNDLED_FILE = 'libxml2-wasm.mjs';

/**
 * libxml2-wasm is an ES module with top-level await, which `require` cannot load; TypeScript's CommonJS
 * output would turn a plain `import()` into `require`, so the import is hidden from it. Run from V8's
 * code cache (dist/cli.js, boot/codeCache.ts), the loader's own import function is used instead.
 */
const importModule = ((globalThis as Record<symbol, unknown>)[Symbol.for('virt-tune.importModule')] ?? new Function('url', 'return import(url)')) as (url: string) => Promise<Libxml2>;

let loading: Promise<Libxml2> | undefined;

/** libxml2 compiled to WebAssembly, loaded once per process. */
export function libxml2(): Promise<Libxml2> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Libxml2> {
  const library = await importModule(pathToFileURL(entryPoint()).href);
  library.xmlRegisterInputProvider(schemaFiles);
  return library;
}

/** The bundle beside this file in dist/; from a compiled checkout (out/, tests), the package itself. */
function entryPoint(): string {
  const bundled = join(__dirname, BUNDLED_FILE);
  return existsSync(bundled) ? bundled : require.resolve(PACKAGE);
}

/**
 * The folders libxml2 may read from: each loaded schema's own folder, so that domain.rng's `<include>`s
 * resolve. Nothing else is readable, so a user's document cannot make libxml2 open other files.
 */
const readableFolders = new Set<string>();

export function allowSchemaFolder(folder: string): void {
  readableFolders.add(resolve(folder));
}

function localPath(filename: string): string | undefined {
  if (filename.startsWith('file:')) {
    try {
      return fileURLToPath(filename);
    } catch {
      return undefined;
    }
  }
  return filename.includes(':') && !/^[A-Za-z]:[\\/]/.test(filename) ? undefined : resolve(filename);
}

function isReadable(path: string): boolean {
  const folder = dirname(path);
  for (const allowed of readableFolders) {
    if (folder === allowed || folder.startsWith(allowed + sep)) {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    }
  }
  return false;
}

const schemaFiles = {
  match(filename: string): boolean {
    const path = localPath(filename);
    return path !== undefined && isReadable(path);
  },
  open(filename: string): number | undefined {
    const path = localPath(filename);
    if (path === undefined) return undefined;
    try {
      return openSync(path, 'r');
    } catch {
      return undefined;
    }
  },
  read(fd: number, buffer: Uint8Array): number {
    try {
      return readSync(fd, buffer, 0, buffer.byteLength, null);
    } catch {
      return -1;
    }
  },
  close(fd: number): boolean {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the descriptor is gone either way.
    }
    return true;
  },
};
