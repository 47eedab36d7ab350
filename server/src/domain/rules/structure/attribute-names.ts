import { closestNames } from '../../../core/similarity';
import { isForeignName } from '../../../kb/structure';
import type { AttributeSpec, ElementSpec } from '../../../kb/types';
import type { XmlAttribute, XmlElement } from '../../../xml/types';

/** An attribute the element's spec does not list, with the known names it was most likely meant to be. */
export interface UnknownAttribute {
  attribute: XmlAttribute;
  suggestions: string[];
}

/**
 * The attributes of an element that its spec (known in full) does not list. Namespace declarations and
 * namespaced attributes (`xmlns`, `xmlns:qemu`, `xml:lang`, `foo:bar`) belong to other schemas and are
 * left out. Suggestions leave out names the element already has: renaming to one would only make a
 * duplicate. When one unknown attribute has no close name and one required attribute is missing
 * (`<vcpupin vcpu='1' cpu='3'/>`), the missing one is what it was meant to be.
 */
export function unknownAttributes(element: XmlElement, spec: ElementSpec): UnknownAttribute[] {
  if (!spec.attributesKnown) return [];
  const byName = attributeSpecsOf(spec);
  // Nearly always every attribute is known: then there is nothing to suggest.
  if (allKnown(element, byName)) return [];
  const known = spec.attributes.map((attribute) => attribute.name);
  const present = new Set<string>();
  for (const attribute of element.attributes) present.add(attribute.name);
  const candidates = known.filter((name) => !present.has(name));
  // One search per name, and one pass: a tag of 730,000 copies of one unknown name (a fuzzer's case) searched for each.
  const suggestionsByName = new Map<string, string[]>();
  const unknown: UnknownAttribute[] = [];
  let unmatched: UnknownAttribute | undefined;
  let unmatchedCount = 0;
  for (const attribute of element.attributes) {
    if (known.includes(attribute.name) || isForeignName(attribute.name)) continue;
    let suggestions = suggestionsByName.get(attribute.name);
    if (!suggestions) suggestionsByName.set(attribute.name, (suggestions = closestNames(attribute.name, candidates)));
    const entry = { attribute, suggestions };
    unknown.push(entry);
    if (suggestions.length === 0 && unmatchedCount++ === 0) unmatched = entry;
  }
  if (unmatched && unmatchedCount === 1) {
    const suggested = new Set([...suggestionsByName.values()].flat());
    const missing = spec.attributes.filter((attribute) => attribute.required && !present.has(attribute.name) && !suggested.has(attribute.name));
    if (missing.length === 1) unmatched.suggestions = [missing[0]!.name];
  }
  return unknown;
}

/**
 * Kept on the spec itself under a symbol (not enumerable): the rules look attributes up on every element
 * and attribute of a document, and a property read is much cheaper than a WeakMap lookup.
 */
const INDEX = Symbol('attribute index');
type IndexedSpec = ElementSpec & { [INDEX]?: AttributeIndex };

interface AttributeIndex {
  byName: ReadonlyMap<string, AttributeSpec>;
  required: readonly string[];
}

function indexOf(spec: ElementSpec): AttributeIndex {
  let index = (spec as IndexedSpec)[INDEX];
  if (!index) {
    index = {
      byName: new Map(spec.attributes.map((attribute) => [attribute.name, attribute])),
      required: spec.attributes.filter((attribute) => attribute.required).map((attribute) => attribute.name),
    };
    Object.defineProperty(spec, INDEX, { value: index });
  }
  return index;
}

/** An element spec's attributes by name (made once per spec). */
export function attributeSpecsOf(spec: ElementSpec): ReadonlyMap<string, AttributeSpec> {
  return indexOf(spec).byName;
}

/** The names of the attributes an element spec requires, in its order (listed once per spec). */
export function requiredAttributesOf(spec: ElementSpec): readonly string[] {
  return indexOf(spec).required;
}

/** Whether the spec lists every attribute the element has. */
function allKnown(element: XmlElement, byName: ReadonlyMap<string, AttributeSpec>): boolean {
  for (const attribute of element.attributes) if (!byName.has(attribute.name)) return false;
  return true;
}
