import { parentPort } from 'node:worker_threads';
import { runProgram } from './program';
import type { ProgramRequest, ProgramReply } from './programsInWorker';

/**
 * The entry point of the thread that starts the language server's programs (dist/program-worker.js;
 * out/server/src/libvirt/programWorker.js in tests): see programsInWorker.
 */
const port = parentPort;
if (port) {
  port.on('message', (request: ProgramRequest) => {
    void runProgram(request.call).then((run) => {
      const reply: ProgramReply = { id: request.id, run };
      port.postMessage(reply);
    });
  });
}
