import type { SchemaError } from './types';

/** What the language server asks its schema worker: compile a schema, and judge a text when one is given. */
export interface WorkerRequest {
  id: number;
  schemaPath: string;
  text?: string;
}

export type WorkerReply =
  | { id: number; errors: SchemaError[] }
  /** `loadError`: the schema could not be loaded (SchemaLoadError); otherwise the judging itself failed. */
  | { id: number; failure: string; loadError: boolean };

/** What the schema worker is started with (its workerData). */
export interface WorkerSetup {
  /** Where compiled schemas are kept between processes (schema/rng keepCompiledSchemas); undefined: nowhere. */
  schemaCache: string | undefined;
}
