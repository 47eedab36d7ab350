import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { runRules } from '../core/report';
import type { Finding } from '../core/types';
import type { HostModel } from '../host/types';
import { domainDocument } from './document';
import { DOMAIN_RULES } from './rules';

/** What the findings depend on besides the text: the host the guest will run on, when one is known. */
export interface DomainDiagnosticsOptions {
  host?: HostModel;
}

/** Findings of one version are kept for this many hosts (the live host's fingerprint changes now and then). */
const HOSTS_PER_VERSION = 2;

// Diagnostics and code actions of one version both read this: the rules run once per version and host.
const findingsCache = new DocumentCache<Map<string, Finding[]>>(() => new Map());

function findingsFor(textDocument: TextDocument, host: HostModel | undefined): Finding[] {
  const document = domainDocument(textDocument);
  if (!document.model) return [];
  return runRules(textDocument, DOMAIN_RULES, {
    document,
    xml: document.xml,
    model: document.model,
    text: document.xml.text,
    ...(host ? { host } : {}),
  });
}

/** Every finding for a domain XML document; none for XML whose root is not `<domain>`. */
export function domainDiagnostics(textDocument: TextDocument, options: DomainDiagnosticsOptions = {}): Finding[] {
  const byHost = findingsCache.get(textDocument);
  const key = options.host?.fingerprint ?? '';
  let findings = byHost.get(key);
  if (!findings) {
    findings = findingsFor(textDocument, options.host);
    if (byHost.size >= HOSTS_PER_VERSION) byHost.delete(byHost.keys().next().value!);
    byHost.set(key, findings);
  }
  return findings;
}

export function forgetDomainDiagnostics(uri: string): void {
  findingsCache.forget(uri);
}
