import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { chooseSchema, serviceFor } from '../../server/src/services';
import { parseXml } from '../../server/src/xml/parser';
import { median } from './stats';

/** The files libvirt's schema accepts, relative to the corpus folder. */
export function acceptedFiles(corpusDir: string): string[] {
  return readFileSync(join(corpusDir, 'accepted.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export interface ProcessRun {
  seconds: number;
  filesPerSecond: number;
}

export interface RuleCount {
  rule: string;
  severity: string;
  findings: number;
  files: number;
}

type ExitCheck = (status: number | null, stdout: string, stderr: string) => void;

/** One command to time: what to run, where, over how many files, and how to tell a failed run. */
export interface TimedCommand {
  command: string;
  args: readonly string[];
  cwd: string;
  files: number;
  check: ExitCheck;
}

/** Runs one command over the corpus `repeats` times and keeps the median wall time (the process's start included). */
function timeProcess(command: string, args: readonly string[], cwd: string, files: number, repeats: number, check: ExitCheck): { run: ProcessRun; stdout: string } {
  return timeInTurn([{ command, args, cwd, files, check }], repeats)[0]!;
}

/**
 * Runs the commands in turn, `repeats` rounds of each once, and keeps each one's median wall time
 * (its process's start included) and last output. In turn, not one command's runs after another's: the
 * machine's load changes over a bench, and a ratio of two commands timed a minute apart measured that
 * change as much as the commands.
 */
export function timeInTurn(commands: readonly TimedCommand[], repeats: number): { run: ProcessRun; stdout: string }[] {
  const seconds = commands.map((): number[] => []);
  const stdouts = commands.map(() => '');
  for (let i = 0; i < repeats; i++) {
    commands.forEach(({ command, args, cwd, check }, k) => {
      const started = performance.now();
      const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      seconds[k]!.push((performance.now() - started) / 1000);
      if (result.error) throw result.error;
      check(result.status, result.stdout, result.stderr);
      stdouts[k] = result.stdout;
    });
  }
  return commands.map(({ files }, k) => {
    const wall = median(seconds[k]!);
    return { run: { seconds: wall, filesPerSecond: files / wall }, stdout: stdouts[k]! };
  });
}

/** Whether xmllint can be run here (Debian's libxml2-utils). */
export function xmllintVersion(): string | undefined {
  const result = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return /using libxml version (\d+)/.exec(result.stderr + result.stdout)?.[1] ?? 'unknown version';
}

/** `xmllint --noout --relaxng domain.rng FILE...` in one process, as virt-xml-validate judges a file. */
export function xmllintCommand(corpusDir: string, files: readonly string[]): TimedCommand {
  return {
    command: 'xmllint',
    args: ['--noout', '--relaxng', 'schemas/domain.rng', ...files],
    cwd: corpusDir,
    files: files.length,
    check: (status, _stdout, stderr) => {
      if (status !== 0) throw new Error(`xmllint refused files of the accepted list (exit ${status}): ${stderr.slice(0, 500)}`);
    },
  };
}

/**
 * How to start the CLI at `cli`: node with a script (dist/cli.js, the plain launch), or the `virt-tune`
 * command users run (dist/virt-tune, a shell script that starts node itself: server/src/boot/virt-tune.sh).
 */
function cliCommand(cli: string): { command: string; args: string[] } {
  return cli.endsWith('.js') ? { command: process.execPath, args: [cli] } : { command: cli, args: [] };
}

/** `virt-tune lint --format json --schema SCHEMA FILE...` in one process (lintFindingCounts reads its output). */
export function lintCommandOver(cli: string, corpusDir: string, files: readonly string[], schema: string): TimedCommand {
  const { command, args } = cliCommand(cli);
  return {
    command,
    args: [...args, 'lint', '--format', 'json', '--schema', schema, ...files],
    cwd: corpusDir,
    files: files.length,
    check: (status, _stdout, stderr) => {
      // 1: error-level findings (on files libvirt's own tests refuse: test/schema/refused.ts); anything else is a failure.
      if (status !== 0 && status !== 1) throw new Error(`virt-tune lint failed (exit ${status}): ${stderr.slice(0, 500)}`);
    },
  };
}

/** The findings of a `lint --format json` output, counted per rule and severity. */
export function lintFindingCounts(stdout: string): RuleCount[] {
  return countPerRule(JSON.parse(stdout) as LintEntry[]);
}

interface LintEntry {
  file: string;
  diagnostics: { rule: string; severity: string }[];
}

function countPerRule(entries: readonly LintEntry[]): RuleCount[] {
  const counts = new Map<string, RuleCount & { fileSet: Set<string> }>();
  for (const entry of entries) {
    for (const diagnostic of entry.diagnostics) {
      const key = `${diagnostic.rule} ${diagnostic.severity}`;
      let count = counts.get(key);
      if (!count) {
        count = { rule: diagnostic.rule, severity: diagnostic.severity, findings: 0, files: 0, fileSet: new Set() };
        counts.set(key, count);
      }
      count.findings++;
      count.fileSet.add(entry.file);
    }
  }
  return [...counts.values()]
    .map(({ rule, severity, findings, fileSet }) => ({ rule, severity, findings, files: fileSet.size }))
    .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.severity < b.severity ? -1 : 1));
}

