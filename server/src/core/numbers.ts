/** A non-negative decimal integer as libvirt and the kernel write it (surrounding white space allowed), or undefined. */
export function parseUnsigned(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^[0-9]+$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Number.isSafeInteger(number) ? number : undefined;
}
