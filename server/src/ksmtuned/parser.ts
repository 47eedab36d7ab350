import type { Span } from '../core/span';
import { AssignmentNode, LineNode, type WordNode } from './nodes';
import type { Assignment, Command, KsmConf, KsmLine, Opener, ShellWord, Statement } from './types';
import { operatorAt, REDIRECTIONS, refusedInArray, refusedToken } from './syntax';
import { closeOpeners, isQuote } from './openers';
import { isOperator, OPERATORS } from './characters';
import { blanksEnd, nameEnd, operatorWord, scanWord, skipBlanks } from './words';

/** What ends a statement on its line (a `(` or `)` bash would refuse stops the line before, in syntax.ts). */
const SEPARATORS = new Set([';', '&&', '||', '&', '|', '|&']);
/** After an assignment, these run it apart from the shell that sources the file. */
const SUBSHELL_OPERATORS = new Set(['&', '|', '|&']);
const HASH = 0x23;
const SEMICOLON = 0x3b;

/**
 * Reads ksmtuned.conf the way bash reads the subset of shell it is: one line at a time, each line a
 * comment, a blank, or statements (`NAME=value` assignments and anything else, which bash would run as
 * a command). It never fails: every text gives lines with exact spans, so a half-typed line still has
 * its name, `=` and value located. A quote, backquote, `$(` or `${` left open at a line's end (and any
 * opened inside it, `"$(date`) and an array left open are followed as bash reads them: the lines below go
 * into the word or the array up to what closes it (KsmLine.inQuote, inArray), and are no statements of
 * their own; an array's element left open is followed first, then the array. A trailing backslash is not
 * followed: the next line is read on its own. A line holding a token bash refuses (syntax.ts) is read up
 * to that token, as bash reads none of the rest: a line of megabytes of `;&` does not make a statement per
 * `;`. bash parses a command whole before it runs it, so such a token drops the lines above that bash read
 * with it as one command too (KsmLine.dropped); inside an array it ends the array there.
 */
export function parseKsmtunedConf(text: string): KsmConf {
  const lines: KsmLine[] = [];
  let start = 0;
  // An array assignment whose `)` is not on its line: bash reads the next lines into it up to a `)`.
  let openArray: Assignment | undefined;
  // A word whose quote is not closed on its line: bash reads the next lines into it up to the closing quote.
  let openQuote: OpenQuote | undefined;
  // The first of the lines bash is reading as one command (through a quote or an array left open above).
  let commandStart = 0;
  for (let number = 0; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    if (newline < 0 && start === text.length && number > 0) break;
    const hasCarriageReturn = lineEnd > start && text[lineEnd - 1] === '\r';
    const end = hasCarriageReturn ? lineEnd - 1 : lineEnd;
    const carriageReturn = hasCarriageReturn ? { start: end, end: lineEnd } : undefined;
    let line: KsmLine;
    const continuing = openQuote !== undefined || openArray !== undefined;
    if (!continuing) commandStart = number;
    if (openQuote) {
      const continued = continueQuote(text, openQuote, start, end);
      if (continued.next === undefined) {
        line = new LineNode(number, start, end);
        line.inQuote = { start, end };
        if (carriageReturn) line.carriageReturn = carriageReturn;
      } else {
        openQuote = undefined;
        // The word was an element of an array still open: the line goes on inside it.
        if (openArray) {
          const inArray = arrayLine(text, number, start, end, carriageReturn, continued.next, openArray);
          line = inArray.line;
          if (inArray.closed) openArray = undefined;
          openQuote = inArray.open;
        } else {
          line = parseLine(text, number, start, end, carriageReturn, continued.next);
        }
        line.inQuote = { start, end: continued.next };
      }
    } else if (openArray) {
      const inArray = arrayLine(text, number, start, end, carriageReturn, start, openArray);
      line = inArray.line;
      if (inArray.closed) openArray = undefined;
      openQuote = inArray.open;
    } else {
      line = parseLine(text, number, start, end, carriageReturn);
    }
    lines.push(line);
    // bash parses the whole command before it runs any of it: a token it refuses drops the lines above it too.
    if (line.refused && continuing) for (let above = commandStart; above < number; above++) lines[above]!.dropped = true;
    const last = line.statements[line.statements.length - 1];
    if (last?.kind === 'assignment' && last.array?.unclosed && !line.refused) openArray = last;
    openQuote ??= line.refused ? undefined : quoteLeftOpen(last);
    if (newline < 0) break;
    start = newline + 1;
  }
  if (openQuote) {
    openQuote.word.quoteCloses = 'never';
    openQuote.word.openAtEnd = openQuote.openers;
  }
  return { text, lines };
}

