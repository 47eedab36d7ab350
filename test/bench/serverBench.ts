import { TextDocument } from 'vscode-languageserver-textdocument';
import { availableParallelism } from 'node:os';
import { serverEnvironment, nodeArgumentsForCores } from '../../server/src/protocol';
import { Random } from '../fuzz/random';
import { bigDomain } from './bigDomain';
import { delay, ServerUnderTest, type Publication } from './lspClient';
import { median } from './stats';

export interface ServerFigures {
  lines: number;
  edits: number;
  completionMs: number[];
  hoverMs: number[];
  /** didChange to the first publishDiagnostics of that version (the rules, published at once). */
  firstPublishMs: number[];
  /** didChange to the publication with libvirt's schema verdict merged in (after the typing pause). */
  finalPublishMs: number[];
  /** Spawn to the answer to `initialize`. */
  coldStartMs: number;
  /** Spawn to the first publishDiagnostics of the 2,000-line domain opened right after initialize. */
  coldFirstDiagnosticsMs: number;
  openDocuments: number;
  /** The server's RSS 2 s after every opened document's schema verdict was published. */
  residentBytes: number | undefined;
  /** The server's RSS 2 s after the last open, verdicts arrived or not (how the bench read it before). */
  residentBytesAfterOpens: number | undefined;
}

/** One timed sample of the typing, on the bench's clock (performance.now()): for tailDecompose.ts. */
export interface TimedSample {
  kind: 'completion' | 'hover' | 'first publish';
  /** The document version it was taken at. */
  version: number;
  sentAt: number;
  doneAt: number;
}

const WAIT_MS = 30_000;

/** How VS Code's extension starts the server on this machine (client/src/extension.ts). */
export interface EditorLaunch {
  /** The server's environment, made from the bench's own. */
  environment: NodeJS.ProcessEnv;
  /** node's own options (V8's helper threads fitted to the CPUs). */
  nodeArguments: string[];
}

export function editorLaunch(): EditorLaunch {
  return { environment: serverEnvironment(process.env), nodeArguments: nodeArgumentsForCores(availableParallelism()) };
}
const TYPED = 'abcxyz019 _-';

/**
 * The language server as an editor drives it, over stdio: a generated domain of `lines` lines is typed
 * into at random places (`edits` keystrokes, paced like a fast typist), with a completion and a hover
 * at random places after each; every fifth keystroke lands inside a comment or a file path and is followed by a pause, so
 * the schema verdict comes and is timed. Then `openDocuments` documents are opened and the server's
 * memory read 2 s after every one of their verdicts has been published. `environment`: the server's
 * environment (the bench's own when not given; `editorLaunch` gives the one VS Code starts it with).
 */
