import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { ROOT } from '../cli/cliHarness';

export const SERVER = join(ROOT, 'dist', 'server.js');

export interface StdioServer {
  child: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `dist/server.js --stdio` as an editor would, stopped (connection disposed, process killed) when
 * the test ends. The caller registers its handlers, then calls `connection.listen()`.
 */
export function startStdioServer(t: { after(fn: () => void): void }, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): StdioServer {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd, env: options.env ?? process.env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  t.after(() => {
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      // A server that does not die on SIGTERM must neither outlive the test nor keep its process alive.
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 2000).unref();
    }
    child.stdin.destroy();
    child.stdout.destroy();
    child.stderr.destroy();
    child.unref();
  });
  return { child, connection, stderr: () => stderr, exited };
}

/** Fails a step that does not finish in time, so a hung server fails the test instead of hanging CI. */
export function within<T>(what: string, promise: Promise<T>, timeoutMs = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls until `done()` holds, failing after `timeoutMs` with what was seen (`seen()`), e.g. the diagnostics published so far. */
export async function until(what: string, done: () => boolean, seen: () => unknown, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(seen())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
