// XML Schema regular expressions (the `pattern` facet RelaxNG borrows) differ from JavaScript's:
// they are anchored implicitly; `^` and `$` are ordinary characters; `.` excludes only \n and \r;
// \d, \w and \s are Unicode classes of their own; \i and \c are XML name characters; a class may
// subtract another ([a-z-[aeiou]]). This converts them to JavaScript (for the `u` flag): the classes
// JavaScript cannot hold inside brackets (\w, \S, \i, \c in a class, a negated class holding them,
// subtraction) become lookaheads. \p{IsBlock} (Unicode blocks) has no JavaScript equivalent and is
// reported instead. This is the one translator: scripts/gen-schema uses it too (xsd-regex.mjs).
import { LETTER_CLASS, NAME_EXTRA_CLASS } from './names';

export type XsdRegexConversion = { js: string } | { unconverted: string };

const SINGLE_ESCAPES = new Set(['n', 'r', 't', '\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']']);
const NAME_START = `_:${LETTER_CLASS}`;
const NAME_CHAR = `._:\\-${LETTER_CLASS}${NAME_EXTRA_CLASS}`;
/** Multi-character escapes outside a class. */
const OUTSIDE_CLASS: Readonly<Record<string, string>> = {
  s: '[ \\t\\n\\r]',
  S: '[^ \\t\\n\\r]',
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: '[^\\p{P}\\p{Z}\\p{C}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
  i: `[${NAME_START}]`,
  I: `[^${NAME_START}]`,
  c: `[${NAME_CHAR}]`,
  C: `[^${NAME_CHAR}]`,
};
/** Multi-character escapes a JavaScript class can hold as they are. */
const INSIDE_CLASS: Readonly<Record<string, string>> = { s: ' \\t\\n\\r', d: '\\p{Nd}', D: '\\P{Nd}', W: '\\p{P}\\p{Z}\\p{C}', i: NAME_START, c: NAME_CHAR };

type Piece = { text: string; end: number } | { unconverted: string };

/** The escape at xsd[at] === '\\', as JavaScript, inside a class or not. */
function escape(xsd: string, at: number, inClass: boolean): Piece & { complement?: boolean } {
  const next = xsd[at + 1];
  if (next === undefined) return { unconverted: 'ends with a lone backslash' };
  if (next === 'p' || next === 'P') {
    const close = xsd.indexOf('}', at);
    if (xsd[at + 2] !== '{' || close < 0) return { unconverted: `malformed \\${next}{...}` };
    const property = xsd.slice(at + 3, close);
    if (property.startsWith('Is')) return { unconverted: `Unicode block escape \\${next}{${property}}` };
    return { text: `\\${next}{${property}}`, end: close + 1 };
  }
  if (SINGLE_ESCAPES.has(next)) return { text: next === '-' && !inClass ? '-' : `\\${next}`, end: at + 2 };
  if (inClass && next in INSIDE_CLASS) return { text: INSIDE_CLASS[next]!, end: at + 2 };
  if (next in OUTSIDE_CLASS) return { text: OUTSIDE_CLASS[next]!, end: at + 2, complement: inClass };
  return { unconverted: `escape \\${next}${inClass ? ' inside a character class' : ''}` };
}

/** The class starting at xsd[at] === '[', with its subtraction if any. */
function characterClass(xsd: string, at: number): Piece {
  let i = at + 1;
  const negated = xsd[i] === '^';
  if (negated) i++;
  let items = '';
  const alternatives: string[] = [];
  let subtracted: string | undefined;
  for (;;) {
    const c = xsd[i];
    if (c === undefined) return { unconverted: 'unclosed character class' };
    if (c === ']') {
      i++;
      break;
    }
    if (c === '-' && xsd[i + 1] === '[') {
      const inner = characterClass(xsd, i + 1);
      if ('unconverted' in inner) return inner;
      if (xsd[inner.end] !== ']') return { unconverted: 'character-class subtraction not at the end of its class' };
      subtracted = inner.text;
      i = inner.end + 1;
      break;
    }
    if (c === '\\') {
      const piece = escape(xsd, i, true);
      if ('unconverted' in piece) return piece;
      if (piece.complement) alternatives.push(piece.text);
      else items += piece.text;
      i = piece.end;
      continue;
    }
    items += c === '[' ? '\\[' : c;
    i++;
  }
  let text: string;
  if (alternatives.length === 0) text = `[${negated ? '^' : ''}${items}]`;
  else {
    const union = `(?:${[...(items ? [`[${items}]`] : []), ...alternatives].join('|')})`;
    text = negated ? `(?:(?!${union})[^])` : union;
  }
  if (subtracted !== undefined) text = `(?:(?!${subtracted})${text})`;
  return { text, end: i };
}

/** The JavaScript source (for the `u` flag, anchored) of an XSD regular expression, or why there is none. */
export function xsdToJsRegex(xsd: string): XsdRegexConversion {
  let out = '';
  let i = 0;
  while (i < xsd.length) {
    const c = xsd[i]!;
    if (c === '\\' || c === '[') {
      const piece = c === '\\' ? escape(xsd, i, false) : characterClass(xsd, i);
      if ('unconverted' in piece) return piece;
      out += piece.text;
      i = piece.end;
      continue;
    }
    out += c === '.' ? '[^\\n\\r]' : c === '^' || c === '$' ? `\\${c}` : c;
    i++;
  }
  const js = `^(?:${out})$`;
  try {
    new RegExp(js, 'u');
  } catch (error) {
    return { unconverted: `JavaScript rejects the conversion: ${(error as Error).message}` };
  }
  return { js };
}

const compiled = new Map<string, RegExp | string>();

/** The compiled pattern of an XSD regular expression (once per source), or a message saying why there is none. */
export function compileXsdRegex(xsd: string): RegExp | string {
  let regex = compiled.get(xsd);
  if (regex === undefined) {
    const converted = xsdToJsRegex(xsd);
    regex = 'js' in converted ? new RegExp(converted.js, 'u') : `pattern ${JSON.stringify(xsd)}: ${converted.unconverted}`;
    compiled.set(xsd, regex);
  }
  return regex;
}
