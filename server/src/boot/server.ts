import { join } from 'node:path';
import { COMPACTION_OFF_FLAG, EXPOSE_GC_FLAG } from '../core/idleCollect';
import { YOUNG_GENERATION_FLAG } from '../core/youngGeneration';
import { namesTransport } from '../lsp/transport';
import { runCachedBundle } from './codeCache';

/**
 * When the language server writes its code cache (or at its exit, if that comes first): by then an
 * editor has opened its documents and had their first diagnostics, completions and hovers, so the cache
 * holds the code those compiled, and a later start skips compiling it.
 */
const SAVE_AFTER_MS = 10_000;
/**
 * Every V8 flag the server keeps set as it runs. V8 takes a code cache only under the flags it was made
 * with, so runCachedBundle sets them before the bundle is compiled, and again before its cache is made.
 * COMPACTION_OFF_FLAG is V8's default (so it changes no cache's flags): set again there, it ends the
 * moment in which the schema worker's idle collection has compaction on (core/idleCollect.ts). That
 * collection read the flag as it started, so it still compacts; before, a cache due while it ran was
 * dropped, and the first session after a build sometimes wrote none (2 of 8 sessions with a schema on
 * a loaded machine; test/boot/serverCodeCache.test.ts failed so).
 */
const SERVER_V8_FLAGS = [YOUNG_GENERATION_FLAG, EXPOSE_GC_FLAG, COMPACTION_OFF_FLAG];
/**
 * Node's modules the server loads on its way to the first diagnostics once its flags are set: node:net
 * (and with it diagnostics_channel and perf_hooks' observer), which every transport reads and writes
 * through (a pipe on stdio is a net.Socket). Loaded before the flags, node compiles them from its own
 * code cache (boot/codeCache.ts, loadBeforeFlags).
 */
const START_BUILTINS = ['node:net'];
// Anything but a server (--help, --version) is a run of its own and keeps its cache apart.
const transport = namesTransport(process.argv.slice(2));

// dist/server.js: runs the language server's bundle (dist/server-main.js, from server/src/server.ts) with
// V8's code cache, as dist/cli.js runs the CLI's: compiling the bundle was a third of its start-up.
runCachedBundle(join(__dirname, 'server-main.js'), SAVE_AFTER_MS, undefined, transport ? '' : 'other', transport ? SERVER_V8_FLAGS : [], START_BUILTINS);
