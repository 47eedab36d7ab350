import { containsName } from './nameClass';
import { HOLDS_TEXT, keptList, Kind, MAX_REMEMBERED_VALUE, MemoKind, nameBit, restIndex, type AttributeLeaves, type Entered, type MemoName, type Pattern, type PatternTable } from './pattern';

/** A name as the document has it, resolved: its namespace URI, local name, and a key for the memos. */
export interface ResolvedName extends MemoName {
  ns: string;
  local: string;
  /** nameBit(local): patterns without it in their elementNames or attributeNames cannot take the name. */
  bit: number;
}

export function resolvedName(ns: string, local: string): ResolvedName {
  if (ns === '') return plainName(local);
  return new Name(ns, local, `{${ns}}${local}`);
}

/**
 * Made by a constructor, not an object literal, as is everything else the validator keeps in its memos
 * (EnteredElement, pattern.ts's LeafList, elementMemo.ts's Outcome; lists through keptList). V8 gives each
 * literal an allocation site, and once the young generation has first grown to its full size it moves
 * the sites whose objects mostly survive to the old generation and deoptimizes every function that
 * inlined one: over libvirt's test files that threw seven of the validator's hot functions (enterElement
 * and leaveElement twice, open, plainName, ...) back to the interpreter in the middle of the run, each
 * then compiled again. A constructor call has no such site.
 */
class Name implements ResolvedName {
  readonly bit: number;
  memoEpoch = -1;
  memoKey = 0;

  constructor(
    readonly ns: string,
    readonly local: string,
    readonly key: string,
  ) {
    this.bit = nameBit(local);
  }
}

/** Names in no namespace, made once each: a document's names are mostly the same few hundred. */
const plainNames = new Map<string, ResolvedName>();
/** Names kept at most: a stream of documents with made-up names cannot fill the map. */
const MAX_PLAIN_NAMES = 4096;

/** Kept in the table's memo: made by a constructor (see Name). */
class EnteredElement implements Entered {
  constructor(
    public content: Pattern,
    public rests: readonly Pattern[],
  ) {}
}

function plainName(local: string): ResolvedName {
  let name = plainNames.get(local);
  if (!name) {
    name = new Name('', local, local);
    if (plainNames.size < MAX_PLAIN_NAMES) plainNames.set(local, name);
  }
  return name;
}

/**
 * The derivatives of James Clark's algorithm for RelaxNG validation ("An algorithm for RELAX NG
 * validation", 2002): what a pattern has left to match once the document has shown a start tag, an
 * attribute, the end of the start tag, a text or an end tag. Each result is memoized on the pattern,
 * so a corpus of similar documents mostly hits the memo.
 */
export class Deriver {
  constructor(readonly table: PatternTable) {}

  startTagOpen(p: Pattern, name: ResolvedName): Pattern {
    const { table } = this;
    if (!(p.elementNames & name.bit)) return table.notAllowed;
    // An element itself is cheaper to answer than to look up.
    if (p.kind === Kind.Element) return containsName(p.names!, name.ns, name.local) ? table.after(p.content!, table.empty) : table.notAllowed;
    const key = table.keyId(name);
    const known = table.derivative(MemoKind.Start, p, key);
    if (known) return known;
    const result = this.computeStart(p, name);
    table.memoize(MemoKind.Start, p, key, result);
    return result;
  }

  /**
   * By a start tag, as startTagOpen, but with what the parent has left apart (see Entered): the content
   * is then derived the same wherever the element stands, so its derivatives are shared by every place
   * and document, where startTagOpen's carry the states of all the element's ancestors in them.
   */
  enterElement(p: Pattern, name: ResolvedName): Entered {
    const { table } = this;
    const key = table.keyId(name);
    const known = table.enteredBy(p, key);
    if (known) return known;
    const contents: Pattern[] = [];
    const rests: Pattern[] = [];
    for (const alternative of p.alternatives ?? [p]) {
      // An element's own pattern, after(x, placeholder): its child is entered in x, and the placeholder
      // goes to the parent's rest, without the after(content, after(rest, placeholder)) startTagOpen makes.
      if (alternative.kind === Kind.After && alternative.b!.kind === Kind.Rest) {
        const placeholder = alternative.b!;
        this.open(alternative.a!, name, (rest) => table.after(rest, placeholder), contents, rests);
      } else {
        this.open(alternative, name, identity, contents, rests);
      }
    }
    const entered = this.apart(contents, rests);
    table.rememberEntered(p, key, entered);
    return entered;
  }