/**
 * A word whose openers its line does not close, which bash reads on into from the next line, and those
 * openers as the lines read so far leave them (outermost first, the parentheses of each `$(` still open).
 */
interface OpenQuote {
  word: ShellWord;
  openers: Opener[];
}

/** The word of a line's last statement that leaves an opener open at the line's end (an array's element included), and what closes it. */
function quoteLeftOpen(statement: Statement | undefined): OpenQuote | undefined {
  if (!statement) return undefined;
  const word = statement.kind === 'assignment' ? (statement.array ? statement.array.openElement : statement.command ? undefined : statement.value) : statement.words[statement.words.length - 1];
  return word && openQuoteOf(word);
}

function openQuoteOf(word: ShellWord): OpenQuote | undefined {
  const openers = followed(word);
  if (!openers) return undefined;
  if (onlyQuotes(openers)) word.quotedLineBreak = true;
  return { word, openers };
}

/** The openers `word` leaves open at its end, as the lines below will change them (copies); undefined when it leaves none. */
function followed(word: ShellWord): Opener[] | undefined {
  return word.unclosed?.map((opener) => ({ ...opener }));
}

/** Nothing but quotes open: a line break here is part of the quoted text, not of a command or expansion. */
function onlyQuotes(openers: readonly Opener[]): boolean {
  return openers.every(isQuote);
}

/**
 * One more line of an opener left open above: where the line goes on as statements of its own (past what
 * closes it and the rest of its word), or undefined when it does not close here. A word that closes one
 * opener and leaves another open goes on open, as bash reads it.
 */
function continueQuote(text: string, open: OpenQuote, start: number, end: number): { next: number | undefined } {
  const close = closeOpeners(text, open.openers, start, end);
  if (close < 0) {
    if (onlyQuotes(open.openers)) open.word.quotedLineBreak = true;
    return { next: undefined };
  }
  open.word.quoteCloses = { start: close - 1, end: close };
  const rest = scanWord(text, close, end);
  const reopened = followed(rest);
  if (reopened) {
    if (onlyQuotes(reopened)) open.word.quotedLineBreak = true;
    open.openers = reopened;
    delete open.word.quoteCloses;
    return { next: undefined };
  }
  return { next: rest.end };
}

/**
 * A line, from `from`, that goes on inside an array left open above. An operator before the `)` is a
 * token bash refuses: it drops the whole assignment there and goes on with the next line (`closed`, as the
 * array is no longer read). `open`: an element whose quote (or `$(`...) the line leaves open.
 */
function arrayLine(text: string, number: number, start: number, end: number, carriageReturn: Span | undefined, from: number, assignment: Assignment): { line: KsmLine; closed: boolean; open?: OpenQuote } {
  const refused = refusedInArray(text, from, end);
  if (refused) {
    const line = new LineNode(number, start, end);
    if (carriageReturn) line.carriageReturn = carriageReturn;
    line.refused = refused;
    line.inArray = { start: from, end: refused.span.end };
    return { line, closed: true };
  }
  const continued = continueArray(text, assignment, from, end);
  const line = parseLine(text, number, start, end, carriageReturn, continued.next);
  line.inArray = { start: from, end: continued.next };
  const open = continued.open && openQuoteOf(continued.open);
  return open ? { line, closed: continued.closed, open } : { line, closed: continued.closed };
}

/**
 * One more line of an array left open (`NAME=(a` on a line above): its words, and a comment, are elements
 * and a note, up to a `)`. The array's span and element count grow, and its first element is taken from
 * here when it had none. `next` is where the line goes on as statements of its own: past the `)`, or the
 * line's end. `open`: the element, last on the line, that leaves a quote open (bash reads on into it).
 */
function continueArray(text: string, assignment: Assignment, start: number, end: number): { next: number; closed: boolean; open?: WordNode } {
  const array = assignment.array!;
  if (array.openElement) delete array.openElement;
  for (let pos = start; ;) {
    const step = arrayStep(text, pos, end);
    if (step.kind === 'close') {
      array.span = { start: array.span.start, end: step.at + 1 };
      array.unclosed = false;
      return { next: step.at + 1, closed: true };
    }
    if (step.kind !== 'element') {
      array.span = { start: array.span.start, end };
      return { next: end, closed: false };
    }
    if (array.elements === 0) assignment.value = step.word;
    array.elements++;
    pos = step.word.end;
    if (step.word.unclosed) {
      array.span = { start: array.span.start, end };
      array.openElement = step.word;
      return { next: end, closed: false, open: step.word };
    }
  }
}

