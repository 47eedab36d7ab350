import type { Span } from '../core/span';
import { MappedTextBuilder, type MappedText } from './mappedText';

/** One word of a shell (or GRUB script) command, its quotes removed. */
export interface ShellWord {
  /** The word in the file, quotes included. */
  span: Span;
  value: MappedText;
  /** A quote opened in it is never closed: the word runs to the end of the file. */
  unterminated: boolean;
}

export interface ShellCommand {
  words: ShellWord[];
  /** Where the command ends: after its newline, or at the end of the file. */
  end: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME = /[A-Za-z0-9_]/;

/**
 * The words of the command that starts at `start`, the way /bin/sh (and GRUB's script reader, which
 * quotes alike) reads them: blanks separate words, `'...'` is literal, `"..."` keeps `\"`, `\\`, `\$`
 * and `` \` `` as escapes, a backslash outside quotes escapes the next character, a backslash before a
 * newline joins the lines, `` `...` `` is a command substitution kept whole, `#` at the start of a word comments out the rest of the line, and an
 * unquoted newline or `;` ends the command. `$NAME`, `${...}` and `$(...)` are kept as written and
 * marked as expansions: virt-tune does not know their values.
 */
export function readShellCommand(source: string, start: number): ShellCommand {
  const words: ShellWord[] = [];
  let offset = start;
  while (offset < source.length) {
    const character = source[offset]!;
    if (isBlank(character)) {
      offset++;
    } else if (character === '\\' && source[offset + 1] === '\n') {
      offset += 2;
    } else if (character === '\n' || character === ';') {
      return { words, end: offset + 1 };
    } else if (character === '#') {
      const newline = source.indexOf('\n', offset);
      return { words, end: newline < 0 ? source.length : newline + 1 };
    } else {
      const word = readWord(source, offset);
      words.push(word);
      offset = word.span.end;
    }
  }
  return { words, end: source.length };
}

function readWord(source: string, start: number): ShellWord {
  const value = new MappedTextBuilder();
  let offset = start;
  let unterminated = false;
  while (offset < source.length) {
    const character = source[offset]!;
    if (isBlank(character) || character === '\n' || character === ';') break;
    if (character === "'") {
      const close = source.indexOf("'", offset + 1);
      const end = close < 0 ? source.length : close;
      value.pushSource(source, { start: offset + 1, end });
      if (close < 0) unterminated = true;
      offset = close < 0 ? source.length : close + 1;
    } else if (character === '"') {
      const after = readDoubleQuoted(source, offset + 1, value);
      if (after > source.length) unterminated = true;
      offset = Math.min(after, source.length);
    } else if (character === '\\') {
      if (source[offset + 1] === '\n') offset += 2;
      else if (offset + 1 < source.length) {
        value.push(source[offset + 1]!, offset + 1);
        offset += 2;
      } else offset++;
    } else if (character === '$') {
      offset = readExpansion(source, offset, value);
    } else if (character === '`') {
      // A command substitution in backquotes, whose output virt-tune does not know: kept as written.
      const close = source.indexOf('`', offset + 1);
      const end = close < 0 ? source.length : close + 1;
      if (close < 0) unterminated = true;
      value.pushSource(source, { start: offset, end }, true);
      offset = end;
    } else {
      value.push(character, offset);
      offset++;
    }
  }
  return { span: { start, end: offset }, value: value.build(offset), unterminated };
}

/** Reads after an opening `"`; returns the offset after the closing one (past the end when there is none). */
function readDoubleQuoted(source: string, start: number, value: MappedTextBuilder): number {
  let offset = start;
  while (offset < source.length) {
    const character = source[offset]!;
    if (character === '"') return offset + 1;
    if (character === '\\' && offset + 1 < source.length) {
      const next = source[offset + 1]!;
      if (next === '\n') {
        offset += 2;
        continue;
      }
      if ('"\\$`'.includes(next)) {
        value.push(next, offset + 1);
        offset += 2;
        continue;
      }
    }
    if (character === '$') {
      offset = readExpansion(source, offset, value);
      continue;
    }
    // A run of characters that mean nothing special inside double quotes, copied in one piece.
    let end = offset + 1;
    while (end < source.length && !DOUBLE_QUOTED_SPECIAL.has(source[end]!)) end++;
    value.pushSource(source, { start: offset, end });
    offset = end;
  }
  return source.length + 1;
}

const DOUBLE_QUOTED_SPECIAL = new Set(['"', '\\', '$']);

/** `$NAME`, `${...}`, `$(...)` kept as written and marked; a lone `$` is a plain character. */
function readExpansion(source: string, start: number, value: MappedTextBuilder): number {
  const next = source[start + 1] ?? '';
  let end = start + 1;
  if (next === '{' || next === '(') {
    const close = source.indexOf(next === '{' ? '}' : ')', start + 2);
    end = close < 0 ? source.length : close + 1;
  } else if (NAME_START.test(next)) {
    while (end < source.length && NAME.test(source[end]!)) end++;
  } else if (/[0-9@*#?$!-]/.test(next)) {
    end = start + 2;
  } else {
    value.push('$', start);
    return start + 1;
  }
  value.pushSource(source, { start, end }, true);
  return end;
}

/** A blank that separates words: a space or a tab (a comparison, not a regular expression: it is asked of every character). */
function isBlank(character: string): boolean {
  return character === ' ' || character === '\t';
}
