/** `4679884` KiB -> `4.5 GiB`: a rounded size for pictures, where formatKiB would give exact KiB. */
export function roundedKiB(kib: number): string {
  const units: [string, number][] = [['TiB', 1024 ** 3], ['GiB', 1024 ** 2], ['MiB', 1024]];
  for (const [unit, size] of units) {
    if (kib >= size) {
      const value = kib / size;
      return `${value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${unit}`;
    }
  }
  return `${kib} KiB`;
}

/** A huge page size: `2 MiB`, `1 GiB`. */
export function pageSizeLabel(sizeKiB: number): string {
  return roundedKiB(sizeKiB);
}
