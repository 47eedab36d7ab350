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
    const quoted = text.charCodeAt(offset) === QUOTE;
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
      const character = text.charCodeAt(end);
      if (!inQuote && isSpace(character)) break;
      if (equals < 0 && character === EQUALS) equals = end;
      if (character === QUOTE) inQuote = !inQuote;
    }
    const closingQuote = end > nameStart && text.charCodeAt(end - 1) === QUOTE;
    let nameEnd = equals < 0 ? end : equals;
    if (equals < 0 && quoted && closingQuote) nameEnd = end - 1;
    let value: { start: number; end: number } | undefined;
    if (equals >= 0) {
      value = { start: equals + 1, end: end };
      if (text.charCodeAt(value.start) === QUOTE && value.end > value.start) {
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
    const span = toFileSpan(mapped, { start, end });
    const nameSpan = toFileSpan(mapped, { start: nameStart, end: nameEnd });
    let param: KernelParam;
    // Made whole, not given its value's parts afterwards: a property added later costs each parameter a store of its own.
    if (value) {
      const valueSpan = toFileSpan(mapped, value);
      const valueOffsets = { offsets, start: value.start, length: value.end - value.start, end: valueSpan.end };
      param = { name, value: text.slice(value.start, value.end), span, nameSpan, dynamic, valueSpan, valueOffsets };
    } else {
      param = { name, value: undefined, span, nameSpan, dynamic };
    }
    if (!afterDashDash && !value && name === '--') afterDashDash = true;
    else (afterDashDash ? result.initArgs : result.params).push(param);
    offset = skipSpaces(text, end);
  }
  return result;
}

function skipSpaces(text: string, offset: number): number {
  while (offset < text.length && isSpace(text.charCodeAt(offset))) offset++;
  return offset;
}

const QUOTE = 0x22;
const EQUALS = 0x3d;

/** The blanks that separate parameters: space, tab, newline, vertical tab, form feed, carriage return (by character code). */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}
