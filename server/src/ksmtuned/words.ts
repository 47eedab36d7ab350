import type { Span } from '../core/span';
import { isBlank, OPERATORS } from './characters';
import { closeOpeners } from './openers';
import { WordNode } from './nodes';
import type { Opener } from './types';

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** The lists of a word that has none: shared, never changed (a line of many short words makes one each otherwise). */
const NO_SPANS: readonly Span[] = Object.freeze([]);
const NO_NAMES: readonly string[] = Object.freeze([]);

export function operatorWord(text: string, pos: number): WordNode {
  return new WordNode(pos, pos + 1, text[pos], false, NO_SPANS, NO_NAMES);
}

/** One word from `start`, up to an unquoted blank or operator: quotes removed, expansions noted. */
export function scanWord(text: string, start: number, end: number): WordNode {
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
      const close = indexWithin(text, "'", pos + 1, end);
      if (close < 0) {
        word.unclosed([{ kind: "'", at: pos }]);
        word.append(text.slice(pos + 1, end));
        pos = end;
      } else {
        word.append(text.slice(pos + 1, close));
        pos = close + 1;
      }
    } else if (char === '"') {
      word.quoted = true;
      pos = scanDoubleQuoted(text, pos, end, word);
    } else if (char === '$' && text[pos + 1] === "'" && pos + 1 < end) {
      word.quoted = true;
      pos = scanAnsiC(text, pos, end, word);
    } else if (char === '$' || char === '`') {
      pos = scanExpansion(text, pos, end, word);
    } else {
      const stop = plainRun(text, pos + 1, end, false);
      word.append(text.slice(pos, stop));
      pos = stop;
    }
  }
  return word.build(start, Math.min(pos, end));
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
  word.unclosedAround({ kind: '"', at: open });
  return end;
}

/** What bash 5 makes of `\X` in `$'...'` for each X it reads alone; any other letter keeps its backslash. */
const ANSI_C_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
/** Escapes that take the characters after them (octal, hex, Unicode, control): their value is not worked out here. */
const ANSI_C_NUMERIC = /[0-7xuUc]/;

/** `$'...'` from its `$` (bash's ANSI-C quoting): a backslash escapes, so `\'` does not close it. */
function scanAnsiC(text: string, open: number, end: number, word: WordBuilder): number {
  let pos = open + 2;
  let value = '';
  let computed = true;
  while (pos < end && text[pos] !== "'") {
    const char = text[pos]!;
    if (char !== '\\' || pos + 1 >= end) {
      value += char;
      pos++;
      continue;
    }
    const escaped = text[pos + 1]!;
    if (ANSI_C_NUMERIC.test(escaped)) computed = false;
    value += ANSI_C_ESCAPES[escaped] ?? `\\${escaped}`;
    pos += 2;
  }
  if (pos >= end) {
    word.unclosed([{ kind: "$'", at: open }]);
    word.append(text.slice(open + 2, end));
    return end;
  }
  if (computed) word.append(value);
  else word.uncomputed();
  return pos + 1;
}

/** `$NAME`, `${...}`, `$(...)`, `$((...))`, a backquoted command, `$1`, `$?`, ...: the word is no longer a literal. */
function scanExpansion(text: string, pos: number, end: number, word: WordBuilder): number {
  if (text[pos] === '`') {
    const stop = closing(text, { kind: '`', at: pos }, pos + 1, end, word);
    word.substitution({ start: pos, end: stop });
    return stop;
  }
  const next = text[pos + 1];
  if (next === '(') {
    const arithmetic = text[pos + 2] === '(';
    const stop = closing(text, { kind: arithmetic ? '$((' : '$(', at: pos, depth: 1 }, pos + 2, end, word);
    if (arithmetic) word.arithmetic(text.slice(pos + 3, stop));
    else word.substitution({ start: pos, end: stop });
    return stop;
  }
  if (next === '{') {
    const stop = closing(text, { kind: '${', at: pos }, pos + 2, end, word);
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

/** Just past what closes `opener`, read from `from` on the line; the line's end (and what is left open marked) when the line ends first. */
function closing(text: string, opener: Opener, from: number, end: number, word: WordBuilder): number {
  const stack = [opener];
  const stop = closeOpeners(text, stack, from, end);
  if (stop >= 0) return stop;
  word.unclosed(stack);
  return end;
}

/** The first `char` in [from, end), or -1: never searched past the line (a search to the text's end from each of many lines is quadratic). */
function indexWithin(text: string, char: string, from: number, end: number): number {
  for (let pos = from; pos < end; pos++) if (text[pos] === char) return pos;
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

export function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Past the blanks from `pos`, wherever they end. */
export function blanksEnd(text: string, pos: number): number {
  while (isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Past the shell name (`[A-Za-z_][A-Za-z0-9_]*`) at `pos`; `pos` when none starts there. */
export function nameEnd(text: string, pos: number): number {
  if (!isNameStart(text.charCodeAt(pos))) return pos;
  let end = pos + 1;
  while (isNameStart(text.charCodeAt(end)) || isDigit(text.charCodeAt(end))) end++;
  return end;
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

class WordBuilder {
  quoted = false;
  private text = '';
  private dynamic = false;
  private openers: Opener[] | undefined;
  private substitutions: Span[] | undefined;
  private references: string[] | undefined;

  append(text: string): void {
    this.text += text;
  }

  /** What the line leaves open, outermost first (the line's end is reached inside it, so nothing follows in the word). */
  unclosed(openers: Opener[]): void {
    this.openers = openers;
  }

  /** A double quote left open around what the line leaves open inside it, if anything. */
  unclosedAround(opener: Opener): void {
    (this.openers ??= []).unshift(opener);
  }

  substitution(span: Span): void {
    this.dynamic = true;
    (this.substitutions ??= []).push(span);
  }

  /** A variable expansion; `name` undefined for positional and special parameters. */
  reference(name: string | undefined): void {
    this.dynamic = true;
    if (name) (this.references ??= []).push(name);
  }

  /** A part whose value is not worked out (`$'\x41'`): the word has no literal. */
  uncomputed(): void {
    this.dynamic = true;
  }

  /** `$((...))`: names in it are variables even without `$`. */
  arithmetic(expression: string): void {
    this.dynamic = true;
    for (const match of expression.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) (this.references ??= []).push(match[0]);
  }

  build(start: number, end: number): WordNode {
    const word = new WordNode(start, end, this.dynamic ? undefined : this.text, this.quoted, this.substitutions ?? NO_SPANS, this.references ?? NO_NAMES);
    if (this.openers) word.unclosed = this.openers;
    return word;
  }
}
