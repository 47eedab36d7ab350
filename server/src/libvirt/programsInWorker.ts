import { Worker } from 'node:worker_threads';
import { workerScript } from '../core/workerScript';
import { workerStarted } from '../core/youngGeneration';
import { runProgram, type ProgramCall, type ProgramRun, type RunProgram } from './program';

export interface ProgramRequest {
  id: number;
  call: ProgramCall;
}

export interface ProgramReply {
  id: number;
  run: ProgramRun;
}

/** Where scripts/build.mjs puts the worker's bundle, next to dist/server.js. */
const BUNDLED_WORKER = 'program-worker.js';
/**
 * A worker with no call for this long is stopped: it added 7-15 MB to the language server's resident memory,
 * and the server's calls come in bursts (at its start; libvirt's guests read again at most every 10 s).
 */
const IDLE_MS = 30_000;

/**
 * A RunProgram that starts each program from a worker thread, with the results runProgram gives.
 * Starting a program holds the starting thread until the program has exec'd (node forks the process and
 * waits); from a worker that wait is the worker's, and the thread answering the editor goes on (in a
 * 190 MB process starting virsh 10 times a second, timers standing in for messages ran late by 7-10 ms at
 * the 99th percentile with the starts on the main thread, 2.5-5.6 ms with them in a worker, 1.1-3.6 ms
 * with none). The worker is started at a call, keeps the process alive only while a call is under way,
 * and is stopped once idle. Should it fail, the calls under way fail and later ones run from this thread.
 */
export function programsInWorker(options: { idleMs?: number } = {}): RunProgram {
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: Worker | undefined;
  let failed = false;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;
  const pending = new Map<number, (run: ProgramRun) => void>();

  const fail = (message: string): void => {
    failed = true;
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve({ stdout: '', stderr: '', error: { code: 'ERR_WORKER', killed: false, signal: null, message } });
  };

  const stopWhenIdle = (idleWorker: Worker): void => {
    idleWorker.unref();
    idle = setTimeout(() => {
      if (worker !== idleWorker || pending.size > 0) return;
      worker = undefined;
      void idleWorker.terminate();
    }, idleMs);
    idle.unref();
  };

  const start = (): Worker => {
    // stdout: true, so nothing it prints reaches this process's stdout, where the language server speaks LSP;
    // it prints nothing, and reading the stream would keep the process alive.
    const started = new Worker(workerScript(__dirname, BUNDLED_WORKER, 'programWorker.js'), { stdout: true, resourceLimits: { maxYoungGenerationSizeMb: 1 } });
    workerStarted();
    started.on('message', (reply: ProgramReply) => {
      const resolve = pending.get(reply.id);
      if (!resolve) return;
      pending.delete(reply.id);
      if (pending.size === 0) stopWhenIdle(started);
      resolve(reply.run);
    });
    started.on('error', (error) => {
      if (worker === started) fail(`the thread that starts it failed: ${error.message}`);
    });
    started.on('exit', (code) => {
      if (worker === started) fail(`the thread that starts it stopped (code ${code})`);
    });
    return started;
  };

  return (call) => {
    if (failed) return runProgram(call);
    clearTimeout(idle);
    const current = (worker ??= start());
    current.ref();
    const id = nextId++;
    return new Promise<ProgramRun>((resolve) => {
      pending.set(id, resolve);
      const request: ProgramRequest = { id, call };
      current.postMessage(request);
    });
  };
}
