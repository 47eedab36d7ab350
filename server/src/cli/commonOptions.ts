import { stat } from 'node:fs/promises';
import type { FileKind } from '../core/types';
import { HostLoadError } from '../host/errors';
import { loadHost, parseHostSetting } from '../host/load';
import type { ServiceOptions } from '../services';
import { hostFromSavedFiles } from './libvirtHost';
import { UsageError } from './usage';

const FILE_KINDS: readonly FileKind[] = ['domain', 'ksmtuned', 'cmdline'];

/** The options every file command takes, in util.parseArgs form. */
export const FILE_OPTIONS = {
  kind: { type: 'string' },
  host: { type: 'string', multiple: true },
  libvirt: { type: 'string', default: 'auto' },
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
export async function validateHost(given: string | readonly string[] | undefined): Promise<ServiceOptions> {
  const values = typeof given === 'string' ? [given] : given && given.length > 0 ? given : ['none'];
  const value = values[0] ?? 'none';
  // Saved libvirt XML (capabilities, domcapabilities), one file or several: the host libvirt describes.
  if (values.length > 1 || (value !== 'live' && value !== 'none' && (await isXmlFile(value)))) {
    const host = await hostFromSavedFiles(values);
    return host ? { host } : {};
  }
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

async function isXmlFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() === true;
}

export function requirePaths(command: string, paths: readonly string[]): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH`);
}
