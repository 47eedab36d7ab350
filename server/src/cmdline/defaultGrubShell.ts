import type { Span } from '../core/span';
import { readShellCommand, type ShellWord } from './shellWords';

/** One command of /etc/default/grub as bash reads it, with what it assigns. */
export interface ShellStatement {
  words: ShellWord[];
  /** The leading `NAME=value` (or `NAME+=value`) words: bash assigns them when nothing follows. */
  assignments: { name: string; word: ShellWord; append: boolean }[];
  /** The first word after the assignments: bash runs it as a command, with the assignments in its environment only. */
  command?: ShellWord;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** `$NAME` or `${NAME}` in a value: the variable's value so far, as the shell expands it (`g` to find each). */
export function variableReference(name: string, flags = ''): RegExp {
  return new RegExp(`\\$(\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, flags);
}

/** The commands of a shell file, in order (`export` taken as the assignments after it). */
export function shellStatements(source: string): ShellStatement[] {
  const statements: ShellStatement[] = [];
  for (let offset = 0; offset < source.length; ) {
    const command = readShellCommand(source, offset);
    offset = command.end > offset ? command.end : offset + 1;
    if (command.words.length === 0) continue;
    const exported = source.slice(command.words[0]!.span.start, command.words[0]!.span.end) === 'export';
    const words = exported ? command.words.slice(1) : command.words;
    const statement: ShellStatement = { words: command.words, assignments: [] };
    for (const word of words) {
      const match = ASSIGNMENT.exec(source.slice(word.span.start, word.span.end));
      if (!match) {
        // `export A B`: names to export, not commands.
        if (!exported) statement.command = word;
        break;
      }
      statement.assignments.push({ name: match[1]!, word, append: match[2] === '+' });
    }
    statements.push(statement);
  }
  return statements;
}

/** The first quote of a word that is never closed, when bash would read to the end of the file for it. */
export function unclosedQuote(source: string, word: ShellWord): Span | undefined {
  if (!word.unterminated) return undefined;
  let quote: string | undefined;
  let opened = -1;
  for (let offset = word.span.start; offset < word.span.end; offset++) {
    const character = source[offset]!;
    if (quote === undefined) {
      if (character === '\\') offset++;
      else if (character === '"' || character === "'" || character === '`') {
        quote = character;
        opened = offset;
      }
    } else if (quote !== "'" && character === '\\') {
      offset++;
    } else if (character === quote) {
      quote = undefined;
    }
  }
  return opened >= 0 && quote !== undefined ? { start: opened, end: opened + 1 } : undefined;
}
