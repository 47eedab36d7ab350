import type { Datatype } from './datatypes';
import type { NameClass } from './nameClass';
import { PairTable } from './pairTable';

/** The simplified RelaxNG patterns (the spec's section 4 result), plus `after`, which only derivatives make. */
export const enum Kind {
  NotAllowed,
  Empty,
  Text,
  Choice,
  Group,
  Interleave,
  OneOrMore,
  After,
  List,
  Attribute,
  Element,
  Data,
  Value,
  /**
   * Only validate.ts's element frames make these: the n-th of what the parent may have left once the
   * element ends, standing in for it as the second part of an `after`, so that an element's content is
   * derived the same whatever came before the element in its ancestors.
   */
  Rest,
}

/** Where a schema pattern is written, for messages: `domaincommon.rng:1234`. */
export type SchemaPlace = string;

/**
 * One pattern, made only by a PatternTable: two patterns built from the same parts are the same object,
 * so a pattern's id is its identity and the derivatives of a pattern are memoized on it.
 */
export class Pattern {
  /** Derivatives by the end of a start tag and by an end tag, once computed (the others are in the table's memo). */
  closeMemo: Pattern | undefined = undefined;
  endMemo: Pattern | undefined = undefined;
  /** The text, value, data and list patterns a text may match here. */
  textLeaves: readonly Pattern[] | undefined = undefined;
  /** Whether a value matches this pattern as a whole, by value (at most VALUE_MEMO_LIMIT of them). */
  valueMemo: Map<string, boolean> | undefined = undefined;
  /** Whether a memo field above is set (the table then knows this pattern). */
  hasMemo = false;
  /** The last walk that met this pattern (PatternTable.newVisit), so that a walk meets each shared part once. */
  visited = 0;
  /** A choice's alternatives, sorted by id, once asked for (most links of a choice's chain never are). */
  private listed: readonly Pattern[] | undefined = undefined;

  /** A choice's alternatives, sorted by id (a choice is a chain (x1 | (x2 | ...)), so one set is one pattern); undefined for any other pattern. */
  get alternatives(): readonly Pattern[] | undefined {
    if (this.kind !== Kind.Choice) return undefined;
    if (!this.listed) {
      const list: Pattern[] = [];
      let link: Pattern = this;
      while (link.kind === Kind.Choice) {
        list.push(link.a!);
        link = link.b!;
      }
      list.push(link);
      this.listed = keptList(list);
    }
    return this.listed;
  }

  /** Records a choice's alternatives when they are known already. */
  listAlternatives(alternatives: readonly Pattern[]): void {
    this.listed = alternatives;
  }

  /**
   * HOLDS_TEXT: a text, value, data or list pattern can be reached from here as the derivative by a text
   * looks for one (through choices, groups, interleaves, the first part of an after, oneOrMore). The
   * walks and derivatives by a text skip what has none.
   */
  readonly holds: number;
  /**
   * The names (as nameBit makes them) of the elements a start tag may match first here, and of the
   * attributes an attribute may match: what has no bit of a name is not walked or memoized for it.
   */
  readonly elementNames: number;
  readonly attributeNames: number;

  /** What only the schema's own leaves have (most patterns are derived ones, which have none of it). */
  private readonly leaf: Leaf | undefined;

  constructor(
    readonly id: number,
    readonly kind: Kind,
    readonly nullable: boolean,
    /** Choice, Group, Interleave, After: the first operand; OneOrMore, List: the operand; Attribute: the value; Data: the except. */
    readonly a: Pattern | undefined,
    readonly b: Pattern | undefined,
    names: NameClass | undefined,
    datatype: Datatype | undefined,
    value: string | undefined,
    place: SchemaPlace | undefined,
  ) {
    this.leaf = names !== undefined || datatype !== undefined || value !== undefined || place !== undefined ? new Leaf(names, datatype, value, place) : undefined;
    let holds = 0;
    let elementNames = 0;
    let attributeNames = 0;
    switch (kind) {
      case Kind.Attribute:
        attributeNames = nameClassBits(names!);
        break;
      case Kind.Element:
        elementNames = nameClassBits(names!);
        break;
      case Kind.Text:
      case Kind.Value:
      case Kind.Data:
      case Kind.List:
        holds = HOLDS_TEXT;
        break;
      case Kind.Choice:
      case Kind.Interleave:
        holds = a!.holds | b!.holds;
        elementNames = a!.elementNames | b!.elementNames;
        attributeNames = a!.attributeNames | b!.attributeNames;
        break;
      case Kind.Group:
        holds = a!.holds | b!.holds;
        // A start tag reaches the second part only past a first part that may be empty; an attribute always.
        elementNames = a!.nullable ? a!.elementNames | b!.elementNames : a!.elementNames;
        attributeNames = a!.attributeNames | b!.attributeNames;
        break;
      case Kind.After:
      case Kind.OneOrMore:
        holds = a!.holds;
        elementNames = a!.elementNames;
        attributeNames = a!.attributeNames;
        break;
      default:
        break;
    }
    this.holds = holds;
    this.elementNames = elementNames;
    this.attributeNames = attributeNames;
  }