export interface ParseVersusLint {
  bytes: number;
  parseSeconds: number;
  lintSeconds: number;
  ratio: number;
}

/**
 * In this process, on texts already in memory: the domain service's diagnostics (parse, model, every
 * rule; built-in structure) against parseXml alone, over the same texts. Each is warmed up once, then
 * timed `repeats` times, a parse and a lint in turn; the fastest pass of each counts (the least disturbed
 * by the rest of the machine).
 */
export async function timeParseVersusLint(corpusDir: string, files: readonly string[], repeats: number): Promise<ParseVersusLint> {
  const texts = files.map((file) => readFileSync(resolve(corpusDir, file), 'utf8'));
  await chooseSchema('builtin');
  const service = serviceFor('domain')!;
  const documents = texts.map((text, index) => ({ uri: `file:///bench/${index}.xml`, text }));
  let version = 0;
  const lintAll = () => {
    version++;
    for (const { uri, text } of documents) {
      service.diagnostics(TextDocument.create(uri, 'xml', version, text));
      service.forget(uri);
    }
  };
  const parseAll = () => {
    for (const text of texts) parseXml(text);
  };
  // Passes of the two alternate, so a change in the machine's load meets both alike (timed one after the
  // other, the parses of one run took 52 ms against 23-28 in the others, and the ratio read 1.16x).
  const timed = (pass: () => void) => {
    const started = performance.now();
    pass();
    return (performance.now() - started) / 1000;
  };
  parseAll();
  lintAll();
  let parseSeconds = Infinity;
  let lintSeconds = Infinity;
  for (let i = 0; i < repeats; i++) {
    parseSeconds = Math.min(parseSeconds, timed(parseAll));
    lintSeconds = Math.min(lintSeconds, timed(lintAll));
  }
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return { bytes, parseSeconds, lintSeconds, ratio: lintSeconds / parseSeconds };
}

/**
 * `virt-tune lint --format json --schema SCHEMA FILE...` once more, untimed, for its peak resident memory
 * (the process's VmHWM, worker threads included, read from /proc while it runs). Undefined without /proc.
 */
export async function lintPeakMemory(cli: string, corpusDir: string, files: readonly string[], schema: string): Promise<number | undefined> {
  const child = spawn(process.execPath, [cli, 'lint', '--format', 'json', '--schema', schema, ...files], { cwd: corpusDir, stdio: ['ignore', 'ignore', 'ignore'] });
  let peak: number | undefined;
  const read = () => {
    try {
      const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (kib !== undefined) peak = Math.max(peak ?? 0, Number(kib) * 1024);
    } catch {
      // Not started yet, or already gone.
    }
  };
  const timer = setInterval(read, 2);
  await new Promise<void>((done) => child.on('exit', () => done()));
  clearInterval(timer);
  return peak;
}

/** The wall time of `virt-tune lint --schema SCHEMA FILE` on one file, start-up included: the median of `repeats` runs. */
export function timeLintOneFile(cli: string, corpusDir: string, file: string, schema: string, repeats: number): number {
  const { command, args } = cliCommand(cli);
  return timeProcess(command, [...args, 'lint', '--schema', schema, file], corpusDir, 1, repeats, (status, _stdout, stderr) => {
    if (status !== 0 && status !== 1) throw new Error(`virt-tune lint failed (exit ${status}): ${stderr.slice(0, 500)}`);
  }).run.seconds;
}

/**
 * The wall time of `node -e 0`, the median of `repeats` runs: what this node takes to start and stop
 * with nothing to run, in this environment (NODE_EXTRA_CA_CERTS, for one, makes node read and parse a
 * certificate bundle before any script runs). The CLI's and the server's start-up figures include it.
 */
export function timeBareNode(repeats: number): number {
  return timeProcess(process.execPath, ['-e', '0'], process.cwd(), 1, repeats, (status, _stdout, stderr) => {
    if (status !== 0) throw new Error(`node -e 0 failed (exit ${status}): ${stderr.slice(0, 500)}`);
  }).run.seconds;
}