  /** What the parent has left once an element entered with `entered` ended in `ended` (endTag's or endTagLeniently's result). */
  leaveElement(ended: Pattern, entered: Entered): Pattern {
    const { table } = this;
    if (ended.kind === Kind.Rest) return entered.rests[restIndex(ended)]!;
    let result = table.notAllowed;
    const alternatives = ended.alternatives;
    if (alternatives) for (let i = 0; i < alternatives.length; i++) result = table.choice(result, entered.rests[restIndex(alternatives[i]!)]!);
    return result;
  }

  /**
   * The pairs (contents[i], rests[i]) as an Entered: the content a choice of after(contents[i], placeholder),
   * each distinct rest numbered in the order of the contents' ids.
   */
  private apart(contents: readonly Pattern[], rests: readonly Pattern[]): Entered {
    const { table } = this;
    if (contents.length === 0) return new EnteredElement(table.notAllowed, NO_PATTERNS);
    if (contents.length === 1) return new EnteredElement(table.after(contents[0]!, table.rest(0)), keptList(rests));
    const order = contents.map((_, index) => index).sort((x, y) => contents[x]!.id - contents[y]!.id || rests[x]!.id - rests[y]!.id);
    const numbered: Pattern[] = [];
    let content = table.notAllowed;
    for (const at of order) {
      let index = numbered.indexOf(rests[at]!);
      if (index < 0) index = numbered.push(rests[at]!) - 1;
      content = table.choice(content, table.after(contents[at]!, table.rest(index)));
    }
    return new EnteredElement(content, keptList(numbered));
  }