function parseLine(text: string, number: number, start: number, end: number, carriageReturn: Span | undefined, from = start): KsmLine {
  // Most lines hold one statement: its list is made at its size at the end (a list grown by push holds room for 17).
  let first: Statement | undefined;
  let more: Statement[] | undefined;
  const line = new LineNode(number, start, end);
  if (carriageReturn) line.carriageReturn = carriageReturn;
  let pos = skipBlanks(text, from, end);
  // Only a line with an operator can hold a token bash refuses; past that token bash reads nothing, nor does this.
  const refused = hasOperator(text, pos, end) ? refusedToken(text, pos, end) : undefined;
  if (refused) line.refused = refused;
  const stop = refused ? refused.span.end : end;
  let unreached: Span | undefined;
  while (pos < stop) {
    if (text.charCodeAt(pos) === HASH) {
      line.comment = { start: pos, end };
      break;
    }
    const parsed = parseAssignment(text, pos, end) ?? parseCommand(text, pos, end);
    if (unreached) parsed.statement.unreached = unreached;
    if (first === undefined) first = parsed.statement;
    else (more ??= [first]).push(parsed.statement);
    pos = parsed.next;
    // `;`, `&&`, `||`, `&`, `|` and `|&` end a statement; the next one starts after them.
    const separator = operatorAt(text, pos, end);
    const plainAssignment = parsed.statement.kind === 'assignment' && !parsed.statement.command && !parsed.statement.subshell;
    // `a || b`: b runs only when a fails; a plain assignment, or a list that skipped its failing branch, succeeds.
    unreached = separator === '||' && (plainAssignment || unreached) ? { start: pos, end: pos + 2 } : undefined;
    if (separator !== undefined && SEPARATORS.has(separator)) pos = skipBlanks(text, pos + separator.length, end);
    // Any other `;` (`;;`, `;&` on a line bash refuses): one character at a time, as the words never start there.
    else if (pos < end && text.charCodeAt(pos) === SEMICOLON) pos = skipBlanks(text, pos + 1, end);
  }
  if (more) line.statements = more;
  else if (first) line.statements = [first];
  return line;
}

function hasOperator(text: string, pos: number, end: number): boolean {
  for (; pos < end; pos++) if (isOperator(text.charCodeAt(pos))) return true;
  return false;
}

interface Parsed {
  statement: Statement;
  /** Where the statement stopped: the end of the line, a `;` or a `#` that starts a comment. */
  next: number;
}

function parseAssignment(text: string, start: number, end: number): Parsed | undefined {
  let pos = start;
  let exportSpan: Span | undefined;
  // `export` and blanks, then a name, each read by hand: a RegExp's match array for every line of a large file cost more.
  const afterExport = text.startsWith('export', pos) ? blanksEnd(text, pos + 'export'.length) : pos;
  if (afterExport > pos + 'export'.length && afterExport <= end) {
    exportSpan = { start: pos, end: pos + 'export'.length };
    pos = afterExport;
  }
  const nameStop = nameEnd(text, pos);
  if (nameStop === pos || nameStop > end) return undefined;
  const nameStart = pos;
  const equals = skipBlanks(text, nameStop, end);
  if (text[equals] !== '=' || equals >= end) return undefined;
  const spaceBefore = equals > nameStop ? { start: nameStop, end: equals } : undefined;

  // `NAME= value`: the blanks end an empty assignment, and the value is a command of its own to bash.
  const afterBlanks = skipBlanks(text, equals + 1, end);
  const spacedValue = afterBlanks > equals + 1 && afterBlanks < end && text[afterBlanks] !== '#' && text[afterBlanks] !== ';';
  const spaceAfter = spacedValue ? { start: equals + 1, end: afterBlanks } : undefined;
  // `NAME=(a b)`: bash makes NAME an array, and $NAME, which ksmtuned reads, is its first element.
  const array = spacedValue || text[equals + 1] !== '(' ? undefined : scanArray(text, equals + 1, end);
  const value = array ? array.first : scanWord(text, spacedValue ? afterBlanks : equals + 1, end);
  const valueEnd = array ? array.span.end : value.end;

  let rest = skipBlanks(text, valueEnd, end);
  let statementEnd = valueEnd;
  let redirections: Span[] | undefined;
  let subshell: Span | undefined;
  let operator = operatorAt(text, rest, end);
  // `NAME=value > file`: still an assignment of the current shell; each redirection opens its file.
  while (operator !== undefined && REDIRECTIONS.has(operator)) {
    const target = scanWord(text, skipBlanks(text, rest + operator.length, end), end);
    (redirections ??= []).push({ start: rest, end: target.end });
    statementEnd = target.end;
    rest = skipBlanks(text, target.end, end);
    operator = operatorAt(text, rest, end);
  }
  if (operator !== undefined && SUBSHELL_OPERATORS.has(operator)) subshell = { start: rest, end: rest + operator.length };
  let next = rest;
  let command: Span | undefined;
  if (rest < end && text[rest] !== '#' && operator === undefined) {
    const words = scanWords(text, rest, end);
    const last = words.words[words.words.length - 1];
    statementEnd = last ? last.end : rest;
    command = { start: rest, end: statementEnd };
    next = words.next;
  }
  // Optional parts set only when there (no object spread: this runs once per line of files of megabytes).
  const assignment = new AssignmentNode(start, statementEnd, text.slice(nameStart, nameStop), nameStart, equals, value);
  if (exportSpan) assignment.exportSpan = exportSpan;
  if (spaceBefore) assignment.spaceBefore = spaceBefore;
  if (spaceAfter) assignment.spaceAfter = spaceAfter;
  if (command) assignment.command = command;
  if (redirections) assignment.redirections = redirections;
  if (subshell) assignment.subshell = subshell;
  if (array) assignment.array = array.openElement ? { span: array.span, elements: array.elements, unclosed: true, openElement: array.openElement } : { span: array.span, elements: array.elements, unclosed: array.unclosed };
  return { statement: assignment, next };
}

