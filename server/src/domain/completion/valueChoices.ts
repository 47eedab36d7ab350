import { fact } from '../../kb/facts';
import { attributeSpec, valueChoices, valueKey } from '../../kb/specLookup';
import type { Fact } from '../../kb/types';
import type { AllowedAttribute } from '../../schema/rng/allowed';
import type { XmlElement } from '../../xml/types';
import type { DomainModel } from '../model';

/** A value completion may offer for an attribute. */
export interface ValueChoice {
  value: string;
  /** One line for the item's detail. */
  detail: string;
  /** The value's own fact, when the knowledge base has one. */
  about: Fact | undefined;
  /** A short description when there is no fact. */
  doc: string | undefined;
  kind: 'enum' | 'unit' | 'id';
}

/**
 * The values that fit an attribute: the closed list its type allows, or, for ids that refer to other
 * parts of the document, the ones not taken yet. `element` is the element being edited (its own
 * value does not count as taken); undefined when the element is about to be inserted.
 */
export function attributeValueChoices(
  model: DomainModel,
  elementPath: string,
  name: string,
  element: XmlElement | undefined,
): ValueChoice[] {
  const ids = freeIds(model, elementPath, name, element);
  if (ids) return ids;
  const spec = attributeSpec(elementPath, name);
  if (!spec) return [];
  const kind = spec.type.kind === 'memoryUnit' ? 'unit' : 'enum';
  return valueChoices(spec.type).map((entry) => ({
    value: entry.value,
    detail: kind === 'unit' ? `unit: ${entry.doc ?? entry.value}` : `${name} value`,
    about: fact(valueKey(elementPath, name, entry.value)),
    doc: entry.doc,
    kind,
  }));
}

/**
 * The structure's values for an attribute, narrowed to those its variant takes (`fits`, what the schema
 * in use allows the attribute at this element): the structure's in its order, each with its docs, then
 * any it does not know. Ids and units keep the structure's own lists; so does an attribute the schema
 * lists no values for here.
 */
export function fittingValueChoices(choices: ValueChoice[], fits: AllowedAttribute | undefined, elementPath: string, name: string): ValueChoice[] {
  if (!fits || fits.values.length === 0 || choices.some((entry) => entry.kind !== 'enum')) return choices;
  const listed = new Set(fits.values);
  const known = new Set(choices.map((entry) => entry.value));
  const unknown = fits.values.filter((value) => !known.has(value));
  return [
    ...choices.filter((entry) => listed.has(entry.value)),
    ...unknown.map((value): ValueChoice => ({ value, detail: `${name} value`, about: fact(valueKey(elementPath, name, value)), doc: undefined, kind: 'enum' })),
  ];
}

function freeIds(model: DomainModel, elementPath: string, name: string, element: XmlElement | undefined): ValueChoice[] | undefined {
  if (elementPath === 'domain/cputune/vcpupin' && name === 'vcpu') {
    const count = model.vcpu?.count;
    if (count === undefined) return undefined;
    const pinned = new Set((model.cputune?.vcpupins ?? []).filter((pin) => pin.element !== element).map((pin) => pin.vcpu));
    return range(Math.min(count, 4096))
      .filter((vcpu) => !pinned.has(vcpu))
      .map((vcpu) => idChoice(String(vcpu), `vCPU ${vcpu} (not pinned yet)`));
  }
  if (elementPath === 'domain/numatune/memnode' && name === 'cellid') {
    const cells = (model.cpu?.cells ?? []).flatMap((cell) => (cell.id === undefined ? [] : [cell.id]));
    if (cells.length === 0) return undefined;
    const others = (model.numatune?.memnodes ?? []).filter((memnode) => memnode.element !== element);
    const used = new Set(others.map((memnode) => memnode.cellid));
    return cells.filter((id) => !used.has(id)).map((id) => idChoice(String(id), `guest NUMA cell ${id} (no memnode yet)`));
  }
  return undefined;
}

function idChoice(value: string, detail: string): ValueChoice {
  return { value, detail, about: undefined, doc: undefined, kind: 'id' };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
