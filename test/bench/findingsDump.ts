// `npm run findings:dump -- OUT`: every domain finding (message, range, fixes) of this build over libvirt's
// corpus (accepted and rejected), examples/, test/fixtures and 2000 seeded mutants of corpus files (the
// fuzzer's mutations), without and with the two-nodes host fixture, one JSON line per text with findings.
// For work on the lint's speed: dump before and after, and `cmp` the two files (findings must not change).
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadHostPath } from '../../server/src/host/load';
import { chooseSchema, serviceFor } from '../../server/src/services';
import { pickMutation } from '../fuzz/mutate';
import { Random } from '../fuzz/random';
import { CORPUS_DIR, corpusList } from '../kb/shared';

const ROOT = resolve(__dirname, '..', '..', '..');
const MUTANTS = 2000;
/** Mutants longer than this are left out (a few mutations make megabytes; they add time, not cases). */
const MUTANT_LIMIT = 100_000;

function xmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return xmlFiles(path);
    return entry.isFile() && entry.name.endsWith('.xml') ? [path] : [];
  });
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: npm run findings:dump -- OUT');
  await chooseSchema('builtin');
  const host = await loadHostPath(join(ROOT, 'test', 'fixtures', 'hosts', 'two-nodes'));
  const service = serviceFor('domain')!;
  const corpus = [...corpusList('accepted.txt'), ...corpusList('rejected.txt')].map((file): [string, string] => [file, readFileSync(resolve(CORPUS_DIR, file), 'utf8')]);
  const own = [...xmlFiles(join(ROOT, 'examples')), ...xmlFiles(join(ROOT, 'test', 'fixtures'))].map((path): [string, string] => [relative(ROOT, path), readFileSync(path, 'utf8')]);
  const texts = [...corpus, ...own];
  const random = new Random(16);
  for (let i = 0; i < MUTANTS; i++) {
    const [name, text] = random.pick(corpus);
    let mutated = text;
    const times = random.between(1, 3);
    for (let j = 0; j < times; j++) mutated = pickMutation(random).apply(mutated, random);
    if (mutated.length < MUTANT_LIMIT) texts.push([`mutant ${i} of ${name}`, mutated]);
  }
  const fd = openSync(out, 'w');
  let version = 0;
  let count = 0;
  for (const [name, text] of texts) {
    for (const [label, options] of [['', {}], [' +host', { host }]] as const) {
      const uri = 'file:///dump/domain.xml';
      const findings = service.diagnostics(TextDocument.create(uri, 'xml', ++version, text), options);
      service.forget(uri);
      if (findings.length > 0) writeSync(fd, `${JSON.stringify([name + label, findings])}\n`);
      count += findings.length;
    }
  }
  closeSync(fd);
  console.log(`${texts.length} texts, ${count} findings -> ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
