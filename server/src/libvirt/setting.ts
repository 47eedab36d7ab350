/**
 * `virtTune.libvirt` and the CLI's `--libvirt`: which libvirt daemon virt-tune asks about this host.
 * `auto` is qemu:///system when virsh is there and connects (quietly nothing otherwise), `none` is off,
 * anything else is a libvirt URI.
 */
export type LibvirtSetting = { kind: 'none' } | { kind: 'auto' } | { kind: 'uri'; uri: string };

/** The URI `auto` tries. */
export const AUTO_URI = 'qemu:///system';

export function parseLibvirtSetting(value: string | undefined): LibvirtSetting {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === 'auto') return { kind: 'auto' };
  if (trimmed === 'none' || trimmed === 'off') return { kind: 'none' };
  return { kind: 'uri', uri: trimmed };
}

/**
 * Why a URI is not one virt-tune will hand to virsh, or undefined when it is. A libvirt URI can make
 * virsh run a program: the `ext` transport runs the `command=` given, and `command=`/`netcat=` name
 * the ssh or netcat program to run. Such a URI is used only when `fromUser` says the user's own
 * settings (or command line) wrote it, never because a workspace's settings did.
 */
export function uriProblem(uri: string, fromUser: boolean): string | undefined {
  if (/[\0\n\r]/.test(uri)) return `'${printable(uri)}' is not a libvirt URI`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1];
  if (!scheme) return `'${uri}' is not a libvirt URI (such as qemu:///system or qemu+ssh://host/system)`;
  if (fromUser) return undefined;
  if (runsProgram(uri)) {
    return `'${uri}' would make virsh run a program (the ext transport or a command=/netcat= parameter); virt-tune takes such a URI only from your user settings, not from a workspace's`;
  }
  return undefined;
}

export function runsProgram(uri: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1] ?? '';
  const transport = scheme.includes('+') ? scheme.slice(scheme.indexOf('+') + 1).toLowerCase() : '';
  const query = uri.includes('?') ? uri.slice(uri.indexOf('?') + 1) : '';
  const names = query.split('&').map((pair) => safeDecode(pair.split('=')[0] ?? '').toLowerCase());
  return transport === 'ext' || names.includes('command') || names.includes('netcat');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function printable(text: string): string {
  return text.replace(/[\0-\x1f]/g, ' ');
}
