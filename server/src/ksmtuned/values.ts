/**
 * The number syntaxes ksmtuned's values meet. bash arithmetic and `[ -lt ]` take a decimal integer with
 * an optional sign (blanks around it are dropped when the unquoted variable is expanded); sleep(1)
 * takes seconds with an optional fraction and an s, m, h or d suffix.
 */

const INTEGER = /^[ \t]*[+-]?[0-9]+[ \t]*$/;
const DURATION = /^[ \t]*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)([smhd]?)[ \t]*$/;
const SECONDS_PER: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** The integer a value means in decimal, or undefined when it is not one. */
export function parseInteger(literal: string): number | undefined {
  return INTEGER.test(literal) ? Number.parseInt(literal.trim(), 10) : undefined;
}

/** The seconds a sleep(1) argument means, or undefined when sleep would refuse it. */
export function parseDuration(literal: string): number | undefined {
  const match = DURATION.exec(literal);
  if (!match) return undefined;
  return Number.parseFloat(match[1]!) * SECONDS_PER[match[2]!]!;
}

/**
 * An integer written with a leading zero (`010`, `-08`): bash arithmetic reads it as octal, and one with
 * an 8 or a 9 in it is an error there. Returns the digits after the sign and zeros, and whether bash can
 * read it as octal at all.
 */
export function leadingZero(literal: string): { decimal: string; octalValue: number | undefined } | undefined {
  // Worked out by hand, not by one expression: `0+([0-9]+)` backtracks quadratically on a long run of zeros
  // that is not a number after all (the fuzzer's 280,000 zeros took two minutes).
  if (!INTEGER.test(literal)) return undefined;
  const number = literal.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
  const sign = number[0] === '+' || number[0] === '-' ? number[0] : '';
  const unsigned = number.slice(sign.length);
  if (unsigned.length < 2 || unsigned[0] !== '0') return undefined;
  let zeros = 0;
  while (zeros < unsigned.length - 1 && unsigned[zeros] === '0') zeros++;
  const octalValue = /^[0-7]+$/.test(unsigned) ? Number.parseInt(unsigned, 8) * (sign === '-' ? -1 : 1) : undefined;
  return { decimal: `${sign}${unsigned.slice(zeros)}`, octalValue };
}
