import { declaresDefaultNamespace, elementSpec, elementsNamed, isForeignElement, isForeignName } from '../../../kb/structure';
import type { ElementSpec } from '../../../kb/types';
import { childElements } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';

/**
 * Where each element of the domain stands with respect to the structure (libvirt's schema, see
 * kb/structure.ts). The one walk of the rules (rules/walk.ts) goes through it, so the structure rules
 * agree on what is judged: an element that is unknown or misplaced is reported once, and nothing under
 * it is looked at.
 */
export type Misplacement =
  /** Not a child of its parent, and not known anywhere else. */
  | { kind: 'unknown'; element: XmlElement; parentSpec: ElementSpec }
  /** Known, but under other parents: `parentPaths` are where it belongs. */
  | { kind: 'misplaced'; element: XmlElement; parentPaths: readonly string[] }
  /** The guide's `<cpuset>` wrapper directly under `<domain>` (guide 9.3.2, 9.3.5), where libvirt wants `<cputune>`. */
  | { kind: 'guide-cpuset-wrapper'; element: XmlElement };

/**
 * An element path of the structure with its spec, and the paths under it met so far by child name: the
 * walk finds a child's path and spec with one lookup by the (interned) name instead of building the path
 * string and looking it up, for every element of every document. Only paths the structure knows are
 * kept, so what a user types cannot grow it.
 */
export interface Place {
  readonly path: string;
  /** Undefined under an element the structure does not know (or does not claim to know the children of). */
  readonly spec: ElementSpec | undefined;
  readonly children: Map<string, Place>;
  /**
   * What rules/walk.ts calls at this path, worked out the first time the path is met for a list of
   * rules: once per path and process, not once per element.
   */
  visits: { readonly rules: object } | undefined;
  /** The number of the last walk that placed an element here (rules/walk.ts marks it), so rules that read a path learn whether it occurs. */
  met: number;
  /** Whether the path's last name is another namespace's (isForeignName), worked out once. */
  readonly foreignName: boolean;
  /**
   * The child names met at each index of the children of the last element here, with their places:
   * elements of one path mostly have the same children at the same indexes (white space included), and
   * the parser's names are internalized strings, so the walk compares pointers instead of looking each
   * name up in `children`.
   */
  readonly lastNames: string[];
  readonly lastPlaces: Place[];
}

/** How many child indexes a place remembers. */
const LAST_CHILDREN_KEPT = 64;

/** The place of a child already met under this place (undefined when none was), by the child's index first. */
function knownChild(place: Place, index: number, name: string): Place | undefined {
  const { lastNames } = place;
  if (index < lastNames.length && lastNames[index] === name) return place.lastPlaces[index];
  const known = place.children.get(name);
  // Only a known name is kept: it is the parser's copy, never a slice of the document's text.
  if (known !== undefined && index < LAST_CHILDREN_KEPT) {
    while (lastNames.length < index) {
      lastNames.push('');
      place.lastPlaces.push(known);
    }
    lastNames[index] = name;
    place.lastPlaces[index] = known;
  }
  return known;
}

export interface StructureVisitor {
  /** An element whose place is allowed, or whose parent's children the structure does not claim to know. */
  placed(element: XmlElement, place: Place): void;
  /** An element its parent does not take; nothing under it is visited. */
  misplaced(misplacement: Misplacement): void;
  /**
   * An element of another namespace (`<disk xmlns='...'>`, and everything under it) that stands where the
   * structure knows the path: it is not judged, but rules that read children by name see it.
   */
  foreign?(element: XmlElement, place: Place): void;
}

let domainPlace: Place | undefined;

function childPlace(parent: Place, name: string): Place {
  const known = parent.children.get(name);
  if (known) return known;
  const path = `${parent.path}/${name}`;
  // Under an element the structure does not know, nothing is known either.
  const place: Place = { path, spec: parent.spec ? elementSpec(path) : undefined, children: new Map(), visits: undefined, met: 0, foreignName: isForeignName(name), lastNames: [], lastPlaces: [] };
  if (place.spec) parent.children.set(name, place);
  return place;
}

