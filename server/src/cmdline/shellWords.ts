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
  const { words, end } = readCommand(source, start, Infinity, undefined);
  return { words, end };
}

/** Where the command that starts at `start` ends, read as readShellCommand reads it, without making its words. */
export function shellCommandEnd(source: string, start: number): number {
  return readCommand(source, start, 0, undefined).end;
}

/** A command read as readShellCommand reads it, its first words apart and the others joined. */
export interface JoinedCommand {
  /** The first words, each whole. */
  head: ShellWord[];
  /** The words after them joined by single spaces, as GRUB joins a command's arguments (each space placed where the word before it ends); undefined when there are none. */
  rest: MappedText | undefined;
  end: number;
}

/**
 * The command that starts at `start`, its first `headCount` words made whole and the rest joined into one
 * text as joinMapped would join them, without a text of its own per word: a kernel line of megabytes has
 * hundreds of thousands of words.
 */
export function readShellCommandJoined(source: string, start: number, headCount: number): JoinedCommand {
  const joined = new MappedTextBuilder();
  const { words, end, restEnd } = readCommand(source, start, headCount, joined);
  return { head: words, rest: restEnd === undefined ? undefined : joined.build(restEnd), end };
}

/**
 * Reads a command: its first `keep` words made whole; each word after them written into `rest`, after a
 * space placed where the word before it ended (`restEnd`: where the last one ends), or read and dropped
 * when there is no `rest`.
 */
function readCommand(source: string, start: number, keep: number, rest: MappedTextBuilder | undefined): ShellCommand & { restEnd?: number } {
  const words: ShellWord[] = [];
  let restEnd: number | undefined;
  let offset = start;
  const done = (end: number) => ({ words, end, ...(restEnd === undefined ? {} : { restEnd }) });
  while (offset < source.length) {
    const character = source[offset]!;
    if (isBlank(character)) {
      offset++;
    } else if (character === '\\' && source[offset + 1] === '\n') {
      offset += 2;
    } else if (character === '\n' || character === ';') {
      return done(offset + 1);
    } else if (character === '#') {
      const newline = source.indexOf('\n', offset);
      return done(newline < 0 ? source.length : newline + 1);
    } else if (words.length < keep) {
      const value = new MappedTextBuilder();
      const { end, unterminated } = readWord(source, offset, value);
      words.push({ span: { start: offset, end }, value: value.build(end), unterminated });
      offset = end;
    } else if (rest) {
      if (restEnd !== undefined) rest.push(' ', restEnd);
      restEnd = readWord(source, offset, rest).end;
      offset = restEnd;
    } else {
      offset = readWord(source, offset, DISCARD).end;
    }
  }
  return done(source.length);
}

/** Where a word's characters go: its value, or nowhere when only where the word ends is wanted. */
type ValueSink = Pick<MappedTextBuilder, 'push' | 'pushSource'>;
const DISCARD: ValueSink = { push() {}, pushSource() {} };

function readWord(source: string, start: number, value: ValueSink): { end: number; unterminated: boolean } {
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
      // A run of characters that mean nothing special outside quotes, copied in one piece.
      let end = offset + 1;
      while (end < source.length && !UNQUOTED_SPECIAL.has(source[end]!)) end++;
      value.pushSource(source, { start: offset, end });
      offset = end;
    }
  }
  return { end: offset, unterminated };
}

/** Reads after an opening `"`; returns the offset after the closing one (past the end when there is none). */
function readDoubleQuoted(source: string, start: number, value: ValueSink): number {
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
/** What ends a run of plain characters in a word outside quotes: a blank, the command's end, a quote, an escape, an expansion. */
const UNQUOTED_SPECIAL = new Set([' ', '\t', '\n', ';', "'", '"', '\\', '$', '`']);

/** `$NAME`, `${...}`, `$(...)` kept as written and marked; a lone `$` is a plain character. */
function readExpansion(source: string, start: number, value: ValueSink): number {
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
