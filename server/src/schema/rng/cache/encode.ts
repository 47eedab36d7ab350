import { specOfDatatype, type Datatype } from '../datatypes';
import type { CompiledGrammar } from '../load';
import type { NameClass } from '../nameClass';
import { checksum, encodeNameClass, MAGIC, PATTERN_FIELDS, wordsOf, type Header } from './layout';

/**
 * A compiled grammar as the bytes of a schema cache file (layout.ts): the schema's own patterns, not
 * what validating documents has derived from them (that costs more to read back than to derive again,
 * and holds more memory than a run over many files needs at once).
 */
export function encodeGrammar(grammar: CompiledGrammar, build: string): Buffer {
  const patterns = grammar.table.schemaPatterns();
  const strings = new Indexer<string>();
  const names = new Indexer<NameClass>();
  const datatypes = new Indexer<Datatype>();
  const body = new Int32Array(patterns.length * PATTERN_FIELDS);
  let at = 0;
  for (const pattern of patterns) {
    body[at++] = pattern.kind;
    body[at++] = pattern.a ? pattern.a.id : -1;
    body[at++] = pattern.b ? pattern.b.id : -1;
    body[at++] = pattern.names ? names.of(pattern.names) : -1;
    body[at++] = pattern.datatype ? datatypes.of(pattern.datatype) : -1;
    body[at++] = pattern.value === undefined ? -1 : strings.of(pattern.value);
    body[at++] = pattern.place === undefined ? -1 : strings.of(pattern.place);
    body[at++] = pattern.content ? pattern.content.id : -1;
  }
  const header: Header = {
    build,
    path: grammar.path,
    files: grammar.files.map(({ path, stamp }) => ({ path, stamp })),
    strings: strings.items,
    names: names.items.map(encodeNameClass),
    datatypes: datatypes.items.map((datatype) => {
      const spec = specOfDatatype(datatype);
      if (!spec) throw new Error('virt-tune: a datatype of the schema has no spec to cache');
      return [spec.library, spec.type, spec.params.map(({ name, value }) => ({ name, value }))];
    }),
    patterns: patterns.length,
    start: grammar.start.id,
    elements: grammar.elements.map((element) => element.id),
    interleaves: [...grammar.interleaves].map(([pattern, branches]) => [pattern.id, branches.map((branch) => branch.id)]),
    choices: [...grammar.choices].map(([pattern, alternatives]) => [pattern.id, alternatives.map((alternative) => alternative.id)]),
  };
  let json = JSON.stringify(header);
  json += ' '.repeat((4 - (Buffer.byteLength(json) % 4)) % 4);
  const rest = Buffer.concat([Buffer.from(json, 'utf8'), Buffer.from(body.buffer)]);
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(rest.length - body.byteLength, 0);
  lengths.writeUInt32LE(body.length, 4);
  return Buffer.concat([MAGIC, lengths, checksum(wordsOf(rest, 0)), rest]);
}

/** Numbers things in the order first met. */
class Indexer<T> {
  readonly items: T[] = [];
  private readonly index = new Map<T, number>();

  of(item: T): number {
    let id = this.index.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(item);
      this.index.set(item, id);
    }
    return id;
  }
}
