import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { runRules } from '../core/report';
import { outsideTemplateLines } from '../core/template';
import type { Finding } from '../core/types';
import { ksmtunedDocument } from './document';
import { KSMTUNED_RULES } from './rules';

// Diagnostics and code actions of one version both read this: the rules run once per version.
const findingsCache = new DocumentCache<Finding[]>((textDocument) => {
  const document = ksmtunedDocument(textDocument);
  const findings = runRules(textDocument, KSMTUNED_RULES, { document, conf: document.conf, model: document.model, text: document.conf.text });
  return outsideTemplateLines(textDocument, findings, 'VT218');
});

/** Every finding for a ksmtuned.conf. */
export function ksmtunedDiagnostics(textDocument: TextDocument): Finding[] {
  return findingsCache.get(textDocument);
}

export function forgetKsmtunedDiagnostics(uri: string): void {
  findingsCache.forget(uri);
}
