import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import type { Finding } from '../core/types';
import type { BootHugePages, Guests } from '../guests/types';
import type { HostModel } from '../host/types';
import { domainDocument } from './document';
import { DOMAIN_RULES } from './rules';
import { runDomainRules } from './rules/walk';

/** What the findings depend on besides the text: the host the guest will run on and its other guests, when known. */
export interface DomainDiagnosticsOptions {
  host?: HostModel;
  guests?: Guests;
  bootHugepages?: BootHugePages;
}

/**
 * The findings of one version, kept for two hosts and guest lists (the live host's fingerprint changes
 * now and then), the older dropped first: two slots, not a Map, as nearly every version has one.
 */
interface ByHost {
  olderKey: string | undefined;
  older: Finding[] | undefined;
  newerKey: string | undefined;
  newer: Finding[] | undefined;
}

// Diagnostics and code actions of one version both read this: the rules run once per version, host and guest list.
const findingsCache = new DocumentCache<ByHost>(() => ({ olderKey: undefined, older: undefined, newerKey: undefined, newer: undefined }));

// A guest list is a snapshot (a new array when a guest changes), so its identity is its key.
const guestListIds = new WeakMap<object, number>();
let nextGuestListId = 1;

function guestListKey(guests: object | undefined): string {
  if (!guests) return '';
  let id = guestListIds.get(guests);
  if (id === undefined) {
    id = nextGuestListId++;
    guestListIds.set(guests, id);
  }
  return String(id);
}

/** The key of findings made without a host or guests: what the general key is then. */
const NO_HOST_KEY = '||';

function findingsFor(textDocument: TextDocument, options: DomainDiagnosticsOptions): Finding[] {
  const document = domainDocument(textDocument);
  if (!document.model) return [];
  // One shape for every document (an absent host or guest list is undefined), made without spreading.
  return runDomainRules(textDocument, DOMAIN_RULES, {
    document,
    xml: document.xml,
    model: document.model,
    text: document.xml.text,
    host: options.host || undefined,
    guests: options.guests || undefined,
    bootHugepages: options.bootHugepages || undefined,
  });
}

/** Every finding for a domain XML document; none for XML whose root is not `<domain>`. */
export function domainDiagnostics(textDocument: TextDocument, options: DomainDiagnosticsOptions = {}): Finding[] {
  const byHost = findingsCache.get(textDocument);
  // Without a host or guests (the CLI's usual case) the key is a constant, not a string made per call.
  const key = options.host || options.guests || options.bootHugepages
    ? `${options.host?.fingerprint ?? ''}|${guestListKey(options.guests)}|${guestListKey(options.bootHugepages)}`
    : NO_HOST_KEY;
  if (byHost.olderKey === key) return byHost.older!;
  if (byHost.newerKey === key) return byHost.newer!;
  const findings = findingsFor(textDocument, options);
  if (byHost.olderKey === undefined) {
    byHost.olderKey = key;
    byHost.older = findings;
  } else {
    if (byHost.newerKey !== undefined) {
      byHost.olderKey = byHost.newerKey;
      byHost.older = byHost.newer;
    }
    byHost.newerKey = key;
    byHost.newer = findings;
  }
  return findings;
}

export function forgetDomainDiagnostics(uri: string): void {
  findingsCache.forget(uri);
}
