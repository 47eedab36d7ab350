import type { DomainCapabilities } from '../host/libvirtTypes';
import { readDomainCapabilities } from '../host/domainCapabilities';
import type { LibvirtAnswers } from '../host/withLibvirt';
import type { DomainCapabilitiesKey, LibvirtConnection, LibvirtVersion } from './types';

export interface FactReaderOptions {
  /** Answers older than this are asked again when next needed (the server's host is re-read as often). */
  maxAgeMs: number;
  now?: () => number;
}

interface Cached<T> {
  at: number;
  value: T;
}

/**
 * What the host model takes from libvirt (capabilities, free pages, domcapabilities per key), asked
 * through a LibvirtConnection and cached: each answer is asked again only once it is older than
 * `maxAgeMs`, and a domcapabilities key only when some domain names it. A failing call leaves the fact
 * out (the features it feeds stay silent).
 */
export class LibvirtFactReader {
  private capabilities: Cached<string | null> | undefined;
  private freePages: Cached<LibvirtAnswers['freePages']> | undefined;
  private readonly domainCaps = new Map<string, Cached<DomainCapabilities | null>>();
  private readonly now: () => number;

  constructor(
    private readonly connection: LibvirtConnection,
    private readonly version: LibvirtVersion,
    private readonly options: FactReaderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get uri(): string {
    return this.connection.uri;
  }

  /** Whether the domcapabilities of this key were asked for and are still fresh. */
  has(key: DomainCapabilitiesKey): boolean {
    return this.fresh(this.domainCaps.get(keyString(key)));
  }

  async answers(keys: readonly DomainCapabilitiesKey[] = []): Promise<LibvirtAnswers> {
    if (!this.fresh(this.capabilities)) {
      const result = await this.connection.capabilities();
      this.capabilities = { at: this.now(), value: result.ok ? result.value : null };
    }
    if (!this.fresh(this.freePages)) {
      const result = await this.connection.freePages();
      this.freePages = { at: this.now(), value: result.ok ? result.value : null };
    }
    for (const key of keys) await this.domainCapabilities(key);
    const read = new Map<string, DomainCapabilities>();
    for (const entry of this.domainCaps.values()) {
      if (entry.value) read.set(keyString({ emulator: entry.value.emulator ?? undefined, arch: entry.value.arch ?? undefined, machine: entry.value.machine ?? undefined, virttype: entry.value.domain ?? undefined }), entry.value);
    }
    return {
      source: this.connection.uri,
      version: this.version,
      capabilitiesXml: this.capabilities?.value ?? null,
      domainCapabilities: [...read.values()],
      freePages: this.freePages?.value ?? null,
    };
  }

  /**
   * domcapabilities for a key; a machine type this emulator lacks is refused by libvirt, and then the
   * arch's default machine stands in (the rules judge the machine type itself from capabilities).
   */
  private async domainCapabilities(key: DomainCapabilitiesKey): Promise<void> {
    const name = keyString(key);
    if (this.fresh(this.domainCaps.get(name))) return;
    let result = await this.connection.domainCapabilities(key);
    if (!result.ok && result.kind === 'refused' && key.machine !== undefined) result = await this.connection.domainCapabilities({ ...key, machine: undefined });
    let value: DomainCapabilities | null = null;
    if (result.ok) {
      try {
        value = readDomainCapabilities(result.value, `domcapabilities of ${this.connection.uri}`);
      } catch {
        value = null;
      }
    }
    this.domainCaps.set(name, { at: this.now(), value });
  }

  private fresh(entry: Cached<unknown> | undefined): boolean {
    return entry !== undefined && this.now() - entry.at < this.options.maxAgeMs;
  }
}

export function keyString(key: DomainCapabilitiesKey): string {
  return [key.emulator ?? '', key.arch ?? '', key.machine ?? '', key.virttype ?? ''].join('|');
}
