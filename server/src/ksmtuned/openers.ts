import { endsWord } from './characters';
import type { Opener } from './types';

/**
 * Reads [pos, end) inside the openers of `stack` (outermost first, the last the one being read), as bash
 * reads a word it is still inside: in a quote only its closer counts (in `"` and `$'` a backslash escapes,
 * and in `"` a backquote, `$(` and `${` open); in a backquote only a backslash and the closing backquote; in
 * `$(` and `${` quotes (`$'` too), backquotes, `$(` and `${` open inside them, and a backslash escapes; `$(` counts
 * its parentheses and ends at the `)` that brings them back to none, and a `#` starting a word there is a
 * comment to the line's end; `${` ends at its `}`. Returns just past the closer of the outermost, or -1
 * when the line ends first: `stack` then holds what is still open, each `$(` with its depth (its objects
 * are changed in place).
 */
export function closeOpeners(text: string, stack: Opener[], pos: number, end: number): number {
  while (pos < end) {
    const inner = stack[stack.length - 1]!;
    const char = text[pos]!;
    const kind = inner.kind;
    if (kind === "'") {
      if (char === "'") stack.pop();
    } else if (char === '\\') {
      pos++;
    } else if (kind === "$'") {
      if (char === "'") stack.pop();
    } else if (kind === '`') {
      if (char === '`') stack.pop();
    } else if (kind === '"' && char === '"') {
      stack.pop();
    } else if (char === '$' && (text[pos + 1] === '(' || text[pos + 1] === '{') && pos + 1 < end) {
      stack.push(text[pos + 1] === '(' ? { kind: text[pos + 2] === '(' ? '$((' : '$(', at: pos, depth: 1 } : { kind: '${', at: pos });
      pos++;
    } else if (char === '$' && text[pos + 1] === "'" && kind !== '"' && pos + 1 < end) {
      stack.push({ kind: "$'", at: pos });
      pos++;
    } else if (char === '`' || (kind !== '"' && (char === '"' || char === "'"))) {
      stack.push({ kind: char, at: pos });
    } else if (inner.kind === '$(' || inner.kind === '$((') {
      if (char === '(') inner.depth++;
      else if (char === ')' && --inner.depth === 0) stack.pop();
      else if (char === '#' && startsWord(text, pos)) pos = end - 1;
    } else if (kind === '${' && char === '}') {
      stack.pop();
    }
    pos++;
    if (stack.length === 0) return pos;
  }
  return -1;
}

/**
 * Whether what stands before `pos` ends a word, the backslash-newlines before it left out: bash joins the
 * line after one to the line before, so `a\` and then `#b` on the next line is the one word `a#b`.
 */
function startsWord(text: string, pos: number): boolean {
  let before = pos - 1;
  while (before > 0 && text[before] === '\n' && escapedNewline(text, before)) before -= 2;
  // After any of these a `#` starts a comment, as bash 5 and dash read it (`$(echo a;#)`).
  return before < 0 || endsWord(text.charCodeAt(before));
}

/** Whether the line break at `newline` follows a backslash that is not itself escaped (an odd run of them). */
function escapedNewline(text: string, newline: number): boolean {
  let backslashes = 0;
  for (let at = newline - 1; at >= 0 && text[at] === '\\'; at--) backslashes++;
  return backslashes % 2 === 1;
}

/** The openers as written, the innermost named first: `$(` alone, `$( inside a "`, `$((` for an arithmetic expansion. */
export function describeOpeners(openers: readonly Opener[]): string {
  return openers
    .map((opener) => opener.kind)
    .reverse()
    .join(' inside a ');
}

/** What closes each opener, innermost first: the text that closes them all at once. */
export function closersOf(openers: readonly Opener[]): string {
  let closers = '';
  for (const opener of openers) closers = CLOSER[opener.kind] + closers;
  return closers;
}

const CLOSER: Record<Opener['kind'], string> = { "'": "'", "$'": "'", '"': '"', '`': '`', '$(': ')', '$((': '))', '${': '}' };

/** A quote: what it leaves open at a line's end is text of the word, not of a command or expansion. */
export function isQuote(opener: Opener): boolean {
  return opener.kind === "'" || opener.kind === '"' || opener.kind === "$'";
}
