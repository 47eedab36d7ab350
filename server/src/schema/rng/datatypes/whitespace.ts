// XML white space (space, tab, line feed, carriage return) and the whiteSpace facet's three treatments.
// Each helper returns its argument itself when there is nothing to change, so the common case allocates nothing.

export type Whitespace = 'preserve' | 'replace' | 'collapse';

export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Tab, line feed and carriage return become spaces. */
export function replaceWhitespace(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d) return value.replace(/[\t\n\r]/g, ' ');
  }
  return value;
}

/** Trimmed, and every run of white space inside made one space. */
export function collapse(value: string): string {
  const length = value.length;
  if (length === 0) return value;
  let clean = !isXmlSpace(value.charCodeAt(0)) && !isXmlSpace(value.charCodeAt(length - 1));
  for (let i = 0; clean && i < length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d || (code === 0x20 && value.charCodeAt(i + 1) === 0x20)) clean = false;
  }
  return clean ? value : value.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

export function applyWhitespace(whitespace: Whitespace, value: string): string {
  return whitespace === 'collapse' ? collapse(value) : whitespace === 'replace' ? replaceWhitespace(value) : value;
}

/** The number of characters (code points, not UTF-16 units). */
export function characterCount(value: string): number {
  let count = value.length;
  for (let i = 1; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      const previous = value.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) count--;
    }
  }
  return count;
}
