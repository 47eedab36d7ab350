import type { ResolvedName } from './derive';
import type { CompiledGrammar } from './load';
import { containsName, type NameClass } from './nameClass';
import { Kind, type Pattern } from './pattern';

/**
 * libxml2's way with an `<interleave>` that holds another interleave (libvirt's `<domain>`: its
 * `resources`, `events` and `os` hold interleaves of their own), where the RelaxNG spec and libxml2
 * judge differently. libxml2 (relaxng.c, xmlRelaxNGValidateInterleave) hands each branch the children
 * its element names claim, linked into a chain through the nodes' `next` pointers, validates the
 * branches in the order they are written, and at the end of every interleave it ran restores the
 * `next` pointers of the nodes between the first and the last child it walked from their `prev`
 * pointers. A branch validated later whose children lie between those then finds a foreign child in
 * its chain and fails: libxml2 refuses `memory, on_poweroff, currentMemory, on_crash`, or a
 * `<bootloader>` parted from `<os>` in a KVM domain, although the spec allows any order. This replays
 * that bookkeeping on a document element's child elements (the alternatives of a choice tried in the
 * order written, each with its side effects, as libxml2 tries them all), so that our verdict is
 * libvirt's: `virsh define --validate` runs libxml2.
 */
export class Libxml2Interleaves {
  /**
   * By element name key, when one of the element patterns of that name has children that go through an
   * interleave holding another: every element pattern of that name, with that interleave if it has one.
   */
  private readonly byName = new Map<string, { element: Pattern; interleave: Pattern | undefined }[]>();
  private readonly names = new Map<Pattern, NameClass[]>();
  private readonly nullable = new Map<Pattern, boolean>();
  /** Per interleave of the schema, the branch each child name falls in (-1: none), by the name's key. */
  private readonly groups = new Map<Pattern, Map<string, number>>();

  constructor(private readonly grammar: CompiledGrammar) {
    const all = new Map<string, { element: Pattern; interleave: Pattern | undefined }[]>();
    const prone = new Set<string>();
    for (const element of grammar.elements) {
      const names = element.names!;
      if (names.kind !== 'name' || !element.content) continue;
      const key = names.ns === '' ? names.local : `{${names.ns}}${names.local}`;
      const found = childInterleave(element.content, grammar);
      const interleave = found && grammar.interleaves.get(found)!.some((branch) => holdsInterleave(branch, grammar)) ? found : undefined;
      if (interleave) prone.add(key);
      const list = all.get(key) ?? [];
      list.push({ element, interleave });
      all.set(key, list);
    }
    for (const key of prone) this.byName.set(key, all.get(key)!);
  }

  /** Whether elements of this name may meet the quirk: only then are their children's names needed. */
  concerns(name: ResolvedName): boolean {
    return this.byName.has(name.key);
  }

  /**
   * The child at which libxml2's bookkeeping fails for an element with these child elements (their
   * names, in order), or undefined when libxml2 judges them as the spec does.
   */
  refusal(name: ResolvedName, children: readonly ResolvedName[], accepts: SequenceCheck): number | undefined {
    const candidates = this.byName.get(name.key);
    if (!candidates || children.length < 3) return undefined;
    // Where each branch's children are next to each other, libxml2's relinking changes nothing.
    if (candidates.every(({ interleave }) => !interleave || this.contiguous(interleave, children))) return undefined;
    let first: number | undefined;
    for (const { element, interleave } of candidates) {
      // Only the forms of the element the spec accepts it as: libxml2 tries each.
      if (!accepts(element, undefined)) continue;
      if (!interleave) return undefined;
      const outcome = new Replay(this, children, accepts).interleave(interleave, 0);
      if (outcome.failedAt === NONE) return undefined;
      first ??= outcome.failedAt;
    }
    return first;
  }

  private contiguous(interleave: Pattern, children: readonly ResolvedName[]): boolean {
    const branches = this.branchesOf(interleave)!;
    const done = new Set<number>();
    let previous = -1;
    for (const child of children) {
      const group = this.groupOf(interleave, branches, child);
      if (group < 0) return true;
      if (group !== previous) {
        if (done.has(group)) return false;
        if (previous >= 0) done.add(previous);
        previous = group;
      }
    }
    return true;
  }

