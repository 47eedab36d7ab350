import type { Span } from '../core/span';
import { ownValue } from '../core/ownValue';

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes XML's predefined and numeric character references. A reference that is unknown or not
 * finished with ';' is kept as written and reported at its exact place.
 */
export function decodeEntities(raw: string, offset: number, report: (span: Span, message: string) => void): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&<\s'"]*)(;?)/g, (whole: string, name: string, semicolon: string, index: number) => {
    const span = { start: offset + index, end: offset + index + whole.length };
    if (!semicolon) {
      report(span, `'&' starts a character reference that is not finished with ';'; write &amp; for a literal '&'.`);
      return whole;
    }
    const decoded = decodeReference(name);
    if (decoded === undefined) {
      report(span, `Unknown entity '&${name};': XML knows &lt; &gt; &amp; &quot; &apos; and &#N;.`);
      return whole;
    }
    return decoded;
  });
}

function decodeReference(name: string): string | undefined {
  const named = ownValue(NAMED, name);
  if (named !== undefined) return named;
  const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
  if (!numeric) return undefined;
  const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}
