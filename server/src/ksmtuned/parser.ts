import type { Span } from '../core/span';
import type { Assignment, Command, KsmConf, KsmLine, ShellWord, Statement } from './types';

/** Characters that end a word and are not part of it, as bash tokenizes (`;` also ends a statement). */
const OPERATORS = new Set([';', '&', '|', '<', '>', '(', ')']);
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const EXPORT = /export[ \t]+/y;

/**
 * Reads ksmtuned.conf the way bash reads the subset of shell it is: one line at a time, each line a
 * comment, a blank, or statements (`NAME=value` assignments and anything else, which bash would run as
 * a command). It never fails: every text gives lines with exact spans, so a half-typed line still has
 * its name, `=` and value located. What bash would do with a construct spanning lines (an unclosed
 * quote, a trailing backslash) is not followed: the opening quote is marked and the next line is read
 * on its own.
 */
export function parseKsmtunedConf(text: string): KsmConf {
  const lines: KsmLine[] = [];
  let start = 0;
  for (let number = 0; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    if (newline < 0 && start === text.length && number > 0) break;
    const hasCarriageReturn = lineEnd > start && text[lineEnd - 1] === '\r';
    const end = hasCarriageReturn ? lineEnd - 1 : lineEnd;
    lines.push(parseLine(text, number, start, end, hasCarriageReturn ? { start: end, end: lineEnd } : undefined));
    if (newline < 0) break;
    start = newline + 1;
  }
  return { text, lines };
}

function parseLine(text: string, number: number, start: number, end: number, carriageReturn: Span | undefined): KsmLine {
  const line: KsmLine = { number, span: { start, end }, statements: [] };
  if (carriageReturn) line.carriageReturn = carriageReturn;
  let pos = skipBlanks(text, start, end);
  while (pos < end) {
    if (text[pos] === '#') {
      line.comment = { start: pos, end };
      break;
    }
    const parsed = parseAssignment(text, pos, end) ?? parseCommand(text, pos, end);
    line.statements.push(parsed.statement);
    pos = parsed.next;
    if (pos < end && text[pos] === ';') pos = skipBlanks(text, pos + 1, end);
  }
  return line;
}

interface Parsed {
  statement: Statement;
  /** Where the statement stopped: the end of the line, a `;` or a `#` that starts a comment. */
  next: number;
}

function parseAssignment(text: string, start: number, end: number): Parsed | undefined {
  let pos = start;
  let exportSpan: Span | undefined;
  EXPORT.lastIndex = pos;
  const exported = EXPORT.exec(text);
  if (exported && pos + exported[0].length <= end) {
    exportSpan = { start: pos, end: pos + 'export'.length };
    pos += exported[0].length;
  }
  NAME.lastIndex = pos;
  const name = NAME.exec(text);
  if (!name || pos + name[0].length > end) return undefined;
  const nameSpan = { start: pos, end: pos + name[0].length };
  const equals = skipBlanks(text, nameSpan.end, end);
  if (text[equals] !== '=' || equals >= end) return undefined;
  const equalsSpan = { start: equals, end: equals + 1 };
  const spaceBefore = equals > nameSpan.end ? { start: nameSpan.end, end: equals } : undefined;

  // `NAME= value`: the blanks end an empty assignment, and the value is a command of its own to bash.
  const afterBlanks = skipBlanks(text, equalsSpan.end, end);
  const spacedValue = afterBlanks > equalsSpan.end && afterBlanks < end && text[afterBlanks] !== '#' && text[afterBlanks] !== ';';
  const spaceAfter = spacedValue ? { start: equalsSpan.end, end: afterBlanks } : undefined;
  const value = scanWord(text, spacedValue ? afterBlanks : equalsSpan.end, end);

  const rest = skipBlanks(text, value.span.end, end);
  let statementEnd = value.span.end;
  let next = rest;
  let command: Span | undefined;
  if (rest < end && text[rest] !== '#' && text[rest] !== ';') {
    const words = scanWords(text, rest, end);
    const last = words.words[words.words.length - 1];
    statementEnd = last ? last.span.end : rest;
    command = { start: rest, end: statementEnd };
    next = words.next;
  }
  // Optional parts set only when there (no object spread: this runs once per line of files of megabytes).
  const assignment: Assignment = { kind: 'assignment', span: { start, end: statementEnd }, name: name[0], nameSpan, equalsSpan, value };
  if (exportSpan) assignment.exportSpan = exportSpan;
  if (spaceBefore) assignment.spaceBefore = spaceBefore;
  if (spaceAfter) assignment.spaceAfter = spaceAfter;
  if (command) assignment.command = command;
  return { statement: assignment, next };
}

