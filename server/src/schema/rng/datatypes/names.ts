// XML names as XML Schema's Name, NCName, NMTOKEN and QName take them. libxml2 2.9.14 judges them by
// XML 1.0 4th edition's character classes (Letter, Digit, CombiningChar, Extender: Appendix B), which
// that edition derives from Unicode 2.0 categories: name-start Ll, Lu, Lo, Lt, Nl; name characters also
// Mc, Me, Mn, Lm, Nd; nothing outside the BMP or in the compatibility area U+F900-U+FFFE, and no character
// with a compatibility decomposition (so not the Roman numerals U+2160-U+217F). We apply those rules to
// the Unicode JavaScript knows, so characters assigned after Unicode 2.0 may be judged otherwise than
// libxml2's tables do; ASCII is exact. libxml2 2.13 and later (libxml2-wasm) take XML 1.0 5th edition's
// wider NameStartChar and NameChar instead.

/** Regular-expression class bodies (for the `u` flag): 4th-edition letters and the other name characters. */
// Of the letter numbers (Nl) the 4th edition takes only those without a compatibility decomposition
// that Unicode 2.0 had: U+2180-U+2182, U+3007, U+3021-U+3029.
export const LETTER_CLASS = '\\p{Ll}\\p{Lu}\\p{Lo}\\p{Lt}\\u2180-\\u2182\\u3007\\u3021-\\u3029';
export const NAME_EXTRA_CLASS = '\\p{Mc}\\p{Me}\\p{Mn}\\p{Lm}\\p{Nd}\\u00B7\\u0387';
const OUTSIDE_NAMES = '(?![^]*[\\u{F900}-\\u{FFFE}\\u{10000}-\\u{10FFFF}])';

/**
 * The full rules, each made on its first use: these Unicode classes take milliseconds to build, which
 * every process would pay at start-up (a CLI run over one file without a schema, the language server),
 * while only a name outside ASCII ever asks for them.
 */
function whenFirstUsed(source: string): () => RegExp {
  let regex: RegExp | undefined;
  return () => (regex ??= new RegExp(source, 'u'));
}

const NCNAME = whenFirstUsed(`^${OUTSIDE_NAMES}[${LETTER_CLASS}_][${LETTER_CLASS}${NAME_EXTRA_CLASS}._-]*$`);
const NAME = whenFirstUsed(`^${OUTSIDE_NAMES}[${LETTER_CLASS}_:][${LETTER_CLASS}${NAME_EXTRA_CLASS}._:-]*$`);
const NMTOKEN = whenFirstUsed(`^${OUTSIDE_NAMES}[${LETTER_CLASS}${NAME_EXTRA_CLASS}._:-]+$`);

/** Whether a character of the value has a compatibility decomposition (Appendix B excludes those). */
function hasCompatibilityForm(value: string): boolean {
  for (const character of value) {
    if (character.charCodeAt(0) >= 0x80 && character.normalize('NFKD') !== character.normalize('NFD')) return true;
  }
  return false;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** 1 name-start, 2 name character only, 0 neither, -1 not ASCII (ask the full rule). */
function asciiNameClass(code: number, colon: boolean): number {
  if (code >= 0x80) return -1;
  if (isAsciiLetter(code) || code === 0x5f || (colon && code === 0x3a)) return 1;
  if ((code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d) return 2;
  return 0;
}

function isNameLike(value: string, colon: boolean, startMatters: boolean, full: () => RegExp): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const kind = asciiNameClass(value.charCodeAt(i), colon);
    if (kind < 0) return full().test(value) && !hasCompatibilityForm(value);
    if (kind === 0 || (kind === 2 && i === 0 && startMatters)) return false;
  }
  return true;
}

export function isNCName(value: string): boolean {
  return isNameLike(value, false, true, NCNAME);
}

export function isName(value: string): boolean {
  return isNameLike(value, true, true, NAME);
}

export function isNmtoken(value: string): boolean {
  return isNameLike(value, true, false, NMTOKEN);
}

/** prefix:local or local, both NCNames. Whether the prefix is bound is not known here (see index.ts). */
export function isQName(value: string): boolean {
  const colon = value.indexOf(':');
  if (colon < 0) return isNCName(value);
  return isNCName(value.slice(0, colon)) && isNCName(value.slice(colon + 1));
}
