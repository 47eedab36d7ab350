import { elementSpec, elementsNamed, isForeignElement, isForeignName } from '../../../kb/structure';
import type { ElementSpec } from '../../../kb/types';
import { childElements } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';

/**
 * Where each element of the domain stands with respect to the structure (libvirt's schema, see
 * kb/structure.ts). Computed once per parsed document and shared by the structure rules, so they agree
 * on what is judged: an element that is unknown or misplaced is reported once, and nothing under it is
 * looked at.
 */
export type Placement =
  /** Its place is allowed, or the structure does not claim to know its parent's children. */
  | { kind: 'placed'; element: XmlElement; path: string; spec: ElementSpec | undefined }
  /** Not a child of its parent, and not known anywhere else. */
  | { kind: 'unknown'; element: XmlElement; parentSpec: ElementSpec }
  /** Known, but under other parents: `parentPaths` are where it belongs. */
  | { kind: 'misplaced'; element: XmlElement; parentPaths: readonly string[] }
  /** The guide's `<cpuset>` wrapper directly under `<domain>` (guide 9.3.2, 9.3.5), where libvirt wants `<cputune>`. */
  | { kind: 'guide-cpuset-wrapper'; element: XmlElement };

export interface SpecifiedElement {
  element: XmlElement;
  path: string;
  spec: ElementSpec;
}

const cache = new WeakMap<XmlDocument, readonly Placement[]>();
const specifiedCache = new WeakMap<XmlDocument, SpecifiedElement[]>();

/** Every element of the `<domain>` tree that the structure rules consider, in document order. */
export function placements(xml: XmlDocument): readonly Placement[] {
  let result = cache.get(xml);
  if (!result) {
    result = computePlacements(xml);
    cache.set(xml, result);
  }
  return result;
}

/** The elements whose place is fine and whose spec is known: the ones attributes and values are checked on. */
export function specifiedElements(xml: XmlDocument): readonly SpecifiedElement[] {
  let result = specifiedCache.get(xml);
  if (!result) {
    result = [];
    for (const placement of placements(xml)) {
      if (placement.kind === 'placed' && placement.spec) {
        result.push({ element: placement.element, path: placement.path, spec: placement.spec });
      }
    }
    specifiedCache.set(xml, result);
  }
  return result;
}

function computePlacements(xml: XmlDocument): Placement[] {
  const root = xml.root;
  if (!root || root.name !== 'domain') return [];
  const result: Placement[] = [];
  const visit = (element: XmlElement, path: string, spec: ElementSpec | undefined): void => {
    result.push({ kind: 'placed', element, path, spec });
    const judgeChildren = spec?.childrenKnown === true && childrenAreReliable(element);
    const swallowed = swallowedBySelfClosed(xml, element);
    for (const child of childElements(element)) {
      if (isForeignElement(child)) continue;
      const childPath = `${path}/${child.name}`;
      if (element === root && child.name === 'cpuset') {
        result.push({ kind: 'guide-cpuset-wrapper', element: child });
        continue;
      }
      const childSpec = elementSpec(childPath);
      // A start tag still being typed may hold half a name; VT100 reports the tag.
      const judged = judgeChildren && child.startTagClosed && !swallowed.has(child);
      if (spec && judged && !childSpec && !spec.children.includes(child.name)) {
        const elsewhere = placesFitting(child, elementsNamed(child.name));
        result.push(
          elsewhere.length > 0
            ? { kind: 'misplaced', element: child, parentPaths: elsewhere.map((other) => parentPathOf(other.path)) }
            : { kind: 'unknown', element: child, parentSpec: spec },
        );
        continue;
      }
      visit(child, childPath, childSpec);
    }
  };
  visit(root, 'domain', elementSpec('domain'));
  return result;
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
  return element.parent === undefined || element.endTagSpan !== undefined || element.selfClosing;
}

/**
 * The guide's `<hugepages/> <page .../> </hugepages>` (9.3.10): the elements between a self-closed
 * element and the end tag meant for it were meant to be its children. VT100 reports the slash.
 */
function swallowedBySelfClosed(xml: XmlDocument, parent: XmlElement): ReadonlySet<XmlElement> {
  if (!xml.problems.some((problem) => problem.code === 'children-after-self-closed')) return NONE_SWALLOWED;
  const swallowed = new Set<XmlElement>();
  const siblings = childElements(parent);
  for (const [index, sibling] of siblings.entries()) {
    if (!sibling.selfClosing) continue;
    const reported = xml.problems.some(
      (problem) => problem.code === 'children-after-self-closed' && problem.span.end === sibling.startTagSpan.end,
    );
    if (!reported) continue;
    const endTag = xml.text.indexOf(`</${sibling.name}`, sibling.span.end);
    const limit = endTag < 0 ? parent.span.end : endTag;
    for (const later of siblings.slice(index + 1)) {
      if (later.span.start < limit) swallowed.add(later);
    }
  }
  return swallowed;
}

const NONE_SWALLOWED: ReadonlySet<XmlElement> = new Set();

/** `domain/cputune/vcpupin` -> `domain/cputune` */
function parentPathOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