function parseCommand(text: string, start: number, end: number): Parsed {
  const { words, next } = scanWords(text, start, end);
  const last = words[words.length - 1];
  const command: Command = { kind: 'command', span: { start, end: last ? last.span.end : start }, words };
  return { statement: command, next };
}

/** Words up to the end of the statement: the end of the line, a `;`, or a `#` at the start of a word. */
function scanWords(text: string, start: number, end: number): { words: ShellWord[]; next: number } {
  const words: ShellWord[] = [];
  let pos = skipBlanks(text, start, end);
  while (pos < end && text[pos] !== ';' && text[pos] !== '#') {
    const word = OPERATORS.has(text[pos]!) ? operatorWord(text, pos) : scanWord(text, pos, end);
    words.push(word);
    pos = skipBlanks(text, word.span.end, end);
  }
  return { words, next: pos };
}

function operatorWord(text: string, pos: number): ShellWord {
  return { span: { start: pos, end: pos + 1 }, literal: text[pos], quoted: false, substitutions: [], references: [] };
}

/** One word from `start`, up to an unquoted blank or operator: quotes removed, expansions noted. */
export function scanWord(text: string, start: number, end: number): ShellWord {
  const word = new WordBuilder();
  let pos = start;
  while (pos < end) {
    const char = text[pos]!;
    if (char === ' ' || char === '\t' || OPERATORS.has(char)) break;
    if (char === '\\') {
      word.append(pos + 1 < end ? text[pos + 1]! : '\\');
      pos += 2;
    } else if (char === "'") {
      word.quoted = true;
      const close = text.indexOf("'", pos + 1);
      if (close < 0 || close >= end) {
        word.unclosed(pos);
        word.append(text.slice(pos + 1, end));
        pos = end;
      } else {
        word.append(text.slice(pos + 1, close));
        pos = close + 1;
      }
    } else if (char === '"') {
      word.quoted = true;
      pos = scanDoubleQuoted(text, pos, end, word);
    } else if (char === '$' || char === '`') {
      pos = scanExpansion(text, pos, end, word);
    } else {
      const stop = plainRun(text, pos + 1, end, false);
      word.append(text.slice(pos, stop));
      pos = stop;
    }
  }
  return word.build({ start, end: Math.min(pos, end) });
}

function scanDoubleQuoted(text: string, open: number, end: number, word: WordBuilder): number {
  let pos = open + 1;
  while (pos < end) {
    const char = text[pos]!;
    if (char === '"') return pos + 1;
    if (char === '\\' && pos + 1 < end && '$`"\\'.includes(text[pos + 1]!)) {
      word.append(text[pos + 1]!);
      pos += 2;
    } else if (char === '$' || char === '`') {
      pos = scanExpansion(text, pos, end, word);
    } else {
      const stop = plainRun(text, pos + 1, end, true);
      word.append(text.slice(pos, stop));
      pos = stop;
    }
  }
  word.unclosed(open);
  return end;
}

