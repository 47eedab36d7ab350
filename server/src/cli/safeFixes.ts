import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind, Finding, Fix } from '../core/types';
import type { ServiceOptions } from '../services';
import { lintText } from './lintSource';

/** The code of the well-formedness rule: while it speaks, the tree the other rules read is a guess. */
export const WELL_FORMED = 'VT100';
const MAX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  /** The findings of the final text. */
  remaining: Finding[];
  /** The applied fixes whose finding offered others too: which one was taken, so the user can choose otherwise. */
  choices: FixChoice[];
}

/** A fix taken where its finding offered more than one (cache='none' rather than io='threads'). */
export interface FixChoice {
  rule: string;
  /** 1-based, in the text as it was when the fix was taken. */
  line: number;
  chosen: string;
  others: string[];
}

/**
 * Applies the preferred fixes, lint → fix → lint again, until a pass changes nothing or would bring back a
 * text an earlier pass had (two fixes that undo each other), and at most a bounded number of passes.
 * While the text is not well-formed, a pass applies only the well-formedness fixes.
 */
export function applySafeFixes(path: string, kind: FileKind, text: string, options: ServiceOptions = {}): FixOutcome {
  let current = text;
  let applied = 0;
  const choices: FixChoice[] = [];
  let findings = lintText(path, kind, current, 1, options);
  // Every text a pass gave, the first included: one seen again means no change, or two fixes that undo each other.
  const seen = new Set<string>([current]);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const malformed = findings.some((finding) => finding.rule === WELL_FORMED);
    const candidates = findings.filter((finding) => !malformed || finding.rule === WELL_FORMED);
    const fixes = candidates.flatMap((finding) => finding.fixes.filter((fix) => fix.isPreferred));
    const document = TextDocument.create('file:///virt-tune-fix', 'xml', pass, current);
    const chosen = compatibleFixes(document, fixes);
    if (chosen.length === 0) break;
    const next = TextDocument.applyEdits(document, chosen.flatMap((fix) => fix.edits));
    if (seen.has(next)) break;
    seen.add(next);
    choices.push(...choicesAmong(candidates, new Set(chosen)));
    current = next;
    applied += chosen.length;
    findings = lintText(path, kind, current, pass + 1, options);
  }
  return { text: current, applied, remaining: findings, choices };
}

/** For each finding with more than one fix whose preferred fix was applied: that fix and the others. */
function choicesAmong(findings: readonly Finding[], applied: ReadonlySet<Fix>): FixChoice[] {
  return findings.flatMap((finding) => {
    const taken = finding.fixes.find((fix) => applied.has(fix));
    if (!taken || finding.fixes.length < 2) return [];
    const others = finding.fixes.filter((fix) => fix !== taken).map((fix) => fix.title);
    return [{ rule: finding.rule, line: finding.range.start.line + 1, chosen: taken.title, others }];
  });
}

/**
 * The fixes that can be applied together, in document order: a fix is dropped when one of its edits
 * overlaps an edit already chosen, or inserts at the same place (the order of the two would be a guess).
 */
export function compatibleFixes(document: TextDocument, fixes: readonly Fix[]): Fix[] {
  const spans = (fix: Fix) =>
    fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }));
  const ordered = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({ fix, spans: spans(fix) }))
    .sort((x, y) => Math.min(...x.spans.map((s) => s.start)) - Math.min(...y.spans.map((s) => s.start)));
  const taken: { start: number; end: number }[] = [];
  const chosen: Fix[] = [];
  const clash = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    (a.start < b.end && b.start < a.end) || a.start === b.start;
  for (const { fix, spans: fixSpans } of ordered) {
    const clashesWithItself = fixSpans.some((a, i) => fixSpans.some((b, j) => i !== j && clash(a, b)));
    if (clashesWithItself || fixSpans.some((span) => taken.some((other) => clash(span, other)))) continue;
    taken.push(...fixSpans);
    chosen.push(fix);
  }
  return chosen;
}
