import { AttributeNode, ElementNode, NO_CHILDREN, OpaqueNode, TextNode } from './nodes';
import { parseFragment, parseXml } from './parser';
import type { XmlDocument, XmlElement, XmlNode, XmlProblem, XmlProblemCode } from './types';

/**
 * The tree of `text`, a later version of `previous.text`, built from `previous`'s tree: only the nodes
 * the edit touched are parsed again, inside the innermost element whose content holds the whole edit;
 * the nodes after them are moved by the edit's length. A keystroke in a 2,000-line domain then makes a
 * few nodes instead of a new tree of several thousand (about 1 MB, which lived until the next keystroke
 * and so was copied by every young-generation collection in between).
 *
 * `previous` is taken over: its nodes become the new tree's, and it must not be read again (the cache
 * of trees, core/documentCache.ts, drops it as it keeps the new one). The result is the tree parseXml
 * would give (test/xml/reparse.test.ts checks that on every kind of edit); when that cannot be made
 * sure of cheaply (a tree or a stretch with a problem that text outside its node decides, see
 * NOT_LOCAL; an edit in a start or end tag of the root; entities in the new text), the text is parsed whole.
 */
export function reparseXml(previous: XmlDocument, text: string): XmlDocument {
  return reusingTree(previous, text) ?? parseXml(text);
}

/**
 * Problems that text outside the node they are reported in decides: an end tag that closes no open
 * element (what it does depends on the elements open around it and on its parent's earlier children, see
 * XmlParser.scanEndTag, and it is in no node: the children no longer tile their parent's content), and an
 * attribute value without its closing quote (where it stops depends on the next quote and the next '<',
 * which may be past its element). An end tag that closes the last element opened though its name
 * differs (a letter typed in `</disk>`) is allowed, under conditions: see mismatchedOutside. Every other
 * problem is decided by its node's own text, or concerns an element that the edits reparseXml makes
 * cannot reach (one left open at the end tag of an ancestor, or at the end of the document, which leaves
 * the root without an end tag), so it holds as long as its node is not touched.
 */
const NOT_LOCAL: ReadonlySet<XmlProblemCode> = new Set<XmlProblemCode>(['stray-end-tag', 'children-after-self-closed', 'unterminated-attribute-value']);

function allLocal(problems: readonly XmlProblem[]): boolean {
  for (let i = 0; i < problems.length; i++) if (NOT_LOCAL.has(problems[i]!.code)) return false;
  return true;
}

/**
 * Whether reparseXml can build a later version from this tree rather than parse it whole: a tree whose
 * root has content and an end tag, and whose problems are all decided by their own nodes' text (a
 * keystroke in a tag often leaves one: an attribute without its value yet, a stray character, a letter
 * in an end tag's name). Another
 * tree is worth less than the last one that can be built from, which the caller keeps (domain/document.ts).
 */
export function canReparseFrom(document: XmlDocument): boolean {
  const root = document.root;
  return root instanceof ElementNode && holdsContent(root) && allLocal(document.problems);
}

function reusingTree(previous: XmlDocument, text: string): XmlDocument | undefined {
  const old = previous.text;
  const root = previous.root;
  if (!(root instanceof ElementNode) || !allLocal(previous.problems)) return undefined;
  const hunks = editsBetween(old, text);
  let plans = hunks.length > 1 ? planned(root, old, text, previous.problems, hunks) : undefined;
  if (!plans) {
    const whole = hunks.length > 1 ? [{ from: hunks[0]!.from, to: hunks[hunks.length - 1]!.to, delta: text.length - old.length }] : hunks;
    plans = planned(root, old, text, previous.problems, whole);
    if (!plans) return undefined;
  }
  // From the last edit to the first, so that each one's place in its parent's children is still the one
  // planned, and the nodes after it are moved once by each edit before them.
  for (let i = plans.length - 1; i >= 0; i--) apply(plans[i]!);
  const delta = text.length - old.length;
  const top = previous.nodes;
  for (let i = top.indexOf(root) + 1; i < top.length; i++) move(top[i]!, delta);
  // Every text node reads its value from the new text (the ones before the edit too: none keeps an old text alive).
  repoint(top, text);
  let problems = previous.problems;
  let shift = 0;
  for (const plan of plans) {
    if (problems.length > 0 || plan.problems.length > 0) problems = spliced(problems, plan.start + shift, plan.end + shift, plan.delta, plan.problems);
    shift += plan.delta;
  }
  return { text, nodes: top, root, problems: problems === previous.problems ? [] : problems, derived: undefined };
}

