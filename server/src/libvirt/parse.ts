import { toKiB } from '../kb/units';
import type { DomainSummary, FreePages, LibvirtVersion } from './types';

/** `virsh version`: the library's version and the running hypervisor's; undefined when neither is there. */
export function parseVersion(text: string): LibvirtVersion | undefined {
  const libvirt = /^Using library: libvirt (\S+)/m.exec(text)?.[1];
  if (!libvirt) return undefined;
  const running = /^Running hypervisor: (\S+) (\S+)/m.exec(text);
  return { libvirt, hypervisor: running ? { name: running[1] ?? '', version: running[2] ?? '' } : null };
}

/**
 * `virsh freepages --all`: a `Node N:` line, then `SIZE: COUNT` lines (`2048KiB: 0`). Lines of another
 * shape are skipped.
 */
export function parseFreePages(text: string): FreePages[] {
  const pages: FreePages[] = [];
  let node: number | undefined;
  for (const line of text.split('\n')) {
    const header = /^\s*Node (\d+):\s*$/.exec(line);
    if (header) {
      node = Number(header[1]);
      continue;
    }
    const entry = /^\s*(\d+)\s*([KMGT]i?B):\s*(\d+)\s*$/.exec(line);
    if (!entry || node === undefined) continue;
    const sizeKiB = toKiB(Number(entry[1]), entry[2] ?? 'KiB');
    if (sizeKiB !== undefined) pages.push({ node, sizeKiB, free: Number(entry[3]) });
  }
  return pages;
}

/** `virsh list --all --uuid --name`: one `UUID NAME` per line. */
export function parseUuidNameList(text: string): { uuid: string; name: string }[] {
  return text
    .split('\n')
    .map((line) => /^\s*([0-9a-fA-F-]{36})\s+(.+?)\s*$/.exec(line))
    .flatMap((match) => (match ? [{ uuid: match[1] ?? '', name: match[2] ?? '' }] : []));
}

/** `virsh dominfo NAME`: `Key: value` lines. */
export function parseDomInfo(text: string, fallback: { uuid: string; name: string }): DomainSummary {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([^:]+):\s*(.*?)\s*$/.exec(line);
    if (match) fields.set((match[1] ?? '').trim(), match[2] ?? '');
  }
  const count = (key: string): number | null => {
    const value = fields.get(key);
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
  };
  const memory = /^(\d+)\s*(\S+)$/.exec(fields.get('Max memory') ?? '');
  return {
    name: fields.get('Name') || fallback.name,
    uuid: fields.get('UUID') || fallback.uuid,
    state: fields.get('State') ?? 'unknown',
    autostart: fields.get('Autostart') === 'enable',
    persistent: fields.get('Persistent') === 'yes',
    vcpus: count('CPU(s)'),
    memoryKiB: memory ? (toKiB(Number(memory[1]), memory[2] ?? 'KiB') ?? null) : null,
  };
}

/**
 * virsh's error text as one line: its `error: ` prefixes dropped, and the line that only names the
 * command's temporary file ("Failed to define domain from /tmp/...") left out, since it is no reason.
 */
export function virshMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.replace(/^error:\s*/, '').trim())
    .filter((line) => line !== '' && !/^Failed to (define|create) domain from /.test(line));
  return lines.join(': ') || 'virsh failed without saying why';
}

/** Whether virsh's error means no daemon answered (rather than a refusal by one that did). */
export function isConnectionFailure(stderr: string): boolean {
  return /failed to connect to the hypervisor|no connection driver available|Cannot recv data|Failed to connect socket|unexpected .* URI path|authentication failed|End of file while reading data/i.test(stderr);
}
