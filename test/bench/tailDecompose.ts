// What the server bench's slow samples wait for (issue 16's latency tails):
//   node out/test/bench/tailDecompose.js [--edits N] [--opens N] [--keep DIR] SERVER.js
// Runs the bench's server session (serverBench.ts) once under `perf record` of the scheduler's events (root
// or perf_event_paranoid permitting), with the server's own trace (lsp/trace.ts) and its stdio times
// (stdioTimes.ts, preloaded), and splits each sample (completion, hover, didChange to the first publication)
// into: the request's way to the server's event loop (sent -> stdin read), the wait for its handler (read ->
// handler), the handler, the answer's wait for its write (handler end -> stdout write) and its way back
// (write -> the client has it); and says, for the window of each sample, how long the server's main thread
// ran, waited runnable for a CPU (and what ran on the CPUs meanwhile) or slept, how long the client's thread
// waited runnable, the collections and the server's other traced work in it. Lists the slowest samples of
// each kind and the parts' means over the slowest tenth against the middle ones.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TraceEntry } from '../../server/src/lsp/trace';
import { CORPUS_DIR } from '../kb/shared';
import { cpuUseWithin, readScheduler, recordScheduler, statesWithin, stretchesWithin, type SchedTimeline } from './schedTimeline';
import { benchServer, type TimedSample } from './serverBench';
import { monotonicMinusNow, type StdioTimes } from './stdioTimes';
import { percentile } from './stats';
import { wholeNumberOption } from './args';

const SCHEMA = join(CORPUS_DIR, 'schemas', 'domain.rng');
const BIG = 'file:///bench/big.xml';

interface Span {
  name: string;
  start: number;
  end: number;
  cpuMs?: number;
}