function rootPlace(): Place {
  return (domainPlace ??= { path: 'domain', spec: elementSpec('domain'), children: new Map(), visits: undefined, met: 0, foreignName: false, lastNames: [], lastPlaces: [] });
}

/**
 * The Place the walk uses for an element path the structure knows (`domain/devices/disk`); undefined for
 * a path it does not know, where the walk would keep no Place.
 */
export function placeAt(path: string): Place | undefined {
  const names = path.split('/');
  if (names[0] !== 'domain') return undefined;
  let place = rootPlace();
  for (let i = 1; i < names.length; i++) {
    place = childPlace(place, names[i]!);
    if (!place.spec) return undefined;
  }
  return place;
}

/** Visits every element of the `<domain>` tree the structure rules consider, in document order. */
export function walkStructure(xml: XmlDocument, visitor: StructureVisitor): void {
  const root = xml.root;
  if (!root || root.name !== 'domain') return;
  const selfClosedEnds = xml.problems.length > 0 ? reportedSelfClosedEnds(xml) : NO_ENDS;
  // Depth first in document order, with a stack of its own: a 10,000-deep document must not overflow the
  // call stack. The stack is kept for the next document, never shrunk (popping an array shrinks its store,
  // which the next document grows again); a walk started from a visitor gets its own.
  if (walking) {
    walkFrom(xml, root, new WalkStack(), selfClosedEnds, visitor);
    return;
  }
  walking = true;
  try {
    walkFrom(xml, root, STACK, selfClosedEnds, visitor);
  } finally {
    walking = false;
    STACK.clear();
  }
}

/**
 * The walk's stack: an element still to visit with its place, or (element undefined) a misplacement
 * decided already. What was popped stays in the arrays until `clear`, which the walk calls at its end, so a
 * kept stack holds no document.
 */
class WalkStack {
  size = 0;
  /** How high the stack has been since the last clear. */
  high = 0;
  readonly elements: (XmlElement | undefined)[] = [];
  readonly places: (Place | Misplacement | undefined)[] = [];

  push(element: XmlElement | undefined, place: Place | Misplacement): void {
    const { size } = this;
    if (size === this.elements.length) {
      this.elements.push(element);
      this.places.push(place);
    } else {
      this.elements[size] = element;
      this.places[size] = place;
    }
    this.size = size + 1;
    if (size === this.high) this.high = size + 1;
  }

  /** Drops every entry, those popped included. */
  clear(): void {
    for (let i = 0; i < this.high; i++) {
      this.elements[i] = undefined;
      this.places[i] = undefined;
    }
    this.size = 0;
    this.high = 0;
  }
}

const STACK = new WalkStack();
let walking = false;

function walkFrom(xml: XmlDocument, root: XmlElement, stack: WalkStack, selfClosedEnds: ReadonlySet<number>, visitor: StructureVisitor): void {
  const { elements, places } = stack;
  stack.push(root, rootPlace());
  while (stack.size > 0) {
    const top = --stack.size;
    const element = elements[top];
    const entry = places[top]!;
    if (element === undefined) {
      visitor.misplaced(entry as Misplacement);
      continue;
    }
    const place = entry as Place;
    const { spec } = place;
    visitor.placed(element, place);
    const { children } = element;
    if (children.length === 0) continue;
    const judgeChildren = spec?.childrenKnown === true && childrenAreReliable(element);
    const swallowed = selfClosedEnds.size > 0 ? swallowedBySelfClosed(xml, element, selfClosedEnds) : NONE_SWALLOWED;
    // Pushed last to first, so the stack pops them in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (child.kind !== 'element') continue;
      // A place met before knows whether its name is foreign: the name need not be searched for a colon.
      const known = knownChild(place, i, child.name);
      if (known !== undefined ? known.foreignName || declaresDefaultNamespace(child) : isForeignElement(child)) {
        if (visitor.foreign) foreignPlaces(child, place, visitor);
        continue;
      }
      if (element === root && child.name === 'cpuset') {
        stack.push(undefined, { kind: 'guide-cpuset-wrapper', element: child });
        continue;
      }
      const next = known ?? childPlace(place, child.name);
      // A start tag still being typed may hold half a name; VT100 reports the tag.
      const judged = judgeChildren && child.startTagClosed && (swallowed.size === 0 || !swallowed.has(child));
      if (spec && judged && !next.spec && !spec.children.includes(child.name)) {
        const elsewhere = placesFitting(child, elementsNamed(child.name));
        stack.push(undefined, elsewhere.length > 0
          ? { kind: 'misplaced', element: child, parentPaths: elsewhere.map((other) => parentPathOf(other.path)) }
          : { kind: 'unknown', element: child, parentSpec: spec });
        continue;
      }
      stack.push(child, next);
    }
  }
}

