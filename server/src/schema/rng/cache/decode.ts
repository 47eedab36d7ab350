import { datatypeOnFirstUse, type Datatype } from '../datatypes';
import type { CompiledGrammar } from '../load';
import type { NameClass } from '../nameClass';
import { Kind, MAX_ID, nullableOf, Pattern, PatternTable } from '../pattern';
import { checksum, MAGIC, PATTERN_FIELDS, PREAMBLE_BYTES, wordsOf, type EncodedNameClass, type Header } from './layout';

/** A cache file that cannot be used: damaged, written for other files or by another build. */
export class UnusableCache extends Error {}

/** A cache file read: its header, and its body as 32-bit words. */
export interface CacheFile {
  header: Header;
  body: Int32Array;
}

/** A cache file's header and body, or undefined when the bytes are not a whole cache file (damaged, cut short, not one). */
export function readCacheFile(bytes: Buffer): CacheFile | undefined {
  if (bytes.length < PREAMBLE_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const bodyInts = bytes.readUInt32LE(MAGIC.length + 4);
  if (headerLength % 4 !== 0 || PREAMBLE_BYTES + headerLength + bodyInts * 4 !== bytes.length) return undefined;
  const words = wordsOf(bytes, PREAMBLE_BYTES);
  if (!checksum(words).equals(bytes.subarray(MAGIC.length + 8, PREAMBLE_BYTES))) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf8', PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength)) as Header;
    if (typeof header !== 'object' || header === null || typeof header.build !== 'string' || typeof header.path !== 'string' || !Array.isArray(header.files)) return undefined;
    if (!header.files.every((file) => typeof file?.path === 'string' && typeof file.stamp === 'string')) return undefined;
    return { header, body: words.subarray(headerLength / 4) };
  } catch {
    return undefined;
  }
}

/**
 * The grammar a cache file holds, in a table sealed as the compiler leaves it. Everything is checked
 * against what the compiler could have made (ids in range, operands made before the pattern that uses
 * them, each kind with the parts it needs); throws an UnusableCache at the first thing that is not so.
 */
export function decodeGrammar({ header, body }: CacheFile): CompiledGrammar {
  return new Decoder(header, body).grammar();
}

class Decoder {
  private readonly count: number;
  private readonly patterns: Pattern[] = [];
  private readonly names: NameClass[];
  private readonly datatypes: Datatype[];
  private readonly strings: string[];

  constructor(
    private readonly header: Header,
    private readonly body: Int32Array,
  ) {
    this.count = integer(header.patterns, 3, MAX_ID);
    if (this.count * PATTERN_FIELDS !== body.length) throw new UnusableCache('the body is not as long as its header says');
    this.strings = check(header.strings, (list) => Array.isArray(list) && list.every((item) => typeof item === 'string'));
    this.names = check(header.names, Array.isArray).map(nameClass);
    this.datatypes = check(header.datatypes, Array.isArray).map((entry) => {
      const [library, type, params] = check(entry, (item) => Array.isArray(item) && item.length === 3);
      if (typeof library !== 'string' || typeof type !== 'string' || !Array.isArray(params)) throw new UnusableCache('a datatype is not a spec');
      for (const param of params) if (typeof param?.name !== 'string' || typeof param.value !== 'string') throw new UnusableCache('a datatype param is not a name and value');
      return datatypeOnFirstUse({ library, type, params });
    });
  }