  /**
   * By an attribute. Memoized by which of the pattern's attribute patterns of that name take the value,
   * not by the value: the many values seen once (paths, UUIDs) share one memo entry.
   */
  attribute(p: Pattern, name: ResolvedName, value: string): Pattern {
    const { table } = this;
    if (!(p.attributeNames & name.bit)) return table.notAllowed;
    const nameKey = table.keyId(name);
    const list = this.attributeLeaves(p, name, nameKey);
    const { leaves } = list;
    let key = list.keys.get(value);
    if (key === undefined) {
      key = nameKey;
      for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i]!;
        if (this.valueMatches(leaf.a!, value)) key = table.extendKey(key, leaf.id);
      }
      table.rememberLeafKey(list, value, key);
    }
    if (key === nameKey) return table.notAllowed;
    const known = table.derivative(MemoKind.Attribute, p, key);
    if (known) return known;
    const matched: Pattern[] = [];
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      if (this.valueMatches(leaf.a!, value)) matched.push(leaf);
    }
    return this.attributeMatched(p, key, name.bit, matched);
  }

  startTagClose(p: Pattern): Pattern {
    if (p.closeMemo) return p.closeMemo;
    const result = this.computeClose(p, false);
    p.closeMemo = result;
    this.table.remember(p);
    return result;
  }

  /** The end of a start tag that lacks attributes the pattern needs: as though they were there. */
  startTagCloseLeniently(p: Pattern): Pattern {
    return this.computeClose(p, true);
  }

  /** A text that is not a value the pattern takes, where it would take one: as though it were. */
  textLeniently(p: Pattern): Pattern {
    return this.textTakenBy(p, undefined);
  }

  /** By a text. Memoized, like attributes, by which of the pattern's value patterns take the text. */
  text(p: Pattern, value: string): Pattern {
    switch (p.kind) {
      case Kind.Text:
        return p;
      case Kind.Value:
      case Kind.Data:
      case Kind.List:
        return this.leafMatches(p, value) ? this.table.empty : this.table.notAllowed;
      default:
        break;
    }
    return this.textTakenBy(p, value);
  }

  /** By a text `value` (undefined: any text, which every value pattern is then taken to take). */
  private textTakenBy(p: Pattern, value: string | undefined): Pattern {
    const { table } = this;
    const leaves = this.textLeaves(p);
    let key = 0;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      if (this.takes(leaf, value)) key = table.extendKey(key, leaf.id);
    }
    if (key === 0) return table.notAllowed;
    const known = table.derivative(MemoKind.Text, p, key);
    if (known) return known;
    const matched: Pattern[] = [];
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      if (this.takes(leaf, value)) matched.push(leaf);
    }
    return this.textMatched(p, key, matched);
  }

  /**
   * Whether a text leaf takes the text (any text, when undefined). Through valueMatches' memo: an
   * element's text is mostly one of a few values met again and again ('destroy', 'hvm', a size), and
   * each miss would run the type's parse and facets, or compare with every value of a choice.
   */
  private takes(leaf: Pattern, value: string | undefined): boolean {
    return value === undefined || leaf.kind === Kind.Text || this.valueMatches(leaf, value);
  }

  endTag(p: Pattern): Pattern {
    if (p.endMemo) return p.endMemo;
    const result = this.computeEnd(p, false);
    p.endMemo = result;
    this.table.remember(p);
    return result;
  }

  /** An end tag that comes before the element's content is complete: the parent goes on as though it were. */
  endTagLeniently(p: Pattern): Pattern {
    return this.computeEnd(p, true);
  }

  /** Whether a value matches a pattern as a whole (an attribute's value, a list's word). */
  valueMatches(p: Pattern, value: string): boolean {
    // Memoized by value: attribute values repeat across documents ('yes', 'file', 'virtio'), and each
    // miss runs the datatype's parse, facets and value comparisons over every leaf of the pattern.
    const known = p.valueMemo?.get(value);
    if (known !== undefined) return known;
    const matches = (p.nullable && isWhitespace(value)) || this.text(p, value).nullable;
    // Longer values are not kept: those that repeat are short, and a longer one is mostly a slice of its
    // document's text (parseXml slices values of 13 characters or more), which the memo would keep alive.
    if (value.length > MAX_REMEMBERED_VALUE) return matches;
    const memo = (p.valueMemo ??= new Map());
    if (memo.size < VALUE_MEMO_LIMIT) {
      memo.set(value, matches);
      this.table.remember(p);
    }
    return matches;
  }

  private computeStart(p: Pattern, name: ResolvedName): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, this.startTagOpen(alternative, name));
        return result;
      }
      case Kind.Interleave: {
        const contents: Pattern[] = [];
        const rests: Pattern[] = [];
        this.open(p, name, identity, contents, rests);
        let result = table.notAllowed;
        for (let i = 0; i < contents.length; i++) result = table.choice(result, table.after(contents[i]!, rests[i]!));
        return result;
      }
      case Kind.OneOrMore: {
        const rest = table.choice(p, table.empty);
        return this.applyAfter(this.startTagOpen(p.a!, name), (x) => table.group(x, rest));
      }
      case Kind.Group: {
        const b = p.b!;
        const first = this.applyAfter(this.startTagOpen(p.a!, name), (x) => table.group(x, b));
        return p.a!.nullable ? table.choice(first, this.startTagOpen(b, name)) : first;
      }
      case Kind.After: {
        const b = p.b!;
        return this.applyAfter(this.startTagOpen(p.a!, name), (x) => table.after(x, b));
      }
      default:
        return table.notAllowed;
    }
  }

  /**
   * What startTagOpen gives for `p`, as pairs pushed onto `contents` and `rests`, `rebuild` applied to
   * each rest: through the interleaves nested in `p` without memoizing each one, so that opening an
   * element deep in a big interleave makes no after() at its levels (memo entries of states seen once).
   */
  private open(p: Pattern, name: ResolvedName, rebuild: (rest: Pattern) => Pattern, contents: Pattern[], rests: Pattern[]): void {
    const { table } = this;
    if (!(p.elementNames & name.bit)) return;
    if (p.kind === Kind.Interleave) {
      const a = p.a!;
      const b = p.b!;
      this.open(a, name, (x) => rebuild(table.interleave(x, b)), contents, rests);
      this.open(b, name, (x) => rebuild(table.interleave(a, x)), contents, rests);
      return;
    }
    const opened = this.startTagOpen(p, name);
    for (const pair of opened.alternatives ?? [opened]) {
      if (pair.kind !== Kind.After) continue;
      contents.push(pair.a!);
      rests.push(rebuild(pair.b!));
    }
  }

  private applyAfter(p: Pattern, f: (pattern: Pattern) => Pattern): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.After:
        return table.after(p.a!, f(p.b!));
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, this.applyAfter(alternative, f));
        return result;
      }
      default:
        return table.notAllowed;
    }
  }

  private computeClose(p: Pattern, lenient: boolean): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.After:
        return table.after(this.close(p.a!, lenient), p.b!);
      case Kind.Choice: {
        const alternatives = p.alternatives!;
        let result = table.notAllowed;
        for (let i = 0; i < alternatives.length; i++) result = table.choice(result, this.close(alternatives[i]!, lenient));
        return result;
      }
      case Kind.Group:
        return table.group(this.close(p.a!, lenient), this.close(p.b!, lenient));
      case Kind.Interleave:
        return table.interleave(this.close(p.a!, lenient), this.close(p.b!, lenient));
      case Kind.OneOrMore:
        return table.oneOrMore(this.close(p.a!, lenient));
      case Kind.Attribute:
        return lenient ? table.empty : table.notAllowed;
      default:
        return p;
    }
  }

  private close(p: Pattern, lenient: boolean): Pattern {
    return lenient ? this.computeClose(p, true) : this.startTagClose(p);
  }

  private leafMatches(leaf: Pattern, value: string): boolean {
    switch (leaf.kind) {
      case Kind.Text:
        return true;
      case Kind.Value:
        return leaf.datatype!.equal(leaf.value!, value);
      case Kind.Data:
        return leaf.datatype!.allows(value) && !(leaf.a && this.text(leaf.a, value).nullable);
      case Kind.List: {
        let rest = leaf.a!;
        for (const word of words(value)) {
          rest = this.text(rest, word);
          if (rest.kind === Kind.NotAllowed) return false;
        }
        return rest.nullable;
      }
      default:
        return false;
    }
  }

  /** The text, value, data and list patterns a text meets first in a pattern. */
  private textLeaves(p: Pattern): readonly Pattern[] {
    if (p.textLeaves) return p.textLeaves;
    const found: Pattern[] = [];
    this.findTextLeaves(p, this.table.newVisit(), found);
    p.textLeaves = found.length > 0 ? keptList(found) : NO_PATTERNS;
    this.table.remember(p);
    return p.textLeaves;
  }

  /**
   * Derived patterns share their parts (a group's derivative by an attribute is (a' b) | (a b')), so a
   * walk that went down every path would meet the same parts many times over: each is walked once
   * (marked with the walk's `visit`), and so each leaf is found once.
   */
  private findTextLeaves(q: Pattern, visit: number, found: Pattern[]): void {
    if (!(q.holds & HOLDS_TEXT) || q.visited === visit) return;
    q.visited = visit;
    switch (q.kind) {
      case Kind.Choice: {
        const alternatives = q.alternatives!;
        for (let i = 0; i < alternatives.length; i++) this.findTextLeaves(alternatives[i]!, visit, found);
        return;
      }
      case Kind.Interleave:
        this.findTextLeaves(q.a!, visit, found);
        this.findTextLeaves(q.b!, visit, found);
        return;
      case Kind.Group:
        this.findTextLeaves(q.a!, visit, found);
        if (q.a!.nullable) this.findTextLeaves(q.b!, visit, found);
        return;
      case Kind.After:
      case Kind.OneOrMore:
        this.findTextLeaves(q.a!, visit, found);
        return;
      case Kind.Text:
      case Kind.Value:
      case Kind.Data:
      case Kind.List:
        found.push(q);
        return;
      default:
        return;
    }
  }

  /** The attribute patterns of that name an attribute may match in a pattern. */
  private attributeLeaves(p: Pattern, name: ResolvedName, nameKey: number): AttributeLeaves {
    const known = this.table.leavesOf(p, nameKey);
    if (known) return known;
    const found: Pattern[] = [];
    this.findAttributeLeaves(p, name, this.table.newVisit(), found);
    return this.table.rememberLeaves(p, nameKey, found.length > 0 ? keptList(found) : NO_PATTERNS);
  }

  /** Each part once, as in findTextLeaves. */
  private findAttributeLeaves(q: Pattern, name: ResolvedName, visit: number, found: Pattern[]): void {
    if (!(q.attributeNames & name.bit) || q.visited === visit) return;
    q.visited = visit;
    switch (q.kind) {
      case Kind.Choice: {
        const alternatives = q.alternatives!;
        for (let i = 0; i < alternatives.length; i++) this.findAttributeLeaves(alternatives[i]!, name, visit, found);
        return;
      }
      case Kind.Group:
      case Kind.Interleave:
        this.findAttributeLeaves(q.a!, name, visit, found);
        this.findAttributeLeaves(q.b!, name, visit, found);
        return;
      case Kind.After:
      case Kind.OneOrMore:
        this.findAttributeLeaves(q.a!, name, visit, found);
        return;
      case Kind.Attribute:
        if (containsName(q.names!, name.ns, name.local)) found.push(q);
        return;
      default:
        return;
    }
  }

  /** The derivative by an attribute that the attribute patterns `matched` (and only they) take. */
  private attributeMatched(p: Pattern, key: number, bit: number, matched: readonly Pattern[]): Pattern {
    const { table } = this;
    // No attribute of the name in it: nothing to derive, nothing to remember.
    if (!(p.attributeNames & bit)) return table.notAllowed;
    const known = table.derivative(MemoKind.Attribute, p, key);
    if (known) return known;
    const d = (q: Pattern): Pattern => this.attributeMatched(q, key, bit, matched);
    let result: Pattern;
    switch (p.kind) {
      case Kind.After:
        result = table.after(d(p.a!), p.b!);
        break;
      case Kind.Choice:
        result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, d(alternative));
        break;
      case Kind.Group:
        result = table.choice(table.group(d(p.a!), p.b!), table.group(p.a!, d(p.b!)));
        break;
      case Kind.Interleave:
        result = table.choice(table.interleave(d(p.a!), p.b!), table.interleave(p.a!, d(p.b!)));
        break;
      case Kind.OneOrMore:
        result = table.group(d(p.a!), table.choice(p, table.empty));
        break;
      case Kind.Attribute:
        return matched.includes(p) ? table.empty : table.notAllowed;
      default:
        return table.notAllowed;
    }
    this.table.memoize(MemoKind.Attribute, p, key, result);
    return result;
  }

  /** The derivative by a text that the leaves `matched` (and only they) take. */
  private textMatched(p: Pattern, key: number, matched: readonly Pattern[]): Pattern {
    const { table } = this;
    if (!(p.holds & HOLDS_TEXT)) return table.notAllowed;
    const known = table.derivative(MemoKind.Text, p, key);
    if (known) return known;
    const d = (q: Pattern): Pattern => this.textMatched(q, key, matched);
    let result: Pattern;
    switch (p.kind) {
      case Kind.Choice:
        result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, d(alternative));
        break;
      case Kind.Interleave:
        result = table.choice(table.interleave(d(p.a!), p.b!), table.interleave(p.a!, d(p.b!)));
        break;
      case Kind.Group: {
        const first = table.group(d(p.a!), p.b!);
        result = p.a!.nullable ? table.choice(first, d(p.b!)) : first;
        break;
      }
      case Kind.After:
        result = table.after(d(p.a!), p.b!);
        break;
      case Kind.OneOrMore:
        result = table.group(d(p.a!), table.choice(p, table.empty));
        break;
      case Kind.Text:
        return p;
      case Kind.Value:
      case Kind.Data:
      case Kind.List:
        return matched.includes(p) ? table.empty : table.notAllowed;
      default:
        return table.notAllowed;
    }
    this.table.memoize(MemoKind.Text, p, key, result);
    return result;
  }

  private computeEnd(p: Pattern, lenient: boolean): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, lenient ? this.computeEnd(alternative, true) : this.endTag(alternative));
        return result;
      }
      case Kind.After:
        return lenient || p.a!.nullable ? p.b! : table.notAllowed;
      default:
        return table.notAllowed;
    }
  }
}

const NO_PATTERNS: readonly Pattern[] = [];

function identity(pattern: Pattern): Pattern {
  return pattern;
}

/** Values remembered per pattern at most: values seen once (paths, UUIDs) stop filling it. */
const VALUE_MEMO_LIMIT = 256;

/** XML white space only (space, tab, CR, LF), or nothing. */
export function isWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

function words(value: string): string[] {
  return value.split(/[ \t\r\n]+/).filter((word) => word !== '');
}