  /** Attribute and Element: the names they take. */
  get names(): NameClass | undefined {
    return this.leaf?.names;
  }

  /** Data and Value: the type. */
  get datatype(): Datatype | undefined {
    return this.leaf?.datatype;
  }

  /** Value: the value as written in the schema; Data: the type's name; for messages. */
  get value(): string | undefined {
    return this.leaf?.value;
  }

  get place(): SchemaPlace | undefined {
    return this.leaf?.place;
  }

  /** An element's content, set once the schema's definitions are read (they may refer to the element itself). */
  get content(): Pattern | undefined {
    return this.leaf?.content;
  }

  set content(content: Pattern | undefined) {
    if (this.leaf) this.leaf.content = content;
    else if (content !== undefined) throw new Error('virt-tune: only an element pattern has content');
  }
}

/** The parts of a schema's attribute, element, data and value patterns, apart: a derived pattern is smaller without them. */
class Leaf {
  content: Pattern | undefined = undefined;

  constructor(
    readonly names: NameClass | undefined,
    readonly datatype: Datatype | undefined,
    readonly value: string | undefined,
    readonly place: SchemaPlace | undefined,
  ) {}
}

export const HOLDS_TEXT = 2;

/** Every bit nameBit may give: what a name class that takes unlisted names (anyName, nsName) has. */
const ALL_NAME_BITS = 0x3fffffff;

/** A local name as one of 30 bits (a hash of it), for the patterns' elementNames and attributeNames. */
export function nameBit(local: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < local.length; i++) h = Math.imul(h ^ local.charCodeAt(i), 0x01000193);
  return 1 << ((h >>> 0) % 30);
}

function nameClassBits(names: NameClass): number {
  switch (names.kind) {
    case 'name':
      return nameBit(names.local);
    case 'choice':
      return nameClassBits(names.a) | nameClassBits(names.b);
    default:
      return ALL_NAME_BITS;
  }
}

/**
 * A name as the memos key it: `key` is `local` in no namespace, `{ns}local` otherwise. The table that
 * numbered it last keeps its number on it (memoKey, valid while memoEpoch is that table's epoch), so a
 * name met again is not looked up by its string.
 */
export interface MemoName {
  readonly key: string;
  memoEpoch: number;
  memoKey: number;
}

/**
 * The attribute patterns an attribute of one name may match in a pattern, as one list shared by every
 * pattern where that name meets the same ones, with the memo key each value makes of them (the name's
 * key extended by the leaves that take the value): most values ('yes', 'virtio', '0') are met again and
 * again, and then cost one lookup instead of one per leaf.
 */
export interface AttributeLeaves {
  readonly leaves: readonly Pattern[];
  readonly keys: Map<string, number>;
}

/** Kept in the table: made by a constructor (see derive.ts's Name). */
class LeafList implements AttributeLeaves {
  readonly keys = new Map<string, number>();

  constructor(readonly leaves: readonly Pattern[]) {}
}

/** Values remembered per list of leaves at most. */
const LEAF_KEYS_LIMIT = 256;
/**
 * Longer values are not remembered by the memos keyed by value (AttributeLeaves.keys, Pattern.valueMemo):
 * those that repeat are short, and a longer one may be a slice of its document's text (V8 makes a slice
 * of 13 characters or more a view into the whole string), which it would keep alive.
 */
export const MAX_REMEMBERED_VALUE = 12;

/** The next table epoch (see MemoName). */
let nextEpoch = 0;

/** Above this many interned derived patterns the table starts afresh (the schema's own patterns are kept). */
const DEFAULT_LIMIT = 200_000;

