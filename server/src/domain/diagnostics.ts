import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runRules } from '../core/report';
import type { Finding } from '../core/types';
import { domainDocument } from './document';
import { DOMAIN_RULES } from './rules';

/** Every finding for a domain XML document; none for XML whose root is not `<domain>`. */
export function domainDiagnostics(textDocument: TextDocument): Finding[] {
  const document = domainDocument(textDocument);
  if (!document.model) return [];
  return runRules(textDocument, DOMAIN_RULES, {
    document,
    xml: document.xml,
    model: document.model,
    text: document.xml.text,
  });
}
