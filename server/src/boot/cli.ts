import { join } from 'node:path';
import { cliCacheVariant, isLongRun } from './cliVariant';
import { runCachedBundle } from './codeCache';

/**
 * V8's optimizing compiler (TurboFan) runs on helper threads beside the CLI's own, and over a corpus
 * it cost about as much CPU as the lint itself: over libvirt's 2,321 accepted test files with --schema,
 * 0.55-0.7 s on the main thread and 0.6-0.8 s on V8's four helper threads, nine tenths of whose perf
 * samples were TurboFan (the garbage collector's a few percent); 230 functions were optimized, many
 * twice after a deopt. Most of that compiling is inlining, which a run of a second does not earn back.
 * With smaller inlining limits and functions taken up for optimization later (twice V8's interrupt
 * budget), the same run took 29% less CPU (1.28 -> 0.91 s; the builtin lint 0.76 -> 0.51 s) and the
 * main thread's share stayed the same. A CLI run is short, so it trades peak code quality for less
 * compiling; the language server, which runs for days, keeps V8's defaults. Set before the bundle is
 * compiled (runCachedBundle sets them, and again before it makes the cache): V8 takes a code cache only
 * under the flags it was made with (boot/codeCache.ts); the lint workers share the process's flags.
 * Without loop peeling (session 15, callgrind over the first 1,200 accepted files, builtin lint): V8's
 * helper threads 499 -> 427 M instructions (-14%), the main thread not more (1,584 -> 1,577 M).
 */
const CLI_V8_FLAGS = ['--interrupt-budget=135168', '--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=200', '--no-turbo-loop-peeling'];

/**
 * node's own modules a long run loads after its flags are set: fs/promises (--guests auto asks each folder
 * whether it is a copy of libvirt's; folders are walked with it) and os (lintPool.ts's workerCount).
 * Loaded after the flags, node compiles them from their source instead of taking its built-in code cache
 * (codeCache.ts loadBeforeFlags); callgrind as above: main thread 1,595 -> 1,584 M instructions.
 */
const CLI_BUILTINS = ['node:fs/promises', 'node:os'];

/**
 * Only for long runs (cliVariant.ts isLongRun), each with caches of its own (V8 takes a cache only under
 * the flags it was made with): a run over a few files is over before TurboFan would start, and setting
 * the flags loads node:v8, which loads node's streams: about 3 ms of CPU of a one-file lint, a tenth of
 * what it does after node's own start (alternated, load ~20: 2.9 ms of process CPU).
 */
const argv = process.argv.slice(2);
const long = isLongRun(argv);
const variant = cliCacheVariant(argv);

// dist/cli.js: runs the CLI's bundle (dist/cli-main.js, from server/src/cli.ts) with V8's code cache.
runCachedBundle(join(__dirname, 'cli-main.js'), 'exit', undefined, long ? `${variant}many` : variant, long ? CLI_V8_FLAGS : [], long ? CLI_BUILTINS : []);
