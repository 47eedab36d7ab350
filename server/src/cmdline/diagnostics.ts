import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { runRules } from '../core/report';
import { outsideTemplateLines } from '../core/template';
import type { Finding } from '../core/types';
import { cmdlineDocument } from './document';
import { CMDLINE_RULES } from './rules';
import { buildRuleContext } from './rules/context';
import type { GrubDropIns } from '../grubDropIns/types';

/** A version's findings: without drop-ins, and with the last snapshot of them it was asked with. */
interface Cached {
  plain: Finding[] | undefined;
  dropIns: GrubDropIns | undefined;
  withDropIns: Finding[] | undefined;
}

// Diagnostics and code actions of one version both read this: the rules run once per version (and drop-ins snapshot).
const findingsCache = new DocumentCache<Cached>(() => ({ plain: undefined, dropIns: undefined, withDropIns: undefined }));

function findingsOf(textDocument: TextDocument, dropIns: GrubDropIns | undefined): Finding[] {
  return outsideTemplateLines(textDocument, runRules(textDocument, CMDLINE_RULES, buildRuleContext(cmdlineDocument(textDocument), dropIns)), 'VT310');
}

/**
 * Every finding for a file holding kernel command lines; `grubDropIns` are the drop-ins grub-mkconfig
 * sources after it, as the adapter read them (VT320, and the parameters they replace are not in effect).
 */
export function cmdlineDiagnostics(textDocument: TextDocument, options: { grubDropIns?: GrubDropIns } = {}): Finding[] {
  const cached = findingsCache.get(textDocument);
  const dropIns = options.grubDropIns;
  if (!dropIns) return (cached.plain ??= findingsOf(textDocument, undefined));
  if (cached.dropIns !== dropIns || !cached.withDropIns) {
    cached.withDropIns = findingsOf(textDocument, dropIns);
    cached.dropIns = dropIns;
  }
  return cached.withDropIns;
}

export function forgetCmdlineDiagnostics(uri: string): void {
  findingsCache.forget(uri);
}
