// Not named imports: esbuild would copy each of the module's ~300 exports into a wrapper of this file's, at every start.
import lsp = require('vscode-languageserver/node');
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/types';
import { toDiagnostic } from './convert';

/**
 * The most diagnostics of one document sent to the editor, a note on those left out included: as many as
 * VS Code keeps of a file (its extension host drops the rest of a longer list, keeping errors first, then
 * warnings, information and hints, and adds a note of its own, so one diagnostic more would lose ours). A
 * file of a hundred thousand findings otherwise cost the server seconds to convert, encode and collect, and
 * the editor as long to decode, for diagnostics nobody is shown.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;
/** The findings published when some must be left out: room is kept for the note. */
const KEPT_WHEN_LEFT_OUT = MAX_PUBLISHED_DIAGNOSTICS - 1;

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * A document's findings as diagnostics to publish: all of them when there are at most
 * MAX_PUBLISHED_DIAGNOSTICS; else one fewer, chosen as VS Code chooses (the most severe first, each
 * severity in the findings' order), in the findings' order, and after them a note, at the first finding
 * left out, that says how many were left out and where to see them all.
 */
export function publishedDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  if (findings.length <= MAX_PUBLISHED_DIAGNOSTICS) return findings.map(toDiagnostic);
  const kept = new Set<Finding>();
  for (const severity of SEVERITY_ORDER) {
    for (const finding of findings) {
      if (finding.severity !== severity) continue;
      kept.add(finding);
      if (kept.size === KEPT_WHEN_LEFT_OUT) break;
    }
    if (kept.size === KEPT_WHEN_LEFT_OUT) break;
  }
  const diagnostics: Diagnostic[] = [];
  let firstLeftOut: Finding | undefined;
  for (const finding of findings) {
    if (kept.has(finding)) diagnostics.push(toDiagnostic(finding));
    else firstLeftOut ??= finding;
  }
  const leftOut = findings.length - KEPT_WHEN_LEFT_OUT;
  diagnostics.push({
    range: firstLeftOut!.range,
    severity: lsp.DiagnosticSeverity.Information,
    source: 'virt-tune',
    message:
      `virt-tune found ${count(findings.length)} problems in this file and shows ${count(KEPT_WHEN_LEFT_OUT)} of them, the most severe first ` +
      `(VS Code lists no more than ${count(MAX_PUBLISHED_DIAGNOSTICS)} per file, this note included); it leaves out ${count(leftOut)}, ` +
      'the first of them here. `virt-tune lint` on the file lists them all.',
  });
  return diagnostics;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
