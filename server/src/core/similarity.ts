/** Levenshtein distance, with a transposition counted as one edit (`vcupin` ~ `vcpupin` is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates a misspelt `word` most likely meant, best first: within a distance that grows with
 * the word's length, equal but for case, or the same letters with one or two left out or added
 * (`devce` for `dev`).
 */
export function closestNames(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const threshold = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored: { name: string; distance: number }[] = [];
  // The distance is at least the difference in length: a far longer or shorter word is no candidate
  // (and a value of a million characters is not compared letter by letter with each name).
  const reach = Math.max(threshold, 2);
  for (const name of new Set(candidates)) {
    if (name === word) continue;
    const lowerName = name.toLowerCase();
    if (Math.abs(lowerName.length - lower.length) > reach) continue;
    const distance = lowerName === lower ? 0 : editDistance(lower, lowerName);
    if (distance <= threshold || (distance <= 2 && isSubsequencePair(lower, lowerName))) scored.push({ name, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((entry) => entry.name);
}

/** Whether the shorter word (three letters at least) is the longer with letters left out, first letter kept. */
function isSubsequencePair(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < 3 || shorter[0] !== longer[0]) return false;
  let at = 0;
  for (const character of longer) if (character === shorter[at]) at++;
  return at === shorter.length;
}

export function isSimilarName(a: string, b: string): boolean {
  return closestNames(a, [b], 1).length === 1;
}
