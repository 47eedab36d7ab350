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
 * `<bootloader>` parted from `<os>` in a KVM domain, although the spec allows any order. The chain's
 * next pointers also decide what a later run of the same interleave sees: libxml2 keeps a set of states
 * (the child reached, the attributes consumed), an `<optional>` or a choice that can be taken more ways
 * than one runs what follows once per state, and an interleave branch that ends in several states goes
 * on from one only (past every child, the fewest attributes left; libvirt 9.0's optional id attribute
 * beside its name/uuid interleave is then left unconsumed when <name> and <uuid> are parted). This
 * replays that bookkeeping on a document element's child elements and attributes (a choice's
 * alternatives tried in the order written, each with its side effects, unless libxml2 sorts them by
 * element name), so that our verdict is libvirt's: `virsh define --validate` runs libxml2.
 */
export class Libxml2Interleaves {
  /**
   * By element name key, when one of the element patterns of that name has children that go through an
   * interleave holding another: every element pattern of that name, with that interleave if it has one.
   */
  private readonly byName = new Map<string, { element: Pattern; interleave: Pattern | undefined }[]>();
  private readonly names = new Map<Pattern, NameClass[]>();
  /** Per choice of the schema, libxml2's triage: the alternative each first child name picks (-1: none); absent when it tries them all. */
  private readonly triages = new Map<Pattern, Map<string, number> | null>();
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
   * Where libxml2's bookkeeping fails for an element with these child elements and attributes (their
   * names, in order), or undefined when libxml2 judges them as the spec does.
   */
  refusal(name: ResolvedName, children: readonly ResolvedName[], attributes: readonly ResolvedName[], accepts: SequenceCheck): Refusal | undefined {
    const candidates = this.byName.get(name.key);
    if (!candidates || !this.mayRefuse(name, children)) return undefined;
    let first: Refusal | undefined;
    for (const { element, interleave } of candidates) {
      // Only the forms of the element the spec accepts it as: libxml2 tries each.
      if (!accepts(element, undefined)) continue;
      if (!interleave) return undefined;
      const replay = new Replay(this, children, attributes.slice(0, 31), accepts);
      const outcome = replay.interleave(interleave, 0, 0);
      if (outcome.failedAt !== NONE) {
        first ??= { child: outcome.failedAt };
        continue;
      }
      // An attribute the interleave could have taken but libxml2's chosen state did not: refused at the element's end.
      const left = replay.offered & ~outcome.taken;
      if (left === 0) return undefined;
      first ??= { attribute: Math.clz32(0) - 1 - Math.clz32(left & -left) };
    }
    return first;
  }

  /**
   * Whether refusal may find anything for an element of this name with these child elements: most
   * elements are ruled out here, before their attributes' names are worked out.
   */
  mayRefuse(name: ResolvedName, children: readonly ResolvedName[]): boolean {
    const candidates = this.byName.get(name.key);
    if (!candidates || children.length < 3) return false;
    // Where each branch's children are next to each other, libxml2's relinking changes nothing.
    for (let i = 0; i < candidates.length; i++) {
      const { interleave } = candidates[i]!;
      if (interleave && !this.contiguous(interleave, children)) return true;
    }
    return false;
  }

  private contiguous(interleave: Pattern, children: readonly ResolvedName[]): boolean {
    const branches = this.branchesOf(interleave)!;
    // The branches left behind: bits of a number while there are few enough (there are, in libvirt's schemas).
    let doneBits = 0;
    const done = branches.length > 31 ? new Set<number>() : undefined;
    let previous = -1;
    for (let i = 0; i < children.length; i++) {
      const group = this.groupOf(interleave, branches, children[i]!);
      if (group < 0) return true;
      if (group !== previous) {
        if (done ? done.has(group) : doneBits & (1 << group)) return false;
        if (previous >= 0) {
          if (done) done.add(previous);
          else doneBits |= 1 << previous;
        }
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

  branchesOf(interleave: Pattern): readonly Pattern[] | undefined {
    return this.grammar.interleaves.get(interleave);
  }

  alternativesOf(choice: Pattern): readonly Pattern[] {
    return this.grammar.choices.get(choice) ?? choice.alternatives!;
  }

  /** Whether a choice pattern is a `<choice>` of the schema (rather than only an `<optional>` or `<zeroOrMore>`). */
  isWrittenChoice(choice: Pattern): boolean {
    return this.grammar.choices.has(choice);
  }

  /**
   * The alternative libxml2 alone tries for a child of this name (-1: none takes it), when it sorts the
   * choice's alternatives by element name: the choice cannot match nothing and each element name
   * appears once over all alternatives. Undefined when libxml2 tries every alternative.
   */
  triage(choice: Pattern, alternatives: readonly Pattern[], child: ResolvedName): number | undefined {
    let table = this.triages.get(choice);
    if (table === undefined) {
      table = triageTable(choice, alternatives, (alternative) => this.namesOf(alternative));
      this.triages.set(choice, table);
    }
    return table === null ? undefined : (table.get(child.key) ?? -1);
  }
}

const NONE = -1;
const MAX_REMEMBERED_NAMES = 1024;

/**
 * Whether a pattern takes these children (by index), in this order, as a whole: the derivatives'
 * verdict; with no children given, whether an element pattern takes the element itself.
 */
export type SequenceCheck = (pattern: Pattern, children: readonly number[] | undefined) => boolean;

/** Where libxml2 refuses an element's children: at a child element, or at one of its attributes (by index). */
export type Refusal = { child: number } | { attribute: number };

/**
 * One state of libxml2's validation of an element's children: the child its sequence is at (NONE: past
 * the last) and the element's attributes consumed so far (a bit per attribute, by index).
 */
interface State {
  seq: number;
  taken: number;
}

/** One replay over the children of one element: `next` changes as libxml2 changes the nodes' pointers. */
class Replay {
  private readonly next: Int32Array;
  /** The attributes some attribute pattern of the replay took at least once (a bit per attribute). */
  offered = 0;

  constructor(
    private readonly rules: Libxml2Interleaves,
    private readonly children: readonly ResolvedName[],
    private readonly attributes: readonly ResolvedName[],
    private readonly accepts: SequenceCheck,
  ) {
    const count = children.length;
    this.next = new Int32Array(count);
    for (let index = 0; index < count; index++) this.next[index] = index + 1 < count ? index + 1 : NONE;
  }

  /**
   * An interleave over the chain from `start` with the attributes `taken`: where it failed (NONE if not),
   * the first child it left, and the attributes taken once its branches are done.
   */
  interleave(interleave: Pattern, start: number, taken: number): { failedAt: number; end: number; taken: number } {
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
    let state = taken;
    for (let group = 0; group < groups && failedAt === NONE; group++) {
      const first = firsts[group]!;
      let states: State[];
      if (first === NONE) {
        states = this.states(branches[group]!, NONE, state);
      } else {
        const last = next[lasts[group]!]!;
        next[lasts[group]!] = NONE;
        states = this.states(branches[group]!, first, state);
        next[lasts[group]!] = last;
      }
      if (states.length === 0) {
        failedAt = first !== NONE ? first : end !== NONE ? end : Math.max(start, 0);
        continue;
      }
      // With several outcomes libxml2 goes on from one: past every child, with the fewest attributes left (the later of equals).
      const chosen = states.length === 1 ? states[0]! : this.best(states);
      if (chosen.seq !== NONE) failedAt = chosen.seq;
      else state = chosen.taken;
    }
    // libxml2 rebuilds the `next` links from the `prev` ones, from the last node it changed back to the start.
    for (let at = lastChanged; at !== NONE && at !== start && at > 0; at--) next[at - 1] = at;
    return { failedAt, end, taken: state };
  }

  /** libxml2's pick among the outcomes of an interleave branch; one still at a child when none is past them all. */
  private best(states: readonly State[]): State {
    let best = states[states.length - 1]!;
    let fewest = -1;
    let done = false;
    for (const state of states) {
      const left = this.attributes.length - bitCount(state.taken);
      if (state.seq === NONE) {
        if (!done || left <= fewest) {
          fewest = left;
          best = state;
        }
        done = true;
        if (fewest === 0) break;
      }
    }
    return done ? best : states[states.length - 1]!;
  }

  /**
   * The states libxml2 ends in after a pattern, from the chain at `start` (in its order; none: it
   * failed), with its side effects on the chain on the way.
   */
  private states(pattern: Pattern, start: number, taken: number): State[] {
    const { rules } = this;
    if (rules.branchesOf(pattern)) {
      const outcome = this.interleave(pattern, start, taken);
      return outcome.failedAt === NONE ? [{ seq: outcome.end, taken: outcome.taken }] : [];
    }
    switch (pattern.kind) {
      case Kind.Empty:
      case Kind.Text:
        return [{ seq: start, taken }];
      case Kind.NotAllowed:
        return [];
      case Kind.Element:
        return start !== NONE && this.accepts(pattern, [start]) ? [{ seq: this.next[start]!, taken }] : [];
      case Kind.Attribute: {
        const index = this.attributes.findIndex((name, at) => (taken & (1 << at)) === 0 && containsName(pattern.names!, name.ns, name.local));
        if (index < 0) return [];
        this.offered |= 1 << index;
        return [{ seq: start, taken: taken | (1 << index) }];
      }
      case Kind.Group: {
        let states: State[] = [{ seq: start, taken }];
        for (const part of groupParts(pattern)) {
          states = distinct(states.flatMap((state) => this.states(part, state.seq, state.taken)));
          if (states.length === 0) break;
        }
        return states;
      }
      case Kind.OneOrMore: {
        const found = distinct(this.states(pattern.a!, start, taken));
        let fresh = found;
        for (let round = 0; fresh.length > 0 && round <= this.children.length; round++) {
          fresh = distinct(fresh.flatMap((state) => this.states(pattern.a!, state.seq, state.taken))).filter((state) => !found.some((known) => same(known, state)));
          found.push(...fresh);
        }
        return found;
      }
      case Kind.Choice:
        return this.choice(pattern, start, taken);
      default: {
        // Anything else: the children its chain holds now, judged by the derivatives.
        const chain: number[] = [];
        for (let at = start; at !== NONE; at = this.next[at]!) chain.push(at);
        return this.accepts(pattern, chain) ? [{ seq: NONE, taken }] : [];
      }
    }
  }

  private choice(pattern: Pattern, start: number, taken: number): State[] {
    const { rules } = this;
    const alternatives = rules.alternativesOf(pattern);
    if (!rules.isWrittenChoice(pattern) && alternatives.some((alternative) => alternative.kind === Kind.Empty)) {
      // An <optional>: libxml2 keeps the state it started from beside those of its content.
      const before: State = { seq: start, taken };
      const inner = distinct(alternatives.flatMap((alternative) => (alternative.kind === Kind.Empty ? [] : this.states(alternative, start, taken))));
      if (inner.length === 0) return [before];
      return distinct(inner.length === 1 ? [before, inner[0]!] : [...inner, before]);
    }
    // A choice whose alternatives start with elements of names no two share: libxml2 tries the one the child names.
    if (start !== NONE) {
      const only = rules.triage(pattern, alternatives, this.children[start]!);
      if (only !== undefined) return only < 0 ? [] : this.states(alternatives[only]!, start, taken);
    }
    // Otherwise every alternative, in the order written, each on the chain the ones before it left.
    return distinct(alternatives.flatMap((alternative) => this.states(alternative, start, taken)));
  }
}

/** The parts of a group in order, nested groups opened (libxml2 validates a group's list of definitions in turn). */
function groupParts(pattern: Pattern): Pattern[] {
  if (pattern.kind !== Kind.Group) return [pattern];
  return [...groupParts(pattern.a!), ...groupParts(pattern.b!)];
}

function same(a: State, b: State): boolean {
  return a.seq === b.seq && a.taken === b.taken;
}

/** The states without repeats, the first of each kept (libxml2 adds a state equal to one it has to none). */
function distinct(states: readonly State[]): State[] {
  const kept: State[] = [];
  for (const state of states) if (!kept.some((known) => same(known, state))) kept.push(state);
  return kept;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
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

function triageTable(choice: Pattern, alternatives: readonly Pattern[], namesOf: (pattern: Pattern) => NameClass[]): Map<string, number> | null {
  if (choice.nullable || nullableWithoutAttributes(choice)) return null;
  const table = new Map<string, number>();
  for (let index = 0; index < alternatives.length; index++) {
    const names = namesOf(alternatives[index]!);
    if (names.length === 0) return null;
    for (const name of names) {
      if (name.kind !== 'name') return null;
      const key = name.ns === '' ? name.local : `{${name.ns}}${name.local}`;
      if (table.has(key)) return null;
      table.set(key, index);
    }
  }
  return table;
}

function nullableWithoutAttributes(p: Pattern): boolean {
  switch (p.kind) {
    case Kind.Attribute:
    case Kind.Empty:
    case Kind.Text:
      return true;
    case Kind.Choice:
      return p.alternatives!.some((alternative) => nullableWithoutAttributes(alternative));
    case Kind.Group:
    case Kind.Interleave:
      return nullableWithoutAttributes(p.a!) && nullableWithoutAttributes(p.b!);
    case Kind.OneOrMore:
      return nullableWithoutAttributes(p.a!);
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
