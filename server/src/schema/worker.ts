import { parentPort, workerData } from 'node:worker_threads';
import { idleCollector } from '../core/idleCollect';
import { SchemaLoadError } from './types';
import { loadJudgingValidator } from './engine';
import { keepCompiledSchemas } from './rng';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerProtocol';

/**
 * The schema worker's entry point (dist/schema-worker.js; out/server/src/schema/worker.js in tests):
 * the schema is compiled and documents judged here, so the language server's event loop never waits on it.
 */
const port = parentPort;
if (port) {
  keepCompiledSchemas((workerData as WorkerSetup | undefined)?.schemaCache);
  // Judging leaves this isolate's pages full of dead derivatives and trees: given back once verdicts pause.
  const answered = idleCollector();
  port.on('message', (request: WorkerRequest) => {
    void answer(request).then((reply) => {
      port.postMessage(reply);
      answered();
    });
  });
}

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const validator = await loadJudgingValidator(request.schemaPath, (line) => console.error(line));
    return { id: request.id, errors: request.text === undefined ? [] : validator.pinpoint(request.text) };
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { id: request.id, failure, loadError: error instanceof SchemaLoadError };
  }
}