export async function benchServer(
  serverPath: string,
  schemaPath: string,
  options: { lines: number; edits: number; openDocuments: number; seed: number; environment?: NodeJS.ProcessEnv; nodeArguments?: readonly string[]; timeline?: TimedSample[] },
): Promise<ServerFigures> {
  const random = new Random(options.seed);
  const base = bigDomain(options.lines, { schemaOnlyDefect: true });
  const coldStarts: number[] = [];
  const coldDiagnostics: number[] = [];
  for (let run = 0; run < 3; run++) {
    const cold = await coldStart(serverPath, base, options.environment, options.nodeArguments);
    coldStarts.push(cold.initializedMs);
    coldDiagnostics.push(cold.firstDiagnosticsMs);
  }

  const server = new ServerUnderTest(serverPath, options.environment, options.nodeArguments);
  try {
    // As VS Code starts it: this machine as the host, and libvirt's schema judging domains.
    await server.initialize({ schema: schemaPath, host: 'live' });
    const uri = 'file:///bench/big.xml';
    // The schema's verdict is the publication with the schema-only defect's VT108; a second publication
    // of version 1 alone is not enough: with a live host, the host model's arrival republishes it first.
    const verdict = server.nextPublication(uri, (publication) => publication.version === 1 && publication.codes.includes('VT108'), WAIT_MS);
    await server.open(uri, base);
    if (!(await verdict)) throw new Error(`the schema verdict on the generated domain never came: ${server.stderr}`);

    const figures: ServerFigures = {
      lines: options.lines,
      edits: options.edits,
      completionMs: [],
      hoverMs: [],
      firstPublishMs: [],
      finalPublishMs: [],
      coldStartMs: median(coldStarts),
      coldFirstDiagnosticsMs: median(coldDiagnostics),
      openDocuments: options.openDocuments,
      residentBytes: undefined,
      residentBytesAfterOpens: undefined,
    };
    const valueSpots = insideValues(base);
    for (let edit = 1; edit <= options.edits; edit++) {
      const version = edit + 1;
      const waitForVerdict = edit % 5 === 0;
      const at = waitForVerdict ? random.pick(valueSpots) : random.below(base.length + 1);
      const text = base.slice(0, at) + TYPED[random.below(TYPED.length)] + base.slice(at);
      const first = server.nextPublication(uri, (publication) => publication.version === version, WAIT_MS);
      // The verdict merged in is the publication of this version with the schema-only defect's VT108, as
      // for the opening wait: any second publication of the version could be a republication (the host
      // model or libvirt's facts arriving) that came before the verdict.
      const final = waitForVerdict ? server.nextPublication(uri, (publication) => publication.version === version && publication.codes.includes('VT108'), WAIT_MS) : undefined;
      const change = server.changeTo(uri, text);
      const sent = performance.now();
      await server.change(uri, version, change);
      const firstPublication = await first;
      if (!firstPublication) throw new Error(`no diagnostics for version ${version}: ${server.stderr}`);
      figures.firstPublishMs.push(firstPublication.at - sent);
      options.timeline?.push({ kind: 'first publish', version, sentAt: sent, doneAt: firstPublication.at });
      if (final) {
        const finalPublication = await final;
        if (!finalPublication) throw new Error(`no schema verdict for version ${version}: ${server.stderr}`);
        figures.finalPublishMs.push(finalPublication.at - sent);
      }

      // Both places worked out before the clock starts: the first positionAt of a new text finds its line
      // starts (a pass over the 2,000 lines), the bench's work and not the server's.
      const document = TextDocument.create(uri, 'xml', version, text);
      const where = () => ({ textDocument: { uri }, position: document.positionAt(random.below(text.length + 1)) });
      const completionAt = where();
      const hoverAt = where();
      let started = performance.now();
      await server.connection.sendRequest('textDocument/completion', completionAt);
      let done = performance.now();
      figures.completionMs.push(done - started);
      options.timeline?.push({ kind: 'completion', version, sentAt: started, doneAt: done });
      started = performance.now();
      await server.connection.sendRequest('textDocument/hover', hoverAt);
      done = performance.now();
      figures.hoverMs.push(done - started);
      options.timeline?.push({ kind: 'hover', version, sentAt: started, doneAt: done });
      if (!waitForVerdict) await delay(random.between(30, 150));
    }

    const verdicts: Promise<Publication | undefined>[] = [];
    for (let index = 1; index < options.openDocuments; index++) {
      const other = `file:///bench/open-${index}.xml`;
      const published = server.nextPublication(other, () => true, WAIT_MS);
      // Each has the schema-only defect, so its verdict is a second publication of version 1.
      verdicts.push(server.nextPublication(other, (publication) => publication.version === 1 && server.publications.some((p) => p.uri === other && p !== publication), WAIT_MS));
      await server.open(other, base.replace('<name>bench-guest</name>', `<name>bench-guest-${index}</name>`));
      if (!(await published)) throw new Error(`no diagnostics for ${other}`);
    }
    // Let the schema verdicts of the opened documents come, as they would while the user reads.
    await delay(2000);
    figures.residentBytesAfterOpens = server.residentBytes();
    // The same allowance counted from the last verdict published: on a loaded machine the verdicts may
    // still be arriving 2 s after the last open, and the reading above then catches the server mid-work.
    let lastVerdict = 0;
    for (const verdict of await Promise.all(verdicts)) {
      if (!verdict) throw new Error(`a schema verdict of an opened document never came: ${server.stderr}`);
      lastVerdict = Math.max(lastVerdict, verdict.at);
    }
    const rest = lastVerdict + 2000 - performance.now();
    if (rest > 0) await delay(rest);
    figures.residentBytes = server.residentBytes();
    return figures;
  } finally {
    await server.stop();
  }
}

/** One cold start of the server, timed from its spawn. */
export interface ColdStart {
  /** Spawn to the answer to `initialize`. */
  initializedMs: number;
  /** Spawn to the first publishDiagnostics of `text`, opened right after initialize. */
  firstDiagnosticsMs: number;
  /**
   * The server's CPU time by then, its main thread's and all its threads' (Linux: /proc; undefined
   * elsewhere): on a machine others share, a steadier reading of the server's own work than the wall times.
   */
  cpuMs?: { mainThread: number; allThreads: number };
}

/** Starts the server (a script or a command, as ServerUnderTest takes it), opens `text` as a domain at once and stops it after its first diagnostics. */
export async function coldStart(serverPath: string, text: string, environment?: NodeJS.ProcessEnv, nodeArguments?: readonly string[]): Promise<ColdStart> {
  const server = new ServerUnderTest(serverPath, environment, nodeArguments);
  try {
    await server.initialize({ schema: 'builtin', host: 'none' });
    const initializedMs = performance.now() - server.spawnedAt;
    const uri = 'file:///bench/cold.xml';
    const published = server.nextPublication(uri, () => true, WAIT_MS);
    await server.open(uri, text);
    if (!(await published)) throw new Error(`no diagnostics from a cold server: ${server.stderr}`);
    const firstDiagnosticsMs = performance.now() - server.spawnedAt;
    const cpuMs = server.cpuMs();
    return { initializedMs, firstDiagnosticsMs, ...(cpuMs ? { cpuMs } : {}) };
  } finally {
    await server.stop();
  }
}

/**
 * Offsets inside comments and file paths (not at their edges), where a keystroke changes no verdict:
 * the document stays well-formed and valid but for the one <disk> without <target>, whose finding the
 * schema verdict then adds. (A keystroke that makes some other value invalid may hide that finding:
 * libxml2 reports the first failure of an element's content.)
 */
export function insideValues(text: string): number[] {
  const spots: number[] = [];
  for (const match of text.matchAll(/<!-- ([^<>]{4,}) -->|(?:file|dev)='(\/[^'<>]{4,})'/g)) {
    const value = match[1] ?? match[2]!;
    const start = match.index + match[0].indexOf(value);
    spots.push(start + 1 + ((match.index * 7) % (value.length - 1)));
  }
  return spots;
}
