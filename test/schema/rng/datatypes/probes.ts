// What the differential tests probe: every <data> (type and params) of libvirt's schemas, and for each a
// set of values around its edges (type bounds and facet bounds ±1, signs, leading zeros, white space,
// empty, huge numbers, exponents, non-ASCII) plus real values from the corpus that it takes, near misses
// made from them, and some it does not take.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libxml2 } from '../../../../server/src/schema/libxml2';
import { datatypeFor } from '../../../../server/src/schema/rng/datatypes';
import { INTEGER_BOUNDS } from '../../../../server/src/schema/rng/datatypes/numbers';
import { Random } from '../../../fuzz/random';
import type { DataSpec } from './libxml2Oracle';

const RNG = 'http://relaxng.org/ns/structure/1.0';

/** Every distinct <data> in the .rng files of the given folders (those that exist). */
export async function schemaDatas(folders: readonly string[]): Promise<DataSpec[]> {
  const library = await libxml2();
  const seen = new Map<string, DataSpec>();
  for (const folder of folders.filter((candidate) => existsSync(candidate))) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.rng')).sort()) {
      const document = library.XmlDocument.fromString(readFileSync(join(folder, file), 'utf8'));
      try {
        for (const node of document.find('//r:data', { r: RNG })) {
          const text = (xpath: string): string => String(node.eval(xpath, { r: RNG }));
          const params = node.find('r:param', { r: RNG }).map((param) => ({ name: String(param.eval('string(@name)')), value: param.content }));
          const spec = { library: text('string(ancestor-or-self::*[@datatypeLibrary][1]/@datatypeLibrary)'), type: text('string(@type)'), params };
          seen.set(JSON.stringify(spec), spec);
        }
      } finally {
        document.dispose();
      }
    }
  }
  return [...seen.values()];
}

/** The distinct attribute values and element texts of the given XML files. */
export function corpusValues(files: readonly string[]): string[] {
  const values = new Set<string>();
  const decode = (raw: string): string =>
    raw.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_all, name: string) =>
      name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'apos' ? "'" : String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1))),
    );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\s[\w:.-]+\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) values.add(decode(match[1] ?? match[2] ?? ''));
    for (const match of text.matchAll(/>([^<]+)</g)) if (match[1]!.trim() !== '') values.add(decode(match[1]!));
  }
  return [...values].sort();
}

const GENERIC = [
  '', ' ', '  ', '\t', 'x', 'X', '0', '1', '-1', '+1', ' 1', '1 ', ' 1 ', '\t1\n', '\r1\r', '01', '001', '00', '-0', '+0', '- 1', '1 2',
  '1.0', '1.', '.5', '-.5', '.', '1e3', '1E-2', '1e', '1e+', '1e-', 'e1', '1x', '0x10', '1,5', '1_000',
  'NaN', 'INF', '-INF', '+INF', 'inf', 'Infinity', 'nan', '-NaN', 'true', 'false', 'True', 'yes', 'no', 'on',
  'é', 'ü1', '中文', 'x\u{1F600}', '\u{1F600}', 'Ⅻ', '٣', 'a b', 'a  b', ' a ', 'a\tb', 'a\nb', '1a', 'a1', '_a', 'a:b', ':a', 'a-b.c', '-a', '.a',
  'http://example.com/a?b=c#d', 'a%20b', '%zz', '#a#b', 'a b c', '[::1]', 'http://[::1]:80/', 'http://h:x/', 'x:', 'urn:x',
  '2024-01-31T12:30:00', '2024-01-31T12:30:00Z', '2024-01-31T12:30:00+01:00', '2024-02-29T00:00:00', '2023-02-29T00:00:00', '2024-01-31T24:00:00', '2024-01-01T24:00:00Z', '2024-01-02T00:00:00Z', '2024-01-01T10:00:00+14:00',
  '2024-01-31T24:00:01', '2024-01-31T12:30:60', '2024-01-31T12:30:59.999', '2024-01-31T12:30:00.', '2024-01-31', '12:30:00', '-2024-01-31T12:30:00',
  '+2024-01-31T12:30:00', '0000-01-01T00:00:00', '02024-01-01T00:00:00', '12024-01-01T00:00:00', '2024-1-31T12:30:00', '2024-01-31 12:30:00',
  '2024-01-31T12:30:00+14:00', '2024-01-31T12:30:00+14:01', '2024-01-31T12:30:00-13:59', '2024-01-31T12:30:00+1:00', '2024-01-31t12:30:00',
  '9'.repeat(15), '9'.repeat(16), '9'.repeat(19), '9'.repeat(20), '9'.repeat(24), '9'.repeat(25), '1' + '0'.repeat(24), '0'.repeat(30) + '1',
  '-' + '9'.repeat(24), '-' + '9'.repeat(25), '1e308', '1e309', '-1e309', '4.9e-324', '1e-400', '0.0', '-0.0', '1.5e2', '1.5E+02',
  '0.' + '0'.repeat(23) + '1', '1.' + '0'.repeat(30), '1' + '0'.repeat(10) + '.5',
  // Where libxml2's regex automaton was seen to slip on libvirt's IPv6 pattern (libxml2-agreement.test.ts).
  '12345::1', '::12345', '2001db8:ac10:fd01::1:10', 'aaaaa:b:c:d:e:f:1.2.3.4', '1:12345::1', '1:2:3:4:5:6:7:12345', '0fd01::',
];

