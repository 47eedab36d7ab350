import { inProcessJudge, type SchemaJudge } from '../../schema/judge';
import { loadRngSchema } from '../../schema/rng';
import { schemaSourceFor } from '../../schema/source';
import { SchemaLoadError, type SchemaSource } from '../../schema/types';
import { workerJudge } from '../../schema/workerJudge';
import type { SchemaVariants } from '../completion/variants';

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
  source: SchemaSource | undefined;
  /** The schema compiled in this thread for completion, once asked; null when our validator cannot compile it. */
  variants?: SchemaVariants | null;
}

/** Until an adapter chooses, no schema is consulted: the built-in structure alone judges. */
let current: Choice = { setting: 'builtin', worker: false, judge: Promise.resolve(undefined), source: undefined };

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
    const choice: Choice = { setting, worker, judge: judge.catch(() => undefined), source };
    current = choice;
    void previous.judge.then((old) => old?.close());
    judge.catch(() => {
      // A schema that cannot be loaded is reported once, by the caller; the next choice of it tries again.
      if (current === choice) current = { setting: 'builtin', worker, judge: Promise.resolve(undefined), source: undefined };
    });
    return (await judge)?.source;
  }
  return (await current.judge)?.source;
}

/** The judge of the schema chosen, once it is ready; undefined when none is. */
export function activeJudge(): Promise<SchemaJudge | undefined> {
  return current.judge;
}

/**
 * The schema chosen, compiled in this thread by virt-tune's own validator, for completion per variant
 * (the verdict may be judged in a worker, whose compiled schema this thread cannot reach). Undefined
 * with the built-in structure, or when our validator cannot compile the schema (libxml2 may still
 * judge with it): completion then offers what the structure allows. Compiled on the first call (about
 * 0.3 s for libvirt's domain.rng) and kept while the choice stands.
 */
export function schemaVariants(): SchemaVariants | undefined {
  const choice = current;
  if (choice.variants === undefined) {
    try {
      choice.variants = choice.source ? loadRngSchema(choice.source.path) : null;
    } catch (error) {
      if (!(error instanceof SchemaLoadError)) throw error;
      choice.variants = null;
    }
  }
  return choice.variants ?? undefined;
}
