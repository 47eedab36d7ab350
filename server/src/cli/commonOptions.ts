import { stat } from 'node:fs/promises';
import type { FileKind } from '../core/types';
import { UsageError } from './usage';

const FILE_KINDS: readonly FileKind[] = ['domain', 'ksmtuned', 'cmdline'];

/** The options every file command takes, in util.parseArgs form. */
export const FILE_OPTIONS = {
  kind: { type: 'string' },
  host: { type: 'string', default: 'none' },
  verbose: { type: 'boolean', short: 'v', default: false },
} as const;

export function parseKind(value: string | undefined): FileKind | undefined {
  if (value === undefined) return undefined;
  const kind = FILE_KINDS.find((known) => known === value);
  if (!kind) throw new UsageError(`--kind must be one of ${FILE_KINDS.join(', ')} (got '${value}')`);
  return kind;
}

/**
 * --host says which host the guest will run on: `live` (this machine), `none`, or a saved description
 * of one. It is checked but not used yet: no rule compares a domain with its host so far.
 */
export async function validateHost(value: string): Promise<void> {
  if (value === 'live' || value === 'none') return;
  try {
    await stat(value);
  } catch {
    throw new UsageError(`--host must be live, none or an existing path (cannot read '${value}')`);
  }
}

export function requirePaths(command: string, paths: readonly string[]): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH`);
}
