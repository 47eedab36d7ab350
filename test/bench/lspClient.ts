import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  TextDocumentSyncKind,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type MessageConnection,
  type TextDocumentContentChangeEvent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

/** A publishDiagnostics as it arrived, with when. */
export interface Publication {
  uri: string;
  version: number | undefined;
  count: number;
  /** The findings' codes, in order. */
  codes: string[];
  at: number;
}

/**
 * The real language server in a child process, spoken to as an editor would: the benchmark's view of it.
 * Publications are kept per uri so a wait can ask for a given version. `serverPath` is a script that node
 * runs (dist/server.js: `node dist/server.js --stdio`) or, when it does not end in .js, a command run as
 * an editor configured with it would (dist/virt-tune-ls: `dist/virt-tune-ls --stdio`).
 */
export class ServerUnderTest {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly spawnedAt = performance.now();
  private readonly waiters: { test: (publication: Publication) => boolean; resolve: (publication: Publication) => void }[] = [];
  readonly publications: Publication[] = [];
  stderr = '';
  /** Whether the server asked for incremental sync (then changes are sent as edits, as an editor does). */
  private incremental = false;
  /** What the server was last sent of each document. */
  private readonly texts = new Map<string, string>();

  /** `environment`: the server's own (the bench's when not given); `nodeArguments`: node's own options, for a script only (a command picks its own). */
  constructor(serverPath: string, environment?: NodeJS.ProcessEnv, nodeArguments: readonly string[] = []) {
    if (!serverPath.endsWith('.js') && nodeArguments.length > 0) throw new Error(`node options for ${serverPath}: a command starts node itself`);
    const [command, args] = serverPath.endsWith('.js') ? [process.execPath, [...nodeArguments, serverPath, '--stdio']] : [serverPath, ['--stdio']];
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...(environment ? { env: environment } : {}) });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const publication = { uri: params.uri, version: params.version, count: params.diagnostics.length, codes: params.diagnostics.map((diagnostic) => String(diagnostic.code ?? '')), at: performance.now() };
      this.publications.push(publication);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i]!;
        if (waiter.test(publication)) {
          this.waiters.splice(i, 1);
          waiter.resolve(publication);
        }
      }
    });
    this.connection.listen();
  }

  /** Initializes with the given `virtTune` settings (as VS Code passes them) and says initialized. */
  async initialize(settings: Record<string, unknown>): Promise<void> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: settings });
    const sync = result.capabilities.textDocumentSync;
    this.incremental = (typeof sync === 'object' ? sync.change : sync) === TextDocumentSyncKind.Incremental;
    await this.connection.sendNotification('initialized', {});
  }

  /** The next publication for a uri that satisfies `test`, among those not yet arrived; undefined after `timeoutMs`. */
  nextPublication(uri: string, test: (publication: Publication) => boolean, timeoutMs: number): Promise<Publication | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        resolve(undefined);
      }, timeoutMs);
      const waiter = {
        test: (publication: Publication) => publication.uri === uri && test(publication),
        resolve: (publication: Publication) => {
          clearTimeout(timer);
          resolve(publication);
        },
      };
      this.waiters.push(waiter);
    });
  }

  open(uri: string, text: string): Promise<void> {
    this.texts.set(uri, text);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
  }

  /**
   * What an editor sends to make the open document read `text`: the whole text when the server asked for
   * full sync, else the one stretch that differs from what was sent before (VS Code sends the edits made).
   */
  changeTo(uri: string, text: string): TextDocumentContentChangeEvent {
    const before = this.texts.get(uri);
    this.texts.set(uri, text);
    if (!this.incremental || before === undefined) return { text };
    let start = 0;
    const shorter = Math.min(before.length, text.length);
    while (start < shorter && before.charCodeAt(start) === text.charCodeAt(start)) start++;
    let end = 0;
    while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
    const old = TextDocument.create(uri, 'xml', 0, before);
    return { range: { start: old.positionAt(start), end: old.positionAt(before.length - end) }, text: text.slice(start, text.length - end) };
  }

  /** A didChange made by changeTo (worked out beforehand, so a timing can start right before it is sent). */
  change(uri: string, version: number, change: TextDocumentContentChangeEvent): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  }

  /** The server process's resident memory in bytes (Linux: /proc), undefined elsewhere. */
  residentBytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return kib === undefined ? undefined : Number(kib) * 1024;
    } catch {
      return undefined;
    }
  }

  /**
   * The CPU time the server's process has had so far, its main thread's and all its threads' (the
   * scheduler's run time of each thread, /proc/PID/task/TID/schedstat), in ms; undefined without /proc.
   * A thread's figure is exact while it waits (it is brought up to date when the thread is switched out).
   */
  cpuMs(): { mainThread: number; allThreads: number } | undefined {
    const pid = this.child.pid;
    if (pid === undefined) return undefined;
    try {
      let mainThread = 0;
      let allThreads = 0;
      for (const thread of readdirSync(`/proc/${pid}/task`)) {
        const nanoseconds = Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
        allThreads += nanoseconds / 1e6;
        if (Number(thread) === pid) mainThread = nanoseconds / 1e6;
      }
      return { mainThread, allThreads };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server is gone already: nothing to stop.
    }
    await Promise.race([exited, delay(2000)]);
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
