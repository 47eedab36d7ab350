// The server part of `npm run bench` alone, for A/B comparisons of language servers, alternated:
//   node out/test/bench/serverAB.js [--rounds N] [--edits N] [--editor] SERVER.js [OTHER-SERVER.js ...]
// (a SERVER not ending in .js, such as dist/virt-tune-ls, is started as a command, not by node.)
// (--editor: started with the environment and node options VS Code's extension gives the server, not the bench's own.)
// Each round runs every server once, in turn, with the same keystrokes; the figures of each server are
// pooled over its rounds. Without a server, dist/server.js is measured.
// --trace DIR: each server also traces itself (VIRT_TUNE_TRACE, one file per server and round in DIR),
// and the handlers' own CPU time on the 2,000-line domain is listed per server, with its collections: on a
// machine others load, steadier than the wall times the editor sees.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TraceEntry } from '../../server/src/lsp/trace';
import { CORPUS_DIR } from '../kb/shared';
import { SLOW_DIAGNOSTICS_DELAY_MS } from '../../server/src/lsp/slowDiagnostics';
import { benchServer, editorLaunch, type ServerFigures } from './serverBench';
import { median, percentile } from './stats';
import { wholeNumberOption } from './args';

const ROOT = resolve(__dirname, '..', '..', '..');
const SCHEMA = join(CORPUS_DIR, 'schemas', 'domain.rng');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = wholeNumberOption('--rounds', 1, args);
  const edits = wholeNumberOption('--edits', 300, args);
  // --editor: every server started as VS Code's extension starts it (its environment), not plainly.
  const editor = args.includes('--editor');
  if (editor) args.splice(args.indexOf('--editor'), 1);
  const traceAt = args.indexOf('--trace');
  const traceDir = traceAt < 0 ? undefined : resolve(args.splice(traceAt, 2)[1]!);
  if (traceDir) mkdirSync(traceDir, { recursive: true });
  const servers = args.length > 0 ? args.map((path) => resolve(path)) : [join(ROOT, 'dist', 'server.js')];
  const pooled = servers.map(() => ({ completion: [] as number[], hover: [] as number[], first: [] as number[], afterPause: [] as number[], rss: [] as number[], rssAfterOpens: [] as number[], cold: [] as number[] }));
  const traced = servers.map(() => new Map<string, number[]>());
  for (let round = 0; round < rounds; round++) {
    for (const [index, server] of servers.entries()) {
      const traceFile = traceDir && join(traceDir, `${index}-${round}.json`);
      const launch = editor ? editorLaunch() : undefined;
      const base = launch ? launch.environment : traceFile ? { ...process.env } : undefined;
      const environment = base && traceFile ? { ...base, VIRT_TUNE_TRACE: traceFile } : base;
      const nodeArguments = launch && server.endsWith('.js') ? launch.nodeArguments : [];
      const figures: ServerFigures = await benchServer(server, SCHEMA, { lines: 2000, edits, openDocuments: 50, seed: 8, nodeArguments, ...(environment ? { environment } : {}) });
      // The cold starts wrote there first; the bench's server, stopped last, wrote over them.
      if (traceFile) for (const [name, values] of handlerCpu(traceFile)) traced[index]!.set(name, [...(traced[index]!.get(name) ?? []), ...values]);
      const pool = pooled[index]!;
      pool.completion.push(...figures.completionMs);
      pool.hover.push(...figures.hoverMs);
      pool.first.push(...figures.firstPublishMs);
      pool.afterPause.push(...figures.finalPublishMs.map((value) => Math.max(0, value - SLOW_DIAGNOSTICS_DELAY_MS)));
      if (figures.residentBytes !== undefined) pool.rss.push(figures.residentBytes);
      if (figures.residentBytesAfterOpens !== undefined) pool.rssAfterOpens.push(figures.residentBytesAfterOpens);
      pool.cold.push(figures.coldFirstDiagnosticsMs);
      process.stdout.write(`round ${round + 1} ${server}: ${line(figures.completionMs, figures.hoverMs, figures.firstPublishMs, figures.finalPublishMs.map((v) => Math.max(0, v - SLOW_DIAGNOSTICS_DELAY_MS)), figures.residentBytes === undefined ? [] : [figures.residentBytes], figures.residentBytesAfterOpens === undefined ? [] : [figures.residentBytesAfterOpens], [figures.coldFirstDiagnosticsMs])}\n`);
    }
  }
  process.stdout.write('\npooled over rounds:\n');
  for (const [index, server] of servers.entries()) {
    const pool = pooled[index]!;
    process.stdout.write(`${server}: ${line(pool.completion, pool.hover, pool.first, pool.afterPause, pool.rss, pool.rssAfterOpens, pool.cold)}\n`);
  }
  if (!traceDir) return;
  process.stdout.write('\nhandlers on the 2,000-line domain, main-thread CPU ms pooled over rounds (collections: count and wall ms per round):\n');
  for (const [index, server] of servers.entries()) {
    const figures = [...traced[index]!].map(([name, values]) => (name.startsWith('gc') ? `${name} ${(values.reduce((sum, value) => sum + value, 0) / rounds).toFixed(0)}` : `${name} p50 ${percentile(values, 0.5).toFixed(2)} p90 ${percentile(values, 0.9).toFixed(2)} p99 ${percentile(values, 0.99).toFixed(2)} mean ${(values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(2)}`));
    process.stdout.write(`${server}: ${figures.join(' | ')}\n`);
  }
}

/** From a server's trace: each handler's CPU times on the bench's big domain, and its scavenges and other collections (count, wall ms). */
function handlerCpu(file: string): Map<string, number[]> {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as TraceEntry[];
  const found = new Map<string, number[]>();
  const add = (name: string, value: number) => found.set(name, [...(found.get(name) ?? []), value]);
  for (const entry of entries) {
    if (entry.name === 'gc') {
      const kind = entry.detail === '1' ? 'gc scavenges' : 'gc others';
      add(`${kind} count`, 1);
      add(`${kind} ms`, entry.ms);
    } else if (['completion', 'hover', 'publish'].includes(entry.name) && entry.detail.includes('/bench/big.xml') && entry.cpuMs !== undefined) add(entry.name, entry.cpuMs);
  }
  return found;
}

function line(completion: number[], hover: number[], first: number[], afterPause: number[], rss: number[], rssAfterOpens: number[], cold: number[]): string {
  const p = (samples: number[]) => `p50 ${percentile(samples, 0.5).toFixed(2)} p99 ${percentile(samples, 0.99).toFixed(2)}`;
  const mb = (samples: number[]) => (samples.length > 0 ? `${(median(samples) / 1024 / 1024).toFixed(1)} MB` : 'n/a');
  return `completion ${p(completion)} | hover ${p(hover)} | first publish ${p(first)} | verdict after pause ${p(afterPause)} | RSS (median) 2 s after the verdicts ${mb(rss)}, 2 s after the last open ${mb(rssAfterOpens)} | cold first diagnostics ${median(cold).toFixed(0)} ms`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
