import { ksmtunedVariable } from '../kb/ksmtuned';
import type { Assignment, KsmConf, KsmLine } from './types';
import { parseInteger } from './values';

export interface LocatedAssignment {
  assignment: Assignment;
  line: KsmLine;
}

/** What ksmtuned.conf sets, read once: every assignment by name, and the names its values expand. */
export interface KsmModel {
  /**
   * Every assignment in file order, those written with spaces around `=` included (their intent counts);
   * not those of a line bash refuses (or drops with it), which it never runs, nor one after `||` it never reaches.
   */
  assignments: readonly LocatedAssignment[];
  byName: ReadonlyMap<string, readonly LocatedAssignment[]>;
  /** Names expanded somewhere in the file (`$NAME`, `${NAME}`, inside `$((...))`): the user's own helper variables. */
  referenced: ReadonlySet<string>;
}

export function buildKsmModel(conf: KsmConf): KsmModel {
  const assignments: LocatedAssignment[] = [];
  const byName = new Map<string, LocatedAssignment[]>();
  const referenced = new Set<string>();
  for (const line of conf.lines) {
    // bash sets nothing of a line it refuses, nor of the lines it read with it as one command.
    if (line.refused || line.dropped) continue;
    for (const statement of line.statements) {
      if (statement.unreached) continue;
      if (statement.kind !== 'assignment') {
        for (const word of statement.words) for (const name of word.references) referenced.add(name);
        continue;
      }
      for (const name of statement.value.references) referenced.add(name);
      const located = { assignment: statement, line };
      assignments.push(located);
      const same = byName.get(statement.name);
      if (same) same.push(located);
      else byName.set(statement.name, [located]);
    }
  }
  return { assignments, byName, referenced };
}

/** The assignment that wins: bash keeps the last. */
export function lastAssignment(model: KsmModel, name: string): LocatedAssignment | undefined {
  const all = model.byName.get(name);
  return all?.[all.length - 1];
}

/** An integer ksmtuned ends up using, and the assignment it comes from (none when it is ksmtuned's default). */
export interface EffectiveInteger {
  value: number;
  from: LocatedAssignment | undefined;
}

/**
 * The integer ksmtuned uses for a variable: the last assignment's when it is a literal integer, the
 * default when the file does not set it or sets it empty; undefined when the value is not an integer
 * or is computed by the shell (other rules speak about those).
 */
export function effectiveInteger(model: KsmModel, name: string): EffectiveInteger | undefined {
  const variable = ksmtunedVariable(name);
  const last = lastAssignment(model, name);
  const literal = last ? last.assignment.value.literal : undefined;
  if (last && literal === undefined) return undefined;
  if (last && literal !== undefined && literal.trim() !== '') {
    const value = parseInteger(literal);
    return value === undefined ? undefined : { value, from: last };
  }
  const fallback = variable?.defaultValue === undefined ? undefined : parseInteger(variable.defaultValue);
  return fallback === undefined ? undefined : { value: fallback, from: undefined };
}