/**
 * Makes patterns, interned: the schema's own patterns when it is compiled, and the derived ones while
 * documents are validated. The derived ones and every memoized derivative are dropped together when
 * they grow past a limit, so memory stays bounded however many documents are judged.
 */
export class PatternTable {
  private nextId = 0;
  /** The first id after the schema's own patterns: derived ids start here again when the table starts afresh. */
  private firstDerivedId = 0;
  /** Derived patterns by kind and operands: (kind << 24 | a.id, b.id). */
  private readonly interned: PairTable<Pattern>;
  /** Patterns that carry memos: cleared when the table starts afresh. */
  private memoized: Pattern[] = [];
  /** The schema's own patterns by id, until the table is sealed. */
  private readonly own: Pattern[] = [];
  private sealed = false;
  readonly notAllowed: Pattern;
  readonly empty: Pattern;
  readonly text: Pattern;

  /**
   * `schema`: a sealed table's `schemaPatterns`, read back from the schema cache; the table is then
   * sealed with them, as the one that made them was.
   */
  constructor(
    private readonly limit = DEFAULT_LIMIT,
    schema?: readonly Pattern[],
  ) {
    if (!schema) {
      this.interned = new PairTable();
      this.notAllowed = this.make(Kind.NotAllowed, false);
      this.empty = this.make(Kind.Empty, true);
      this.text = this.make(Kind.Text, true);
      return;
    }
    this.interned = new PairTable(schema.length);
    this.own = [...schema];
    this.notAllowed = schema[0]!;
    this.empty = schema[1]!;
    this.text = schema[2]!;
    this.internOwn();
    this.nextId = this.firstDerivedId = schema.length;
    this.sealed = true;
  }

  /** The schema's own patterns, by id (0 to length - 1), once the table is sealed. */
  schemaPatterns(): readonly Pattern[] {
    if (!this.sealed) throw new Error('virt-tune: the schema is not read yet');
    return this.own;
  }

  /** Memo entries kept in the patterns' own fields since the table last started afresh. */
  private entries = 0;
  /**
   * Derivatives by a start tag, an attribute or a text, by pattern and key: one map for every pattern,
   * for a map per pattern costs more than the entries it holds.
   */
  private readonly memo = new PairTable<Pattern>();
  /** The attribute patterns an attribute of a name may match, by pattern and name. */
  private readonly leaves = new PairTable<AttributeLeaves>();
  /** The lists of attribute leaves, one per name and set of leaves, by the name's key and the leaves' ids. */
  private leafLists = new Map<string, AttributeLeaves>();
  /** Values remembered in the leaf lists' `keys` since the table last started afresh. */
  private leafKeys = 0;
  /** Element starts (enterElement), by pattern and name key. */
  private readonly entered = new PairTable<Entered>();
  /** The placeholders made so far (Kind.Rest), by index: kept when the table starts afresh. */
  private readonly rests: Pattern[] = [];
  /** The names' memo keys as small numbers. */
  private keys = new Map<string, number>();
  /**
   * The attribute and text memo keys: a name's key (or 0 for a text) extended by the ids of the leaves
   * that matched, one at a time, so a key is found without building a string or a set.
   */
  private readonly extended = new PairTable<number>();
  /** The next memo key: names and extended keys share one numbering, so they never collide. */
  private nextKey = 1;
  /** Which numbering of the names' keys is in force: unique among every table's, and new whenever this one starts afresh. */
  private epoch = nextEpoch++;

  /** The last number newVisit gave. */
  private lastVisit = 0;

  /** A number no pattern has in its `visited` field: a new walk marks what it met with it. */
  newVisit(): number {
    if (this.lastVisit >= MAX_VISIT) {
      for (const pattern of this.own) pattern.visited = 0;
      this.interned.forEach((_first, _second, pattern) => (pattern.visited = 0));
      for (const rest of this.rests) rest.visited = 0;
      this.lastVisit = 0;
    }
    return ++this.lastVisit;
  }

  /** The number of derived patterns and memo entries now held. */
  get size(): number {
    return this.interned.size + this.entries + this.memo.size + this.entered.size + this.leaves.size + this.leafLists.size + this.leafKeys + this.keys.size + this.extended.size;
  }

