import type { FixSpec } from '../../core/types';
import type { Span } from '../../core/span';
import type { KsmLine } from '../types';

/** `# ` put in front of a line: bash then skips it, and nothing of its text is lost. */
export function commentOutLineFix(line: KsmLine, title: string, isPreferred: boolean): FixSpec {
  return fixSpec(title, { start: line.span.start, end: line.span.start }, '# ', isPreferred);
}

/** Whether a line holds one statement and nothing but a comment besides: commenting it out loses nothing else. */
export function holdsOnly(line: KsmLine, span: Span): boolean {
  return line.statements.length === 1 && line.statements[0]!.span.start === span.start && line.statements[0]!.span.end === span.end && standsAlone(line);
}

/**
 * Whether bash reads the line apart from the lines around it: not one that holds part of an array opened
 * above (its `)` among it), nor one whose array goes on below. Commenting out such a line leaves the rest
 * of the array to be read as statements, which bash refuses (the fuzzer's seed 10404).
 */
export function standsAlone(line: KsmLine): boolean {
  if (line.inArray) return false;
  const last = line.statements[line.statements.length - 1];
  return !(last?.kind === 'assignment' && last.array && last.array.span.end > line.span.end);
}

export function replaceFix(title: string, span: Span, newText: string, isPreferred: boolean): FixSpec {
  return fixSpec(title, span, newText, isPreferred);
}

/** A fix of one edit, made without a spread: a rule may offer one on each of hundreds of thousands of lines. */
function fixSpec(title: string, span: Span, newText: string, isPreferred: boolean): FixSpec {
  const edits = [{ span, newText }];
  return isPreferred ? { title, edits, isPreferred } : { title, edits };
}
