import { parentPort, workerData } from 'node:worker_threads';
import { validateHost } from './commonOptions';
import { guestsForFiles } from './guestsOption';
import { grubDropInsForFiles } from './grubDropIns';
import { lintTextFully } from './lintSource';
import type { FromWorker, LintSetup, ToWorker } from './lintPool';
import { useSchemaOption } from './schemaOption';
import { UsageError } from './usage';
import type { ServiceOptions } from '../services';

/**
 * A lint worker's entry point (dist/lint-worker.js; out/server/src/cli/lintWorker.js in tests): set up
 * from the command line's --schema, --host and --guests as the main thread would be, then it lints the batches of
 * files it is sent and answers their findings.
 */
const port = parentPort;
if (port) {
  const send = (message: FromWorker) => port.postMessage(message);
  const setup = workerData as LintSetup;
  const ready = setUp(setup);
  // No libvirt here: a run that asks libvirt lints in the main thread (lintCommand.ts).
  const guestsFor = guestsForFiles(setup.guests, undefined);
  const dropInsFor = grubDropInsForFiles();
  port.on('message', (message: ToWorker) => {
    void ready.then(async (options) => {
      if (options === undefined) return;
      const results = [];
      for (const job of message.jobs) {
        const dropIns = dropInsFor(job.kind, job.path);
        const grubDropIns = dropIns && (await dropIns);
        const findings = await lintTextFully(job.path, job.kind, job.text, 1, { ...options, ...(await guestsFor(job.kind, job.path)), ...(grubDropIns ? { grubDropIns } : {}) });
        results.push({ index: job.index, findings });
      }
      send({ type: 'done', results });
    });
  });
  void ready.then((options) => send(options === undefined ? { type: 'failed', message: failure } : { type: 'ready' }));
}

let failure = '';

async function setUp(setup: LintSetup): Promise<ServiceOptions | undefined> {
  try {
    const options = await validateHost(setup.host);
    const problem = await useSchemaOption(setup.schema);
    if (problem === undefined) return options;
    failure = problem;
  } catch (error) {
    failure = error instanceof UsageError ? error.message : `virt-tune: a lint worker could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}
