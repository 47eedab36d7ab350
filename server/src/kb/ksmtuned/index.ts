import { KSM_KNOBS } from './knobs';
import type { KsmKnob, KsmtunedVariable } from './types';
import { FOREIGN_VARIABLE_SOURCES, FOREIGN_VARIABLES, KSMTUNED_VARIABLES } from './variables';
import { ownValue } from '../../core/ownValue';

export type { KsmKnob, KsmKnobName, KsmtunedValueKind, KsmtunedVariable } from './types';
export { FOREIGN_VARIABLE_SOURCES, KSM_KNOBS, KSMTUNED_VARIABLES };
export * from './sources';

const VARIABLES = new Map(KSMTUNED_VARIABLES.map((variable) => [variable.name, variable]));
const KNOBS = new Map<string, KsmKnob>(KSM_KNOBS.map((knob) => [knob.name, knob]));

/** The variable ksmtuned reads under that exact name (bash names are case-sensitive). */
export function ksmtunedVariable(name: string): KsmtunedVariable | undefined {
  return VARIABLES.get(name);
}

export function ksmtunedVariableNames(): string[] {
  return [...VARIABLES.keys()];
}

/** A knob by its file name (`pages_to_scan`) or its full path (`/sys/kernel/mm/ksm/pages_to_scan`). */
export function ksmKnob(nameOrPath: string): KsmKnob | undefined {
  const name = nameOrPath.startsWith('/sys/kernel/mm/ksm/') ? nameOrPath.slice('/sys/kernel/mm/ksm/'.length) : nameOrPath;
  return KNOBS.get(name);
}

/** Why a name ksmtuned does not read turns up in its file, when another program reads it. */
export function foreignVariable(name: string): string | undefined {
  return ownValue(FOREIGN_VARIABLES, name);
}
