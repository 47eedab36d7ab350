import { AUTO_URI, uriProblem, type LibvirtSetting } from './setting';
import type { LibvirtConnection, LibvirtVersion } from './types';
import { VirshConnection, type VirshOptions } from './virsh';

export interface OpenedLibvirt {
  connection?: LibvirtConnection;
  version?: LibvirtVersion;
  /** One line for the user when a URI they named cannot be used; `auto` finding nothing is no problem. */
  problem?: string;
}

export interface OpenOptions extends VirshOptions {
  /** Whether the user's own settings or command line named the URI (see uriProblem). */
  fromUser: boolean;
  /** Makes the connection for a URI (tests pass a fake). */
  connect?: (uri: string) => LibvirtConnection;
}

/**
 * The libvirt a setting names, asked for its version first so that a URI that does not connect is told
 * once, here, and everything fed by libvirt stays silent.
 */
export async function openLibvirt(setting: LibvirtSetting, options: OpenOptions): Promise<OpenedLibvirt> {
  if (setting.kind === 'none') return {};
  const uri = setting.kind === 'auto' ? AUTO_URI : setting.uri;
  const problem = setting.kind === 'uri' ? uriProblem(uri, options.fromUser) : undefined;
  if (problem) return { problem };
  const connection = options.connect ? options.connect(uri) : new VirshConnection(uri, options);
  const version = await connection.version();
  if (version.ok) return { connection, version: version.value };
  return setting.kind === 'auto' ? {} : { problem: `libvirt at ${uri} cannot be used: ${version.message}` };
}