  /** The branch of an interleave whose elements may take this name, -1 when none; remembered per name. */
  private groupOf(interleave: Pattern, branches: readonly Pattern[], name: ResolvedName): number {
    let byName = this.groups.get(interleave);
    if (!byName) this.groups.set(interleave, (byName = new Map()));
    let group = byName.get(name.key);
    if (group === undefined) {
      group = branches.findIndex((branch) => this.namesOf(branch).some((names) => containsName(names, name.ns, name.local)));
      // Names the schema does not know are not remembered past a bound, so a stream of documents cannot fill it.
      if (group >= 0 || byName.size < MAX_REMEMBERED_NAMES) byName.set(name.key, group);
    }
    return group;
  }

  /** The names of the elements a pattern may hold directly (not inside its elements), as libxml2 collects them. */
  namesOf(pattern: Pattern): NameClass[] {
    let found = this.names.get(pattern);
    if (!found) {
      found = topElementNames(pattern);
      this.names.set(pattern, found);
    }
    return found;
  }

  /** Whether a pattern may match no element (its attributes aside: libxml2 checks those apart). */
  mayBeAbsent(pattern: Pattern): boolean {
    let known = this.nullable.get(pattern);
    if (known === undefined) {
      known = nullableWithoutAttributes(pattern, new Set());
      this.nullable.set(pattern, known);
    }
    return known;
  }

  branchesOf(interleave: Pattern): readonly Pattern[] | undefined {
    return this.grammar.interleaves.get(interleave);
  }

  alternativesOf(choice: Pattern): readonly Pattern[] {
    return this.grammar.choices.get(choice) ?? choice.alternatives!;
  }
}

const NONE = -1;
const MAX_REMEMBERED_NAMES = 1024;

/**
 * Whether a pattern takes these children (by index), in this order, as a whole: the derivatives'
 * verdict; with no children given, whether an element pattern takes the element itself.
 */
export type SequenceCheck = (pattern: Pattern, children: readonly number[] | undefined) => boolean;

/** One replay over the children of one element: `next` changes as libxml2 changes the nodes' pointers. */
class Replay {
  private readonly next: Int32Array;

  constructor(
    private readonly rules: Libxml2Interleaves,
    private readonly children: readonly ResolvedName[],
    private readonly accepts: SequenceCheck,
  ) {
    const count = children.length;
    this.next = new Int32Array(count);
    for (let index = 0; index < count; index++) this.next[index] = index + 1 < count ? index + 1 : NONE;
  }

  /** An interleave over the chain from `start`: where it failed (NONE if not), and the first child it left. */
  interleave(interleave: Pattern, start: number): { failedAt: number; end: number } {
    const { next, children, rules } = this;
    const branches = rules.branchesOf(interleave)!;
    const groups = branches.length;
    const firsts = new Int32Array(groups).fill(NONE);
    const lasts = new Int32Array(groups).fill(NONE);
    let lastChanged = NONE;
    let current = start;
    while (current !== NONE) {
      const child = children[current]!;
      const group = branches.findIndex((branch) => rules.namesOf(branch).some((names) => containsName(names, child.ns, child.local)));
      if (group < 0) break;
      if (lasts[group] !== NONE) next[lasts[group]!] = current;
      else firsts[group] = current;
      lasts[group] = current;
      lastChanged = next[current] !== NONE ? next[current]! : current;
      current = next[current]!;
    }
    const end = current;
    let failedAt = NONE;
    for (let group = 0; group < groups && failedAt === NONE; group++) {
      const branch = branches[group]!;
      if (firsts[group] === NONE) {
        if (rules.namesOf(branch).length > 0 && !rules.mayBeAbsent(branch)) failedAt = end !== NONE ? end : Math.max(start, 0);
        continue;
      }
      const last = next[lasts[group]!]!;
      next[lasts[group]!] = NONE;
      if (!this.branch(branch, firsts[group]!)) failedAt = firsts[group]!;
      next[lasts[group]!] = last;
    }
    // libxml2 rebuilds the `next` links from the `prev` ones, from the last node it changed back to the start.
    for (let at = lastChanged; at !== NONE && at !== start && at > 0; at--) next[at - 1] = at;
    return { failedAt, end };
  }

