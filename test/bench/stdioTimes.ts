// Loaded into a language server with `node --require out/test/bench/stdioTimes.js` (NODE_OPTIONS) when
// VIRT_TUNE_STDIO_TIMES=BASE is set: the main thread notes when each chunk of stdin reached its event loop
// and when each write to stdout was made, and writes them to BASE.PID.json at exit; each worker thread
// appends its kernel thread id to BASE.PID.threads, so a scheduler trace can tell the threads apart.
// Times are CLOCK_MONOTONIC ms (process.hrtime), the clock `perf record -k CLOCK_MONOTONIC` stamps with.
import { appendFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

/** What the preload writes, per server process. */
export interface StdioTimes {
  pid: number;
  /** performance.timeOrigin + performance.now() minus the monotonic clock, in ms: the server's trace (lsp/trace.ts) is stamped so. */
  epochMinusMonotonic: number;
  /** [monotonic ms, bytes] of each stdin chunk, when its 'data' event began. */
  reads: [number, number][];
  /** [monotonic ms, bytes] of each stdout write, when it was called. */
  writes: [number, number][];
}

export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** What to add to performance.now() for the monotonic clock (its first call loads perf_hooks: a millisecond or two, not counted). */
export function monotonicMinusNow(): number {
  performance.now();
  monotonicMs();
  const before = performance.now();
  const monotonic = monotonicMs();
  return monotonic - (before + performance.now()) / 2;
}

function record(base: string): void {
  if (!isMainThread) {
    const tid = readlinkSync('/proc/thread-self').split('/').pop();
    appendFileSync(`${base}.${process.pid}.threads`, `${tid} worker ${threadId}\n`);
    return;
  }
  const times: StdioTimes = { pid: process.pid, epochMinusMonotonic: performance.timeOrigin - monotonicMinusNow(), reads: [], writes: [] };
  const stdin = process.stdin;
  const emit = stdin.emit.bind(stdin);
  stdin.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'data') times.reads.push([monotonicMs(), (args[0] as { length: number }).length]);
    return emit(event, ...args);
  }) as typeof stdin.emit;
  const stdout = process.stdout;
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean;
  stdout.write = ((...args: unknown[]): boolean => {
    times.writes.push([monotonicMs(), (args[0] as { length: number }).length]);
    return write(...args);
  }) as typeof stdout.write;
  process.on('exit', () => writeFileSync(`${base}.${process.pid}.json`, JSON.stringify(times)));
}

const base = process.env['VIRT_TUNE_STDIO_TIMES'];
if (base) record(base);
