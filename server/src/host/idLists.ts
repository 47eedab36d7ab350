import { parseCpuset } from '../kb/cpuset';

/** A kernel id list (`0-3,8-11`, or empty for none) as sorted ids; the parts that do not parse are left out. */
export function kernelIdList(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? [] : parseCpuset(trimmed).ids;
}

/** The numbers of `cpu12`, `node3`, `hugepages-2048kB` style names in a folder, sorted. */
export function numberedNames(names: readonly string[] | undefined, pattern: RegExp): number[] {
  const ids: number[] = [];
  for (const name of names ?? []) {
    const match = pattern.exec(name);
    if (match) ids.push(Number(match[1]));
  }
  return ids.sort((a, b) => a - b);
}

export function byId<T extends { id: number }>(a: T, b: T): number {
  return a.id - b.id;
}