  /** Whether a branch takes the whole chain from `start`, with libxml2's side effects on the way. */
  private branch(pattern: Pattern, start: number): boolean {
    const { rules } = this;
    if (rules.branchesOf(pattern)) {
      const outcome = this.interleave(pattern, start);
      return outcome.failedAt === NONE && outcome.end === NONE;
    }
    if (pattern.kind === Kind.Choice) {
      // libxml2 tries every alternative, each on the chain the ones before it left.
      let taken = false;
      for (const alternative of rules.alternativesOf(pattern)) if (this.branch(alternative, start)) taken = true;
      return taken;
    }
    if (pattern.kind === Kind.Empty) return start === NONE;
    // Attributes beside an interleave (libvirt 9.0's `ids`: an id attribute and an interleave): libxml2 checks them apart.
    if (pattern.kind === Kind.Group && attributesOnly(pattern.a!)) return this.branch(pattern.b!, start);
    if (pattern.kind === Kind.Group && attributesOnly(pattern.b!)) return this.branch(pattern.a!, start);
    // Anything else: the children its chain holds now, judged by the derivatives.
    const chain: number[] = [];
    for (let at = start; at !== NONE; at = this.next[at]!) chain.push(at);
    return this.accepts(pattern, chain);
  }
}

/** The interleave an element's children are matched against, when its content is one (beside attributes). */
function childInterleave(content: Pattern, grammar: CompiledGrammar): Pattern | undefined {
  if (grammar.interleaves.has(content)) return content;
  if (content.kind !== Kind.Group) return undefined;
  if (attributesOnly(content.a!)) return childInterleave(content.b!, grammar);
  if (attributesOnly(content.b!)) return childInterleave(content.a!, grammar);
  return undefined;
}

/** Whether an `<interleave>` of the schema is reachable in a pattern without entering an element. */
function holdsInterleave(branch: Pattern, grammar: CompiledGrammar): boolean {
  const seen = new Set<Pattern>();
  const walk = (p: Pattern): boolean => {
    if (seen.has(p)) return false;
    seen.add(p);
    if (grammar.interleaves.has(p)) return true;
    switch (p.kind) {
      case Kind.Choice:
        return p.alternatives!.some(walk);
      case Kind.Group:
      case Kind.Interleave:
        return walk(p.a!) || walk(p.b!);
      case Kind.OneOrMore:
        return walk(p.a!);
      default:
        return false;
    }
  };
  return walk(branch);
}

function attributesOnly(p: Pattern): boolean {
  switch (p.kind) {
    case Kind.Attribute:
    case Kind.Empty:
      return true;
    case Kind.Choice:
      return p.alternatives!.every(attributesOnly);
    case Kind.Group:
    case Kind.Interleave:
      return attributesOnly(p.a!) && attributesOnly(p.b!);
    case Kind.OneOrMore:
      return attributesOnly(p.a!);
    default:
      return false;
  }
}

function nullableWithoutAttributes(p: Pattern, seen: Set<Pattern>): boolean {
  switch (p.kind) {
    case Kind.Attribute:
    case Kind.Empty:
    case Kind.Text:
      return true;
    case Kind.Choice:
      return p.alternatives!.some((alternative) => nullableWithoutAttributes(alternative, seen));
    case Kind.Group:
    case Kind.Interleave:
      return nullableWithoutAttributes(p.a!, seen) && nullableWithoutAttributes(p.b!, seen);
    case Kind.OneOrMore:
      return nullableWithoutAttributes(p.a!, seen);
    default:
      return p.nullable;
  }
}

/** The names of the elements a pattern may hold directly (not inside its elements). */
function topElementNames(branch: Pattern): NameClass[] {
  const found: NameClass[] = [];
  const seen = new Set<Pattern>();
  const walk = (p: Pattern): void => {
    if (seen.has(p)) return;
    seen.add(p);
    switch (p.kind) {
      case Kind.Element:
        found.push(p.names!);
        return;
      case Kind.Choice:
        for (const alternative of p.alternatives!) walk(alternative);
        return;
      case Kind.Group:
      case Kind.Interleave:
        walk(p.a!);
        walk(p.b!);
        return;
      case Kind.OneOrMore:
        walk(p.a!);
        return;
      default:
        return;
    }
  };
  walk(branch);
  return found;
}
