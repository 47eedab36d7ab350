import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, FixSpec, Report, Rule, Severity } from './types';
import type { Span } from './span';

export function spanToRange(document: TextDocument, span: Span) {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

function toFix(document: TextDocument, spec: FixSpec): Fix {
  return {
    title: spec.title,
    edits: spec.edits.map((edit) => ({ range: spanToRange(document, edit.span), newText: edit.newText })),
    ...(spec.isPreferred ? { isPreferred: true } : {}),
  };
}

/**
 * A rule's report as a finding: spans to LSP ranges, the rule's severity unless the report says its own.
 * `fixesMade` lets reports that share one fix (a fix of many edits offered on each of many lines) share
 * its converted form too, instead of a copy each: linear, not quadratic, in the lines.
 */
export function toFinding(document: TextDocument, code: string, severity: Severity, report: Report, fixesMade?: Map<FixSpec, Fix>): Finding {
  return {
    rule: code,
    severity: report.severity ?? severity,
    message: report.message,
    range: spanToRange(document, report.span),
    fixes: (report.fixes ?? []).map((spec) => {
      if (!fixesMade) return toFix(document, spec);
      let fix = fixesMade.get(spec);
      if (!fix) fixesMade.set(spec, (fix = toFix(document, spec)));
      return fix;
    }),
  };
}

/**
 * Runs rules over one context and collects their findings in document order. A rule that throws is
 * a bug in virt-tune, not in the user's file: it is logged and skipped so the other rules still speak.
 */
export function runRules<Context>(document: TextDocument, rules: readonly Rule<Context>[], context: Context): Finding[] {
  const findings: Finding[] = [];
  const fixesMade = new Map<FixSpec, Fix>();
  for (const rule of rules) {
    try {
      rule.check(context, (report: Report) => {
        findings.push(toFinding(document, rule.meta.code, rule.meta.severity, report, fixesMade));
      });
    } catch (error) {
      console.error(`virt-tune: rule ${rule.meta.code} failed on ${document.uri}:`, error);
    }
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
