import { templateTags } from '../core/template';
import { toFileSpan, type MappedText } from './mappedText';
import type { KernelParam } from './types';


export interface Tokenized {
  params: KernelParam[];
  /** After `--`: for init. */
  initArgs: KernelParam[];
}

/**
 * Splits a command line into parameters as the kernel does (kernel/params.c, next_arg): blanks
 * separate parameters except inside double quotes; the name runs to the first `=`; quotes around the
 * value (or around the whole parameter) are not part of it; `--` ends the kernel's parameters. A
 * template tag (`{{ cpus }}`, `{% if %}`, `<%= x %>`) is kept whole inside the word it is in, and makes
 * that word unknown, like a `$VAR`.
 */
export function tokenize(mapped: MappedText): Tokenized {
  const { text } = mapped;
  const result: Tokenized = { params: [], initArgs: [] };
  const tags = templateTags(text);
  // Looked up at every character: none at all when the text has no template tag (most files).
  const tagEnds = tags.length === 0 ? undefined : new Map(tags.map((tag) => [tag.span.start, tag.span.end]));
  const { expansions, offsets } = mapped;
  let afterDashDash = false;
  let offset = skipSpaces(text, 0);
  while (offset < text.length) {
    const start = offset;
    const quoted = text[offset] === '"';
    let inQuote = quoted;
    const nameStart = quoted ? offset + 1 : offset;
    let equals = -1;
    let end = nameStart;
    let templated = false;
    for (; end < text.length; end++) {
      const tagEnd = tagEnds?.get(end);
      if (tagEnd !== undefined) {
        templated = true;
        end = tagEnd - 1;
        continue;
      }
      const character = text[end]!;
      if (!inQuote && isSpace(character)) break;
      if (equals < 0 && character === '=') equals = end;
      if (character === '"') inQuote = !inQuote;
    }
    const closingQuote = end > nameStart && text[end - 1] === '"';
    let nameEnd = equals < 0 ? end : equals;
    if (equals < 0 && quoted && closingQuote) nameEnd = end - 1;
    let value: { start: number; end: number } | undefined;
    if (equals >= 0) {
      value = { start: equals + 1, end: end };
      if (text[value.start] === '"' && value.end > value.start) {
        value.start++;
        if (closingQuote && value.end > value.start) value.end--;
      } else if (quoted && closingQuote && value.end > value.start) {
        value.end--;
      }
    }
    const name = text.slice(nameStart, nameEnd);
    // A word with a `$VAR` left unexpanded, or put together from places out of file order (a stray quote
    // joining two GRUB variables), has no one value or place in the file a finding or an edit could name:
    // rules leave it. One walk of the word's characters answers both.
    let dynamic = templated;
    const expanded = expansions.size > 0;
    for (let index = start; index < end && !dynamic; index++) {
      dynamic = (expanded && expansions.has(index)) || (index > start && offsets[index]! < offsets[index - 1]!);
    }
    const param: KernelParam = {
      name,
      value: value && text.slice(value.start, value.end),
      span: toFileSpan(mapped, { start, end }),
      nameSpan: toFileSpan(mapped, { start: nameStart, end: nameEnd }),
      dynamic,
    };
    if (value) {
      param.valueSpan = toFileSpan(mapped, value);
      // One array, not a slice and its copy by concat.
      const valueOffsets: number[] = [];
      for (let index = value.start; index < value.end; index++) valueOffsets.push(offsets[index]!);
      valueOffsets.push(param.valueSpan.end);
      param.valueOffsets = valueOffsets;
    }
    if (!afterDashDash && !value && name === '--') afterDashDash = true;
    else (afterDashDash ? result.initArgs : result.params).push(param);
    offset = skipSpaces(text, end);
  }
  return result;
}

function skipSpaces(text: string, offset: number): number {
  while (offset < text.length && isSpace(text[offset]!)) offset++;
  return offset;
}

/** The blanks that separate parameters: space, tab, newline, carriage return, form feed, vertical tab. */
function isSpace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f' || character === '\v';
}