  /** A name's memo key as a small number (never 0), kept on the name until this table starts afresh. */
  keyId(name: MemoName): number {
    if (name.memoEpoch === this.epoch) return name.memoKey;
    let id = this.keys.get(name.key);
    if (id === undefined) {
      id = this.nextKey++;
      this.keys.set(name.key, id);
    }
    name.memoEpoch = this.epoch;
    name.memoKey = id;
    return id;
  }

  /** The memo key of `key` followed by the leaf `leafId` (a text's keys start from 0). */
  extendKey(key: number, leafId: number): number {
    let id = this.extended.get(key, leafId);
    if (id === undefined) {
      id = this.nextKey++;
      this.extended.set(key, leafId, id);
    }
    return id;
  }

  derivative(kind: MemoKind, pattern: Pattern, key: number): Pattern | undefined {
    return this.memo.get(pattern.id * 4 + kind, key);
  }

  memoize(kind: MemoKind, pattern: Pattern, key: number, result: Pattern): void {
    this.memo.set(pattern.id * 4 + kind, key, result);
  }

  enteredBy(pattern: Pattern, name: number): Entered | undefined {
    return this.entered.get(pattern.id, name);
  }

  rememberEntered(pattern: Pattern, name: number, entered: Entered): void {
    this.entered.set(pattern.id, name, entered);
  }

  /** The placeholder for an element's `index`-th rest (Kind.Rest); its id is counted down from MAX_ID. */
  rest(index: number): Pattern {
    let rest = this.rests[index];
    if (!rest) {
      if (index >= MAX_RESTS) throw new Error('virt-tune: the RelaxNG validator met an element that may end in too many ways');
      for (let at = this.rests.length; at <= index; at++) this.rests.push(new Pattern(MAX_ID - 1 - at, Kind.Rest, false, undefined, undefined, undefined, undefined, undefined, undefined));
      rest = this.rests[index]!;
    }
    return rest;
  }

  leavesOf(pattern: Pattern, name: number): AttributeLeaves | undefined {
    return this.leaves.get(pattern.id, name);
  }

  /** Keeps the leaves found for a pattern and a name's key, as the one list every pattern with the same leaves for that name shares. */
  rememberLeaves(pattern: Pattern, name: number, leaves: readonly Pattern[]): AttributeLeaves {
    let key = String(name);
    for (let i = 0; i < leaves.length; i++) key += ` ${leaves[i]!.id}`;
    let list = this.leafLists.get(key);
    if (!list) {
      list = new LeafList(leaves);
      this.leafLists.set(key, list);
    }
    this.leaves.set(pattern.id, name, list);
    return list;
  }

  /** Records the memo key a value gives with a list of leaves; only short values, at most LEAF_KEYS_LIMIT per list. */
  rememberLeafKey(list: AttributeLeaves, value: string, key: number): void {
    if (value.length > MAX_REMEMBERED_VALUE || list.keys.size >= LEAF_KEYS_LIMIT) return;
    list.keys.set(value, key);
    this.leafKeys++;
  }

  /** The schema is read: patterns made from now on are derived ones. */
  seal(): void {
    this.firstDerivedId = this.nextId;
    this.sealed = true;
  }

  /** Records that a pattern got a memo entry. */
  remember(pattern: Pattern): void {
    this.entries++;
    if (pattern.hasMemo) return;
    pattern.hasMemo = true;
    this.memoized.push(pattern);
  }

  /**
   * Drops derived patterns and memos when they have grown past the limit; true when it did. Only
   * between documents: a derived pattern still in use would share its id with a new one.
   */
  trim(): boolean {
    if (this.size <= this.limit) return false;
    for (const pattern of this.memoized) {
      pattern.closeMemo = pattern.endMemo = undefined;
      pattern.textLeaves = undefined;
      pattern.valueMemo = undefined;
      pattern.hasMemo = false;
    }
    this.memoized = [];
    this.entries = 0;
    this.memo.clear();
    this.entered.clear();
    this.leaves.clear();
    this.leafLists = new Map();
    this.leafKeys = 0;
    this.keys = new Map();
    this.extended.clear();
    this.nextKey = 1;
    this.epoch = nextEpoch++;
    this.interned.clear();
    this.internOwn();
    this.nextId = this.firstDerivedId;
    return true;
  }

