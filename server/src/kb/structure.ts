import type { XmlElement } from '../xml/types';
import { narrowing } from './overlay';
import { cachedByPath } from './pathCache';
import { schemaChild, schemaChildren, schemaElementSpec, schemaRoot, type SchemaElement } from './schema';
import type { ElementSpec, ValueType } from './types';
import { valueNote } from './valueNotes';

/**
 * The structure of the whole domain: where each element may stand and what it may hold, keyed by
 * element path (`domain/devices/disk/driver`). It is libvirt's own RelaxNG schema, generated into
 * kb/schema (`npm run gen:schema`), with the few narrowings the sources add (kb/overlay.ts) and short
 * descriptions of listed values (kb/valueNotes.ts). The tuning facts (kb/facts) join it by path.
 *
 * Where the schema offers alternatives (a `<disk>` of type file or block), the generated structure
 * merges them: a child or attribute is listed if any alternative allows it, and required only if all
 * require it, so judging against it never refuses what libvirt accepts. Names with a namespace prefix
 * (`qemu:commandline`, `xmlns:qemu`) belong to other schemas and are never judged: see `isForeignName`.
 */
export const elementSpec: (path: string) => ElementSpec | undefined = cachedByPath((path) => {
  const generated = schemaElementSpec(path);
  return generated && withOverlay(generated);
});

/**
 * Every place an element of that name stands, once per distinct parent definition, nearest to the
 * root first: `vcpupin` -> `domain/cputune/vcpupin`; `driver` -> the disk's, the controller's, the
 * interface's and more. For "<vcpupin> belongs in <cputune>".
 */
export function elementsNamed(name: string): readonly ElementSpec[] {
  let specs = specsByName.get(name);
  if (!specs) {
    const paths = placesByName().get(name);
    if (!paths) return [];
    specs = paths.map((path) => elementSpec(path)!);
    specsByName.set(name, specs);
  }
  return specs;
}

/**
 * Every element path of the domain, nearest to the root first. A definition that may contain itself
 * (through its descendants) is listed once on each path, not followed round again.
 */
export function domainStructure(): readonly ElementSpec[] {
  return allPlaces().map((place) => elementSpec(place.path)!);
}

/**
 * Whether a name belongs to another XML namespace and so is outside the structure: a prefixed element
 * or attribute (`qemu:commandline`, `xmlns:qemu`) or the default namespace declaration `xmlns`.
 */
export function isForeignName(name: string): boolean {
  return name === 'xmlns' || name.includes(':');
}

/**
 * Whether an element is outside libvirt's (namespace-less) domain vocabulary: a prefixed name, or an
 * element that declares another default namespace (`<commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'>`).
 * Everything under such an element is foreign too.
 */
export function isForeignElement(element: Pick<XmlElement, 'name' | 'attributes'>): boolean {
  return isForeignName(element.name) || declaresDefaultNamespace(element);
}

/** Whether an element declares a default namespace (`xmlns='...'`, not empty): the half of isForeignElement that is not its name. */
export function declaresDefaultNamespace(element: Pick<XmlElement, 'attributes'>): boolean {
  const { attributes } = element;
  for (let i = 0; i < attributes.length; i++) if (attributes[i]!.name === 'xmlns' && attributes[i]!.value !== '') return true;
  return false;
}

/**
 * The generated spec with the overlay applied: narrowed value types, described enumeration values, and,
 * in libvirt's own elements, no children of other namespaces (`qemu:commandline` needs its `xmlns`
 * declaration, so the structure neither offers nor suggests it; inside it, `qemu:arg` is offered).
 */
function withOverlay(spec: ElementSpec): ElementSpec {
  const attributes = spec.attributes.map((attribute) => {
    const key = `${spec.path}@${attribute.name}`;
    return { ...attribute, type: overlaid(key, attribute.type) };
  });
  const own = (name: string): boolean => isForeignName(spec.path.slice(spec.path.lastIndexOf('/') + 1)) || !isForeignName(name);
  const result: ElementSpec = { ...spec, children: spec.children.filter(own), attributes };
  if (spec.text) result.text = overlaid(spec.path, spec.text);
  if (spec.requiredChildren) result.requiredChildren = spec.requiredChildren.filter(own);
  return result;
}

function overlaid(key: string, type: ValueType): ValueType {
  const narrowed = narrowing(key)?.type ?? type;
  if (narrowed.kind !== 'enum') return narrowed;
  return { kind: 'enum', values: narrowed.values.map((entry) => ({ value: entry.value, ...describe(key, entry.value, entry.doc) })) };
}

function describe(key: string, value: string, doc: string | undefined): { doc?: string } {
  const note = doc ?? valueNote(key, value);
  return note === undefined ? {} : { doc: note };
}

interface Place {
  path: string;
  /** The definition of the parent element; undefined for the root. */
  parent: SchemaElement | undefined;
}

let places: readonly Place[] | undefined;
/** The paths of each name's places, one per distinct parent definition; their specs are made by elementsNamed. */
let pathsByName: ReadonlyMap<string, readonly string[]> | undefined;
const specsByName = new Map<string, readonly ElementSpec[]>();

/**
 * Breadth first from the root, so each name's nearest places come first. Only paths: the spec of each of
 * the ~850 places is made when a reader asks for it (building them all took 40-100 ms of the first
 * keystroke that typed an element name the structure does not know, which asks elementsNamed).
 */
function allPlaces(): readonly Place[] {
  if (places) return places;
  const root = schemaRoot();
  const result: Place[] = [];
  // `named`: the definition elementSpec reads at the path (looked up by name, step by step), which
  // decides whether the path has a spec at all.
  const queue: { path: string; element: SchemaElement; named: SchemaElement; parent: SchemaElement | undefined; ancestors: ReadonlySet<number> }[] = [
    { path: root.name, element: root, named: root, parent: undefined, ancestors: new Set([root.id]) },
  ];
  for (let next = queue.shift(); next; next = queue.shift()) {
    result.push({ path: next.path, parent: next.parent });
    for (const child of schemaChildren(next.element)) {
      if (isForeignName(child.name) || next.ancestors.has(child.element.id)) continue;
      const named = schemaChild(next.named, child.name)?.element;
      if (!named) continue;
      const ancestors = new Set(next.ancestors).add(child.element.id);
      queue.push({ path: `${next.path}/${child.name}`, element: child.element, named, parent: next.element, ancestors });
    }
  }
  places = result;
  return result;
}

function placesByName(): ReadonlyMap<string, readonly string[]> {
  if (pathsByName) return pathsByName;
  const found = new Map<string, { parents: Set<number>; paths: string[] }>();
  for (const place of allPlaces()) {
    if (!place.parent) continue;
    const name = place.path.slice(place.path.lastIndexOf('/') + 1);
    let entry = found.get(name);
    if (!entry) found.set(name, (entry = { parents: new Set(), paths: [] }));
    if (entry.parents.has(place.parent.id)) continue;
    entry.parents.add(place.parent.id);
    entry.paths.push(place.path);
  }
  pathsByName = new Map([...found].map(([name, entry]) => [name, entry.paths]));
  return pathsByName;
}
