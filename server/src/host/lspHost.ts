import type { Connection } from 'vscode-languageserver/node';
import { parseHostSetting } from './load';
import { HostProvider } from './provider';
import type { HostModel } from './types';
import type { ServiceOptions } from '../services';

/** The live host is read again when it is older than this (and someone asks). */
const HOST_MAX_AGE_MS = 3000;

/** What the language server gets from attachHost. */
export interface HostAccess {
  /** The host to check documents against now (cached; never waits for a read). */
  options(): ServiceOptions;
  /** The host read again when it is older than a few seconds (for the panel); undefined when none is set. */
  fresh(): Promise<HostModel | undefined>;
  /**
   * Takes `host` from a `virtTune` settings section: `live`, `none` or a path, a relative one taken from
   * `workspaceFolder`. Unset is none: VS Code sends the contributed default (`live`), while other clients
   * and tests get no host unless they ask.
   */
  configure(section: unknown, workspaceFolder?: string): void;
}

/**
 * Gives the language server a host: the `virtTune.host` setting (none until the settings say), read
 * through a cached HostProvider, and a republish of every open document when the host changes in a way
 * the rules see.
 */
export function attachHost(connection: Connection, republish: () => void): HostAccess {
  const provider = new HostProvider({
    maxAgeMs: HOST_MAX_AGE_MS,
    onProblem: (message) => connection.console.warn(`virt-tune: virtTune.host: ${message}`),
  });
  provider.onDidChange(republish);

  return {
    options() {
      const host = provider.current();
      return host ? { host } : {};
    },
    fresh: () => provider.fresh(),
    configure(section, workspaceFolder) {
      const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)['host'] : undefined;
      provider.configure(parseHostSetting(typeof value === 'string' ? value : 'none', process.platform, workspaceFolder));
    },
  };
}
