// XML Schema regular expressions (the `pattern` facet RelaxNG borrows) differ from JavaScript's:
// they are anchored implicitly; `^` and `$` are ordinary characters; `.` excludes only \n and \r;
// \d, \w and \s are Unicode classes of their own; \i, \c (XML name characters), \p{IsBlock} and
// character-class subtraction have no JavaScript equivalent. This converts what has an exact
// equivalent (for the `u` flag) and reports the rest.

export type XsdRegexConversion = { js: string } | { unconverted: string };

const SINGLE_ESCAPES = new Set(['n', 'r', 't', '\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']']);
const OUTSIDE_CLASS: Readonly<Record<string, string>> = {
  s: '[ \\t\\n\\r]',
  S: '[^ \\t\\n\\r]',
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: '[^\\p{P}\\p{Z}\\p{C}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
};
const INSIDE_CLASS: Readonly<Record<string, string>> = { s: ' \\t\\n\\r', d: '\\p{Nd}', D: '\\P{Nd}' };

/** The JavaScript source (for the `u` flag, anchored) of an XSD regular expression, or why there is none. */
export function xsdToJsRegex(xsd: string): XsdRegexConversion {
  let out = '';
  let inClass = false;
  for (let i = 0; i < xsd.length; i++) {
    const c = xsd[i]!;
    if (c === '\\') {
      const next = xsd[++i];
      if (next === undefined) return { unconverted: 'ends with a lone backslash' };
      if (next === 'p' || next === 'P') {
        const close = xsd.indexOf('}', i);
        const property = xsd.slice(i + 2, close);
        if (xsd[i + 1] !== '{' || close < 0) return { unconverted: `malformed \\${next}{...}` };
        if (property.startsWith('Is')) return { unconverted: `Unicode block escape \\${next}{${property}}` };
        out += `\\${next}{${property}}`;
        i = close;
      } else if (SINGLE_ESCAPES.has(next)) {
        out += next === '-' && !inClass ? '-' : `\\${next}`;
      } else if (inClass && next in INSIDE_CLASS) {
        out += INSIDE_CLASS[next];
      } else if (!inClass && next in OUTSIDE_CLASS) {
        out += OUTSIDE_CLASS[next];
      } else if ('iIcC'.includes(next)) {
        return { unconverted: `XML name-character escape \\${next}` };
      } else {
        return { unconverted: `escape \\${next}${inClass ? ' inside a character class' : ''}` };
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '-' && xsd[i + 1] === '[') return { unconverted: 'character-class subtraction' };
      else if (c === '[') {
        out += '\\[';
        continue;
      }
      out += c;
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        out += c;
        if (xsd[i + 1] === '^') out += xsd[++i];
        break;
      case '.':
        out += '[^\\n\\r]';
        break;
      case '^':
      case '$':
        out += `\\${c}`;
        break;
      default:
        out += c;
    }
  }
  if (inClass) return { unconverted: 'unclosed character class' };
  const js = `^(?:${out})$`;
  try {
    new RegExp(js, 'u');
  } catch (error) {
    return { unconverted: `JavaScript rejects the conversion: ${(error as Error).message}` };
  }
  return { js };
}

const compiled = new Map<string, RegExp | string>();

/** The compiled pattern of an XSD regular expression (once per source), or why it has none. */
export function compileXsdRegex(xsd: string): RegExp | string {
  let regex = compiled.get(xsd);
  if (regex === undefined) {
    const converted = xsdToJsRegex(xsd);
    regex = 'js' in converted ? new RegExp(converted.js, 'u') : `pattern ${JSON.stringify(xsd)}: ${converted.unconverted}`;
    compiled.set(xsd, regex);
  }
  return regex;
}
