// XML Schema regular expressions (the `pattern` facet RelaxNG borrows) differ from JavaScript's:
// they are anchored implicitly; `^` and `$` are ordinary characters; `.` excludes only \n and \r;
// \d, \w and \s are Unicode classes of their own; \i, \c (XML name characters), \p{IsBlock} and
// character-class subtraction have no JavaScript equivalent. This converts what has an exact
// equivalent (for the `u` flag) and reports the rest.

const SINGLE_ESCAPES = new Set(['n', 'r', 't', '\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']']);
const OUTSIDE_CLASS = {
  s: '[ \\t\\n\\r]',
  S: '[^ \\t\\n\\r]',
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: '[^\\p{P}\\p{Z}\\p{C}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
};
const INSIDE_CLASS = { s: ' \\t\\n\\r', d: '\\p{Nd}', D: '\\P{Nd}' };

/** @returns {{ js: string } | { unconverted: string }} */
export function xsdToJsRegex(xsd) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < xsd.length; i++) {
    const c = xsd[i];
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
    return { unconverted: `JavaScript rejects the conversion: ${error.message}` };
  }
  return { js };
}
