// `npm run fuzz:rng -- --seconds N --seed S [--schema PATH]`: the differential fuzz of virt-tune's RelaxNG
// validator against libxml2's, longer than the seeded run of `npm test`. Exit status 1 on a disagreement.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_DIR } from '../../kb/shared';
import { differential } from './differential';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' }, schema: { type: 'string' } } });
  const seconds = Number(values.seconds);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
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
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
