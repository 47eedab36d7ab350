import { inProcessJudge, type SchemaJudge } from '../../schema/judge';
import { schemaSourceFor } from '../../schema/source';
import type { SchemaSource } from '../../schema/types';
import { workerJudge } from '../../schema/workerJudge';

export interface SchemaChoiceOptions {
  /** Judge in a worker thread (the language server), so a long validation never blocks; else in this thread. */
  worker?: boolean;
  /** Where the worker's complaints go. */
  log?: (line: string) => void;
}

interface Choice {
  setting: string;
  worker: boolean;
  judge: Promise<SchemaJudge | undefined>;
}

/** Until an adapter chooses, no schema is consulted: the built-in structure alone judges. */
let current: Choice = { setting: 'builtin', worker: false, judge: Promise.resolve(undefined) };

/**
 * Chooses which libvirt schema judges domains: `auto` (the host's, when libvirt is installed), `builtin`
 * (none: the structure rules alone), or the path of a domain.rng or its folder. Resolves to the schema
 * used (undefined for none) once it is compiled; rejects with a SchemaLoadError, leaving the choice at
 * `builtin`, when it cannot be loaded. Choosing the same again changes nothing.
 */
export async function chooseSchema(setting: string, options: SchemaChoiceOptions = {}): Promise<SchemaSource | undefined> {
  const worker = options.worker ?? false;
  if (setting !== current.setting || worker !== current.worker) {
    const previous = current;
    const source = schemaSourceFor(setting);
    const judge = source ? (worker ? workerJudge(source, options.log) : inProcessJudge(source, options.log)) : Promise.resolve(undefined);
    const choice: Choice = { setting, worker, judge: judge.catch(() => undefined) };
    current = choice;
    void previous.judge.then((old) => old?.close());
    judge.catch(() => {
      // A schema that cannot be loaded is reported once, by the caller; the next choice of it tries again.
      if (current === choice) current = { setting: 'builtin', worker, judge: Promise.resolve(undefined) };
    });
    return (await judge)?.source;
  }
  return (await current.judge)?.source;
}

/** The judge of the schema chosen, once it is ready; undefined when none is. */
export function activeJudge(): Promise<SchemaJudge | undefined> {
  return current.judge;
}
