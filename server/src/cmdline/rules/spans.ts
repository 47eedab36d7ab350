import type { Span } from '../../core/span';
import type { KernelParam } from '../types';

/** The file span of a span inside a parameter's value. */
export function valueFileSpan(param: KernelParam, relative: Span): Span {
  const { offsets, start: first, length, end } = param.valueOffsets!;
  // Character i's offset, and the value's end for i past its last character.
  const at = (index: number) => (index < length ? offsets[first + index]! : end);
  const start = at(relative.start);
  if (relative.end <= relative.start) return { start, end: start };
  return { start, end: at(Math.min(relative.end, length + 1) - 1) + 1 };
}

/**
 * What to delete to take a parameter off its line: the parameter and the blanks after it (or, for the
 * last one, before it). Quotes that hold the parameter alone as a word of its own (`'elevator=noop'`
 * in grub.cfg) go with it; the quotes of a shell value (`GRUB_CMDLINE_LINUX="quiet"`) stay.
 */
export function removalSpan(text: string, param: KernelParam | Span): Span {
  let { start, end } = 'span' in param ? param.span : param;
  const quote = text[start - 1];
  if ((quote === "'" || quote === '"') && text[end] === quote && /^[ \t]?$/.test(text[start - 2] ?? '')) {
    start--;
    end++;
  }
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const lineGoesOn = after < text.length && !'\r\n"\''.includes(text[after]!);
  if (after > end && lineGoesOn) return { start, end: after };
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  return { start: before, end };
}
