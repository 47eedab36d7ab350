import { stat } from 'node:fs/promises';
import type { FileKind } from '../core/types';
import { HostLoadError } from '../host/errors';
import { loadHost, parseHostSetting } from '../host/load';
import type { ServiceOptions } from '../services';
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
 * --host says which host the guest will run on: `live` (this machine), `none`, a root folder holding a
 * host's sys/ and proc/, or a `virsh capabilities` XML file. The host is read once for the whole run
 * and handed to the services, so the host-aware rules (domain/rules/host) speak.
 */
export async function validateHost(value: string): Promise<ServiceOptions> {
  if (value !== 'live' && value !== 'none') {
    try {
      await stat(value);
    } catch {
      throw new UsageError(`--host must be live, none or an existing path (cannot read '${value}')`);
    }
  }
  try {
    const host = await loadHost(parseHostSetting(value));
    return host ? { host } : {};
  } catch (error) {
    if (error instanceof HostLoadError) throw new UsageError(`--host: ${error.message}`);
    throw error;
  }
}

export function requirePaths(command: string, paths: readonly string[]): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH`);
}
