import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedLibvirtVersion } from './hostVersion';
import type { SchemaSource } from './types';

/** Where libvirt's packages install its schemas (the one virt-xml-validate uses). */
export const HOST_SCHEMA = '/usr/share/libvirt/schemas/domain.rng';

/**
 * The schema a setting asks for: `auto` is the host's libvirt schema when libvirt is installed, a path
 * is that file (a folder: its domain.rng; `~/` is the home folder), `builtin` is none. Undefined means
 * the built-in structure is used instead.
 */
export function schemaSourceFor(setting: 'auto' | 'builtin' | string, hostSchema = HOST_SCHEMA): SchemaSource | undefined {
  if (setting === 'builtin' || setting.trim() === '') return undefined;
  if (setting === 'auto') {
    if (!existsSync(hostSchema)) return undefined;
    const libvirtVersion = hostSchema === HOST_SCHEMA ? installedLibvirtVersion() : undefined;
    return libvirtVersion ? { path: hostSchema, label: 'host libvirt schema', libvirtVersion } : { path: hostSchema, label: 'host libvirt schema' };
  }
  const given = resolve(setting.replace(/^~(?=$|\/)/, homedir()));
  const path = isFolder(given) ? join(given, 'domain.rng') : given;
  const version = /libvirt[-_]v?(\d+\.\d+(?:\.\d+)?)/i.exec(path)?.[1];
  return { path, label: version ? `libvirt ${version} schema` : path };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
