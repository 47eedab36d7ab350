import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { runRules } from '../core/report';
import type { Finding } from '../core/types';
import { domainDocument } from './document';
import { DOMAIN_RULES } from './rules';

// Diagnostics and code actions of one version both read this: the rules run once per version.
const findingsCache = new DocumentCache<Finding[]>((textDocument) => {
  const document = domainDocument(textDocument);
  if (!document.model) return [];
  return runRules(textDocument, DOMAIN_RULES, {
    document,
    xml: document.xml,
    model: document.model,
    text: document.xml.text,
  });
});

/** Every finding for a domain XML document; none for XML whose root is not `<domain>`. */
export function domainDiagnostics(textDocument: TextDocument): Finding[] {
  return findingsCache.get(textDocument);
}

export function forgetDomainDiagnostics(uri: string): void {
  findingsCache.forget(uri);
}
