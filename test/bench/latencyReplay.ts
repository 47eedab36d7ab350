// The keystrokes, completions and hovers of the server bench (serverBench.ts, seed 8), replayed in this
// process on the services as the language server's handlers call them, each call timed in CPU (the
// process's, exact) and wall, with the garbage collections that fell in it:
//   node --semi-space-growth-factor=1 out/test/bench/latencyReplay.js [--edits N] [--top N]
// With a nursery no call fills (node --min-semi-space-size=64 --max-semi-space-size=64 ... --allocation),
// each kind's bytes allocated per call are listed too: the fewer, the fewer scavenges land in a request.
// With --dump FILE, every answer is written to FILE instead (one JSON line each: the replay's publications,
// completions and hovers, then a completion and a hover at every 11th offset of the generated domain, with
// and without the schema's variants), on the two-nodes host fixture rather than this machine, whose free
// pages change: dump before and after a change meant to keep the answers, and `cmp` the two files.
// Not the bench: no transport, no worker. For finding what makes a slow request slow, under a profiler too.
import { closeSync, openSync, writeSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { keepYoungGenerationSmall } from '../../server/src/core/youngGeneration';
import { loadHost, loadHostPath, parseHostSetting } from '../../server/src/host/load';
import { threadCpuMs } from '../../server/src/lsp/trace';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { withTuneHover } from '../../server/src/lsp/tuneHover';
import { insideValues } from './serverBench';
import { chooseSchema, detectKind, mergeFindings, schemaVariants, serviceFor } from '../../server/src/services';
import { Random } from '../fuzz/random';
import { CORPUS_DIR } from '../kb/shared';
import { bigDomain } from './bigDomain';

const TYPED = 'abcxyz019 _-';

interface Sample {
  kind: string;
  index: number;
  detail: string;
  start: number;
  wall: number;
  /** The main thread's CPU time in it. */
  cpu: number;
  /** Every thread's (concurrent compilation and marking too). */
  processCpu: number;
  /** The heap's growth in it, in bytes: what it allocated when no collection fell in it (--allocation). */
  allocated: number;
}

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
}

