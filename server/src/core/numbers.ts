/** A non-negative decimal integer as libvirt and the kernel write it (surrounding white space allowed), or undefined. */
export function parseUnsigned(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // The common case, up to 15 digits and nothing else, read without a regular expression or new
  // strings: such a number is exact, so it is what Number gives.
  const length = value.length;
  if (length > 0 && length <= 15) {
    let number = 0;
    let i = 0;
    for (; i < length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      number = number * 10 + (c - 0x30);
    }
    if (i === length) return number;
  }
  const trimmed = value.trim();
  if (!/^[0-9]+$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Number.isSafeInteger(number) ? number : undefined;
}
