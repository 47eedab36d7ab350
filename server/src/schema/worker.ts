import { parentPort } from 'node:worker_threads';
import { SchemaLoadError } from './types';
import { loadSchema } from './validator';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/**
 * The schema worker's entry point (dist/schema-worker.js; out/server/src/schema/worker.js in tests):
 * libxml2 compiles and pinpoints here, so the language server's event loop never waits on it.
 */
const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    void answer(request).then((reply) => port.postMessage(reply));
  });
}

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const validator = await loadSchema(request.schemaPath);
    return { id: request.id, errors: request.text === undefined ? [] : validator.pinpoint(request.text) };
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { id: request.id, failure, loadError: error instanceof SchemaLoadError };
  }
}
