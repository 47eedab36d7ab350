// `npm run fuzz -- --seconds N --seed S [--schema PATH] [--chained SHARE] [--no-save]`: mutates documents of
// every kind and puts them through every service (see check.ts for the properties); a share of the cases
// (--chained, 0.3 unless told; 1 for chains only) edit one document many times in a row and compare each
// version, built from the one before, with a fresh parse of its text (chain.ts). Failing cases are minimised and
// written to test/fuzz/regressions/ as regression tests. Exit status 1 when anything failed. Each call may take
// --limit-ms of CPU time and each whole case --case-limit-ms (30 times --limit-ms unless told; a chain gets 2
// times --limit-ms more per edit); a case still
// running at three times that is taken for a hang: saved as it is, and the run ends (SIGTERM, status 143).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadHostPath } from '../../server/src/host/load';
import { chooseSchema } from '../../server/src/services';
import { fuzz } from './engine';

const ROOT = resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      seed: { type: 'string' },
      schema: { type: 'string' },
      'limit-ms': { type: 'string', default: '1000' },
      'case-limit-ms': { type: 'string' },
      'no-save': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      dump: { type: 'string' },
      chained: { type: 'string', default: '0.3' },
    },
  });
  const seconds = Number(values.seconds);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const chained = Number(values.chained);
  const limitMs = Number(values['limit-ms']);
  const caseLimitMs = values['case-limit-ms'] === undefined ? undefined : Number(values['case-limit-ms']);
  if (!(seconds > 0) || !Number.isInteger(seed) || !(chained >= 0 && chained <= 1) || !(limitMs > 0) || (caseLimitMs !== undefined && !(caseLimitMs > 0))) {
    throw new Error('usage: npm run fuzz -- --seconds N --seed S [--schema PATH] [--chained SHARE] [--limit-ms MS] [--case-limit-ms MS] [--no-save] [--verbose] [--dump FILE]');
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
    console.error(error);
    process.exit(2);
  },
);
