import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { GuestsAccess } from '../guests/lspGuests';
import type { HostAccess } from '../host/lspHost';
import { DOMAIN_LAYOUT_REQUEST, HOST_REQUEST, type DomainLayout, type DomainLayoutParams, type HostView } from '../protocol';
import { hostView } from './hostView';
import { domainLayout } from './layout';

/** Answers the host panel's requests (`virtTune/host`, `virtTune/domainLayout`) from the open documents, the host and its other guests. */
export function attachPanelRequests(connection: Connection, documents: TextDocuments<TextDocument>, hostAccess: HostAccess, guestsAccess: GuestsAccess): void {
  connection.onRequest(HOST_REQUEST, async (): Promise<HostView | null> => {
    const host = await hostAccess.fresh();
    return host ? hostView(host) : null;
  });
  connection.onRequest(DOMAIN_LAYOUT_REQUEST, async (params: DomainLayoutParams): Promise<DomainLayout | null> => {
    const document = documents.get(params.uri);
    if (!document) return null;
    const [host, guests] = await Promise.all([hostAccess.fresh(), guestsAccess.fresh(params.uri)]);
    return domainLayout(document, host, guests) ?? null;
  });
}
