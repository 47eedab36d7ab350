// What the generator shares with the server is written once, in the server's TypeScript. The generator
// runs without a tsc build: esbuild, which scripts/build.mjs already uses, bundles such a file in memory
// and it is imported from there (a few milliseconds).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** The exports of a server source file, named relative to server/src/. */
export async function importServerSource(relativePath) {
  const source = join(dirname(fileURLToPath(import.meta.url)), '../../server/src', relativePath);
  const bundle = buildSync({ entryPoints: [source], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}
