import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { readCapabilitiesHost } from './capabilities';
import { HostLoadError } from './errors';
import { readSysfsHost } from './sysfs';
import type { HostModel, HostSetting } from './types';

/** virsh capabilities of a big host are some hundred KiB; anything far larger is not one. */
const MAX_CAPABILITIES_BYTES = 16 * 1024 * 1024;

/**
 * `live`, `none`, or a path (a root folder holding sys/ and proc/, or a capabilities XML file), as the
 * CLI's --host and the `virtTune.host` setting write it. `live` means none where there is no sysfs to
 * read (the server is not on Linux). A relative path is taken from `base` when given (the language
 * server's workspace folder), else left for the process's working directory (the CLI's).
 */
export function parseHostSetting(value: string | undefined, platform: NodeJS.Platform = process.platform, base?: string): HostSetting {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === 'none') return { kind: 'none' };
  if (trimmed === 'live') return platform === 'linux' ? { kind: 'live' } : { kind: 'none' };
  return { kind: 'path', path: base !== undefined && !isAbsolute(trimmed) ? resolve(base, trimmed) : trimmed };
}

/** Reads the host a setting names; undefined for none. Throws HostLoadError when the path cannot be used. */
export async function loadHost(setting: HostSetting): Promise<HostModel | undefined> {
  switch (setting.kind) {
    case 'none':
      return undefined;
    case 'live':
      return readSysfsHost('/');
    case 'path':
      return loadHostPath(setting.path);
  }
}

/** A folder is a root to read sysfs under; a file is capabilities XML. */
export async function loadHostPath(path: string): Promise<HostModel> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new HostLoadError(`cannot read host description '${path}'`);
  }
  if (info.isDirectory()) return readSysfsHost(path);
  if (info.size > MAX_CAPABILITIES_BYTES) throw new HostLoadError(`'${path}' is too large to be virsh capabilities XML`);
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new HostLoadError(`cannot read host description '${path}'`);
  }
  return readCapabilitiesHost(text, path);
}
