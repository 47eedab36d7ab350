// `npm run fuzz:rng -- --seconds N --seed S [--schema PATH]`: the differential fuzz of virt-tune's RelaxNG
// validator against libxml2's, longer than the seeded run of `npm test`. Exit status 1 on a disagreement.
import { resolve } from 'node:path';
import { parsedOptions, UsageError } from '../../fuzz/usage';
import { CORPUS_DIR } from '../../kb/shared';
import { differential } from './differential';

const USAGE = `usage: npm run fuzz:rng -- [--seconds N] [--seed S] [--schema PATH]
  --seconds N     how long to run (60)
  --seed S        the random seed; the same seed makes the same cases (a random one unless told)
  --schema PATH   the domain.rng both validators judge by (the corpus's, libvirt 11.3.0, unless told)
  --help          this text`;


const OPTIONS = {
  seconds: { type: 'string', default: '60' },
  seed: { type: 'string' },
  schema: { type: 'string' },
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
  if (!(seconds > 0) || !Number.isInteger(seed)) throw new UsageError('--seconds takes a positive number, --seed an integer');
  const schemaPath = values.schema ?? resolve(CORPUS_DIR, 'schemas/domain.rng');
  process.stdout.write(`virt-tune RelaxNG differential fuzz: ${seconds} s, seed ${seed}, schema ${schemaPath}\n`);
  const report = await differential({ schemaPath, seed, cases: Infinity, seconds });
  for (const found of report.disagreements) {
    process.stdout.write(`\nlibxml2 ${found.libxml2Accepts ? 'accepts' : 'refuses'}, virt-tune ${found.libxml2Accepts ? 'refuses' : 'accepts'} (${found.origin}; ${found.mutations.join(', ')})\n`);
    process.stdout.write(`  virt-tune: ${found.ours || '(no error)'}\n  libxml2: ${found.libxml2 || '(no error)'}\n  minimal text:\n${found.minimised.replace(/^/gm, '    ')}\n`);
  }
  process.stdout.write(`${report.cases} cases, ${report.disagreements.length} disagreements\n`);
  return report.disagreements.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`fuzz:rng: ${error.message}\n${USAGE}\n`);
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
