import assert from 'node:assert/strict';
import { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { attachLibvirt } from '../../server/src/libvirt/lspLibvirt';
import { runProgram, type ProgramCall } from '../../server/src/libvirt/program';
import { programsInWorker } from '../../server/src/libvirt/programsInWorker';

/** Counts the programs this thread starts (ChildProcess#spawn, where execFile forks and waits for the exec). */
function countStartsHere(t: { after(fn: () => void): void }): () => number {
  const prototype = ChildProcess.prototype as unknown as { spawn: (this: ChildProcess, ...args: unknown[]) => unknown };
  const original = prototype.spawn;
  let starts = 0;
  prototype.spawn = function (this: ChildProcess, ...args: unknown[]) {
    starts++;
    return original.apply(this, args);
  };
  t.after(() => {
    prototype.spawn = original;
  });
  return () => starts;
}

/** The worker threads this process starts from now on. */
function workersStarted(t: { after(fn: () => void): void }): Worker[] {
  const workers: Worker[] = [];
  const started = (worker: Worker) => workers.push(worker);
  process.on('worker', started);
  t.after(() => process.off('worker', started));
  return workers;
}

function call(file: string, args: string[], timeoutMs = 10_000, maxBuffer = 1024 * 1024): ProgramCall {
  return { file, args, timeoutMs, maxBuffer, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C' } };
}

test('a program started from the worker gives what it gives started from this thread: output, status, a missing program, a timeout, too much output', async () => {
  const calls = [
    call('sh', ['-c', 'echo out; echo err >&2']),
    call('sh', ['-c', 'echo "error: refused" >&2; exit 3']),
    call('sh', ['-c', 'echo "LC_ALL=$LC_ALL"']),
    call('/nonexistent/virsh', ['version']),
    call('sh', ['-c', 'exec sleep 30'], 200),
    call('sh', ['-c', 'head -c 5000 /dev/zero'], 10_000, 100),
  ];
  const run = programsInWorker();
  const inWorker = await Promise.all(calls.map((one) => run(one)));
  const here = await Promise.all(calls.map((one) => runProgram(one)));
  assert.deepEqual(inWorker, here);
  assert.equal(here[0]?.stdout, 'out\n');
  assert.equal(here[1]?.error?.code, 3);
  assert.equal(here[2]?.stdout, 'LC_ALL=C\n');
  assert.equal(here[3]?.error?.code, 'ENOENT');
  assert.equal(here[4]?.error?.killed, true);
  assert.equal(here[5]?.error?.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
});

test('programsInWorker starts no program from this thread', async (t) => {
  const startsHere = countStartsHere(t);
  const result = await programsInWorker()(call('sh', ['-c', 'echo worker']));
  assert.equal(result.stdout, 'worker\n');
  assert.equal(startsHere(), 0, 'the program was started from the calling thread');
  await runProgram(call('sh', ['-c', 'echo here']));
  assert.equal(startsHere(), 1);
});

test('the worker is stopped once idle, and a later call starts another', async (t) => {
  const workers = workersStarted(t);
  const run = programsInWorker({ idleMs: 100 });
  await run(call('true', []));
  await run(call('true', []));
  assert.equal(workers.length, 1, 'calls in a row share one worker');
  const exited = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 3000);
    workers[0]?.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  assert.ok(exited, 'the idle worker was kept');
  assert.equal((await run(call('sh', ['-c', 'echo again']))).stdout, 'again\n');
  assert.equal(workers.length, 2);
});

test("the language server's libvirt starts virsh from a worker thread", async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'vt-worker-virsh-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const virsh = join(folder, 'virsh');
  await writeFile(virsh, "#!/bin/sh\nprintf 'Compiled against library: libvirt 9.0.0\\nUsing library: libvirt 9.0.0\\nRunning hypervisor: QEMU 7.2.0\\n'\n");
  await chmod(virsh, 0o755);
  const startsHere = countStartsHere(t);
  const access = attachLibvirt((line) => assert.fail(line), { virsh });
  access.configure({ libvirt: 'qemu:///system', libvirtUser: 'qemu:///system' }, true);
  await access.settled();
  assert.deepEqual(access.current()?.version, { libvirt: '9.0.0', hypervisor: { name: 'QEMU', version: '7.2.0' } });
  assert.equal(startsHere(), 0, 'virsh was started from the calling thread');
});
