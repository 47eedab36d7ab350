// `npm run fuzz -- --seconds N --seed S [--schema PATH] [--chained SHARE] [--no-save]` (`--help` lists every option): mutates documents of
// every kind and puts them through every service (see check.ts for the properties); a share of the cases
// (--chained, 0.3 unless told; 1 for chains only) edit one document many times in a row and compare each
// version, built from the one before, with a fresh parse of its text (chain.ts). Failing cases are minimised and
// written to test/fuzz/regressions/ as regression tests. Exit status 1 when anything failed. Each call may take
// --limit-ms of CPU time and each whole case --case-limit-ms (30 times --limit-ms unless told; a chain gets 2
// times --limit-ms more per edit); a case still
// running at three times that is taken for a hang: saved as it is, and the run ends (SIGTERM, status 143).
import { join, resolve } from 'node:path';
import { parsedOptions, UsageError } from './usage';
import { loadHostPath } from '../../server/src/host/load';
import { chooseSchema } from '../../server/src/services';
import { fuzz } from './engine';

const ROOT = resolve(__dirname, '..', '..', '..');

const USAGE = `usage: npm run fuzz -- [--seconds N] [--seed S] [--schema PATH|builtin|auto] [--chained SHARE] [--limit-ms MS] [--case-limit-ms MS] [--no-save] [--verbose] [--dump FILE]
  --seconds N         how long to run (60)
  --seed S            the random seed; the same seed makes the same cases (a random one unless told)
  --schema PATH       also await libvirt's schema verdict with this domain.rng (builtin, auto or a path)
  --chained SHARE     the share of cases, 0 to 1, that are chains of edits of one document (0.3; 1: chains only)
  --limit-ms MS       the CPU time each call may take (1000)
  --case-limit-ms MS  the CPU time a whole case may take (30 times --limit-ms, and 2 more per edit of a chain)
  --no-save           do not write failing cases to test/fuzz/regressions/
  --verbose           print each case before it runs
  --dump FILE         write each case to FILE (JSON) before it runs, to replay a hang
  --help              this text`;


const OPTIONS = {
  seconds: { type: 'string', default: '60' },
  seed: { type: 'string' },
  schema: { type: 'string' },
  'limit-ms': { type: 'string', default: '1000' },
  'case-limit-ms': { type: 'string' },
  'no-save': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  dump: { type: 'string' },
  chained: { type: 'string', default: '0.3' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;


async function main(): Promise<number> {
  const values = parsedOptions(OPTIONS);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seconds = Number(values.seconds);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const chained = Number(values.chained);
  const limitMs = Number(values['limit-ms']);
  const caseLimitMs = values['case-limit-ms'] === undefined ? undefined : Number(values['case-limit-ms']);
  if (!(seconds > 0) || !Number.isInteger(seed) || !(chained >= 0 && chained <= 1) || !(limitMs > 0) || (caseLimitMs !== undefined && !(caseLimitMs > 0))) {
    throw new UsageError('--seconds, --limit-ms and --case-limit-ms take positive numbers, --seed an integer, --chained a share from 0 to 1');
  }
  if (values.schema) await chooseSchema(values.schema);
  const host = await loadHostPath(join(ROOT, 'test', 'fixtures', 'hosts', 'two-nodes'));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`virt-tune fuzz: ${seconds} s, seed ${seed}${values.schema ? `, schema ${values.schema}` : ''}`);
  const report = await fuzz({
    seconds,
    seed,
    host,
    slow: values.schema !== undefined,
    chained,
    limitMs,
    ...(caseLimitMs === undefined ? {} : { caseLimitMs }),
    ...(values['no-save'] ? {} : { saveTo: join(ROOT, 'test', 'fuzz', 'regressions') }),
    log,
    ...(values.verbose ? { trace: log } : {}),
    ...(values.dump ? { dumpTo: values.dump } : {}),
  });
  log(`${report.cases} cases (${report.chains} chains of edits): ${Object.entries(report.perKind).map(([kind, count]) => `${count} ${kind}`).join(', ')}`);
  log(`mutations: ${Object.entries(report.perMutation).sort().map(([name, count]) => `${name} ${count}`).join(', ')}`);
  if (report.slowest) log(`slowest case: ${report.slowest.cpuMs} ms of CPU (its limit ${report.slowest.limitMs} ms): case ${report.slowest.case}, ${report.slowest.what}`);
  log(report.found.length === 0 ? 'no failure' : `${report.found.length} failure(s):\n${report.found.map((found) => `  ${found.signature}${found.savedAs ? ` -> ${found.savedAs}` : ''}`).join('\n')}`);
  return report.found.length === 0 ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else console.error(error);
    process.exit(2);
  },
);