/**
 * `(a b c)` from its `(` at `open`: its span, how many elements it has on this line, its first element
 * (an empty word inside the parentheses for `()`), and whether it is left open at the line's end (bash
 * then reads the lines below as more elements, up to a `)`), with the element that leaves a quote open
 * there, if one does (bash reads the lines below into it first). Undefined for what is read otherwise (an
 * operator or a comment inside): the line is then read as before, a command after `=`.
 */
function scanArray(text: string, open: number, end: number): { span: Span; first: WordNode; elements: number; unclosed: boolean; openElement?: WordNode } | undefined {
  let first: WordNode | undefined;
  let elements = 0;
  for (let pos = open + 1; ;) {
    const step = arrayStep(text, pos, end);
    if (step.kind !== 'element') {
      if (step.kind === 'comment') return undefined;
      const closed = step.kind === 'close';
      return { span: { start: open, end: closed ? step.at + 1 : end }, first: first ?? scanWord(text, open + 1, open + 1), elements, unclosed: !closed };
    }
    if (step.operator) return undefined;
    first ??= step.word;
    elements++;
    if (step.word.unclosed) return { span: { start: open, end }, first, elements, unclosed: true, openElement: step.word };
    pos = step.word.end;
  }
}

type ArrayStep =
  | { kind: 'end' | 'close' | 'comment'; at: number }
  | { kind: 'element'; word: WordNode; operator: boolean };

/** What comes next inside an array's parentheses from `pos`: the line's end, its `)`, a comment, or one more word. */
function arrayStep(text: string, pos: number, end: number): ArrayStep {
  const at = skipBlanks(text, pos, end);
  if (at >= end) return { kind: 'end', at: end };
  const char = text[at]!;
  if (char === ')') return { kind: 'close', at };
  if (char === '#') return { kind: 'comment', at };
  const operator = OPERATORS.has(char);
  return { kind: 'element', word: operator ? operatorWord(text, at) : scanWord(text, at, end), operator };
}

function parseCommand(text: string, start: number, end: number): Parsed {
  const { words, next } = scanWords(text, start, end);
  const last = words[words.length - 1];
  const command: Command = { kind: 'command', span: { start, end: last ? last.end : start }, words };
  return { statement: command, next };
}

/** Words up to the end of the statement: the end of the line, a `;`, or a `#` at the start of a word. */
function scanWords(text: string, start: number, end: number): { words: WordNode[]; next: number } {
  const words: WordNode[] = [];
  let pos = skipBlanks(text, start, end);
  while (pos < end && text[pos] !== ';' && text[pos] !== '#') {
    const word = OPERATORS.has(text[pos]!) ? operatorWord(text, pos) : scanWord(text, pos, end);
    words.push(word);
    pos = skipBlanks(text, word.end, end);
  }
  return { words, next: pos };
}
