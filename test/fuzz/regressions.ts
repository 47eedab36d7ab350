import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '../../server/src/core/types';
import type { ChainEdit } from './chain';
import type { Failure, FuzzCase } from './check';

/** The cases the fuzzer found (or that were written from a bug it found), one JSON file each. */
export const REGRESSIONS_DIR = join(__dirname, '..', '..', '..', 'test', 'fuzz', 'regressions');

export interface Regression {
  file: string;
  /** What it broke and how it was found. */
  failure: string;
  /** Whether the services are given a host (the host-aware rules). */
  host: boolean;
  fuzzCase: FuzzCase;
}

interface Stored {
  failure: string;
  host?: boolean;
  kind: FileKind;
  path: string;
  at?: number;
  text: string;
  /** A chained case's edits (see chain.ts). */
  edits?: ChainEdit[];
  /** Long runs of one unit, kept short on disk: each `marker` in the text stands for its `unit` repeated `count` times. */
  fill?: { marker: string; unit: string; count: number }[];
}

export function loadRegressions(): Regression[] {
  return readdirSync(REGRESSIONS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const stored = JSON.parse(readFileSync(join(REGRESSIONS_DIR, file), 'utf8')) as Stored;
      const text = (stored.fill ?? []).reduce((filled, fill) => filled.split(fill.marker).join(fill.unit.repeat(fill.count)), stored.text);
      return {
        file,
        failure: stored.failure,
        host: stored.host ?? false,
        fuzzCase: { kind: stored.kind, path: stored.path, text, ...(stored.at === undefined ? {} : { at: stored.at }), ...(stored.edits === undefined ? {} : { edits: stored.edits }) },
      };
    });
}

/**
 * Writes a failing case into `folder` as a regression file (named by its kind, property and a hash of
 * the case) and returns the file's name. `found` says where it was found (seed, case, origin, mutations).
 */
export function saveRegression(folder: string, fuzzCase: FuzzCase, failure: Failure, found: string, withHost: boolean): string {
  mkdirSync(folder, { recursive: true });
  const hash = createHash('sha256').update(fuzzCase.kind + fuzzCase.path + fuzzCase.text + JSON.stringify(fuzzCase.edits ?? [])).digest('hex').slice(0, 10);
  const name = `${fuzzCase.kind}-${failure.property.replace(/[^a-z]+/g, '-')}-${hash}.json`;
  const entry = {
    found,
    failure: `${failure.property} in ${failure.service}: ${failure.detail.split('\n')[0]}`,
    host: withHost,
    kind: fuzzCase.kind,
    path: fuzzCase.path,
    ...(fuzzCase.at === undefined ? {} : { at: fuzzCase.at }),
    text: fuzzCase.text,
    ...(fuzzCase.edits === undefined ? {} : { edits: fuzzCase.edits }),
  };
  writeFileSync(join(folder, name), `${JSON.stringify(entry, null, 2)}\n`);
  return name;
}
