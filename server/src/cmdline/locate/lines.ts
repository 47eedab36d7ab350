import type { Span } from '../../core/span';

/** A line of the file: its span without the newline, and its text trimmed of blanks at both ends. */
export interface SourceLine {
  span: Span;
  content: Span;
  text: string;
}

export function sourceLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start <= source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 ? source.length : newline;
    const lineEnd = end > start && source[end - 1] === '\r' ? end - 1 : end;
    const raw = source.slice(start, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    lines.push({ span: { start, end: lineEnd }, content: { start: start + lead, end: start + lead + text.length }, text });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/** The line holding an offset. */
export function lineIndexAt(lines: readonly SourceLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.span.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
