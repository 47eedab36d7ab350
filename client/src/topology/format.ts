/**
 * Labels for the picture. The client bundles nothing of the server but the protocol, so these few
 * formatters live here; test/host/panelFormat.test.ts keeps them equal to the server's (formatCpuset,
 * roundedKiB), which write the same lists and sizes in messages and `virt-tune host`.
 */

/** `[0, 1, 2, 3, 6]` -> `0-3,6`, libvirt's cpuset syntax. */
export function idRanges(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `4679884` KiB -> `4.5 GiB`. */
export function sizeLabel(kib: number): string {
  const units: [string, number][] = [['TiB', 1024 ** 3], ['GiB', 1024 ** 2], ['MiB', 1024]];
  for (const [unit, size] of units) {
    if (kib >= size) {
      const value = kib / size;
      return `${value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${unit}`;
    }
  }
  return `${kib} KiB`;
}
