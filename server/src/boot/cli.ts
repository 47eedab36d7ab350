import { join } from 'node:path';
import { runCachedBundle } from './codeCache';

// dist/cli.js: runs the CLI's bundle (dist/cli-main.js, from server/src/cli.ts) with V8's code cache.
runCachedBundle(join(__dirname, 'cli-main.js'), 'exit');
