// `node out/test/bench/findingsDumpCompare.js BEFORE AFTER`: the texts whose line differs between two
// findings:dump files (changed, only before, only after), in the order of BEFORE then AFTER, and how many per
// pass; exit 1 when any does. For dumps whose `cmp` says they differ: `diff` of two 240 MB files with lines of
// several MB says less. Read the two lines of a text with `grep -F '["NAME",' FILE`.
import { readFileSync } from 'node:fs';
import { PASSES } from './findingsDumpPasses';

/** Each line of a dump by its name (the first JSON string of the line). */
export function dumpLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    // The name alone is parsed: a line may hold megabytes of findings.
    const end = line.indexOf('",');
    lines.set((JSON.parse(`${line.slice(0, end + 2)}0]`) as [string, number])[0], line);
  }
  return lines;
}

export interface DumpDifference {
  how: 'changed' | 'only before' | 'only after';
  name: string;
}

export function dumpDifferences(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): DumpDifference[] {
  const differences: DumpDifference[] = [];
  for (const [name, line] of before) {
    const other = after.get(name);
    if (other === undefined) differences.push({ how: 'only before', name });
    else if (other !== line) differences.push({ how: 'changed', name });
  }
  for (const name of after.keys()) if (!before.has(name)) differences.push({ how: 'only after', name });
  return differences;
}

/** The pass a line's name belongs to: the longest prefix that starts it (the first pass has none). */
export function passOf(name: string): string {
  const prefixes = PASSES.map((pass) => pass.prefix).filter((prefix) => name.startsWith(prefix));
  const prefix = prefixes.reduce((longest, next) => (next.length > longest.length ? next : longest), '');
  return PASSES.find((pass) => pass.prefix === prefix)!.name;
}

function main(): void {
  const [beforeFile, afterFile] = process.argv.slice(2);
  if (!beforeFile || !afterFile) throw new Error('usage: node out/test/bench/findingsDumpCompare.js BEFORE AFTER');
  const before = dumpLines(readFileSync(beforeFile, 'utf8'));
  const after = dumpLines(readFileSync(afterFile, 'utf8'));
  const differences = dumpDifferences(before, after);
  const perPass = new Map<string, number>();
  for (const { how, name } of differences) {
    console.log(`${how}: ${name}`);
    perPass.set(passOf(name), (perPass.get(passOf(name)) ?? 0) + 1);
  }
  for (const [pass, count] of perPass) console.log(`${pass}: ${count} texts differ`);
  console.log(`${differences.length} texts differ (${before.size} lines before, ${after.size} after)`);
  process.exitCode = differences.length > 0 ? 1 : 0;
}

if (require.main === module) main();
