import type { DomainSource } from './libvirt';
import { GuestsProvider, parseGuestsSetting } from './provider';
import type { BootHugePages, Guests } from './types';

/** Lists are read again at most this often (and only when a document or the panel asks). */
const GUESTS_MAX_AGE_MS = 10_000;

export interface GuestsAccess {
  /** The other guests for a document now (cached; never waits for a read). */
  current(uri: string): Guests | undefined;
  /** The boot-time huge page reservation of the document's guests' host, when the workspace holds it. */
  boot(uri: string): BootHugePages | undefined;
  /** Read first when stale, for the panel. */
  fresh(uri: string): Promise<Guests | undefined>;
  /** Takes `guests` from a `virtTune` settings section; relative paths from `workspaceFolder`. */
  configure(section: unknown, workspaceFolder?: string): void;
  /** Read every list again on the next ask (after a define, or the view's refresh). */
  invalidate(): void;
  /** Drops the lists no open document takes (after a close). */
  keepFor(openUris: Iterable<string>): void;
}

/** Gives the language server the host's other guests (`virtTune.guests`), republishing when they change. */
export function attachGuests(libvirt: () => DomainSource | undefined, republish: () => void): GuestsAccess {
  const provider = new GuestsProvider({ maxAgeMs: GUESTS_MAX_AGE_MS, libvirt, onDidChange: republish });
  return {
    current: (uri) => provider.current(uri),
    boot: (uri) => provider.boot(uri),
    fresh: (uri) => provider.fresh(uri),
    configure(section, workspaceFolder) {
      const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)['guests'] : undefined;
      provider.configure(parseGuestsSetting(value, workspaceFolder));
    },
    invalidate: () => provider.invalidate(),
    keepFor: (openUris) => provider.keepFor(openUris),
  };
}
