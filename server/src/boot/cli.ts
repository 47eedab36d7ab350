import { join } from 'node:path';
import { runCachedBundle } from './codeCache';

/** The commands whose runs compile different code, each with its own cache; anything else shares one. */
const COMMANDS = new Set(['lint', 'fix', 'rules', 'host', 'tune']);
const command = process.argv[2] ?? '';

// dist/cli.js: runs the CLI's bundle (dist/cli-main.js, from server/src/cli.ts) with V8's code cache.
runCachedBundle(join(__dirname, 'cli-main.js'), 'exit', undefined, COMMANDS.has(command) ? command : 'other');
