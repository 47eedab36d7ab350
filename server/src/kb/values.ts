import { parseCpuset } from './cpuset';
import type { ValueType } from './types';
import { memoryUnit } from './units';

/**
 * Why a value does not fit its type, or undefined when it does: the check libvirt's schema makes for
 * an attribute value or an element's (trimmed) text. Strings are never refused.
 */
export function valueProblem(type: ValueType, value: string): string | undefined {
  switch (type.kind) {
    case 'enum':
      return type.values.some((entry) => entry.value === value)
        ? undefined
        : `'${value}' is not one of ${type.values.map((entry) => entry.value).join(', ')}`;
    case 'yesno':
      return value === 'yes' || value === 'no' ? undefined : `'${value}' is not yes or no`;
    case 'onoff':
      return value === 'on' || value === 'off' ? undefined : `'${value}' is not on or off`;
    case 'integer':
      return integerProblem(value, type.min, type.max);
    case 'memory':
      return /^[0-9]+$/.test(value) ? undefined : `'${value}' is not a whole non-negative number`;
    case 'memoryUnit':
      return memoryUnit(value) ? undefined : `'${value}' is not a memory unit (b, KiB, MiB, GiB, KB, MB, ...)`;
    case 'cpuset':
    case 'nodeset':
      return parseCpuset(value).problems[0]?.message;
    case 'string':
      return undefined;
  }
}

/** Compared as BigInt: libvirt's unsigned long values go beyond what a double holds exactly. */
function integerProblem(value: string, min: number | undefined, max: number | undefined): string | undefined {
  if (!/^-?[0-9]+$/.test(value)) return `'${value}' is not a whole number`;
  const number = BigInt(value);
  if (min !== undefined && number < BigInt(min)) return `${value} is below ${min}`;
  if (max !== undefined && number > BigInt(max)) return `${value} is above ${max}`;
  return undefined;
}
