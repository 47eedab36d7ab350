/** Characters that end a word and are not part of it, as bash tokenizes (`;` also ends a statement). */
export const OPERATORS = new Set([';', '&', '|', '<', '>', '(', ')']);

/** Whether a character code is one of OPERATORS. */
export function isOperator(code: number): boolean {
  return code === 0x3b || code === 0x26 || code === 0x7c || code === 0x3c || code === 0x3e || code === 0x28 || code === 0x29;
}

/** A blank that separates words: a space or a tab. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Whether a word ends before what follows this character: a blank, a line break or an operator. */
export function endsWord(code: number): boolean {
  return isBlank(code) || code === 0x0a || isOperator(code);
}
