import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../core/completionKinds';
import { KSMTUNED_VARIABLES, ksmtunedVariable, type KsmtunedVariable } from '../kb/ksmtuned';
import type { Span } from '../core/span';
import { ksmtunedDocument } from './document';
import { variableMarkdown } from './markdown';
import { lastAssignment, type KsmModel } from './model';
import type { KsmLine } from './types';

const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Completion for ksmtuned.conf: at the start of a statement, every variable ksmtuned reads, inserted as
 * NAME=default with the default selected (those already set come last); after NAME=, the default and the
 * usual value. Nothing inside a comment, among a command's arguments or past a syntax error.
 */
export function ksmtunedCompletion(textDocument: TextDocument, position: Position): CompletionList {
  const { conf, model } = ksmtunedDocument(textDocument);
  const offset = textDocument.offsetAt(position);
  const line = conf.lines.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
  const range = (span: Span): Range => ({ start: textDocument.positionAt(span.start), end: textDocument.positionAt(span.end) });
  if (line) return { isIncomplete: false, items: itemsAt(conf.text, line, offset, model, range) };
  // After the file's last line break the parser has no line: it is the blank line where settings are added.
  const atEnd = offset === conf.text.length && /\n$/.test(conf.text);
  return { isIncomplete: false, items: atEnd ? nameItems(model, range({ start: offset, end: offset }), true) : [] };
}

function itemsAt(text: string, line: KsmLine, offset: number, model: KsmModel, range: (span: Span) => Range): CompletionItem[] {
  if (line.comment && offset > line.comment.start) return [];
  // Past a token bash refuses it reads nothing of the line: no statement starts there.
  if (line.refused && offset > line.refused.span.end) return [];
  // Inside an array opened above, up to its `)`, the words are its elements: no statement starts there.
  if (line.inArray && offset < line.inArray.end) return [];
  // Inside a quote, `$(`, backquote or `${` read on from a line above, up to the end of the word that closes it: part of that word.
  if (line.inQuote && offset <= line.inQuote.end) return [];
  const statement = line.statements.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
  if (statement?.kind === 'assignment') {
    if (offset >= statement.equalsSpan.end) {
      // An array's value is its first element, maybe on a line below: a value typed at the ( would join it.
      if (statement.array) return [];
      const variable = ksmtunedVariable(statement.name);
      // Past the value (after a space, `&` or `;` that ends it), the value's range would not hold the cursor.
      return variable && offset <= statement.value.span.end ? valueItems(variable, range(quotedPieceAt(text, statement.value.span, offset))) : [];
    }
    if (offset <= statement.nameSpan.end && offset >= statement.nameSpan.start) return nameItems(model, range(statement.nameSpan), false);
    return [];
  }
  const word = wordAt(text, offset, line.span);
  if (statement?.kind === 'command' && statement.words[0] && word.start > statement.words[0].span.start) return [];
  return nameItems(model, range(word), true, separatorBefore(text, line, word));
}

/**
 * What keeps a new assignment apart from what follows it on the line (bash would read `N=1#x` as one
 * word): a line break when it starts the line (a comment stays with the line it was on), else a blank.
 */
function separatorBefore(text: string, line: KsmLine, word: Span): string {
  const rest = text.slice(word.end, line.span.end);
  if (rest.trim() === '') return '';
  // Right after the `)` of an array opened above, the line's statements start as on a line of their own.
  const from = line.inArray && line.inArray.end <= word.start ? line.inArray.end : line.span.start;
  return text.slice(from, word.start).trim() === '' ? '\n' : ' ';
}

function nameItems(model: KsmModel, replace: Range, withValue: boolean, separator = ''): CompletionItem[] {
  return KSMTUNED_VARIABLES.map((variable, index) => {
    const setOn = lastAssignment(model, variable.name);
    const value = variable.defaultValue ?? variable.suggested;
    return {
      label: variable.name,
      kind: ITEM_KINDS.setting,
      detail: setOn ? `set on line ${setOn.line.number + 1}` : describeDefault(variable),
      documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(variable) },
      sortText: `${setOn ? '1' : '0'}${String(index).padStart(2, '0')}`,
      filterText: variable.name,
      textEdit: { range: replace, newText: withValue ? `${variable.name}=\${1:${escapeSnippet(value)}}${separator}` : variable.name },
      insertTextFormat: withValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
  });
}

function valueItems(variable: KsmtunedVariable, replace: Range): CompletionItem[] {
  const values = new Map<string, string>();
  if (variable.defaultValue !== undefined) values.set(variable.defaultValue, "ksmtuned's default");
  if (!values.has(variable.suggested)) values.set(variable.suggested, variable.name === 'DEBUG' ? 'debug lines on' : 'the usual value');
  return [...values].map(([value, detail], index) => ({
    label: value,
    kind: ITEM_KINDS.value,
    detail: variable.unit ? `${detail} (${variable.unit})` : detail,
    sortText: String(index).padStart(2, '0'),
    textEdit: { range: replace, newText: value },
  }));
}

/**
 * The piece of a shell word the cursor is in, between its quotes (`"1|0"` gives `10`) or outside them:
 * a value put there reads the same whether the word was quoted or not, and no quote is replaced.
 */
function quotedPieceAt(text: string, word: Span, offset: number): Span {
  let quote: string | undefined;
  let start = word.start;
  for (let at = word.start; at < offset; at++) {
    const char = text[at]!;
    if (quote === undefined && char === '\\') at++;
    else if (quote === undefined && (char === '"' || char === "'")) [quote, start] = [char, at + 1];
    else if (char === quote) [quote, start] = [undefined, at + 1];
  }
  let end = offset;
  while (end < word.end && (quote === undefined ? !/["'\\]/.test(text[end]!) : text[end] !== quote)) end++;
  return { start: Math.min(start, offset), end };
}

function describeDefault(variable: KsmtunedVariable): string {
  if (variable.defaultValue === undefined) return 'not set by default';
  return `default ${variable.defaultValue}${variable.unit ? ` (${variable.unit})` : ''}`;
}

/** `$`, `}` and `\` are snippet syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

function wordAt(text: string, offset: number, within: Span): Span {
  let start = offset;
  while (start > within.start && NAME_CHAR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < within.end && NAME_CHAR.test(text[end]!)) end++;
  return { start, end };
}
