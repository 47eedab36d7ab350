import type { AttributeSpec, ElementSpec, EnumValue, ValueType } from '../types';

/**
 * Small builders so the structure files read like the schema they transcribe. An `element` is complete
 * (every child and attribute libvirt's schema allows is listed); an `openElement` is one the knowledge
 * base does not describe, so nothing under it is judged.
 */

export const yesno: ValueType = { kind: 'yesno' };
export const onoff: ValueType = { kind: 'onoff' };
export const cpuset: ValueType = { kind: 'cpuset' };
export const nodeset: ValueType = { kind: 'nodeset' };
export const memory: ValueType = { kind: 'memory' };
export const memoryUnit: ValueType = { kind: 'memoryUnit' };
export const string: ValueType = { kind: 'string' };

export function integer(min?: number, max?: number): ValueType {
  return { kind: 'integer', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** An enumeration: `[value, short description]` pairs, in the order completion offers them. */
export function oneOf(...values: readonly (readonly [string, string])[]): ValueType {
  return { kind: 'enum', values: values.map(([value, doc]): EnumValue => ({ value, doc })) };
}

export function attribute(name: string, type: ValueType, required = false): AttributeSpec {
  return required ? { name, type, required } : { name, type };
}

interface ElementParts {
  children?: readonly string[];
  attributes?: readonly AttributeSpec[];
  text?: ValueType;
  empty?: boolean;
}

/** A complete spec: children and attributes not listed are not allowed there. */
export function element(path: string, parts: ElementParts): ElementSpec {
  return {
    path,
    children: parts.children ?? [],
    childrenKnown: true,
    attributes: parts.attributes ?? [],
    attributesKnown: true,
    ...(parts.text ? { text: parts.text } : {}),
    ...(parts.empty ? { empty: true } : {}),
  };
}

/**
 * An element outside the tuning part: its place is known, its content is not described, so no child,
 * attribute or value under it is judged.
 */
export function openElement(path: string): ElementSpec {
  return { path, children: [], childrenKnown: false, attributes: [], attributesKnown: false };
}

/** Memory-sized leaf in libvirt's usual form, `<hard_limit unit='GiB'>4</hard_limit>`. */
export function memoryElement(path: string, extra: readonly AttributeSpec[] = []): ElementSpec {
  return element(path, {
    attributes: [attribute('unit', memoryUnit), ...extra].sort((a, b) => a.name.localeCompare(b.name)),
    text: memory,
  });
}

/** A leaf whose text is a non-negative count (`<total_bytes_sec>`, `<shares>`). */
export function countElement(path: string, min = 0, max?: number): ElementSpec {
  return element(path, { text: integer(min, max) });
}