  grammar(): CompiledGrammar {
    const { header, body, count, patterns } = this;
    const { names, datatypes, strings } = this;
    if (body[0] !== Kind.NotAllowed || body[PATTERN_FIELDS] !== Kind.Empty || body[2 * PATTERN_FIELDS] !== Kind.Text) throw new UnusableCache('the first patterns are not notAllowed, empty and text');
    // Each pattern's indexes are checked (rowFits) before it is made, so the loop only looks things up
    // after that; one pass over the body, which runs before V8 has optimized anything.
    for (let id = 0, at = 0; id < count; id++, at += PATTERN_FIELDS) {
      if (!this.rowFits(id, at)) throw new UnusableCache(`pattern ${id} refers to what is not there (or to a pattern made after it), or is of no kind a schema has`);
      const kind = body[at]! as Kind;
      const a = body[at + 1]! < 0 ? undefined : patterns[body[at + 1]!];
      const b = body[at + 2]! < 0 ? undefined : patterns[body[at + 2]!];
      const nameClass = body[at + 3]! < 0 ? undefined : names[body[at + 3]!];
      const datatype = body[at + 4]! < 0 ? undefined : datatypes[body[at + 4]!];
      const value = body[at + 5]! < 0 ? undefined : strings[body[at + 5]!];
      const place = body[at + 6]! < 0 ? undefined : strings[body[at + 6]!];
      if (!fits(kind, a, b, nameClass, datatype, value)) throw new UnusableCache(`pattern ${id} lacks what its kind needs`);
      patterns.push(new Pattern(id, kind, nullableOf(kind, a, b), a, b, nameClass, datatype, value, place));
    }
    for (let id = 0, at = 7; id < count; id++, at += PATTERN_FIELDS) {
      const pattern = patterns[id]!;
      const content = body[at]! < 0 ? undefined : patterns[body[at]!];
      if ((pattern.kind === Kind.Element) !== (content !== undefined)) throw new UnusableCache(`pattern ${id}: content where there is none, or none where it is needed`);
      pattern.content = content;
    }
    const table = new PatternTable(undefined, patterns);
    const pattern = (id: unknown, kind?: Kind): Pattern => {
      const found = this.reference(integer(id, 0, count - 1));
      if (!found || (kind !== undefined && found.kind !== kind)) throw new UnusableCache('a pattern of the grammar is not what it should be');
      return found;
    };
    const lists = (entries: unknown, kind: Kind): Map<Pattern, Pattern[]> =>
      new Map((check(entries, Array.isArray) as unknown[]).map((entry) => {
        const [id, ids] = check(entry as unknown[], (item) => Array.isArray(item) && item.length === 2 && Array.isArray(item[1]));
        return [pattern(id, kind), (ids as unknown[]).map((one) => pattern(one))];
      }));
    return {
      path: header.path,
      files: header.files.map(({ path, stamp }) => ({ path, stamp })),
      table,
      start: pattern(header.start),
      elements: check(header.elements, Array.isArray).map((id) => pattern(id, Kind.Element)),
      interleaves: lists(header.interleaves, Kind.Interleave),
      choices: lists(header.choices, Kind.Choice),
    };
  }

  /**
   * Whether the pattern at `at` has every index in range, -1 for none: a kind a schema has, operands
   * made before it (as the table makes them), name classes, datatypes and strings of the header, an
   * element's content any pattern.
   */
  private rowFits(id: number, at: number): boolean {
    const { body, count } = this;
    const kind = body[at]!;
    return !(
      kind < Kind.NotAllowed || kind > Kind.Value || kind === Kind.After ||
      body[at + 1]! < -1 || body[at + 1]! >= id || body[at + 2]! < -1 || body[at + 2]! >= id ||
      body[at + 3]! < -1 || body[at + 3]! >= this.names.length || body[at + 4]! < -1 || body[at + 4]! >= this.datatypes.length ||
      body[at + 5]! < -1 || body[at + 5]! >= this.strings.length || body[at + 6]! < -1 || body[at + 6]! >= this.strings.length ||
      body[at + 7]! < -1 || body[at + 7]! >= count
    );
  }

  private reference(id: number): Pattern | undefined {
    if (id === -1) return undefined;
    if (id < 0 || id >= this.count) throw new UnusableCache(`no pattern ${id}`);
    return this.patterns[id];
  }
}

/** Whether a pattern has the parts its kind needs and no others. */
function fits(kind: Kind, a: Pattern | undefined, b: Pattern | undefined, names: NameClass | undefined, datatype: Datatype | undefined, value: string | undefined): boolean {
  switch (kind) {
    case Kind.Choice:
    case Kind.Group:
    case Kind.Interleave:
    case Kind.After:
      return !!a && !!b && !names && !datatype;
    case Kind.OneOrMore:
    case Kind.List:
      return !!a && !b && !names && !datatype;
    case Kind.Attribute:
      return !!a && !b && !!names && !datatype;
    case Kind.Element:
      return !a && !b && !!names && !datatype;
    case Kind.Data:
      return !b && !names && !!datatype && value !== undefined;
    case Kind.Value:
      return !a && !b && !names && !!datatype && value !== undefined;
    default:
      return !a && !b && !names && !datatype && value === undefined;
  }
}

function nameClass(encoded: EncodedNameClass): NameClass {
  if (!Array.isArray(encoded)) throw new UnusableCache('a name class is not a list');
  const text = (item: unknown): string => check(item, (value) => typeof value === 'string') as string;
  const except = (item: unknown): NameClass | undefined => (item === null ? undefined : nameClass(item as EncodedNameClass));
  switch (encoded[0]) {
    case 0:
      return { kind: 'name', ns: text(encoded[1]), local: text(encoded[2]) };
    case 1:
      return { kind: 'anyName', except: except(encoded[1]) };
    case 2:
      return { kind: 'nsName', ns: text(encoded[1]), except: except(encoded[2]) };
    case 3:
      return { kind: 'choice', a: nameClass(encoded[1]), b: nameClass(encoded[2]) };
    default:
      throw new UnusableCache('a name class of no kind');
  }
}

function integer(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new UnusableCache(`${String(value)} is not a count between ${min} and ${max}`);
  return value;
}

function check<T>(value: T, test: (value: T) => boolean): T {
  if (!test(value)) throw new UnusableCache('the header is not as written');
  return value;
}
