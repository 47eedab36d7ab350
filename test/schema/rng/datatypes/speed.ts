// How fast allows() judges real attribute values, in process: every attribute of every accepted corpus
// file, judged by the datatype libvirt's schema gives it (taken from the generated structure, the same
// <data> types and facets). Not a test (no timings in tests): run `node out/test/schema/rng/datatypes/speed.js`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import structure from '../../../../server/src/kb/schema/domain-structure.json';
import { datatypeFor, XSD_DATATYPES, type Datatype } from '../../../../server/src/schema/rng/datatypes';
import { CORPUS_DIR, corpusList } from '../../../kb/shared';

type Value = { kind: string; datatype?: string; min?: string; max?: string; pattern?: { xsd: string }; of?: Value[] };
type Element = { name: string; attributes?: [string, number, ...string[]][]; children?: [string, number, ...string[]][] };

const values = structure.values as Value[];
const elements = structure.elements as unknown as Element[];

/** The datatypes a value type asks allows() of (none for enumerations, which are <value>s). */
function datatypesOf(value: Value): Datatype[] {
  if (value.kind === 'union') return (value.of ?? []).flatMap(datatypesOf);
  const params = [];
  if (value.pattern) params.push({ name: 'pattern', value: value.pattern.xsd });
  if (value.kind === 'integer') {
    if (value.min !== undefined) params.push({ name: 'minInclusive', value: value.min });
    if (value.max !== undefined) params.push({ name: 'maxInclusive', value: value.max });
  }
  const type = value.kind === 'integer' || value.kind === 'data' ? value.datatype! : value.kind === 'text' || value.pattern ? 'string' : undefined;
  if (!type) return [];
  const datatype = datatypeFor(XSD_DATATYPES, type, params);
  if (typeof datatype === 'string') throw new Error(datatype);
  return [datatype];
}

const byValue = values.map(datatypesOf);

/** [datatypes, value] for every attribute in the file whose element and attribute the structure knows. */
function judgements(text: string, out: [Datatype[], string][]): void {
  const stack: number[] = [];
  for (const match of text.matchAll(/<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)) {
    const [, closing, name, attributes, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    const parent = stack.length === 0 ? undefined : stack[stack.length - 1]!;
    const index = parent === undefined ? (name === elements[structure.root]!.name ? structure.root : -1) : parent < 0 ? -1 : (elements[parent]!.children?.find(([child]) => child === name)?.[1] ?? -1);
    if (index >= 0) {
      for (const attribute of attributes!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const known = elements[index]!.attributes?.find(([attributeName]) => attributeName === attribute[1]);
        if (known && byValue[known[1]]!.length > 0) out.push([byValue[known[1]]!, attribute[2] ?? attribute[3]!]);
      }
    }
    if (!selfClosing) stack.push(index);
  }
}

const work: [Datatype[], string][] = [];
for (const file of corpusList('accepted.txt')) judgements(readFileSync(resolve(CORPUS_DIR, file), 'utf8'), work);
const datatypes = work.map(([list]) => list);
const texts = work.map(([, text]) => text);

function pass(): number {
  let accepted = 0;
  for (let i = 0; i < datatypes.length; i++) {
    const list = datatypes[i]!;
    const text = texts[i]!;
    for (let j = 0; j < list.length; j++) {
      if (list[j]!.allows(text)) {
        accepted++;
        break;
      }
    }
  }
  return accepted;
}

pass();
const rounds = 20;
const started = process.hrtime.bigint();
let accepted = 0;
for (let round = 0; round < rounds; round++) accepted = pass();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${work.length} typed attribute values (${accepted} accepted) x ${rounds}: ${((work.length * rounds) / seconds / 1e6).toFixed(1)} M values/s, ${((seconds / rounds) * 1000).toFixed(1)} ms per corpus pass`);
