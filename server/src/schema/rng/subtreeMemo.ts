import type { XmlElement } from '../../xml/types';
import type { Deriver } from './derive';
import type { NamespaceScope } from './namespaces';
import type { Pattern } from './pattern';
import { deriveSubtree } from './validate';

/** Past this many entries the memo starts afresh. */
const LIMIT = 20_000;
/** How many siblings `run` looks up as one. */
const CHUNK = 32;

interface Entry {
  patternId: number;
  /** The text's length for one element; minus one minus the count of elements for a chunk of siblings. */
  length: number;
  second: number;
  declarations: string;
  result: Pattern;
}

/**
 * Derivatives of patterns by whole elements, remembered by the elements' text, so that asking what an
 * element allows on the next keystroke's tree (a new tree, mostly the same text) does not derive again
 * every element before it: a run of siblings the edit did not touch is one lookup, and of a run it did
 * touch only the children that changed are derived anew (and of those, only what changed inside).
 * Keys are hashes of the text (never the text: a slice would keep the whole document alive), its
 * length, the namespace declarations above and the pattern's id. Patterns' ids are reused once the
 * pattern table starts afresh, so the memo must be cleared then (`clear`).
 */
export class SubtreeMemo {
  private buckets = new Map<number, Entry[]>();
  private entries = 0;

  clear(): void {
    this.buckets = new Map();
    this.entries = 0;
  }

  get size(): number {
    return this.entries;
  }

  /** deriveSubtree with every element inside looked up first. */
  readonly derive = (deriver: Deriver, source: string, pattern: Pattern, element: XmlElement, outer: NamespaceScope): Pattern => {
    const { start, end } = element.span;
    textHash(source, start, end);
    const first = hashFirst;
    const second = hashSecond;
    const declarations = declarationsAbove(element);
    const known = this.find(pattern.id, end - start, first, second, declarations);
    if (known) return known;
    const result = deriveSubtree(deriver, source, pattern, element, outer, this.derive);
    this.add(pattern.id, end - start, first, second, declarations, result);
    return result;
  };

  /**
   * The pattern after a run of sibling elements, from `pattern`: `step` takes the pattern before a child,
   * the child's index and the pattern's derivative by that child (looked up by the child's text first),
   * and gives the pattern after it. Runs of up to CHUNK children are looked up as one by their children's
   * text (the text between them does not count), so a change to one of hundreds of devices costs a
   * lookup per chunk and one per child of the chunk it is in.
   */
  run(deriver: Deriver, source: string, pattern: Pattern, children: readonly XmlElement[], outer: NamespaceScope, step: (pattern: Pattern, index: number, derived: Pattern) => Pattern): Pattern {
    const hashes = new Int32Array(children.length * 2);
    // Each child's span is read once (a span is made when asked).
    const lengths = new Int32Array(children.length);
    for (let index = 0; index < children.length; index++) {
      const { start, end } = children[index]!.span;
      textHash(source, start, end);
      hashes[index * 2] = hashFirst;
      hashes[index * 2 + 1] = hashSecond;
      lengths[index] = end - start;
    }
    const declarations = declarationsAbove(children[0]!);
    for (let from = 0; from < children.length; from += CHUNK) {
      const to = Math.min(children.length, from + CHUNK);
      let chunkFirst = 0x811c9dc5;
      let chunkSecond = to - from;
      for (let index = from; index < to; index++) {
        chunkFirst = Math.imul(chunkFirst ^ hashes[index * 2]!, 0x01000193) ^ lengths[index]!;
        chunkSecond = Math.imul(chunkSecond ^ hashes[index * 2 + 1]!, 0x5bd1e995);
        chunkSecond ^= chunkSecond >>> 15;
      }
      const chunkLength = -1 - (to - from);
      const known = this.find(pattern.id, chunkLength, chunkFirst, chunkSecond, declarations);
      if (known) {
        pattern = known;
        continue;
      }
      const before = pattern;
      for (let index = from; index < to; index++) {
        const element = children[index]!;
        const length = lengths[index]!;
        let derived = this.find(pattern.id, length, hashes[index * 2]!, hashes[index * 2 + 1]!, declarations);
        if (!derived) {
          derived = deriveSubtree(deriver, source, pattern, element, outer, this.derive);
          this.add(pattern.id, length, hashes[index * 2]!, hashes[index * 2 + 1]!, declarations, derived);
        }
        pattern = step(pattern, index, derived);
      }
      this.add(before.id, chunkLength, chunkFirst, chunkSecond, declarations, pattern);
    }
    return pattern;
  }

  private find(patternId: number, length: number, first: number, second: number, declarations: string): Pattern | undefined {
    const bucket = this.buckets.get(bucketKey(patternId, first));
    if (!bucket) return undefined;
    for (const entry of bucket) {
      if (entry.patternId === patternId && entry.length === length && entry.second === second && entry.declarations === declarations) return entry.result;
    }
    return undefined;
  }

  private add(patternId: number, length: number, first: number, second: number, declarations: string, result: Pattern): void {
    if (this.entries >= LIMIT) this.clear();
    const key = bucketKey(patternId, first);
    const entry: Entry = { patternId, length, second, declarations, result };
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(entry);
    else this.buckets.set(key, [entry]);
    this.entries++;
  }
}

function bucketKey(patternId: number, first: number): number {
  return (first ^ Math.imul(patternId, 0x9e3779b1)) >>> 0;
}

/** textHash's result, kept here rather than in an object made per call. */
let hashFirst = 0;
let hashSecond = 0;

/** Two 32-bit hashes of a stretch of text (FNV-1a and a multiply-xorshift one) into hashFirst and hashSecond. */
function textHash(text: string, start: number, end: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashFirst = a;
  hashSecond = b;
}

/** The namespace declarations in force around an element (its ancestors'), which name its text's prefixes. */
function declarationsAbove(element: XmlElement): string {
  let found = '';
  for (let at = element.parent; at; at = at.parent) {
    for (const attribute of at.attributes) {
      if (attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) found += `${attribute.name}=${attribute.value ?? ''} `;
    }
  }
  return found;
}
