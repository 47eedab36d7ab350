import data from './domain-structure.json';
import type { XmlElement } from '../../xml/types';
import { schemaNameOf } from './names';
import type { SchemaAttribute, SchemaChild, SchemaData, SchemaElement } from './types';

const SCHEMA = data as unknown as SchemaData;

/** Which libvirt the structure comes from, and the hash of the schema files it was generated from. */
export const SCHEMA_INFO = {
  libvirtVersion: SCHEMA.libvirtVersion,
  schemaFiles: SCHEMA.schemaFiles,
  schemaHash: SCHEMA.schemaHash,
} as const;

/** The element objects built so far, by id: each is built when a lookup first reaches it. */
const built: (SchemaElement | undefined)[] = [];
const childIndex = new WeakMap<SchemaElement, ReadonlyMap<string, SchemaChild>>();
const attributeIndex = new WeakMap<SchemaElement, ReadonlyMap<string, SchemaAttribute>>();

/**
 * The element of that id, built on first use. Building all 533 at the first lookup took a few
 * milliseconds of every one-file lint and of the server's first diagnostics; a lint reaches a fraction.
 */
function elementById(id: number): SchemaElement {
  return (built[id] ??= buildElement(id));
}

function buildElement(id: number): SchemaElement {
  const row = SCHEMA.elements[id]!;
  return {
    id,
    name: row.name,
    children: (row.children ?? []).map(([name, child, flags = '']) => new LazyChild(name, child, flags.includes('r'), flags.includes('m'))),
    attributes: (row.attributes ?? []).map(([name, value, required, doc]) => ({
      name,
      value: SCHEMA.values[value]!,
      required: required === 'r',
      ...(doc ? { doc } : {}),
    })),
    ...(row.text !== undefined ? { text: SCHEMA.values[row.text]! } : {}),
    textRequired: row.textRequired ?? false,
    openChildren: row.openChildren ?? false,
    openAttributes: row.openAttributes ?? false,
    ...(row.flattened ? { flattenedBy: row.flattened } : {}),
    variants: row.variants ?? 1,
    defines: row.defines ?? [],
    ...(row.doc ? { doc: row.doc } : {}),
  };
}

/** A child whose element is built when first read, so building an element does not build its descendants. */
class LazyChild implements SchemaChild {
  readonly #id: number;
  constructor(
    readonly name: string,
    id: number,
    readonly required: boolean,
    readonly multiple: boolean,
  ) {
    this.#id = id;
  }
  get element(): SchemaElement {
    return elementById(this.#id);
  }
}

/** The root element's definition: `domain`. */
export function schemaRoot(): SchemaElement {
  return elementById(SCHEMA.root);
}

/** The definition of the element at a path from the root (`['domain', 'devices', 'disk']`). */
export function schemaElementAt(path: readonly string[]): SchemaElement | undefined {
  const root = schemaRoot();
  if (path[0] !== root.name) return undefined;
  let element: SchemaElement | undefined = root;
  for (let i = 1; i < path.length && element; i++) element = schemaChild(element, path[i]!)?.element;
  return element;
}

/**
 * The definition of an element of a parsed document, namespaces resolved; undefined when it is not
 * where the schema allows it, or inside open content (`<metadata>`).
 */
export function schemaElementOf(element: XmlElement): SchemaElement | undefined {
  if (!element.parent) return schemaNameOf(element) === schemaRoot().name ? schemaRoot() : undefined;
  const parent = schemaElementOf(element.parent);
  return parent && schemaChild(parent, schemaNameOf(element))?.element;
}

export function schemaChildren(element: SchemaElement): readonly SchemaChild[] {
  return element.children;
}

export function schemaAttributes(element: SchemaElement): readonly SchemaAttribute[] {
  return element.attributes;
}

export function schemaChild(element: SchemaElement, name: string): SchemaChild | undefined {
  let index = childIndex.get(element);
  if (!index) childIndex.set(element, (index = new Map(element.children.map((child) => [child.name, child]))));
  return index.get(name);
}

export function schemaAttribute(element: SchemaElement, name: string): SchemaAttribute | undefined {
  let index = attributeIndex.get(element);
  if (!index) {
    attributeIndex.set(element, (index = new Map(element.attributes.map((attribute) => [attribute.name, attribute]))));
  }
  return index.get(name);
}