async function main(): Promise<void> {
  // As the server keeps it (boot/server.ts): a young generation of two 1 MB halves.
  const args = process.argv.slice(2);
  const edits = option(args, '--edits', 300);
  const top = option(args, '--top', 10);
  const twice = args.includes('--twice');
  const from = option(args, '--from', 1);
  const allocation = args.includes('--allocation');
  const dumpAt = args.indexOf('--dump');
  const dump = dumpAt < 0 ? undefined : openSync(args[dumpAt + 1]!, 'w');
  const write = (kind: string, detail: string, answer: unknown): void => {
    if (dump !== undefined) writeSync(dump, `${JSON.stringify({ kind, detail, answer })}\n`);
  };
  // Without --allocation the young generation stays small, as in the server.
  if (!allocation) keepYoungGenerationSmall();
  const gcs: { start: number; ms: number; kind: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push({ start: entry.startTime, ms: entry.duration, kind: (entry as { detail?: { kind?: number } }).detail?.kind ?? 0 });
  }).observe({ entryTypes: ['gc'] });

  await chooseSchema(join(CORPUS_DIR, 'schemas', 'domain.rng'));
  const variants = schemaVariants();
  const host = dump === undefined ? await loadHost(parseHostSetting('live')) : await loadHostPath(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts', 'two-nodes'));
  const options = { ...(host ? { host } : {}) };
  const service = serviceFor('domain')!;
  const samples: Sample[] = [];
  const timed = <T>(kind: string, index: number, detail: string, work: () => T): T => {
    const cpu = process.cpuUsage();
    const thread = threadCpuMs() ?? 0;
    const heap = allocation ? getHeapStatistics().used_heap_size : 0;
    const start = performance.now();
    const result = work();
    write(kind, detail, result);
    const wall = performance.now() - start;
    const allocated = allocation ? getHeapStatistics().used_heap_size - heap : 0;
    const threadEnd = threadCpuMs() ?? 0;
    const used = process.cpuUsage(cpu);
    samples.push({ kind, index, detail, start, wall, cpu: threadEnd - thread, processCpu: (used.user + used.system) / 1000, allocated });
    return result;
  };
  const publish = (document: TextDocument, index: number, edit = ''): void => {
    timed('publish', index, `v${document.version} ${edit}`, () => {
      const kind = detectKind(new URL(document.uri).pathname, document.getText(), document.languageId);
      if (kind !== 'domain') throw new Error('not a domain');
      return mergeFindings(service.diagnostics(document, options), []).map(toDiagnostic);
    });
  };

  const random = new Random(8);
  const base = bigDomain(2000, { schemaOnlyDefect: true });
  const uri = 'file:///bench/big.xml';
  let document = TextDocument.create(uri, 'xml', 1, base);
  publish(document, 0);
  const spots = insideValues(base);
  for (let edit = 1; edit <= edits; edit++) {
    const version = edit + 1;
    const waitForVerdict = edit % 5 === 0;
    const at = waitForVerdict ? random.pick(spots) : random.below(base.length + 1);
    const typed = TYPED[random.below(TYPED.length)]!;
    // The bench types each keystroke into the base text, so the server is sent the last one undone and this one.
    const text = base.slice(0, at) + typed + base.slice(at);
    const previous = document.getText();
    let prefix = 0;
    while (prefix < previous.length && prefix < text.length && previous[prefix] === text[prefix]) prefix++;
    let suffix = 0;
    while (suffix < previous.length - prefix && suffix < text.length - prefix && previous[previous.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
    const range = { start: document.positionAt(prefix), end: document.positionAt(previous.length - suffix) };
    document = TextDocument.update(document, [{ range, text: text.slice(prefix, text.length - suffix) }], version);
    publish(document, edit, `${JSON.stringify(typed)} at ${document.positionAt(at).line}:${document.positionAt(at).character}`);
    const position = () => document.positionAt(random.below(text.length + 1));
    const completionAt = position();
    timed('completion', edit, `${completionAt.line}:${completionAt.character}`, () => service.completion(document, completionAt, { ...options, insertReplace: false, ...(variants ? { variants } : {}) }));
    if (twice) timed('completion again', edit, `${completionAt.line}:${completionAt.character}`, () => service.completion(document, completionAt, { ...options, insertReplace: false, ...(variants ? { variants } : {}) }));
    const hoverAt = position();
    timed('hover', edit, `${hoverAt.line}:${hoverAt.character}`, () => withTuneHover(service.hover(document, hoverAt), document, hoverAt, options));
    if (!waitForVerdict) random.between(30, 150);
    // The typing pause of the bench, in which collections and compilations on other threads finish.
    await new Promise((resolve) => setTimeout(resolve, waitForVerdict ? 5 : 1));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (dump !== undefined) {
    const document = TextDocument.create(uri, 'xml', 1, base);
    for (let offset = 0; offset <= base.length; offset += 11) {
      const at = document.positionAt(offset);
      write('completion', `${offset}`, service.completion(document, at, { ...options, insertReplace: false, ...(variants ? { variants } : {}) }));
      write('completion without variants', `${offset}`, service.completion(document, at, { ...options, insertReplace: true }));
      write('hover', `${offset}`, withTuneHover(service.hover(document, at), document, at, options));
    }
    closeSync(dump);
    return;
  }

  for (const kind of ['completion', 'completion again', 'hover', 'publish']) {
    const of = samples.filter((sample) => sample.kind === kind && sample.index >= from);
    if (of.length === 0) continue;
    const cpu = of.map((sample) => sample.cpu).sort((a, b) => a - b);
    const late = of.filter((sample) => sample.index > 25).map((sample) => sample.cpu).sort((a, b) => a - b);
    const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(values.length * q))]!.toFixed(2);
    process.stdout.write(`${kind}: cpu p50 ${at(cpu, 0.5)} p90 ${at(cpu, 0.9)} p99 ${at(cpu, 0.99)} max ${at(cpu, 1)} | after the 25th: p50 ${at(late, 0.5)} p99 ${at(late, 0.99)} max ${at(late, 1)}\n`);
    // A collection in a call makes its heap shrink: such calls are left out.
    const allocated = of.filter((sample) => sample.index > 25 && sample.allocated >= 0).map((sample) => sample.allocated / 1024).sort((a, b) => a - b);
    if (allocation && allocated.length > 0) process.stdout.write(`  allocated KiB after the 25th (${allocated.length} calls without a collection): p50 ${at(allocated, 0.5)} p90 ${at(allocated, 0.9)} mean ${(allocated.reduce((sum, value) => sum + value, 0) / allocated.length).toFixed(1)}\n`);
    for (const sample of [...of].sort((a, b) => b.cpu - a.cpu).slice(0, top)) {
      const during = gcs.filter((gc) => gc.start < sample.start + sample.wall && gc.start + gc.ms > sample.start).map((gc) => `${gc.kind}:${gc.ms.toFixed(1)}`);
      const again = samples.find((other) => other.kind === 'completion again' && other.index === sample.index && kind === 'completion');
      process.stdout.write(`  #${sample.index} ${sample.detail} cpu ${sample.cpu.toFixed(2)} (process ${sample.processCpu.toFixed(2)}) wall ${sample.wall.toFixed(2)} gc ${during.join(' ')}${again ? ` | again ${again.cpu.toFixed(2)}` : ''}\n`);
    }
  }
  const scavenges = gcs.filter((gc) => gc.kind === 1);
  process.stdout.write(`young generation ${(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0) / 1024} KiB\n`);
  process.stdout.write(`gc: ${scavenges.length} scavenges (${scavenges.reduce((sum, gc) => sum + gc.ms, 0).toFixed(0)} ms), ${gcs.length - scavenges.length} others (${gcs.filter((gc) => gc.kind !== 1).reduce((sum, gc) => sum + gc.ms, 0).toFixed(0)} ms)\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
