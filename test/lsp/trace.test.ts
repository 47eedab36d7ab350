import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { threadCpuMs } from '../../server/src/lsp/trace';

const linux = existsSync('/proc/thread-self/schedstat');

/** A fixed amount of work, a tenth of a millisecond or more of CPU (a wall-clock spin could be preempted throughout). */
function work(): number {
  let sum = 0;
  for (let i = 0; i < 30_000; i++) sum = (sum + i * i) % 1_000_003;
  return sum;
}

test("a handler's thread CPU time is exact, not the kernel's figure of the last scheduler tick", { skip: linux ? false : 'no /proc/thread-self/schedstat' }, () => {
  // Read alone, the figure of a running thread stays where the last tick or switch left it: most such
  // pieces of work read 0 ms then, so ten in a row would not all pass.
  work();
  threadCpuMs();
  threadCpuMs();
  for (let round = 0; round < 10; round++) {
    const before = threadCpuMs()!;
    const wallStart = performance.now();
    work();
    const wall = performance.now() - wallStart;
    const spent = threadCpuMs()! - before;
    assert.ok(spent >= 0.05 && spent <= wall + 5, `round ${round}: ${spent} ms of CPU for ${wall} ms of wall time`);
  }
});

test('the trace writes each handler with its thread and process CPU time', { skip: linux ? false : 'no /proc' }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-trace-'));
  try {
    const file = join(folder, 'trace.json');
    const script = `
      const { threadCpuMs, traceFromEnvironment } = require(${JSON.stringify(join(__dirname, '../../server/src/lsp/trace.js'))});
      const trace = traceFromEnvironment(${JSON.stringify(file)});
      const busy = trace.time('busy', (n) => 'n=' + n, (n) => { const start = threadCpuMs(); while (threadCpuMs() - start < n); return n; });
      busy(3);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const entry = (JSON.parse(readFileSync(file, 'utf8')) as { name: string; detail: string; cpuMs?: number; processCpuMs?: number }[]).find((each) => each.name === 'busy')!;
    assert.equal(entry.detail, 'n=3');
    assert.ok(entry.cpuMs! >= 3, `thread CPU ${entry.cpuMs} ms`);
    // The process's time is every thread's, the handler's among them (each read to a microsecond or so).
    assert.ok(entry.processCpuMs! >= entry.cpuMs! - 0.1, `process CPU ${entry.processCpuMs} ms, thread ${entry.cpuMs} ms`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
