// The XML Schema -> JavaScript regular-expression translator is the server's own
// (server/src/schema/rng/datatypes/xsdRegex.ts), so there is one. The generator runs without a tsc
// build: esbuild, which scripts/build.mjs already uses, bundles that file in memory and it is imported
// from there (a few milliseconds).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const source = join(dirname(fileURLToPath(import.meta.url)), '../../server/src/schema/rng/datatypes/xsdRegex.ts');
const bundle = buildSync({ entryPoints: [source], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
const translator = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

/** @type {(xsd: string) => { js: string } | { unconverted: string }} */
export const xsdToJsRegex = translator.xsdToJsRegex;