  /**
   * The schema's own combinations, interned by their operands as `register` interned them: every
   * pattern the table interns before it is sealed is one of its own, so `own` is what to keep when the
   * derived ones are dropped.
   */
  private internOwn(): void {
    const { own, interned } = this;
    for (let i = 0; i < own.length; i++) {
      const pattern = own[i]!;
      if (isInterned(pattern.kind)) interned.set(kindKey(pattern.kind, pattern.a!), pattern.b ? pattern.b.id : 0, pattern);
    }
  }

  choice(a: Pattern, b: Pattern): Pattern {
    if (a === b || b.kind === Kind.NotAllowed) return a;
    if (a.kind === Kind.NotAllowed) return b;
    // Two single patterns, the commonest case: one link, no lists to merge.
    if (a.kind !== Kind.Choice && b.kind !== Kind.Choice) return a.id < b.id ? this.pair(a, b) : this.pair(b, a);
    const x = alternativesOf(a);
    const y = alternativesOf(b);
    // The common cases without merging: one side is a single pattern already among the other's.
    if (y.length === 1 && x.includes(b)) return a;
    if (x.length === 1 && y.includes(a)) return b;
    const merged = mergeAlternatives(x, y);
    if (merged.length === x.length) return a;
    if (merged.length === y.length) return b;
    // A choice is kept as a chain sorted by id, (x1 | (x2 | (... | xn))), so one set is one pattern.
    let chain = merged[merged.length - 1]!;
    for (let i = merged.length - 2; i >= 0; i--) chain = this.link(merged[i]!, chain, merged, i);
    return chain;
  }

  /** The choice of two single patterns, `first` the one with the lower id. */
  private pair(first: Pattern, second: Pattern): Pattern {
    const known = this.interned.get(kindKey(Kind.Choice, first), second.id);
    if (known) return known;
    const pattern = this.register(Kind.Choice, first.nullable || second.nullable, first, second);
    // Array.of, not a literal: no allocation site (see keptList).
    pattern.listAlternatives(Array.of(first, second));
    return pattern;
  }

  private link(first: Pattern, rest: Pattern, all: readonly Pattern[], from: number): Pattern {
    const known = this.interned.get(kindKey(Kind.Choice, first), rest.id);
    if (known) return known;
    const pattern = this.register(Kind.Choice, first.nullable || rest.nullable, first, rest);
    if (from === 0) pattern.listAlternatives(keptList(all));
    return pattern;
  }

  group(a: Pattern, b: Pattern): Pattern {
    if (a.kind === Kind.NotAllowed || b.kind === Kind.NotAllowed) return this.notAllowed;
    if (a.kind === Kind.Empty) return b;
    if (b.kind === Kind.Empty) return a;
    return this.binary(Kind.Group, a, b, a.nullable && b.nullable);
  }

  interleave(a: Pattern, b: Pattern): Pattern {
    if (a.kind === Kind.NotAllowed || b.kind === Kind.NotAllowed) return this.notAllowed;
    if (a.kind === Kind.Empty) return b;
    if (b.kind === Kind.Empty) return a;
    // Interleave is commutative: one order, so that both orders are one pattern.
    return a.id <= b.id ? this.binary(Kind.Interleave, a, b, a.nullable && b.nullable) : this.binary(Kind.Interleave, b, a, a.nullable && b.nullable);
  }

  after(a: Pattern, b: Pattern): Pattern {
    if (a.kind === Kind.NotAllowed || b.kind === Kind.NotAllowed) return this.notAllowed;
    return this.binary(Kind.After, a, b, false);
  }

  oneOrMore(a: Pattern): Pattern {
    if (a.kind === Kind.NotAllowed || a.kind === Kind.Empty) return a;
    return this.unary(Kind.OneOrMore, a, a.nullable);
  }

  list(a: Pattern): Pattern {
    if (a.kind === Kind.NotAllowed) return a;
    return this.unary(Kind.List, a, false);
  }

  attribute(names: NameClass, value: Pattern, place: SchemaPlace): Pattern {
    if (value.kind === Kind.NotAllowed) return value;
    return this.unique(Kind.Attribute, false, value, undefined, names, undefined, undefined, place);
  }

  /** An element whose content is set afterwards (`content`). */
  element(names: NameClass, place: SchemaPlace): Pattern {
    return this.unique(Kind.Element, false, undefined, undefined, names, undefined, undefined, place);
  }

  data(datatype: Datatype, typeName: string, except: Pattern | undefined, place: SchemaPlace): Pattern {
    return this.unique(Kind.Data, false, except?.kind === Kind.NotAllowed ? undefined : except, undefined, undefined, datatype, typeName, place);
  }