/** An edit: old[from, to) replaced with text[from + (the deltas of the edits before it), to + ... + delta). */
interface Edit {
  from: number;
  to: number;
  delta: number;
}

/** An edit's stretch of `container`'s children parsed again, before anything is changed. */
interface Plan {
  container: ElementNode;
  /** The children replaced, [first, last), and where they lie in the old text. */
  first: number;
  last: number;
  start: number;
  end: number;
  delta: number;
  /** The new nodes and their problems, at their offsets in the new text less `shift`. */
  nodes: XmlNode[];
  problems: XmlProblem[];
  /** The deltas of the edits before this one. */
  shift: number;
}

/**
 * Where `text` differs from `old`: one edit, from the first code unit that differs to the last. A long
 * one is split where a long stretch of the old text reappears in the new one shifted by a few code units
 * (an edit at each end: two cursors, or an undo at one place and a keystroke at another sent as one
 * change), so that the stretch between them is moved rather than parsed again.
 */
function editsBetween(old: string, text: string): Edit[] {
  const shorter = Math.min(old.length, text.length);
  const from = sameAfter(old, 0, text, 0, shorter);
  const same = sameBefore(old, old.length, text, text.length, shorter - from);
  const to = old.length - same;
  const end = text.length - same;
  const edits: Edit[] = [];
  // o and n: where the stretch still to split starts, in the old text and in the new one.
  let o = from;
  let n = from;
  while (to - o >= SPLIT_LENGTH) {
    const anchor = reappearing(old, o, text, n);
    if (!anchor) break;
    const middle = sameAfter(old, o + anchor.removed, text, n + anchor.inserted, Math.min(to - o - anchor.removed, end - n - anchor.inserted));
    if (middle < SPLIT_LENGTH) break;
    const p = o + anchor.removed + middle;
    const q = n + anchor.inserted + middle;
    edits.push({ from: o, to: o + anchor.removed, delta: anchor.inserted - anchor.removed });
    o = p;
    n = q;
  }
  edits.push({ from: o, to, delta: end - n - (to - o) });
  return edits;
}

/**
 * How many code units from a[i] and b[j] on are the same, at most `limit`: compared by stretches first
 * (V8 compares two flat strings' stretches as memory, where a loop reads one code unit at a time: on a
 * 2,000-line domain the edit is found in about a tenth of the time), then one by one.
 */
