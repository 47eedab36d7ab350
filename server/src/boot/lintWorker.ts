import { join } from 'node:path';
import { runCachedBundle } from './codeCache';

/**
 * When a lint worker writes its code cache: by then it has set up and linted its first batches, so the
 * cache holds the code a lint runs. A worker is stopped, not left to exit, when the files are done: a
 * run over fewer files than that writes none, and a later one tries again.
 */
const SAVE_AFTER_MS = 300;

// dist/lint-worker.js: runs the lint worker's bundle (dist/lint-worker-main.js, from server/src/cli/lintWorker.ts)
// with V8's code cache, as dist/cli.js runs the CLI's: every worker of every run would compile it again.
runCachedBundle(join(__dirname, 'lint-worker-main.js'), SAVE_AFTER_MS);