  value(datatype: Datatype, value: string, place: SchemaPlace): Pattern {
    return this.unique(Kind.Value, false, undefined, undefined, undefined, datatype, value, place);
  }

  private binary(kind: Kind, a: Pattern, b: Pattern, nullable: boolean): Pattern {
    return this.interned.get(kindKey(kind, a), b.id) ?? this.register(kind, nullable, a, b);
  }

  private unary(kind: Kind, a: Pattern, nullable: boolean): Pattern {
    return this.interned.get(kindKey(kind, a), 0) ?? this.register(kind, nullable, a, undefined);
  }

  private register(kind: Kind, nullable: boolean, a: Pattern, b: Pattern | undefined): Pattern {
    if (this.nextId >= MAX_ID - MAX_RESTS) throw new Error('virt-tune: the RelaxNG validator made too many patterns for one document');
    const pattern = new Pattern(this.nextId++, kind, nullable, a, b, undefined, undefined, undefined, undefined);
    this.interned.set(kindKey(kind, a), b ? b.id : 0, pattern);
    if (!this.sealed) this.own.push(pattern);
    return pattern;
  }

  /** A leaf of the schema (attribute, element, data, value): equal only to itself; never dropped. */
  private unique(kind: Kind, nullable: boolean, a: Pattern | undefined, b: Pattern | undefined, names: NameClass | undefined, datatype: Datatype | undefined, value: string | undefined, place: SchemaPlace | undefined): Pattern {
    const pattern = new Pattern(this.nextId++, kind, nullable, a, b, names, datatype, value, place);
    if (!this.sealed) this.own.push(pattern);
    return pattern;
  }

  private make(kind: Kind, nullable: boolean): Pattern {
    return this.unique(kind, nullable, undefined, undefined, undefined, undefined, undefined, undefined);
  }
}

/** Whether patterns of a kind are interned by their operands (the others are each equal only to themselves). */
export function isInterned(kind: Kind): boolean {
  return kind === Kind.Choice || kind === Kind.Group || kind === Kind.Interleave || kind === Kind.After || kind === Kind.OneOrMore || kind === Kind.List;
}

/** Whether a pattern of this kind with these operands matches an empty sequence, as the table works it out. */
export function nullableOf(kind: Kind, a: Pattern | undefined, b: Pattern | undefined): boolean {
  switch (kind) {
    case Kind.Empty:
    case Kind.Text:
      return true;
    case Kind.Choice:
      return a!.nullable || b!.nullable;
    case Kind.Group:
    case Kind.Interleave:
      return a!.nullable && b!.nullable;
    case Kind.OneOrMore:
      return a!.nullable;
    default:
      return false;
  }
}

export const enum MemoKind {
  Start,
  Attribute,
  Text,
}

/** Visit numbers stay small integers (see newVisit). */
const MAX_VISIT = 0x3fffffff;

/** Ids stay below 2^24, so that a kind and an id make one 32-bit key. */
export const MAX_ID = 0x1000000;
/** Placeholders (Kind.Rest) at most: their ids are the top ones below MAX_ID. */
const MAX_RESTS = 0x10000;

/** The index of a placeholder made by PatternTable.rest. */
export function restIndex(rest: Pattern): number {
  return MAX_ID - 1 - rest.id;
}

/**
 * A start tag seen in a pattern, with its parent's part apart: `content` is a choice of `after(c, rest)`,
 * each `rest` a placeholder (Kind.Rest) for the pattern of `rests` at its index: what the parent has left
 * if the element's content matched `c`.
 */
export interface Entered {
  content: Pattern;
  rests: readonly Pattern[];
}

/**
 * A copy of a list, for a memo to keep: the list literal it was built in then dies young, and the copy
 * has no allocation site for V8 to move to the old generation (see derive.ts's Name).
 */
export function keptList<T>(list: readonly T[]): readonly T[] {
  return list.slice();
}

function kindKey(kind: Kind, a: Pattern): number {
  return (kind << 24) | a.id;
}

function alternativesOf(pattern: Pattern): readonly Pattern[] {
  return pattern.alternatives ?? [pattern];
}

function mergeAlternatives(x: readonly Pattern[], y: readonly Pattern[]): Pattern[] {
  const merged: Pattern[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && x[i]!.id <= y[j]!.id) ? x[i++]! : y[j++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}
