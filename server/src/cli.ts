import { main } from './cli/main';
import { descriptorWriter, everythingWritten } from './cli/stdio';

// What a worker thread prints reaches this thread's stderr through a message port, later than its results.
let workerStarted = false;
process.once('worker', () => (workerStarted = true));

main(process.argv.slice(2), {
  stdout: descriptorWriter(1),
  stderr: descriptorWriter(2),
}).then(
  (status) => {
    // The command is done and its output written: exiting now skips node's teardown of the heap, a few
    // milliseconds of every run. Output a stream or a worker may still hold is waited for instead.
    if (everythingWritten() && !workerStarted) process.exit(status);
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error('virt-tune: internal error:', error);
    process.exitCode = 2;
  },
);
