// XML 1.0 (fifth edition, section 2.3) names, as libxml2 reads them: NameStartChar and NameChar, with
// U+10000 to U+EFFFF read from surrogate pairs (U+F0000 and above, and an unpaired surrogate, are none).

/**
 * Where text[start, end), a name whose ASCII characters are already known to be right (the tolerant
 * parser's reading), first holds a character that XML does not allow at its place; -1 when there is none.
 */
export function badNameCharacter(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    const width = beyondAsciiWidth(text, i, end, i === start);
    if (width === 0) return i;
    i += width - 1;
  }
  return -1;
}

/** Where the longest XML name at `at` ends (`at` itself when none starts there). */
export function nameEnd(text: string, at: number, end = text.length): number {
  let i = at;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
      if (!(letter || (i > at && ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d)))) break;
      i++;
    } else {
      const width = beyondAsciiWidth(text, i, end, i === at);
      if (width === 0) break;
      i += width;
    }
  }
  return i;
}

/** How many code units the name character beyond ASCII at `i` takes (0: it is none), first in its name or not. */
function beyondAsciiWidth(text: string, i: number, end: number, first: boolean): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    // U+10000 to U+EFFFF: a high surrogate up to DB7F, followed by a low one.
    return i + 1 < end && low >= 0xdc00 && low <= 0xdfff && c <= 0xdb7f ? 2 : 0;
  }
  if (isNameStartBeyondAscii(c)) return 1;
  return !first && (c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040) ? 1 : 0;
}

/** NameStartChar from U+0080 to U+FFFF (the pairs aside). */
function isNameStartBeyondAscii(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x2ff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x1fff && c !== 0x37e) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}
