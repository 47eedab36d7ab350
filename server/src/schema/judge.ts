import type { XmlDocument } from '../xml/types';
import { loadJudgingValidator } from './engine';
import type { SchemaError, SchemaSource } from './types';

/**
 * libvirt's verdict on a text, pinpointed (SchemaValidator.pinpoint), from a schema already known to
 * load. Where the work runs is the judge's business: in this thread (the CLI, tests) or in a worker
 * thread (the language server, whose event loop must stay free while the user types).
 */
export interface SchemaJudge {
  readonly source: SchemaSource;
  /**
   * The errors in `text`. `tree` gives the project's parse of that same text, when the caller has it:
   * a judge that validates in this thread then reads it instead of parsing the text again.
   */
  errors(text: string, tree?: () => XmlDocument): Promise<SchemaError[]>;
  /** Frees what the judge holds (its worker); later calls to `errors` reject. */
  close(): void;
}

/**
 * A judge that validates in this thread. Resolves once the schema is compiled; rejects with a
 * SchemaLoadError when it cannot be.
 */
export async function inProcessJudge(source: SchemaSource, log?: (line: string) => void): Promise<SchemaJudge> {
  const validator = await loadJudgingValidator(source.path, log);
  let closed = false;
  return {
    source,
    async errors(text, tree) {
      if (closed) throw new Error('virt-tune: the schema judge is closed');
      return tree && validator.validateTree ? validator.validateTree(tree()) : validator.pinpoint(text);
    },
    close() {
      // The compiled schema stays in its loader's cache for the next judge of the same file.
      closed = true;
    },
  };
}
