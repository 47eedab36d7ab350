import { statSync } from 'node:fs';

/** The commands whose runs compile different code, each with its own cache; anything else shares one. */
const COMMANDS = new Set(['lint', 'fix', 'rules', 'host', 'tune']);

/**
 * Which of the CLI's code caches a command line takes (boot/codeCache.ts, runCachedBundle's variant).
 * A lint judged with a RelaxNG schema (`--schema` other than builtin; auto is the host's when libvirt is
 * installed) runs the validator, about a tenth more code than the built-in lint: with one cache for both,
 * whichever ran first decided, and the other kind of run then either compiled the validator again or
 * read code it never ran. Read from the words as lint's parseArgs reads them (`--schema X`,
 * `--schema=X`, the last one counts, none after `--`), before the bundle is loaded.
 */
export function cliCacheVariant(argv: readonly string[]): string {
  const command = argv[0] ?? '';
  if (!COMMANDS.has(command)) return 'other';
  if (command !== 'lint') return command;
  let schema = 'auto';
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word === '--schema' && i + 1 < argv.length) schema = argv[++i]!;
    else if (word.startsWith('--schema=')) schema = word.slice('--schema='.length);
  }
  return schema === 'builtin' ? 'lint' : 'lintschema';
}

/** Paths named from which a lint or fix counts as a long run (boot/cli.ts): a few dozen files lint in a tenth of a second. */
export const LONG_RUN_PATHS = 32;

/**
 * Whether a command line is a long run, for which the CLI sets its V8 flags (boot/cli.ts): a lint or
 * fix naming LONG_RUN_PATHS paths or more, or a folder. Read before the bundle is loaded, so loosely:
 * every word that is no option is taken for a path (an option's value too, such as --host's folder,
 * which at worst makes a short run long). Only when fewer than LONG_RUN_PATHS words are left is each
 * one asked whether it is a folder.
 */
export function isLongRun(argv: readonly string[]): boolean {
  if (argv[0] !== 'lint' && argv[0] !== 'fix') return false;
  const words = argv.slice(1).filter((word) => !word.startsWith('-'));
  if (words.length >= LONG_RUN_PATHS) return true;
  return words.some((word) => {
    try {
      return statSync(word).isDirectory();
    } catch {
      return false;
    }
  });
}