function sameAfter(a: string, i: number, b: string, j: number, limit: number): number {
  let k = 0;
  for (const stretch of STRETCHES) while (k + stretch <= limit && a.slice(i + k, i + k + stretch) === b.slice(j + k, j + k + stretch)) k += stretch;
  while (k < limit && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
  return k;
}

/** How many code units before a[aEnd] and b[bEnd] are the same, at most `limit`. */
function sameBefore(a: string, aEnd: number, b: string, bEnd: number, limit: number): number {
  let k = 0;
  for (const stretch of STRETCHES) while (k + stretch <= limit && a.slice(aEnd - k - stretch, aEnd - k) === b.slice(bEnd - k - stretch, bEnd - k)) k += stretch;
  while (k < limit && a.charCodeAt(aEnd - 1 - k) === b.charCodeAt(bEnd - 1 - k)) k++;
  return k;
}

const STRETCHES = [1024, 32];

/** Edits shorter than this are not split, and the stretch reappearing between two edits must be at least as long. */
const SPLIT_LENGTH = 256;
/** At most this many code units removed or inserted by the first of two edits. */
const SPLIT_EDIT = 16;
/** How many code units must agree for a stretch to count as reappearing there. */
const SPLIT_ANCHOR = 32;

/** The fewest code units removed at `o` and inserted at `n` after which old and text agree for SPLIT_ANCHOR code units. */
function reappearing(old: string, o: number, text: string, n: number): { removed: number; inserted: number } | undefined {
  for (let size = 1; size <= 2 * SPLIT_EDIT; size++) {
    for (let removed = Math.max(0, size - SPLIT_EDIT); removed <= Math.min(size, SPLIT_EDIT); removed++) {
      const inserted = size - removed;
      if (o + removed + SPLIT_ANCHOR > old.length || n + inserted + SPLIT_ANCHOR > text.length) continue;
      let k = 0;
      while (k < SPLIT_ANCHOR && old.charCodeAt(o + removed + k) === text.charCodeAt(n + inserted + k)) k++;
      if (k === SPLIT_ANCHOR) return { removed, inserted };
    }
  }
  return undefined;
}

/**
 * Each edit's stretch parsed again in the new text, inside the innermost element whose content holds
 * it; undefined when one cannot be (see reusingTree) or a stretch would reach the next edit: the two
 * would touch the same nodes, or the first would be read up to text that the second changed.
 */
function planned(root: ElementNode, old: string, text: string, problems: readonly XmlProblem[], edits: readonly Edit[]): Plan[] | undefined {
  const plans: Plan[] = [];
  let shift = 0;
  for (let i = 0; i < edits.length; i++) {
    const plan = planFor(root, old, text, problems, edits[i]!, shift, plans[i - 1]?.end ?? 0, edits[i + 1]?.from ?? Infinity);
    if (!plan) return undefined;
    plans.push(plan);
    shift += plan.delta;
  }
  return plans;
}

/**
 * The plan of one edit, `shift` the deltas of the edits before it; undefined when its stretch would
 * start before `after` (the end of the stretch before it) or reach `before` (where the next edit starts).
 */
function planFor(root: ElementNode, old: string, text: string, problems: readonly XmlProblem[], { from, to, delta }: Edit, shift: number, after: number, before: number): Plan | undefined {
  const container = innermostHolding(root, from, to);
  if (!container) return undefined;
  const children = container.children;
  // The children the edit touches, and the text beside them (typed text runs into it), and an element
  // right before the edit that a problem left open at its end (what is typed there may go into it). The
  // children tile the content, so when none is touched the edit is an insertion between two of them, at `from`.
  let first = 0;
  while (first < children.length && nodeEnd(children[first]!) <= from) first++;
  let last = first;
  while (last < children.length && nodeStart(children[last]!) < to) last++;
  if (first > 0 && (children[first - 1]!.kind === 'text' || openEnded(children[first - 1]!, old))) first--;
  if (last < children.length && children[last]!.kind === 'text') last++;
  const start = first < last ? nodeStart(children[first]!) : from;
  let end = first < last ? nodeEnd(children[last - 1]!) : from;
  if (start < after || end >= before || end + shift + delta > text.length) return undefined;
  if (closedMismatched(problems, container, start, end) || hasEntity(text, start + shift, end + shift + delta)) return undefined;
  let fragment = parseFragment(text, container, start + shift, end + shift + delta);
  if (fragment === 'left open') {
    // An element being typed (`<disk type='file'>`, its end tag not written yet): a whole parse reads the
    // container's later children into it and closes it at the container's end tag. So the stretch is read
    // on through that end tag, when the end tag is whole and closes the container without a problem.
    last = children.length;
    end = container.endTagStart;
    if (container.endTagEnd >= before || !closesCleanly(container, old, problems) || hasEntity(text, start + shift, end + shift + delta)) return undefined;
    fragment = parseFragment(text, container, start + shift, end + shift + delta, container.endTagEnd + shift + delta);
  }
  if (!fragment || fragment === 'left open' || !allLocal(fragment.problems) || mismatchedOutside(fragment.problems, text, container)) return undefined;
  return { container, first, last, start, end, delta, nodes: fragment.nodes, problems: fragment.problems, shift };
}

/** Whether text[from, to) holds an entity reference: its decoded strings would need copying too, rare enough to parse whole. */
function hasEntity(text: string, from: number, to: number): boolean {
  const ampersand = text.indexOf('&', from);
  return ampersand >= 0 && ampersand < to;
}

/**
 * Whether the container's end tag in the old text is finished by '>' and has no problem of its own (its
 * name is the container's): read after a stretch, it then closes the container as it did, and what the
 * stretch left open inside, as a whole parse would.
 */
function closesCleanly(container: ElementNode, old: string, problems: readonly XmlProblem[]): boolean {
  if (old.charCodeAt(container.endTagEnd - 1) !== GT) return false;
  for (let i = 0; i < problems.length; i++) {
    const { start } = problems[i]!.span;
    if (start >= container.endTagStart && start < container.endTagEnd) return false;
  }
  return true;
}

/**
 * Whether an end tag of the old tree outside the stretch [start, end) closes `container` though its name
 * differs: whether it does depends on the container's children (one self-closed of the end tag's name
 * would be closed instead, XmlParser.selfClosedSibling), which the edit changes. (The problem lies on the
 * end tag's name, or on the end tag when it has none.)
 */
function closedMismatched(problems: readonly XmlProblem[], container: ElementNode, start: number, end: number): boolean {
  for (let i = 0; i < problems.length; i++) {
    const problem = problems[i]!;
    if (problem.code !== 'mismatched-end-tag' || (problem.span.start >= start && problem.span.start < end)) continue;
    if (problem.span.start === container.endTagStart + 2 || problem.span.start === container.endTagStart) return true;
  }
  return false;
}

/**
 * Whether an end tag read in the stretch closed the last element opened in it though an element around
 * the stretch has its name: parsed whole, it would close that one (XmlParser.findOpen), which the stretch
 * alone cannot see. (An end tag with the container's own name closes the container, and the stretch is
 * refused already.)
 */
function mismatchedOutside(problems: readonly XmlProblem[], text: string, container: ElementNode): boolean {
  for (let i = 0; i < problems.length; i++) {
    const { code, span } = problems[i]!;
    if (code !== 'mismatched-end-tag' || text.startsWith('</', span.start)) continue;
    const name = text.slice(span.start, span.end);
    for (let element: XmlElement | undefined = container.parent; element; element = element.parent) if (element.name === name) return true;
  }
  return false;
}

/**
 * Puts a plan's nodes in place of the children it replaces and moves what follows them in the
 * container and its ancestors by its delta. The edits after it are applied already, those before it not
 * yet: its nodes are put at their offsets less the deltas of those (each moves them on when applied).
 */
function apply({ container, first, last, delta, nodes, shift }: Plan): void {
  if (shift !== 0) for (let i = 0; i < nodes.length; i++) move(nodes[i]!, -shift);
  // An element that had no children shares the frozen empty list: it gets a list of its own.
  if (container.children === NO_CHILDREN) container.children = nodes.length > 0 ? nodes : NO_CHILDREN;
  else container.children.splice(first, last - first, ...nodes);
  for (let element: ElementNode | undefined = container, next = first + nodes.length; element; ) {
    const siblings = element.children;
    for (let i = next; i < siblings.length; i++) move(siblings[i]!, delta);
    element.end += delta;
    element.endTagStart += delta;
    element.endTagEnd += delta;
    element.endNameEnd += delta;
    const parent: XmlElement | undefined = element.parent;
    if (!(parent instanceof ElementNode)) break;
    next = parent.children.indexOf(element) + 1;
    element = parent;
  }
}

/**
 * The problems of the new tree in the order a whole parse reports them: the old tree's before the
 * nodes parsed again, theirs, then the old tree's after them, moved by the edit. A local problem lies in
 * its node, and is reported as that node is read, so the old list is in that order already: those
 * before `start` come first, and those in the nodes replaced (from `start` to `end`) are dropped.
 * `old` is at the offsets of the edits before this one already made, `added` at the new text's.
 */
function spliced(old: readonly XmlProblem[], start: number, end: number, delta: number, added: readonly XmlProblem[]): XmlProblem[] {
  const problems: XmlProblem[] = [];
  let i = 0;
  for (; i < old.length && old[i]!.span.start < start; i++) problems.push(old[i]!);
  for (let j = 0; j < added.length; j++) problems.push(added[j]!);
  for (; i < old.length; i++) {
    const problem = old[i]!;
    if (problem.span.start < end) continue;
    problems.push(delta === 0 ? problem : { code: problem.code, message: problem.message, span: { start: problem.span.start + delta, end: problem.span.end + delta } });
  }
  return problems;
}

/** The innermost element with an end tag whose content [tagEnd, endTagStart] holds old[from, to). */
function innermostHolding(root: ElementNode, from: number, to: number): ElementNode | undefined {
  if (!holds(root, from, to)) return undefined;
  let element = root;
  for (;;) {
    const children = element.children;
    let low = 0;
    let high = children.length - 1;
    let inner: ElementNode | undefined;
    // The last child starting before `from`, found by halves: children are in document order.
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (nodeStart(children[middle]!) < from) low = middle + 1;
      else high = middle - 1;
    }
    const candidate = children[high];
    if (candidate instanceof ElementNode && holds(candidate, from, to)) inner = candidate;
    if (!inner) return element;
    element = inner;
  }
}