/** StructureVisitor.foreign for an element of another namespace and the elements under it, while their paths are known. */
function foreignPlaces(element: XmlElement, parent: Place, visitor: StructureVisitor): void {
  const elements: XmlElement[] = [element];
  const parents: Place[] = [parent];
  for (;;) {
    const next = elements.pop();
    const above = parents.pop();
    if (next === undefined || above === undefined) return;
    const place = childPlace(above, next.name);
    if (!place.spec) continue;
    visitor.foreign!(next, place);
    const { children } = next;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (child.kind !== 'element') continue;
      elements.push(child);
      parents.push(place);
    }
  }
}

/**
 * Of the places an element of that name stands, the ones whose definition takes every attribute the
 * element has: `<boot dev='hd'/>` belongs in `<os>`, not in a `<disk>` (whose `<boot>` takes `order`).
 * When none takes them all, every place.
 */
function placesFitting(element: XmlElement, places: readonly ElementSpec[]): readonly ElementSpec[] {
  const names = element.attributes.map((attribute) => attribute.name).filter((name) => !isForeignName(name));
  const fitting = places.filter(
    (place) => !place.attributesKnown || names.every((name) => place.attributes.some((attribute) => attribute.name === name)),
  );
  return fitting.length > 0 ? fitting : places;
}

/**
 * An element that was never closed took its later siblings as children (the parser closes it at its
 * parent's end tag); VT100 reports it, and judging those children's place would report it again. The
 * root can swallow nothing.
 */
function childrenAreReliable(element: XmlElement): boolean {
  return element.parent === undefined || element.hasEndTag || element.selfClosing;
}

/**
 * The guide's `<hugepages/> <page .../> </hugepages>` (9.3.10): the elements between a self-closed
 * element and the end tag meant for it were meant to be its children. VT100 reports the slash.
 */
function swallowedBySelfClosed(xml: XmlDocument, parent: XmlElement, selfClosedEnds: ReadonlySet<number>): ReadonlySet<XmlElement> {
  if (selfClosedEnds.size === 0) return NONE_SWALLOWED;
  const swallowed = new Set<XmlElement>();
  const siblings = childElements(parent);
  for (const [index, sibling] of siblings.entries()) {
    if (!sibling.selfClosing || !selfClosedEnds.has(sibling.startTagSpan.end)) continue;
    const endTag = xml.text.indexOf(`</${sibling.name}`, sibling.span.end);
    const limit = endTag < 0 ? parent.span.end : endTag;
    for (let later = index + 1; later < siblings.length && siblings[later]!.span.start < limit; later++) swallowed.add(siblings[later]!);
  }
  return swallowed;
}

/** Where the self-closed elements that VT100 reports as given children end (the parser's children-after-self-closed). */
function reportedSelfClosedEnds(xml: XmlDocument): ReadonlySet<number> {
  const ends = new Set<number>();
  for (const problem of xml.problems) if (problem.code === 'children-after-self-closed') ends.add(problem.span.end);
  return ends;
}

const NONE_SWALLOWED: ReadonlySet<XmlElement> = new Set();
const NO_ENDS: ReadonlySet<number> = new Set();

/** `domain/cputune/vcpupin` -> `domain/cputune` */
function parentPathOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
