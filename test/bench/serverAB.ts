// The server part of `npm run bench` alone, for A/B comparisons of language servers, alternated:
//   node out/test/bench/serverAB.js [--rounds N] [--edits N] [--editor] SERVER.js [OTHER-SERVER.js ...]
// (a SERVER not ending in .js, such as dist/virt-tune-ls, is started as a command, not by node.)
// (--editor: started with the environment VS Code's extension gives the server, not the bench's own.)
// Each round runs every server once, in turn, with the same keystrokes; the figures of each server are
// pooled over its rounds. Without a server, dist/server.js is measured.
import { join, resolve } from 'node:path';
import { CORPUS_DIR } from '../kb/shared';
import { SLOW_DIAGNOSTICS_DELAY_MS } from '../../server/src/lsp/slowDiagnostics';
import { benchServer, editorEnvironment, type ServerFigures } from './serverBench';
import { median, percentile } from './stats';

const ROOT = resolve(__dirname, '..', '..', '..');
const SCHEMA = join(CORPUS_DIR, 'schemas', 'domain.rng');

function option(name: string, fallback: number, args: string[]): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = option('--rounds', 1, args);
  const edits = option('--edits', 300, args);
  // --editor: every server started as VS Code's extension starts it (its environment), not plainly.
  const editor = args.includes('--editor');
  if (editor) args.splice(args.indexOf('--editor'), 1);
  const servers = args.length > 0 ? args.map((path) => resolve(path)) : [join(ROOT, 'dist', 'server.js')];
  const pooled = servers.map(() => ({ completion: [] as number[], hover: [] as number[], first: [] as number[], afterPause: [] as number[], rss: [] as number[], rssAfterOpens: [] as number[], cold: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, server] of servers.entries()) {
      const figures: ServerFigures = await benchServer(server, SCHEMA, { lines: 2000, edits, openDocuments: 50, seed: 8, ...(editor ? { environment: editorEnvironment() } : {}) });
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
