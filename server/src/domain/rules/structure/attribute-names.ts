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
  const present = new Set(element.attributes.map((attribute) => attribute.name));
  const candidates = known.filter((name) => !present.has(name));
  const unknown = element.attributes
    .filter((attribute) => !known.includes(attribute.name) && !isForeignName(attribute.name))
    .map((attribute) => ({ attribute, suggestions: closestNames(attribute.name, candidates) }));
  const suggested = new Set(unknown.flatMap((entry) => entry.suggestions));
  const missing = spec.attributes.filter((attribute) => attribute.required && !present.has(attribute.name) && !suggested.has(attribute.name));
  const unmatched = unknown.filter((entry) => entry.suggestions.length === 0);
  if (unmatched.length === 1 && missing.length === 1) unmatched[0]!.suggestions = [missing[0]!.name];
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
