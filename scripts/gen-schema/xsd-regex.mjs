// The XML Schema -> JavaScript regular-expression translator is the server's own
// (server/src/schema/rng/datatypes/xsdRegex.ts), so there is one.
import { importServerSource } from './server-source.mjs';

const translator = await importServerSource('schema/rng/datatypes/xsdRegex.ts');

/** @type {(xsd: string) => { js: string } | { unconverted: string }} */
export const xsdToJsRegex = translator.xsdToJsRegex;
