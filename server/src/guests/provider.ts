import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGuestSnapshot } from './files';
import { readLibvirtGuests, type DomainSource, type GuestSnapshot } from './libvirt';
import { bootHugePagesBeside } from './boot';
import type { BootHugePages, Guests } from './types';

/**
 * Whether a folder looks like a copy of libvirt's own (/etc/libvirt/qemu): it is named `qemu` or holds
 * libvirt's `autostart/` links. Other folders (examples, a project's domain files) may hold domains of many
 * hosts; `virtTune.guests` names them when they are one host's.
 */
async function isLibvirtFolder(folder: string): Promise<boolean> {
  if (basename(folder) === 'qemu') return true;
  return (await stat(join(folder, 'autostart')).catch(() => undefined))?.isDirectory() === true;
}

/**
 * `virtTune.guests`: `auto` (libvirt's domains when connected, else the domain files of the document's
 * folder when it is a copy of libvirt's, see isLibvirtFolder), `none`, or the paths (files or folders, relative ones from the workspace folder) of one
 * host's domain files.
 */
export type GuestsSetting = { kind: 'none' } | { kind: 'auto' } | { kind: 'paths'; paths: string[] };

/** Unset is none, as for the host: VS Code sends the contributed default (`auto`); other clients and tests ask. */
export function parseGuestsSetting(value: unknown, workspaceFolder: string | undefined): GuestsSetting {
  if (value === 'auto') return { kind: 'auto' };
  if (Array.isArray(value)) {
    const paths = value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
    const base = workspaceFolder ?? process.cwd();
    return { kind: 'paths', paths: paths.map((path) => (isAbsolute(path) ? path : join(base, path))) };
  }
  return { kind: 'none' };
}

interface Entry {
  snapshot: GuestSnapshot | undefined;
  readAt: number;
  reading: Promise<void> | undefined;
}

export interface GuestsProviderOptions {
  /** A list is read again when it is older than this and someone asks. */
  maxAgeMs: number;
  /** The libvirt connection when there is one. */
  libvirt: () => DomainSource | undefined;
  /** A list changed: documents should be checked again. */
  onDidChange: () => void;
  now?: () => number;
}

/** At most this many folders' lists are kept. */
const MAX_ENTRIES = 16;

/**
 * The other guests of the host for a document, never read on the keystroke path: `current` answers from
 * the cache at once and starts a re-read when the list is stale; when a re-read finds something new,
 * onDidChange tells the server to check the documents again.
 */
export class GuestsProvider {
  private setting: GuestsSetting = { kind: 'none' };
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: GuestsProviderOptions) {}

  configure(setting: GuestsSetting): void {
    if (JSON.stringify(setting) === JSON.stringify(this.setting)) return;
    this.setting = setting;
    this.entries.clear();
  }

  /** Forget every list (after a define, a refresh of the view). */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.readAt = -Infinity;
  }

  /** Drops the lists no open document takes any more (a folder whose documents have all closed). */
  keepFor(openUris: Iterable<string>): void {
    const used = new Set<string>();
    for (const uri of openUris) {
      const key = this.keyOf(uri);
      if (key) used.add(key);
    }
    for (const key of [...this.entries.keys()]) if (!used.has(key)) this.entries.delete(key);
  }

  /** The guests for a document now (cached); undefined until first read or when none apply. */
  current(uri: string): Guests | undefined {
    const key = this.keyOf(uri);
    if (!key) return undefined;
    const entry = this.entry(key);
    if (!entry.reading && this.now() - entry.readAt > this.options.maxAgeMs) entry.reading = this.read(key, entry);
    return entry.snapshot?.guests;
  }

  /** The boot-time huge page reservation that came with the document's guests (cached, as current). */
  boot(uri: string): BootHugePages | undefined {
    const key = this.keyOf(uri);
    return key ? this.entries.get(key)?.snapshot?.boot : undefined;
  }

  /** The guests for a document, read first when stale (for the panel). */
  async fresh(uri: string): Promise<Guests | undefined> {
    const key = this.keyOf(uri);
    if (!key) return undefined;
    const entry = this.entry(key);
    if (!entry.reading && this.now() - entry.readAt > this.options.maxAgeMs) entry.reading = this.read(key, entry);
    await entry.reading;
    return entry.snapshot?.guests;
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { snapshot: undefined, readAt: -Infinity, reading: undefined };
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  /** `libvirt`, `paths` or `folder:<dir>`: which list a document takes. */
  private keyOf(uri: string): string | undefined {
    const setting = this.setting;
    if (setting.kind === 'none') return undefined;
    if (setting.kind === 'paths') return 'paths';
    if (this.options.libvirt()) return 'libvirt';
    if (!uri.startsWith('file:')) return undefined;
    try {
      return `folder:${dirname(fileURLToPath(uri))}`;
    } catch {
      return undefined;
    }
  }

  private async read(key: string, entry: Entry): Promise<void> {
    let snapshot: GuestSnapshot | undefined;
    try {
      if (key === 'libvirt') {
        const source = this.options.libvirt();
        snapshot = source ? await readLibvirtGuests(source) : undefined;
      } else if (this.setting.kind === 'paths') {
        snapshot = await readGuestSnapshot(this.setting.paths);
      } else {
        const folder = key.slice('folder:'.length);
        snapshot = (await isLibvirtFolder(folder)) ? await withBoot(await readGuestSnapshot([folder]), folder) : { guests: [], signature: 'not a libvirt folder' };
      }
    } catch {
      snapshot = undefined;
    }
    entry.readAt = this.now();
    entry.reading = undefined;
    if (this.entries.get(key) !== entry) return;
    const changed = snapshot?.signature !== entry.snapshot?.signature;
    if (changed) {
      entry.snapshot = snapshot;
      this.options.onDidChange();
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** A folder's guests with the huge pages its tree's kernel command line reserves at boot (see bootHugePagesBeside). */
async function withBoot(snapshot: GuestSnapshot, folder: string): Promise<GuestSnapshot> {
  const boot = await bootHugePagesBeside(folder);
  return boot ? { ...snapshot, boot, signature: `${snapshot.signature}|${JSON.stringify(boot)}` } : snapshot;
}
