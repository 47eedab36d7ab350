import type { Span } from '../core/span';
import type { RefusedToken } from './types';
import { OPERATORS as OPERATOR_START } from './characters';
import { scanWord, skipBlanks } from './words';

/** Longest first, as bash's tokenizer takes them. */
export const OPERATORS = [';;&', ';;', ';&', ';', '&&', '&>>', '&>', '&', '||', '|&', '|', '<<<', '<<-', '<<', '<&', '<>', '<', '>>', '>&', '>|', '>', '(', ')'];
export const REDIRECTIONS = new Set(['&>>', '&>', '<<<', '<<-', '<<', '<&', '<>', '<', '>>', '>&', '>|', '>']);
/** Operators bash only takes inside `case`, and this reading gives up at `case`. */
const CASE_ONLY = new Set([';;&', ';;', ';&']);
/** Operators after which a line that ends goes on to the next line. */
const CONTINUING = new Set(['&&', '||', '|', '|&']);
/** Words that start compound commands and the like: this reading does not follow them, and refuses nothing on their line. */
const RESERVED = new Set(['!', 'case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while', '{', '}', '[[', ']]']);
const ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;
const DIGITS = /^[0-9]+$/;

/**
 * The first token of the line [start, end) that bash refuses as a syntax error, or undefined. bash
 * parses a whole line before it runs any of it, so one such token means nothing on the line is run or
 * set, and a sourced file stops there. Only the simple commands, lists, pipelines, subshells and
 * redirections ksmtuned.conf could hold are followed, and the words of an array assignment's parentheses
 * up to its `)`: a line with a compound command, a function definition or a quote or expansion left open
 * (bash reads on into the next lines) is not judged, nor what follows an array's `)`, and undefined is
 * returned.
 */
export function refusedToken(text: string, start: number, end: number): RefusedToken | undefined {
  let expectCommand = true;
  let words = 0;
  let lastWord: string | undefined;
  let previous = '';
  let afterSubshell = false;
  let openSubshells = 0;
  let redirection: Span | undefined;
  let pos = skipBlanks(text, start, end);
  while (pos < end) {
    const char = text[pos]!;
    if (char === '#') break;
    if (!OPERATOR_START.has(char)) {
      const word = scanWord(text, pos, end);
      if (word.unclosed) return undefined;
      const span = { start: pos, end: word.span.end };
      if (afterSubshell && !redirection) return { span, token: text.slice(span.start, span.end) };
      if (words === 0 && !redirection && !word.quoted && word.literal !== undefined && RESERVED.has(word.literal)) return undefined;
      if (!redirection) {
        words++;
        lastWord = text.slice(span.start, span.end);
      }
      redirection = undefined;
      expectCommand = false;
      previous = 'word';
      pos = skipBlanks(text, span.end, end);
      continue;
    }
    const operator = operatorAt(text, pos, end)!;
    const span = { start: pos, end: pos + operator.length };
    const refused = { span, token: operator };
    if (redirection) return refused;
    if (REDIRECTIONS.has(operator)) {
      redirection = span;
    } else if (CASE_ONLY.has(operator)) {
      return refused;
    } else if (operator === '(') {
      if (!expectCommand) {
        // `name ()` defines a function and `NAME=(...)` assigns an array: neither is followed here.
        const functionDefinition = words === 1 && text[skipBlanks(text, span.end, end)] === ')';
        const arrayAssignment = lastWord !== undefined && ARRAY_ASSIGNMENT.test(lastWord) && text[pos - 1] === '=';
        if (arrayAssignment) return refusedInArray(text, span.end, end);
        return functionDefinition ? undefined : refused;
      }
      openSubshells++;
      words = 0;
    } else if (operator === ')') {
      if (openSubshells === 0 || previous === '(' || CONTINUING.has(previous)) return refused;
      openSubshells--;
      expectCommand = false;
      afterSubshell = true;
    } else {
      if (expectCommand) return refused;
      expectCommand = true;
      afterSubshell = false;
      words = 0;
    }
    previous = operator;
    pos = skipBlanks(text, span.end, end);
  }
  if (redirection) return { span: redirection, token: text.slice(redirection.start, redirection.end), missingWord: true };
  return undefined;
}


/**
 * The first operator inside an array's parentheses, from `pos` up to its `)` on the line: bash 5 refuses
 * the line there (`KSM_NPAGES_MAX=(30 >`: near unexpected token `>`), or at the digits written right before
 * a redirection, which it reads as the redirection's file descriptor (`(30>`: near `30`); undefined when its
 * words reach the `)`, a comment or the line's end first, or leave a quote open.
 */
export function refusedInArray(text: string, pos: number, end: number): RefusedToken | undefined {
  let digits: Span | undefined;
  for (pos = skipBlanks(text, pos, end); pos < end && text[pos] !== ')' && text[pos] !== '#'; pos = skipBlanks(text, pos, end)) {
    const operator = operatorAt(text, pos, end);
    if (operator !== undefined) {
      const span = digits && digits.end === pos && REDIRECTIONS.has(operator) ? digits : { start: pos, end: pos + operator.length };
      return { span, token: text.slice(span.start, span.end), inArray: true };
    }
    const word = scanWord(text, pos, end);
    if (word.unclosed) return undefined;
    digits = DIGITS.test(text.slice(pos, word.span.end)) ? word.span : undefined;
    pos = word.span.end;
  }
  return undefined;
}

/** The operator bash's tokenizer takes at `pos` (longest first), or undefined when a word starts there. */
export function operatorAt(text: string, pos: number, end: number): string | undefined {
  if (pos >= end || !OPERATOR_START.has(text[pos]!)) return undefined;
  return OPERATORS.find((candidate) => text.startsWith(candidate, pos) && pos + candidate.length <= end);
}
