/** How many element paths the structure does not know a lookup remembers (the latest ones). */
export const MISSES_KEPT = 256;

/**
 * A lookup by element path that remembers its answers: every path the structure knows (there are a few
 * thousand, and each is asked for again and again), and only the latest `MISSES_KEPT` paths it does not
 * know, since those come from what users type and must not grow the server's memory for ever.
 */
export function cachedByPath<T>(lookup: (path: string) => T | undefined): (path: string) => T | undefined {
  const known = new Map<string, T>();
  const unknown = new Set<string>();
  return (path) => {
    const hit = known.get(path);
    if (hit !== undefined || unknown.has(path)) return hit;
    const found = lookup(path);
    if (found !== undefined) {
      known.set(path, found);
    } else {
      if (unknown.size >= MISSES_KEPT) unknown.delete(unknown.values().next().value!);
      unknown.add(path);
    }
    return found;
  };
}
