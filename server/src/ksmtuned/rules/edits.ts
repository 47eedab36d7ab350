import type { FixSpec } from '../../core/types';
import type { Span } from '../../core/span';
import type { KsmLine } from '../types';

/** `# ` put in front of a line: bash then skips it, and nothing of its text is lost. */
export function commentOutLineFix(line: KsmLine, title: string, isPreferred: boolean): FixSpec {
  return { title, edits: [{ span: { start: line.span.start, end: line.span.start }, newText: '# ' }], ...(isPreferred ? { isPreferred: true } : {}) };
}

/** Whether a line holds one statement and nothing but a comment besides: commenting it out loses nothing else. */
export function holdsOnly(line: KsmLine, span: Span): boolean {
  return line.statements.length === 1 && line.statements[0]!.span.start === span.start && line.statements[0]!.span.end === span.end;
}

export function replaceFix(title: string, span: Span, newText: string, isPreferred: boolean): FixSpec {
  return { title, edits: [{ span, newText }], ...(isPreferred ? { isPreferred: true } : {}) };
}
