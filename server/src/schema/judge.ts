import { loadSchema } from './validator';
import type { SchemaError, SchemaSource } from './types';

/**
 * libvirt's verdict on a text, pinpointed (SchemaValidator.pinpoint), from a schema already known to
 * load. Where the work runs is the judge's business: in this thread (the CLI, tests) or in a worker
 * thread (the language server, whose event loop must stay free while the user types).
 */
export interface SchemaJudge {
  readonly source: SchemaSource;
  errors(text: string): Promise<SchemaError[]>;
  /** Frees what the judge holds (its worker); later calls to `errors` reject. */
  close(): void;
}

/**
 * A judge that validates in this thread. Resolves once the schema is compiled; rejects with a
 * SchemaLoadError when it cannot be.
 */
export async function inProcessJudge(source: SchemaSource): Promise<SchemaJudge> {
  const validator = await loadSchema(source.path);
  let closed = false;
  return {
    source,
    async errors(text) {
      if (closed) throw new Error('virt-tune: the schema judge is closed');
      return validator.pinpoint(text);
    },
    close() {
      // The compiled schema stays in loadSchema's cache for the next judge of the same file.
      closed = true;
    },
  };
}
