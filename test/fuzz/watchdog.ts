import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FuzzCase } from './check';

/** What the watchdog's thread is told when a case starts (watchdogThread.ts). */
export interface Armed {
  fuzzCase: FuzzCase;
  /** Where the case was found (seed, case number, origin, mutations), for the regression file. */
  found: string;
  withHost: boolean;
  /** This process's CPU time (every thread) the case may take before it is taken for a hang. */
  cpuLimitMs: number;
  /** Wall time it may take: an await that never ends uses no CPU. */
  wallLimitMs: number;
  /** Where the case is saved when it is stopped; not saved when undefined. */
  saveTo?: string;
}

export type WatchdogMessage = ({ kind: 'arm' } & Armed) | { kind: 'disarm' };

/**
 * A hang cannot be timed from inside: a call that never returns keeps this thread from ever reading the
 * clock again. The watchdog is a thread of its own that is told each case as it starts; when a case runs
 * past its limits, it saves the case as a regression file, says so on stdout and ends the process (exit
 * by SIGTERM): the rest of the run would wait behind the hang anyway.
 */
export class Watchdog {
  private readonly thread = new Worker(join(__dirname, 'watchdogThread.js'));

  constructor() {
    // The thread must not keep the process alive once the run is over.
    this.thread.unref();
  }

  arm(armed: Armed): void {
    this.thread.postMessage({ kind: 'arm', ...armed } satisfies WatchdogMessage);
  }

  disarm(): void {
    this.thread.postMessage({ kind: 'disarm' } satisfies WatchdogMessage);
  }

  async close(): Promise<void> {
    await this.thread.terminate();
  }
}