/** `$NAME`, `${...}`, `$(...)`, `$((...))`, a backquoted command, `$1`, `$?`, ...: the word is no longer a literal. */
function scanExpansion(text: string, pos: number, end: number, word: WordBuilder): number {
  if (text[pos] === '`') {
    const stop = closingAt(text, '`', pos + 1, end, pos, word);
    word.substitution({ start: pos, end: stop });
    return stop;
  }
  const next = text[pos + 1];
  if (next === '(') {
    const arithmetic = text[pos + 2] === '(';
    const close = matchingParen(text, pos + 1, end);
    const stop = close < 0 ? end : close + 1;
    if (close < 0) word.unclosed(pos);
    if (arithmetic) word.arithmetic(text.slice(pos + 3, stop));
    else word.substitution({ start: pos, end: stop });
    return stop;
  }
  if (next === '{') {
    const stop = closingAt(text, '}', pos + 2, end, pos, word);
    NAME.lastIndex = pos + 2;
    const name = NAME.exec(text);
    word.reference(name && name.index === pos + 2 ? name[0] : undefined);
    return stop;
  }
  NAME.lastIndex = pos + 1;
  const name = NAME.exec(text);
  if (name && name.index === pos + 1 && pos + 1 + name[0].length <= end) {
    word.reference(name[0]);
    return pos + 1 + name[0].length;
  }
  if (next !== undefined && pos + 1 < end && /[0-9@*#?$!-]/.test(next)) {
    word.reference(undefined);
    return pos + 2;
  }
  word.append('$');
  return pos + 1;
}

/** Just past the first `close` from `from` on the line; the line's end (and the opener marked unclosed) when there is none. */
function closingAt(text: string, close: string, from: number, end: number, opener: number, word: WordBuilder): number {
  const found = text.indexOf(close, from);
  if (found >= 0 && found < end) return found + 1;
  word.unclosed(opener);
  return end;
}

/** The `)` that closes the `(` at `open`, or -1 when the line ends first. */
function matchingParen(text: string, open: number, end: number): number {
  let depth = 0;
  for (let pos = open; pos < end; pos++) {
    if (text[pos] === '(') depth++;
    else if (text[pos] === ')' && --depth === 0) return pos;
  }
  return -1;
}

/**
 * The end of a run of characters a word takes as they are, from `pos`: up to the next quote, backslash
 * or expansion, and outside double quotes a blank or an operator too. Appended as one piece, not one
 * character at a time.
 */
function plainRun(text: string, pos: number, end: number, inDoubleQuotes: boolean): number {
  while (pos < end) {
    const char = text[pos]!;
    if (char === '"' || char === '\\' || char === '$' || char === '`') break;
    if (!inDoubleQuotes && (char === "'" || char === ' ' || char === '\t' || OPERATORS.has(char))) break;
    pos++;
  }
  return pos;
}

function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

class WordBuilder {
  quoted = false;
  private text = '';
  private dynamic = false;
  private unclosedQuote: Span | undefined;
  private readonly substitutions: Span[] = [];
  private readonly references: string[] = [];

  append(text: string): void {
    this.text += text;
  }

  unclosed(pos: number): void {
    this.unclosedQuote ??= { start: pos, end: pos + 1 };
  }

  substitution(span: Span): void {
    this.dynamic = true;
    this.substitutions.push(span);
  }

  /** A variable expansion; `name` undefined for positional and special parameters. */
  reference(name: string | undefined): void {
    this.dynamic = true;
    if (name) this.references.push(name);
  }

  /** `$((...))`: names in it are variables even without `$`. */
  arithmetic(expression: string): void {
    this.dynamic = true;
    for (const match of expression.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) this.references.push(match[0]);
  }

  build(span: Span): ShellWord {
    const word: ShellWord = { span, literal: this.dynamic ? undefined : this.text, quoted: this.quoted, substitutions: this.substitutions, references: this.references };
    if (this.unclosedQuote) word.unclosedQuote = this.unclosedQuote;
    return word;
  }
}