interface Decomposed {
  sample: TimedSample;
  total: number;
  /** The parts from sent to done, in order, in ms. */
  parts: [string, number][];
  handlerCpu: number;
  /** The server main thread's time in the window per state. */
  main: Record<string, number>;
  /** CPU time others had while the server's main thread waited runnable, per who. */
  mainWaitedFor: Map<string, number>;
  /** The server main thread's sleeps while it had the request (stdin read to the answer's write), per how it slept and who woke it. */
  mainSlept: Map<string, number>;
  /** The client's thread waiting runnable between the answer's write and its arrival. */
  clientRunnable: number;
  /** Collections in the window (count, ms). */
  gc: [number, number];
  /** The server's other traced work in the window, per name (ms). */
  otherWork: Map<string, number>;
  /** CPU time of the server's worker threads and of its other threads in the window. */
  workerCpu: number;
  helperCpu: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const edits = wholeNumberOption('--edits', 300, args);
  const opens = wholeNumberOption('--opens', 1, args);
  const keepAt = args.indexOf('--keep');
  const dir = keepAt < 0 ? join('/tmp', `tail-decompose-${process.pid}`) : resolve(args.splice(keepAt, 2)[1]!);
  const server = resolve(args[0] ?? join(__dirname, '..', '..', '..', 'dist', 'server.js'));
  mkdirSync(dir, { recursive: true });
  const traceFile = join(dir, 'trace.json');
  const stdioBase = join(dir, 'stdio');
  const perfFile = join(dir, 'sched.data');
  const environment = { ...process.env, VIRT_TUNE_TRACE: traceFile, VIRT_TUNE_STDIO_TIMES: stdioBase, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${join(__dirname, 'stdioTimes.js')}` };
  const timeline: TimedSample[] = [];
  const clientOffset = monotonicMinusNow();
  const stop = await recordScheduler(perfFile);
  try {
    await benchServer(server, SCHEMA, { lines: 2000, edits, openDocuments: opens, seed: 8, environment, timeline });
  } finally {
    await stop();
  }
  // The cold starts' servers wrote files too: the bench's server read the most.
  const stdio = readdirSync(dir)
    .filter((name) => /^stdio\.\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as StdioTimes)
    .sort((a, b) => b.reads.length - a.reads.length)[0]!;
  const workers = new Set<number>();
  try {
    for (const line of readFileSync(`${stdioBase}.${stdio.pid}.threads`, 'utf8').split('\n')) if (line) workers.add(Number(line.split(' ')[0]));
  } catch {
    // No worker started.
  }
  const sched = readScheduler(perfFile);
  const trace = (JSON.parse(readFileSync(traceFile, 'utf8')) as TraceEntry[]).map((entry): Span & { detail: string } => ({
    name: entry.name,
    detail: entry.detail,
    start: entry.at - stdio.epochMinusMonotonic,
    end: entry.at - stdio.epochMinusMonotonic + entry.ms,
    ...(entry.cpuMs !== undefined ? { cpuMs: entry.cpuMs } : {}),
  }));
  const who = (tid: number): string => {
    if (tid === 0) return 'idle';
    if (tid === stdio.pid) return 'server main';
    if (workers.has(tid)) return 'server worker';
    const owner = sched.processOf.get(tid);
    if (owner?.pid === stdio.pid) return 'server other threads';
    if (tid === process.pid) return 'client main';
    if (owner?.pid === process.pid) return 'client other threads';
    return `other: ${owner?.comm ?? tid}`;
  };
  const context: Context = { sched, trace, stdio, clientOffset, clientTid: process.pid, who };
  const byKind = new Map<string, Decomposed[]>();
  const handlers = { completion: trace.filter((entry) => entry.name === 'completion' && entry.detail.startsWith(BIG)), hover: trace.filter((entry) => entry.name === 'hover' && entry.detail.startsWith(BIG)) };
  const count = { completion: 0, hover: 0 };
  for (const sample of timeline) {
    let handler: Span[];
    if (sample.kind === 'first publish') {
      const detail = `${BIG} v${sample.version}`;
      handler = ['change', 'publish'].map((name) => trace.find((entry) => entry.name === name && entry.detail === detail)).filter((entry): entry is Span & { detail: string } => entry !== undefined);
    } else {
      handler = [handlers[sample.kind][count[sample.kind]++]!];
    }
    const list = byKind.get(sample.kind) ?? [];
    list.push(decompose(sample, handler, context));
    byKind.set(sample.kind, list);
  }
  report(byKind);
  // Each sample's window on the monotonic clock, to lay other recordings of the run (perf's CPU samples) beside.
  const windows = [...byKind.values()].flat().map((sample) => ({ kind: sample.sample.kind, version: sample.sample.version, from: sample.sample.sentAt + clientOffset, to: sample.sample.doneAt + clientOffset, parts: sample.parts }));
  writeFileSync(join(dir, 'samples.json'), JSON.stringify(windows));
  process.stdout.write(`\nrecords in ${dir}, the samples' windows in samples.json (server pid ${stdio.pid}, workers ${[...workers].join(',') || 'none'})\n`);
}

interface Context {
  sched: SchedTimeline;
  trace: (Span & { detail: string })[];
  stdio: StdioTimes;
  clientOffset: number;
  clientTid: number;
  who(tid: number): string;
}

function decompose(sample: TimedSample, handler: Span[], context: Context): Decomposed {
  const sent = sample.sentAt + context.clientOffset;
  const done = sample.doneAt + context.clientOffset;
  const read = context.stdio.reads.find(([at]) => at >= sent)?.[0] ?? sent;
  const first = handler[0];
  const last = handler[handler.length - 1];
  const handlerStart = first?.start ?? read;
  const handlerEnd = last?.end ?? handlerStart;
  let write = handlerEnd;
  for (const [at] of context.stdio.writes) if (at <= done && at >= handlerEnd) write = at;
  const parts: [string, number][] = [
    ['to read', read - sent],
    ['read->handler', handlerStart - read],
  ];
  if (handler.length === 2) parts.push(['change', first!.end - first!.start], ['lint wait', last!.start - first!.end], ['publish', last!.end - last!.start]);
  else parts.push(['handler', handlerEnd - handlerStart]);
  parts.push(['->write', write - handlerEnd], ['write->client', done - write]);
  const main = statesWithin(context.sched, context.stdio.pid, sent, done);
  const mainWaitedFor = new Map<string, number>();
  for (const wait of stretchesWithin(context.sched, context.stdio.pid, 'runnable', sent, done)) {
    for (const [tid, ms] of cpuUseWithin(context.sched, wait.start, wait.end)) {
      const name = context.who(tid);
      mainWaitedFor.set(name, (mainWaitedFor.get(name) ?? 0) + ms);
    }
  }
  const mainSlept = new Map<string, number>();
  for (const sleep of stretchesWithin(context.sched, context.stdio.pid, 'sleeping', read, write)) {
    const name = `${sleep.sleptAs ?? '?'} woken by ${sleep.wokenBy ? context.who(sleep.wokenBy) : 'interrupt'}`;
    mainSlept.set(name, (mainSlept.get(name) ?? 0) + sleep.end - sleep.start);
  }
  const clientRunnable = statesWithin(context.sched, context.clientTid, write, done).runnable;
  let gcCount = 0;
  let gcMs = 0;
  const otherWork = new Map<string, number>();
  for (const entry of context.trace) {
    if (entry.end <= sent || entry.start >= done || handler.includes(entry)) continue;
    const overlap = Math.min(entry.end, done) - Math.max(entry.start, sent);
    if (entry.name === 'gc') {
      gcCount++;
      gcMs += overlap;
    } else otherWork.set(entry.name, (otherWork.get(entry.name) ?? 0) + overlap);
  }
  let workerCpu = 0;
  let helperCpu = 0;
  for (const [tid, ms] of cpuUseWithin(context.sched, sent, done)) {
    const name = context.who(tid);
    if (name === 'server worker') workerCpu += ms;
    else if (name === 'server other threads') helperCpu += ms;
  }
  return {
    sample,
    total: done - sent,
    parts,
    handlerCpu: handler.reduce((sum, span) => sum + (span.cpuMs ?? 0), 0),
    main,
    mainWaitedFor,
    mainSlept,
    clientRunnable,
    gc: [gcCount, gcMs],
    otherWork,
    workerCpu,
    helperCpu,
  };
}

const ms = (value: number): string => value.toFixed(2);
const mapped = (map: Map<string, number>): string =>
  [...map]
    .filter(([, value]) => value >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ');

function describe(sample: Decomposed): string {
  return [
    `  ${ms(sample.total)} ms (v${sample.sample.version}): ${sample.parts.map(([name, value]) => `${name} ${ms(value)}`).join(' | ')}`,
    `      handler CPU ${ms(sample.handlerCpu)}; server main ran ${ms(sample.main['running']!)}, runnable ${ms(sample.main['runnable']!)}, slept ${ms(sample.main['sleeping']!)}; client runnable after the write ${ms(sample.clientRunnable)}`,
    `      while main waited runnable, the CPUs ran: ${mapped(sample.mainWaitedFor) || '-'}`,
    `      main's sleeps while it had the request: ${mapped(sample.mainSlept) || '-'}`,
    `      in the window: gc ${sample.gc[0]} (${ms(sample.gc[1])} ms); other server work: ${mapped(sample.otherWork) || '-'}; worker CPU ${ms(sample.workerCpu)}, other server threads ${ms(sample.helperCpu)}`,
  ].join('\n');
}

/** Mean of each part and cause over some samples. */
function means(samples: Decomposed[]): string {
  const sums = new Map<string, number>();
  const add = (name: string, value: number) => sums.set(name, (sums.get(name) ?? 0) + value / samples.length);
  for (const sample of samples) {
    add('total', sample.total);
    for (const [name, value] of sample.parts) add(name, value);
    add('handler CPU', sample.handlerCpu);
    add('main runnable', sample.main['runnable']!);
    add('main slept', sample.main['sleeping']!);
    add('client runnable', sample.clientRunnable);
    add('gc', sample.gc[1]);
    for (const [name, value] of sample.otherWork) add(`work: ${name}`, value);
    add('worker CPU', sample.workerCpu);
    add('other server threads CPU', sample.helperCpu);
    for (const [name, value] of sample.mainWaitedFor) add(`main waited for ${name.startsWith('other: ') ? 'other processes' : name}`, value);
    for (const [name, value] of sample.mainSlept) add(`main slept ${name.replace(/other: .*/, 'other processes')}`, value);
  }
  return [...sums].map(([name, value]) => `${name} ${ms(value)}`).join(', ');
}

function report(byKind: Map<string, Decomposed[]>): void {
  for (const [kind, samples] of byKind) {
    const totals = samples.map((sample) => sample.total);
    const p90 = percentile(totals, 0.9);
    process.stdout.write(`\n${kind}: ${samples.length} samples, p50 ${ms(percentile(totals, 0.5))} p90 ${ms(p90)} p99 ${ms(percentile(totals, 0.99))} ms\n`);
    const sorted = [...samples].sort((a, b) => b.total - a.total);
    const tail = sorted.slice(0, Math.max(1, Math.ceil(samples.length / 10)));
    const middle = sorted.slice(Math.floor(samples.length * 0.4), Math.ceil(samples.length * 0.6));
    process.stdout.write(`  means over the slowest tenth: ${means(tail)}\n  means over the middle fifth: ${means(middle)}\n  the slowest:\n`);
    for (const sample of sorted.slice(0, 6)) process.stdout.write(`${describe(sample)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