function holds(element: ElementNode, from: number, to: number): boolean {
  return holdsContent(element) && element.tagEnd <= from && to <= element.endTagStart;
}

/**
 * Whether text right after the node may still change how it ends: an element with neither `/>` nor an
 * end tag finished by `>` (one left open, or whose end tag stops short: `</disk` before the next tag).
 */
function openEnded(node: XmlNode, text: string): boolean {
  if (!(node instanceof ElementNode) || node.selfClosing) return false;
  return node.endTagStart < 0 || text.charCodeAt(node.endTagEnd - 1) !== GT;
}

const GT = 0x3e;

/** Whether the element has content between a finished start tag and an end tag (an edit there can be reparsed). */
function holdsContent(element: ElementNode): boolean {
  return element.startTagClosed && !element.selfClosing && element.endTagStart >= 0;
}

function nodeStart(node: XmlNode): number {
  return (node as ElementNode | TextNode | OpaqueNode).start;
}

function nodeEnd(node: XmlNode): number {
  return (node as ElementNode | TextNode | OpaqueNode).end;
}

/** The nodes still to visit of move and repoint, one list for the process (both leave it empty). */
const PENDING: XmlNode[] = [];

/** Moves a node and everything inside it by `delta` (without recursion: a tree may be deep). */
function move(node: XmlNode, delta: number): void {
  const pending = PENDING;
  pending.push(node);
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next instanceof ElementNode) {
      next.start += delta;
      next.nameEnd += delta;
      next.tagEnd += delta;
      next.end += delta;
      if (next.endTagStart >= 0) {
        next.endTagStart += delta;
        next.endTagEnd += delta;
        next.endNameEnd += delta;
      }
      const { attributes, children } = next;
      for (let i = 0; i < attributes.length; i++) moveAttribute(attributes[i] as AttributeNode, delta);
      for (let i = 0; i < children.length; i++) pending.push(children[i]!);
    } else if (next instanceof TextNode || next instanceof OpaqueNode) {
      next.start += delta;
      next.end += delta;
    }
  }
}

function moveAttribute(attribute: AttributeNode, delta: number): void {
  attribute.start += delta;
  attribute.nameEnd += delta;
  attribute.end += delta;
  if (attribute.valueStart >= 0) {
    attribute.valueStart += delta;
    attribute.valueEnd += delta;
  }
}

/** Every text node of the tree reads its value from `text` from now on. */
function repoint(nodes: readonly XmlNode[], text: string): void {
  const pending = PENDING;
  for (let i = 0; i < nodes.length; i++) pending.push(nodes[i]!);
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next instanceof TextNode) next.readFrom(text);
    else if (next instanceof ElementNode) for (let i = 0; i < next.children.length; i++) pending.push(next.children[i]!);
  }
}
