// `npm run bench:lint`: only the in-process figure of `npm run bench` (lint vs a bare parse of the same
// corpus texts), for work on the lint itself. `node --cpu-prof out/test/bench/parseVersusLint.js` profiles
// the same loop; `--passes N` times it N times (default 20, as npm run bench).
import { CORPUS_DIR } from '../kb/shared';
import { acceptedFiles, timeParseVersusLint } from './corpusBench';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const passes = args.includes('--passes') ? Number(args[args.indexOf('--passes') + 1]) || 20 : 20;
  const files = acceptedFiles(CORPUS_DIR);
  const result = await timeParseVersusLint(CORPUS_DIR, files, passes);
  const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
  console.log(`lint vs bare parse, in process (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${files.length} files): ${result.ratio.toFixed(2)}× (parse ${ms(result.parseSeconds)}, lint ${ms(result.lintSeconds)}), target ≤ 2×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
