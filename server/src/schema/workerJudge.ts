import { Worker } from 'node:worker_threads';
import { workerScript } from '../core/workerScript';
import { workerStarted } from '../core/youngGeneration';
import type { SchemaJudge } from './judge';
import { SchemaLoadError, type SchemaError, type SchemaSource } from './types';
import { compiledSchemasFolder } from './rng';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerProtocol';

/** Where scripts/build.mjs puts the worker's bundle, next to dist/server.js. */
const BUNDLED_WORKER = 'schema-worker.js';
/** A worker that dies this many times is not started again: the judge then rejects every request. */
const MAX_STARTS = 3;

interface Pending {
  resolve(errors: SchemaError[]): void;
  reject(error: Error): void;
}

/**
 * A judge whose libxml2 runs in a worker thread, so that compiling and pinpointing (tens to hundreds of
 * milliseconds on a large domain) never block the caller's event loop. Resolves once the worker has
 * compiled the schema; rejects with a SchemaLoadError when it cannot. `log` receives what the worker
 * writes (libxml2 prints some of its own complaints) and what goes wrong with it.
 */
export async function workerJudge(source: SchemaSource, log: (line: string) => void = () => {}): Promise<SchemaJudge> {
  const judge = new WorkerJudge(source, log);
  try {
    await judge.request(undefined);
  } catch (error) {
    judge.close();
    throw error;
  }
  return judge;
}

class WorkerJudge implements SchemaJudge {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private starts = 0;
  private closed = false;

  constructor(
    readonly source: SchemaSource,
    private readonly log: (line: string) => void,
  ) {}

  errors(text: string): Promise<SchemaError[]> {
    return this.request(text);
  }

  close(): void {
    this.closed = true;
    this.failAll(new Error('virt-tune: the schema worker was stopped'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  request(text: string | undefined): Promise<SchemaError[]> {
    if (this.closed) return Promise.reject(new Error('virt-tune: the schema worker was stopped'));
    const worker = this.worker ?? this.start();
    if (!worker) return Promise.reject(new Error(`virt-tune: the schema worker stopped ${MAX_STARTS} times; libvirt's schema is not consulted`));
    const id = this.nextId++;
    return new Promise<SchemaError[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: WorkerRequest = { id, schemaPath: this.source.path, ...(text !== undefined ? { text } : {}) };
      worker.postMessage(request);
    });
  }

  private start(): Worker | undefined {
    if (this.starts >= MAX_STARTS) return undefined;
    this.starts++;
    // libxml2 keeps its data in WebAssembly memory; the worker's own JavaScript garbage is small and short-lived.
    // The worker reads and keeps compiled schemas where this thread does: it would compile the schema again otherwise.
    const setup: WorkerSetup = { schemaCache: compiledSchemasFolder() };
    const worker = new Worker(workerScript(__dirname, BUNDLED_WORKER, 'worker.js'), { workerData: setup, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    workerStarted();
    // Whatever libxml2 prints must not reach this process's stdout: the language server may speak LSP on it.
    for (const stream of [worker.stdout, worker.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) if (line.trim() !== '') this.log(`libxml2: ${line.trim()}`);
      });
    }
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => {
      this.log(`virt-tune: the schema worker failed: ${error.message}`);
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (!this.closed) this.failAll(new Error(`virt-tune: the schema worker exited (code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if ('errors' in reply) pending.resolve(reply.errors);
    else pending.reject(reply.loadError ? new SchemaLoadError(this.source.path, reply.failure) : new Error(reply.failure));
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const pending of waiting) pending.reject(error);
  }
}
