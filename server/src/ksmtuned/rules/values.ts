import { ksmtunedVariable, type KsmtunedVariable } from '../../kb/ksmtuned';
import type { LocatedAssignment } from '../model';
import { parseInteger } from '../values';

/** An assignment of a known integer variable whose value is a literal integer, with that integer. */
export interface IntegerSetting {
  located: LocatedAssignment;
  variable: KsmtunedVariable;
  value: number;
}

/** The known integer variable an assignment sets and its value, when the value is a literal integer. */
export function integerSetting(located: LocatedAssignment): IntegerSetting | undefined {
  const variable = ksmtunedVariable(located.assignment.name);
  const literal = located.assignment.value.literal;
  if (!variable || variable.kind !== 'integer' || literal === undefined) return undefined;
  const value = parseInteger(literal);
  return value === undefined ? undefined : { located, variable, value };
}

/** The value as written, quotes and all, for messages. */
export function writtenValue(text: string, located: LocatedAssignment): string {
  const { span } = located.assignment.value;
  return text.slice(span.start, span.end);
}

/** `line 12`, 1-based as editors count. */
export function lineLabel(located: LocatedAssignment): string {
  return `line ${located.line.number + 1}`;
}
