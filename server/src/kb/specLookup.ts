import { elementSpec } from './structure';
import { MEMORY_UNITS } from './units';
import type { AttributeSpec, ElementSpec, EnumValue, ValueType } from './types';

/** `domain/devices/disk/driver@cache`: the key of an attribute's fact. */
export function attributeKey(elementPath: string, name: string): string {
  return `${elementPath}@${name}`;
}

/** `domain/devices/disk/driver@cache=none`: the key of a value's fact. */
export function valueKey(elementPath: string, name: string, value: string): string {
  return `${elementPath}@${name}=${value}`;
}

/** The children the structure allows under an element path, each with its own spec when there is one. */
export function childSpecs(path: string): { name: string; path: string; spec: ElementSpec | undefined }[] {
  const parent = elementSpec(path);
  if (!parent) return [];
  return parent.children.map((name) => {
    const childPath = `${path}/${name}`;
    return { name, path: childPath, spec: elementSpec(childPath) };
  });
}

export function attributeSpec(elementPath: string, name: string): AttributeSpec | undefined {
  return elementSpec(elementPath)?.attributes.find((candidate) => candidate.name === name);
}

/** The closed list of values a type allows (enum, yes/no, on/off, memory units); empty for open types. */
export function valueChoices(type: ValueType): readonly EnumValue[] {
  switch (type.kind) {
    case 'enum':
      return type.values;
    case 'yesno':
      return [{ value: 'yes' }, { value: 'no' }];
    case 'onoff':
      return [{ value: 'on' }, { value: 'off' }];
    case 'memoryUnit':
      return MEMORY_UNITS.map((unit) => ({ value: unit.name, doc: unit.doc }));
    default:
      return [];
  }
}

/** A short name of a value type, for completion details and hovers. */
export function describeValueType(type: ValueType): string {
  switch (type.kind) {
    case 'enum':
      return type.values.map((entry) => entry.value).join(' | ');
    case 'yesno':
      return 'yes | no';
    case 'onoff':
      return 'on | off';
    case 'integer':
      if (type.min !== undefined && type.max !== undefined) return `integer ${type.min}–${type.max}`;
      if (type.min !== undefined) return `integer ≥ ${type.min}`;
      return 'integer';
    case 'cpuset':
      return 'CPU list (0-3,^2)';
    case 'nodeset':
      return 'NUMA node list (0-1,3)';
    case 'memory':
      return 'memory size';
    case 'memoryUnit':
      return 'memory unit (KiB, MiB, GiB, ...)';
    case 'string':
      return 'text';
  }
}