/** A decimal integer, and the integers one below and one above it, in a few spellings. */
function around(bound: string): string[] {
  const value = BigInt(bound);
  const out: string[] = [];
  for (const near of [value - 1n, value, value + 1n]) {
    const text = near.toString();
    const unsigned = text.replace(/^-/, '');
    const sign = near < 0n ? '-' : '';
    out.push(text, `${sign}0${unsigned}`, ` ${text} `, near >= 0n ? `+${text}` : text, `${text}.0`, `${text}e0`);
  }
  return out;
}

function numericProbes(spec: DataSpec): string[] {
  const out: string[] = [];
  const bounds = INTEGER_BOUNDS[spec.type];
  if (bounds) for (const bound of bounds) if (bound !== undefined) out.push(...around(bound));
  for (const param of spec.params) {
    if (!/^(min|max)(In|Ex)clusive$/.test(param.name)) continue;
    if (/^[+-]?[0-9]+$/.test(param.value.trim())) out.push(...around(param.value.trim()));
    else out.push(param.value, `-${param.value}`, `${param.value}1`);
  }
  return out;
}

/** Up to `count` items spread evenly over a sorted list, so the pick is stable and varied. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/** Corpus values the datatype takes and some it does not, and near misses of the first. */
function corpusProbes(spec: DataSpec, corpus: readonly string[]): string[] {
  if (spec.type === 'string' && spec.params.length === 0) return [];
  const ours = datatypeFor(spec.library, spec.type, spec.params);
  if (typeof ours === 'string') return [];
  const matching = corpus.filter((value) => ours.allows(value));
  const failing = corpus.filter((value) => !ours.allows(value) && value.length <= 40);
  const picked = spread(matching, 16);
  const near = picked.flatMap((value) => [` ${value}`, `${value} `, `${value}x`, `${value}\n`, value.slice(0, -1), value + value, value.toUpperCase(), `${value}é`]);
  return [...picked, ...near, ...mutants(spec, picked), ...spread(failing, 8)];
}

/** Edits per corpus value; VIRT_TUNE_DATATYPE_MUTANTS=60 makes a deeper run (about 117,000 probes). */
const MUTANTS = Number(process.env.VIRT_TUNE_DATATYPE_MUTANTS ?? 4);

/**
 * Random edits (insert, delete, replace, repeat a stretch) of values a pattern takes, with characters
 * the pattern and those values hold: near the edge of what it takes, where automata slip. Seeded by the
 * pattern, so every run probes the same strings.
 */
function mutants(spec: DataSpec, picked: readonly string[]): string[] {
  const pattern = spec.params.find((param) => param.name === 'pattern')?.value;
  if (pattern === undefined || picked.length === 0) return [];
  const alphabet = [...new Set([...pattern, ...picked.join(''), ' ', '0', 'x'])];
  let seed = 0;
  for (const character of pattern) seed = (Math.imul(seed, 31) + character.codePointAt(0)!) >>> 0;
  const random = new Random(seed);
  const out: string[] = [];
  for (const value of picked) {
    for (let n = 0; n < MUTANTS; n++) {
      let text = value;
      for (let edits = random.between(1, 2); edits > 0; edits--) {
        const at = random.below(text.length + 1);
        const kind = random.below(4);
        if (kind === 0) text = text.slice(0, at) + random.pick(alphabet) + text.slice(at);
        else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1);
        else if (kind === 2) text = text.slice(0, at) + random.pick(alphabet) + text.slice(at + 1);
        else {
          const end = random.between(at, text.length);
          text = text.slice(0, end) + text.slice(at, end) + text.slice(end);
        }
      }
      out.push(text);
    }
  }
  return out;
}

/** The probes for one datatype: generic ones, bounds, and values from the corpus. */
export function probesFor(spec: DataSpec, corpus: readonly string[]): string[] {
  return [...new Set([...GENERIC, ...numericProbes(spec), ...corpusProbes(spec, corpus)])];
}
