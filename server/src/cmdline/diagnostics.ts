import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { runRules } from '../core/report';
import { outsideTemplateLines } from '../core/template';
import type { Finding } from '../core/types';
import { cmdlineDocument } from './document';
import { CMDLINE_RULES } from './rules';
import { buildRuleContext } from './rules/context';

// Diagnostics and code actions of one version both read this: the rules run once per version.
const findingsCache = new DocumentCache<Finding[]>((textDocument) =>
  outsideTemplateLines(textDocument, runRules(textDocument, CMDLINE_RULES, buildRuleContext(cmdlineDocument(textDocument))), 'VT310'),
);

/** Every finding for a file holding kernel command lines. */
export function cmdlineDiagnostics(textDocument: TextDocument): Finding[] {
  return findingsCache.get(textDocument);
}

export function forgetCmdlineDiagnostics(uri: string): void {
  findingsCache.forget(uri);
}
