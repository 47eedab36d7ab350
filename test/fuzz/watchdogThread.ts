// The watchdog's thread (watchdog.ts): polls this process's CPU time and the wall clock while a case runs.
import { writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { Failure } from './check';
import { saveRegression } from './regressions';
import type { Armed, WatchdogMessage } from './watchdog';

const POLL_MS = 250;

let armed: (Armed & { cpuStart: number; wallStart: number }) | undefined;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

parentPort!.on('message', (message: WatchdogMessage) => {
  if (message.kind === 'disarm') armed = undefined;
  else armed = { ...message, cpuStart: cpuMs(), wallStart: performance.now() };
});

setInterval(() => {
  if (!armed) return;
  const cpu = cpuMs() - armed.cpuStart;
  const wall = performance.now() - armed.wallStart;
  if (cpu <= armed.cpuLimitMs && wall <= armed.wallLimitMs) return;
  const { fuzzCase } = armed;
  const failure: Failure = {
    property: 'case over its time limit',
    service: 'the whole case (stopped by the watchdog)',
    detail: `${Math.round(cpu)} ms of CPU and ${Math.round(wall)} ms since it started (limits ${Math.round(armed.cpuLimitMs)} and ${Math.round(armed.wallLimitMs)} ms)`,
  };
  let saved = '';
  if (armed.saveTo) {
    try {
      saved = ` -> ${saveRegression(armed.saveTo, fuzzCase, failure, armed.found, armed.withHost)} (as found: not minimised)`;
    } catch (error) {
      saved = ` (not saved: ${String(error)})`;
    }
  }
  // Written straight to the file descriptor: the main thread, which forwards a worker's stdout, is stuck.
  writeSync(1, `failure ${fuzzCase.kind}: ${failure.property} in ${failure.service}, ${armed.found}: ${failure.detail}${saved}\nthe run is stopped\n`);
  process.kill(process.pid, 'SIGTERM');
}, POLL_MS).unref();
