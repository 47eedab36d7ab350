// The texts findingsDump.ts lints, each with a name that holds no path of this machine.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FileKind } from '../../server/src/core/types';
import type { GrubDropIns } from '../../server/src/grubDropIns/types';
import { detectKind } from '../../server/src/services';
import { pickMutation } from '../fuzz/mutate';
import { Random } from '../fuzz/random';
import { loadRegressions } from '../fuzz/regressions';
import { CMDLINE_PATHS, loadSeeds } from '../fuzz/seeds';
import { CORPUS_DIR, corpusList } from '../kb/shared';

export const ROOT = resolve(__dirname, '..', '..', '..');

/** A text to lint: `path` is where a file of its kind is opened (a command line file's shape is told by it). */
export interface DumpText {
  name: string;
  kind: FileKind;
  path: string;
  text: string;
  /** A fuzz regression stored with `host: true`: its domain passes run with the host fixture only. */
  hostOnly?: boolean;
  /** The drop-ins sourced after an /etc/default/grub or a drop-in (findingsDumpGrubD.ts), as `virt-tune lint` gives them. */
  grubDropIns?: GrubDropIns;
}

/** `every` > 1 keeps every nth file of the corpus and of the large regressions, and 1/n of the mutants (the test's short dump); the other lists stay whole. */
export interface Sample {
  every: number;
}

const DOMAIN_MUTANTS = 2000;
const BOOT_MUTANTS = 2000;
/**
 * Mutants and fuzz regressions longer than this are left out: a few mutations make megabytes, and the long
 * regressions are cases of speed whose findings run to hundreds of MB of JSON; they add time, not cases.
 */
export const TEXT_LIMIT = 100_000;

function sampled<T>(items: readonly T[], sample: Sample): T[] {
  return items.filter((_, index) => index % sample.every === 0);
}

export function mutate(text: string, random: Random): string {
  let mutated = text;
  const times = random.between(1, 3);
  for (let j = 0; j < times; j++) mutated = pickMutation(random).apply(mutated, random);
  return mutated;
}

/** Files under a folder, sorted by name at each level (readdir's order is the file system's). */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      const stats = lstatSync(path);
      if (stats.isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
      return stats.isFile() ? [path] : [];
    });
}

/** The folders named `fixtures` under test/, test/fixtures first. */
function fixtureFolders(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.name === 'fixtures') found.push(path);
      else walk(path);
    }
  };
  walk(join(ROOT, 'test'));
  const first = join(ROOT, 'test', 'fixtures');
  return [first, ...found.filter((folder) => folder !== first)];
}

/**
 * The domain texts of the dump's first version, in its order: libvirt's corpus (accepted, rejected), the XML
 * files of examples/ and test/fixtures, and seeded mutants of corpus files (the fuzzer's mutations).
 */
export function domainTexts(sample: Sample): DumpText[] {
  const corpus = sampled([...corpusList('accepted.txt'), ...corpusList('rejected.txt')], sample).map((file) => domain(file, readFileSync(resolve(CORPUS_DIR, file), 'utf8')));
  const own = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')]
    .flatMap((folder) => filesUnder(folder).filter((path) => path.endsWith('.xml')))
    .map((path) => domain(relative(ROOT, path), readFileSync(path, 'utf8')));
  const texts = [...corpus, ...own];
  const random = new Random(16);
  const mutants = Math.floor(DOMAIN_MUTANTS / sample.every);
  for (let i = 0; i < mutants; i++) {
    const { name, text } = random.pick(corpus);
    const mutated = mutate(text, random);
    if (mutated.length < TEXT_LIMIT) texts.push(domain(`mutant ${i} of ${name}`, mutated));
  }
  return texts;
}

