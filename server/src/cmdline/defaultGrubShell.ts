import type { Span } from '../core/span';
import type { MappedText } from './mappedText';
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

/** Where a value expands a variable, and whether as its plain value (`$NAME`, `${NAME}`) or through an operator (`${NAME:-x}`). */
export interface VariableReference {
  /** Index in the value's text of the `$`. */
  index: number;
  length: number;
  plain: boolean;
}

/**
 * Where `value` expands the variable `name` as sh (dash, bash) does: `$NAME`, `${NAME}`, or `${NAME`
 * before an operator (`${NAME:-x}`, `${NAME%% *}`), and only where the shell expands, which the word
 * reader marks: not inside single quotes, nor after a backslash (`'$NAME'` and `\$NAME` stay as written).
 * `${#NAME}`, its length, is none, nor is `$$NAME` (the shell's process id, then the letters of NAME).
 */
export function variableReferences(value: MappedText, name: string): VariableReference[] {
  const found: VariableReference[] = [];
  if (!value.text.includes(name)) return found;
  const pattern = new RegExp(`\\$(?:\\{${name}(\\}|(?![A-Za-z0-9_]))|${name}(?![A-Za-z0-9_]))`, 'g');
  for (const match of value.text.matchAll(pattern)) {
    if (value.expansions.has(match.index) && !afterProcessId(value, match.index)) found.push({ index: match.index, length: match[0].length, plain: match[0][1] !== '{' || match[1] === '}' });
  }
  return found;
}

/** Whether the `$` at `index` is the second of a `$$`: an odd run of expanded `$` stands right before it. */
function afterProcessId(value: MappedText, index: number): boolean {
  let dollars = 0;
  for (let at = index - 1; at >= 0 && value.text[at] === '$' && value.expansions.has(at); at--) dollars++;
  return dollars % 2 === 1;
}

/** Whether `value` takes the variable `name`'s value so far (variableReferences). */
export function refersTo(value: MappedText, name: string): boolean {
  return variableReferences(value, name).length > 0;
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
