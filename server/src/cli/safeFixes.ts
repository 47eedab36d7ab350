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
  // A fix met again (one fix shared by many findings) would clash with its own edits: it is looked at once.
  const ordered = [...new Set(fixes)]
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => {
      const spans = fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) })).sort(byStartThenEnd);
      return { fix, spans, first: spans[0]!.start };
    })
    .sort((x, y) => x.first - y.first);
  const taken = new TakenSpans();
  const chosen: Fix[] = [];
  for (const { fix, spans } of ordered) {
    if (clashesWithItself(spans) || spans.some((span) => taken.clashes(span))) continue;
    taken.add(spans);
    chosen.push(fix);
  }
  return chosen;
}

interface Span {
  start: number;
  end: number;
}

/** Two edits clash when they overlap, or start at the same place (which goes first would be a guess). */
function clash(a: Span, b: Span): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function byStartThenEnd(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Whether two of a fix's edits clash, its spans in order of start: only with the span that reaches furthest
 * among those before it, or one starting at the same place (a fix of thousands of edits, once compared pair
 * by pair, took a minute).
 */
function clashesWithItself(spans: readonly Span[]): boolean {
  let furthest = spans[0]!;
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i]!;
    if (clash(furthest, span) || clash(spans[i - 1]!, span)) return true;
    if (span.end > furthest.end) furthest = span;
  }
  return false;
}

/**
 * The spans of the fixes chosen so far, by start. No two of them clash, so a new span can clash only with
 * the last one starting before it or the first one starting at or after it.
 */
class TakenSpans {
  private spans: Span[] = [];

  clashes(span: Span): boolean {
    const at = this.firstStartingAtOrAfter(span.start);
    const before = this.spans[at - 1];
    const after = this.spans[at];
    return (before !== undefined && clash(before, span)) || (after !== undefined && clash(after, span));
  }

  /** Adds a chosen fix's spans (by start): one merge of two sorted lists. */
  add(spans: readonly Span[]): void {
    const merged: Span[] = [];
    let i = 0;
    let j = 0;
    while (i < this.spans.length || j < spans.length) {
      if (j >= spans.length || (i < this.spans.length && byStartThenEnd(this.spans[i]!, spans[j]!) <= 0)) merged.push(this.spans[i++]!);
      else merged.push(spans[j++]!);
    }
    this.spans = merged;
  }

  private firstStartingAtOrAfter(start: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.spans[middle]!.start < start) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
