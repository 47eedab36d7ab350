// Not named imports: esbuild would copy each of the module's ~300 exports into a wrapper of this file's, at every start.
import lsp = require('vscode-languageserver/node');
import type { CodeAction, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Fix, Severity } from '../core/types';
import { ruleDocUri } from '../ruleDocs';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  information: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUri(finding.rule) },
    source: 'virt-tune',
    message: finding.message,
  };
}

export function toCodeAction(uri: string, finding: Finding, fix: Fix): CodeAction {
  return {
    title: fix.title,
    kind: lsp.CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding)],
    edit: { changes: { [uri]: fix.edits } },
    ...(fix.isPreferred ? { isPreferred: true } : {}),
  };
}

/** Whether a client that asked only for some kinds of code action wants quick fixes. */
export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  if (!only) return true;
  return only.some((kind) => kind === '' || kind === lsp.CodeActionKind.QuickFix || lsp.CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

/** A rewrite that no finding asks for ("Tune for this host"): offered as a refactoring. */
export function toRewriteAction(uri: string, fix: Fix): CodeAction {
  return {
    title: fix.title,
    kind: lsp.CodeActionKind.RefactorRewrite,
    edit: { changes: { [uri]: fix.edits } },
    ...(fix.isPreferred ? { isPreferred: true } : {}),
  };
}

/** Whether a client that asked only for some kinds of code action wants rewrites. */
export function wantsRewrites(only: readonly string[] | undefined): boolean {
  if (!only) return true;
  return only.some((kind) => kind === '' || kind === lsp.CodeActionKind.RefactorRewrite || lsp.CodeActionKind.RefactorRewrite.startsWith(`${kind}.`));
}
