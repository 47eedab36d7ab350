import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HostLoadError } from '../host/errors';
import { hostJson } from '../host/json';
import { loadHostPath } from '../host/load';
import { readSysfsHost } from '../host/sysfs';
import { formatHostText } from '../host/text';
import type { HostModel } from '../host/types';
import { formatLibvirtText } from '../host/libvirtText';
import { libvirtHostForFiles } from './libvirtHost';
import { EXIT_CLEAN, UsageError, type Output } from './usage';

/**
 * `virt-tune host`: what virt-tune sees of a host, this machine's sysfs by default, a snapshot tree
 * (--root) or `virsh capabilities` XML (--capabilities), as a terminal picture or as JSON.
 */
export async function hostCommand(args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      capabilities: { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      libvirt: { type: 'string', default: 'auto' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`host takes no PATH (got '${positionals[0]}'); use --root DIR or --capabilities FILE`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json for host (got '${values.format}')`);
  if (values.root !== undefined && values.capabilities !== undefined) throw new UsageError('give --root or --capabilities, not both');
  const read = await readHost(values.root, values.capabilities);
  // This machine (no --root, no --capabilities) gets what its libvirt offers, as lint does with --host live.
  const forFile = await libvirtHostForFiles(values.libvirt, values.root === undefined && values.capabilities === undefined ? ['live'] : ['saved'], { host: read }, (line) => output.stderr(`${line}\n`));
  const host = (await forFile('domain', 'host', "<domain type='kvm'/>")).host ?? read;
  if (values.root === undefined && values.capabilities === undefined && process.platform !== 'linux') {
    output.stderr('virt-tune: this is not Linux: there is no sysfs to read; use --capabilities FILE (virsh capabilities)\n');
  }
  output.stdout(
    values.format === 'json'
      ? `${JSON.stringify({ ...hostJson(host), ...(host.libvirt ? { libvirt: host.libvirt } : {}) }, null, 2)}\n`
      : formatHostText(host) + (host.libvirt ? `${formatLibvirtText(host.libvirt).join('\n')}\n` : ''),
  );
  return EXIT_CLEAN;
}

async function readHost(root: string | undefined, capabilities: string | undefined): Promise<HostModel> {
  try {
    if (capabilities !== undefined) {
      if ((await stat(capabilities).catch(() => undefined))?.isDirectory()) throw new UsageError(`--capabilities needs a file (got the folder '${capabilities}'); use --root for a folder`);
      return await loadHostPath(capabilities);
    }
    if (root !== undefined && !(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`--root needs a folder (cannot read '${root}')`);
    return await readSysfsHost(root ?? '/');
  } catch (error) {
    if (error instanceof HostLoadError) throw new UsageError(error.message);
    throw error;
  }
}
