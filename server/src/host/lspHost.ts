import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { hostJson } from './json';
import { domainLayout } from './layout';
import { parseHostSetting } from './load';
import { DOMAIN_LAYOUT_REQUEST, HOST_REQUEST, type DomainLayout, type DomainLayoutParams, type HostView } from './protocol';
import { HostProvider } from './provider';
import type { ServiceOptions } from '../services';

/** The live host is read again when it is older than this (and someone asks). */
const HOST_MAX_AGE_MS = 3000;

/** What the language server gets from attachHost. */
export interface HostAccess {
  /** The host to check documents against now (cached; never waits for a read). */
  options(): ServiceOptions;
  /**
   * Takes `host` from a `virtTune` settings section: `live`, `none` or a path, a relative one taken from
   * `workspaceFolder`. Unset is none: VS Code sends the contributed default (`live`), while other clients
   * and tests get no host unless they ask.
   */
  configure(section: unknown, workspaceFolder?: string): void;
}

/**
 * Gives the language server a host: the `virtTune.host` setting (none until the settings say), read
 * through a cached HostProvider; the panel's requests (`virtTune/host`, `virtTune/domainLayout`); and
 * a republish of every open document when the host changes in a way the rules see.
 */
export function attachHost(connection: Connection, documents: TextDocuments<TextDocument>, republish: () => void): HostAccess {
  const provider = new HostProvider({
    maxAgeMs: HOST_MAX_AGE_MS,
    onProblem: (message) => connection.console.warn(`virt-tune: virtTune.host: ${message}`),
  });
  provider.onDidChange(republish);

  connection.onRequest(HOST_REQUEST, async (): Promise<HostView | null> => {
    const host = await provider.fresh();
    return host ? { ...hostJson(host), source: host.source } : null;
  });
  connection.onRequest(DOMAIN_LAYOUT_REQUEST, async (params: DomainLayoutParams): Promise<DomainLayout | null> => {
    const document = documents.get(params.uri);
    if (!document) return null;
    return domainLayout(document, await provider.fresh()) ?? null;
  });

  return {
    options() {
      const host = provider.current();
      return host ? { host } : {};
    },
    configure(section, workspaceFolder) {
      const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)['host'] : undefined;
      provider.configure(parseHostSetting(typeof value === 'string' ? value : 'none', process.platform, workspaceFolder));
    },
  };
}
