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
