import { readFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

/** One piece of the server's work, or a garbage collection: when it started (ms since the epoch) and how long it took. */
export interface TraceEntry {
  at: number;
  name: string;
  detail: string;
  ms: number;
  /** The thread's CPU time in it (Linux: /proc/thread-self/schedstat), when it can be read: under load a handler's wall time is mostly waiting. */
  cpuMs?: number;
  /** The process's CPU time in it: every thread's (V8's compiler and collector helpers, the schema worker). */
  processCpuMs?: number;
}

/**
 * Where the server's time goes, for latency work: with VIRT_TUNE_TRACE=FILE the server times each
 * handler and notes every garbage collection, and writes them to FILE as JSON when it exits. Times are
 * on the wall clock (epoch ms, sub-millisecond), so a client's own timestamps can be laid beside them.
 * Without the variable nothing is recorded.
 */
export interface Trace {
  time<Args extends unknown[], Result>(name: string, detail: (first: Args[0]) => string, handler: (...args: Args) => Result): (...args: Args) => Result;
}

const UNTRACED: Trace = { time: (_name, _detail, handler) => handler };

export function traceFromEnvironment(file = process.env['VIRT_TUNE_TRACE']): Trace {
  if (!file) return UNTRACED;
  const entries: TraceEntry[] = [];
  const origin = performance.timeOrigin;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) entries.push({ at: origin + entry.startTime, name: 'gc', detail: String((entry as { detail?: { kind?: number } }).detail?.kind ?? ''), ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    entries.push({ at: Date.now(), name: 'memory', detail: JSON.stringify(process.memoryUsage()), ms: 0 });
    writeFileSync(file, JSON.stringify(entries));
  });
  return {
    time: (name, detail, handler) =>
      (...args) => {
        const processStart = process.cpuUsage();
        const cpuStart = threadCpuMs();
        const start = performance.now();
        try {
          return handler(...args);
        } finally {
          const ms = performance.now() - start;
          const cpuEnd = threadCpuMs();
          const processCpu = process.cpuUsage(processStart);
          entries.push({ at: origin + start, name, detail: detail(args[0]), ms, processCpuMs: (processCpu.user + processCpu.system) / 1000, ...(cpuStart !== undefined && cpuEnd !== undefined ? { cpuMs: cpuEnd - cpuStart } : {}) });
        }
      },
  };
}

/**
 * The calling thread's CPU time so far in ms, from the kernel's scheduler statistics; undefined where there
 * are none. The kernel brings a running thread's figure up to date only at a scheduler event or tick (a
 * read alone showed 0 ms for most 0.5 ms handlers), or when the process's CPU time is asked for, as
 * process.cpuUsage does first.
 */
export function threadCpuMs(): number | undefined {
  process.cpuUsage();
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ', 1)[0]) / 1e6;
  } catch {
    return undefined;
  }
}