/** Domain texts the first version left out: the other test fixtures' XML, the fuzzer's written seeds and its regressions. */
export function moreDomainTexts(): DumpText[] {
  const fixtures = fixtureFolders()
    .slice(1)
    .flatMap((folder) => filesUnder(folder).filter((path) => path.endsWith('.xml')))
    .map((path) => domain(relative(ROOT, path), readFileSync(path, 'utf8')));
  return [...fixtures, ...written('domain'), ...regressions('domain')];
}

function domain(name: string, text: string): DumpText {
  return { name, kind: 'domain', path: '/dump/domain.xml', text };
}

/** The fuzzer's seeds written in seeds.ts, of one kind (loadSeeds names them `written PATH`). */
function written(kind: FileKind): DumpText[] {
  return loadSeeds()
    .filter((seed) => seed.kind === kind && seed.origin.startsWith('written '))
    .map((seed, index) => ({ name: `written ${index} ${seed.path}`, kind, path: seed.path, text: seed.text }));
}

/** The fuzzer's regressions, of every kind: the text stored, and for a chained case also the text after its edits. */
function allRegressions(): DumpText[] {
  return loadRegressions().flatMap((regression) => {
    const { kind, path, text, edits } = regression.fuzzCase;
    const hostOnly = regression.host ? { hostOnly: true } : {};
    const stored: DumpText = { name: `regression ${regression.file}`, kind, path, text, ...hostOnly };
    if (!edits) return [stored];
    const edited = edits.reduce((current, edit) => current.slice(0, edit.start) + edit.text + current.slice(edit.end), text);
    return [stored, { ...stored, name: `regression ${regression.file} after its edits`, text: edited }];
  });
}

/** The fuzzer's regressions of one kind up to TEXT_LIMIT. */
function regressions(kind: FileKind): DumpText[] {
  return allRegressions().filter((regression) => regression.kind === kind && regression.text.length < TEXT_LIMIT);
}

/** The fuzzer's regressions over TEXT_LIMIT, of every kind (every nth of them in a sample): cases of speed, whose findings the dump writes as a digest. */
export function largeRegressions(sample: Sample): DumpText[] {
  return sampled(
    allRegressions().filter((regression) => regression.text.length >= TEXT_LIMIT),
    sample,
  );
}

/**
 * The ksmtuned.conf or kernel command line texts: the files of examples/ and of every test/**\/fixtures
 * folder of that kind, each at its own path (`/` and its path in the repository), the fuzzer's written
 * seeds and regressions, and seeded mutants of all these. A command line text is also opened at each
 * of the fuzzer's paths (CMDLINE_PATHS), one per shape, as the fuzzer does.
 */
export function bootTexts(kind: 'cmdline' | 'ksmtuned', sample: Sample): DumpText[] {
  const files = [join(ROOT, 'examples'), ...fixtureFolders()].flatMap(filesUnder).flatMap((file): DumpText[] => {
    const path = `/${relative(ROOT, file)}`;
    const text = readFileSync(file, 'utf8');
    return detectKind(path, text) === kind ? [{ name: relative(ROOT, file), kind, path, text }] : [];
  });
  const seeds = [...files, ...written(kind), ...regressions(kind)];
  const texts = kind === 'cmdline' ? seeds.flatMap((seed) => [seed, ...CMDLINE_PATHS.filter((path) => path !== seed.path).map((path) => ({ ...seed, name: `${seed.name} at ${path}`, path }))]) : [...seeds];
  const pickable = seeds.filter((seed) => seed.text.length < TEXT_LIMIT);
  const random = new Random(kind === 'cmdline' ? 12 : 13);
  const mutants = Math.floor(BOOT_MUTANTS / sample.every);
  for (let i = 0; i < mutants; i++) {
    const seed = random.pick(pickable);
    const path = kind === 'cmdline' && random.chance(0.5) ? random.pick(CMDLINE_PATHS) : seed.path;
    const mutated = mutate(seed.text, random);
    if (mutated.length < TEXT_LIMIT) texts.push({ name: `mutant ${i} of ${seed.name} at ${path}`, kind, path, text: mutated });
  }
  return texts;
}
