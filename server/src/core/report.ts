import type { Range, TextDocument, TextEdit } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, FixSpec, Report, Rule, Severity, SpanEdit } from './types';
import type { Span } from './span';

export function spanToRange(document: TextDocument, span: Span) {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/**
 * An edit's range, sharing the finding's own range or positions where the offsets are the same (a
 * rename of the span the finding marks, an insertion at its start): findings are never changed once
 * made, and a file with a hundred thousand findings keeps that many fewer objects alive.
 */
function editRange(document: TextDocument, span: Span, reported: Span, range: Range): Range {
  if (span.start === reported.start && span.end === reported.end) return range;
  const start = span.start === reported.start ? range.start : span.start === reported.end ? range.end : document.positionAt(span.start);
  if (span.end === span.start) return { start, end: start };
  const end = span.end === reported.end ? range.end : span.end === reported.start ? range.start : document.positionAt(span.end);
  return { start, end };
}

function toFix(document: TextDocument, spec: FixSpec, reported: Span, range: Range): Fix {
  const edits = spec.edits.length === 1 ? [toEdit(document, spec.edits[0]!, reported, range)] : spec.edits.map((edit) => toEdit(document, edit, reported, range));
  // Made whole, not given isPreferred afterwards: a property added later costs each fix a store of its own.
  return spec.isPreferred ? { title: spec.title, edits, isPreferred: true } : { title: spec.title, edits };
}

function toEdit(document: TextDocument, edit: SpanEdit, reported: Span, range: Range): TextEdit {
  return { range: editRange(document, edit.span, reported, range), newText: edit.newText };
}

/** The fixes of the many findings that have none: one list, never changed. */
const NO_FIXES: readonly Fix[] = Object.freeze([]);

/**
 * A rule's report as a finding: spans to LSP ranges, the rule's severity unless the report says its own.
 * `fixesMade` lets reports that share one fix of several edits (a fix of many edits offered on each of
 * many lines) share its converted form too, instead of a copy each: linear, not quadratic, in the lines.
 */
export function toFinding(document: TextDocument, code: string, severity: Severity, report: Report, fixesMade?: Map<FixSpec, Fix>): Finding {
  const range = spanToRange(document, report.span);
  const specs = report.fixes;
  let fixes: readonly Fix[] = NO_FIXES;
  // Most findings have no fix or one: made without a callback, the list at its size.
  if (specs?.length === 1) fixes = [madeFix(document, specs[0]!, report.span, range, fixesMade)];
  else if (specs !== undefined && specs.length > 1) fixes = specs.map((spec) => madeFix(document, spec, report.span, range, fixesMade));
  return { rule: code, severity: report.severity ?? severity, message: report.message, range, fixes };
}

function madeFix(document: TextDocument, spec: FixSpec, reported: Span, range: Range, fixesMade: Map<FixSpec, Fix> | undefined): Fix {
  // One edit is made again at the cost of one range; a Map entry per fix cost more (266,000 fixes of a 5 MB ksmtuned.conf: 0.6 s).
  if (!fixesMade || spec.edits.length < 2) return toFix(document, spec, reported, range);
  let fix = fixesMade.get(spec);
  if (!fix) fixesMade.set(spec, (fix = toFix(document, spec, reported, range)));
  return fix;
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
