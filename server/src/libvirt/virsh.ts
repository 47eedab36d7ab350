import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { programEnvironment } from '../protocol';
import { runProgram, type RunProgram } from './program';
import { isConnectionFailure, parseDomInfo, parseFreePages, parseUuidNameList, parseVersion, virshMessage } from './parse';
import type { DefineOptions, DomainCapabilitiesKey, DomainSummary, LibvirtConnection, LibvirtResult } from './types';

export interface VirshOptions {
  /** The virsh program; `virsh` from PATH by default. */
  virsh?: string;
  /** Every call is stopped after this long (default 10 s). */
  timeoutMs?: number;
  /**
   * When a call may start its virsh: at once by default. The server starts each in a turn no message of the
   * editor's is waiting on.
   */
  startWhen?: (start: () => void) => void;
  /**
   * What runs virsh: runProgram, from this thread, by default. Starting a program holds the starting thread
   * until the program has started (node forks the whole process and waits for the exec: 13-37 ms for the
   * language server here), so the server has a worker thread start them (programsInWorker).
   */
  run?: RunProgram;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Capabilities of a big host and dumpxml of a big domain are some hundred KiB. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
/** dominfo calls at a time when listing domains. */
const LIST_CONCURRENCY = 4;

interface Run {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Set when virsh did not run or did not finish (missing program, timeout, killed). */
  failure?: string;
}

/**
 * A LibvirtConnection through the `virsh` program: every call is one `virsh -c URI ...` run with an
 * argument array (no shell), a timeout and the C locale. Domain XML goes through a temporary file
 * (mode 0600 in a fresh 0700 folder, removed afterwards), never on the command line.
 */
export class VirshConnection implements LibvirtConnection {
  private readonly virsh: string;
  private readonly timeoutMs: number;
  private readonly startWhen: (start: () => void) => void;
  private readonly runProgram: RunProgram;

  constructor(
    readonly uri: string,
    options: VirshOptions = {},
  ) {
    this.virsh = options.virsh ?? 'virsh';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.startWhen = options.startWhen ?? startNow;
    this.runProgram = options.run ?? runProgram;
  }

  async version() {
    const run = await this.run(['version']);
    if (!run.ok) return this.failed(run);
    const version = parseVersion(run.stdout);
    return version ? ok(version) : unavailable(`virsh version said nothing readable for ${this.uri}`);
  }

  async capabilities() {
    return this.text(['capabilities']);
  }

  async domainCapabilities(key: DomainCapabilitiesKey) {
    const args = ['domcapabilities'];
    if (key.emulator) args.push('--emulatorbin', key.emulator);
    if (key.arch) args.push('--arch', key.arch);
    if (key.machine) args.push('--machine', key.machine);
    if (key.virttype) args.push('--virttype', key.virttype);
    return this.text(args);
  }

  async freePages() {
    const run = await this.run(['freepages', '--all']);
    return run.ok ? ok(parseFreePages(run.stdout)) : this.failed(run);
  }

  async listDomains(): Promise<LibvirtResult<DomainSummary[]>> {
    const run = await this.run(['list', '--all', '--uuid', '--name']);
    if (!run.ok) return this.failed(run);
    const entries = parseUuidNameList(run.stdout);
    const summaries: DomainSummary[] = [];
    for (let start = 0; start < entries.length; start += LIST_CONCURRENCY) {
      const batch = entries.slice(start, start + LIST_CONCURRENCY);
      const infos = await Promise.all(batch.map((entry) => this.run(['dominfo', '--domain', entry.uuid])));
      infos.forEach((info, index) => {
        const entry = batch[index];
        // A domain undefined between the list and its dominfo is simply gone.
        if (entry && info.ok) summaries.push(parseDomInfo(info.stdout, entry));
      });
    }
    return ok(summaries);
  }

  async dumpXml(name: string) {
    return this.text(['dumpxml', '--inactive', '--domain', name]);
  }

  async define(xml: string, options: DefineOptions = {}) {
    return this.withXmlFile(xml, async (file) => {
      const run = await this.run(['define', '--file', file, ...(options.validate ? ['--validate'] : [])]);
      return run.ok ? ok(definedName(run.stdout)) : this.failed(run);
    });
  }

  async create(xml: string) {
    return this.withXmlFile(xml, async (file) => {
      const run = await this.run(['create', '--file', file]);
      return run.ok ? ok(definedName(run.stdout)) : this.failed(run);
    });
  }

  async undefine(name: string) {
    const run = await this.run(['undefine', '--domain', name, '--nvram']);
    return run.ok ? ok(undefined) : this.failed(run);
  }

  async destroy(name: string) {
    const run = await this.run(['destroy', '--domain', name]);
    return run.ok ? ok(undefined) : this.failed(run);
  }

  private async text(args: string[]): Promise<LibvirtResult<string>> {
    const run = await this.run(args);
    return run.ok ? ok(run.stdout) : this.failed(run);
  }

  private failed(run: Run): { ok: false; kind: 'refused' | 'unavailable'; message: string } {
    if (run.failure !== undefined) return unavailable(run.failure);
    const message = virshMessage(run.stderr);
    return isConnectionFailure(run.stderr) ? unavailable(`cannot reach libvirt at ${this.uri}: ${message}`) : { ok: false, kind: 'refused', message };
  }

  private async withXmlFile<T>(xml: string, use: (file: string) => Promise<LibvirtResult<T>>): Promise<LibvirtResult<T>> {
    let folder: string | undefined;
    try {
      folder = await mkdtemp(join(tmpdir(), 'virt-tune-'));
      const file = join(folder, 'domain.xml');
      await writeFile(file, xml, { mode: 0o600, flag: 'wx' });
      return await use(file);
    } catch (error) {
      return unavailable(`cannot hand the domain to virsh: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (folder !== undefined) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async run(args: string[]): Promise<Run> {
    await new Promise<void>((resolve) => this.startWhen(resolve));
    const call = { file: this.virsh, args: ['-c', this.uri, ...args], timeoutMs: this.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, env: { ...programEnvironment(process.env), LC_ALL: 'C' } };
    const { stdout, stderr, error } = await this.runProgram(call);
    if (!error) return { ok: true, stdout, stderr };
    const code = error.code;
    if (code === 'ENOENT') return { ok: false, stdout, stderr, failure: `cannot run ${this.virsh}: it is not installed or not on PATH` };
    if (error.killed || error.signal) return { ok: false, stdout, stderr, failure: `virsh -c ${this.uri} ${args[0] ?? ''} did not answer within ${this.timeoutMs / 1000} s` };
    if (typeof code === 'string') return { ok: false, stdout, stderr, failure: `cannot run ${this.virsh}: ${error.message}` };
    return { ok: false, stdout, stderr };
  }
}

function startNow(start: () => void): void {
  start();
}

function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

function unavailable(message: string): { ok: false; kind: 'unavailable'; message: string } {
  return { ok: false, kind: 'unavailable', message };
}

/** `Domain 'vm1' defined from FILE` / `Domain 'vm1' created from FILE`. */
function definedName(stdout: string): string {
  return /Domain '([^']*)'/.exec(stdout)?.[1] ?? /Domain (\S+)/.exec(stdout)?.[1] ?? '';
}
