import { loadRngSchema } from './rng';
import { SchemaLoadError, type SchemaError, type SchemaValidator } from './types';
import { loadSchema } from './validator';
import type { XmlDocument } from '../xml/types';

/** A validator that may also judge a tree already parsed with the project's parser. */
export interface JudgingValidator extends SchemaValidator {
  validateTree?(xml: XmlDocument): SchemaError[];
}

/**
 * The validator that gives libvirt's verdict for a schema: virt-tune's own RelaxNG validator
 * (schema/rng/), which agrees with libxml2 on libvirt's schemas; libxml2-wasm when ours cannot
 * compile the schema (a construct it does not know), with `log` told why. Rejects with a
 * SchemaLoadError (ours) when neither can load it. VIRT_TUNE_SCHEMA_ENGINE=libxml2 in the environment
 * asks for libxml2-wasm alone (libvirt's own engine, for comparison).
 */
export async function loadJudgingValidator(path: string, log: (line: string) => void = () => {}): Promise<JudgingValidator> {
  if (process.env['VIRT_TUNE_SCHEMA_ENGINE'] === 'libxml2') return loadSchema(path);
  try {
    return loadRngSchema(path);
  } catch (error) {
    if (!(error instanceof SchemaLoadError)) throw error;
    try {
      const fallback = await loadSchema(path);
      log(`virt-tune: ${error.message} libxml2 judges with this schema instead.`);
      return fallback;
    } catch {
      throw error;
    }
  }
}
