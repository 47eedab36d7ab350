import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/types';
import type { Span } from '../../core/span';
import type { SchemaProblem } from './problem';

/**
 * Never two findings for one mistake: a schema problem whose element, attribute or value an error of
 * the structure or tuning rules already touches yields to it (those say it in the knowledge base's
 * words, often with the guide's reason). Only errors count, so a document the schema refuses always
 * keeps an error.
 */
export function withoutSaidAlready(problems: readonly SchemaProblem[], findings: readonly Finding[], document: TextDocument): SchemaProblem[] {
  const said = findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({ start: document.offsetAt(finding.range.start), end: document.offsetAt(finding.range.end) }));
  return problems.filter((problem) => !said.some((span) => touches(span, problem.cover)));
}

function touches(a: Span, b: Span): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  return a.start < b.end && b.start < a.end;
}
