import { joinMapped, sliceMapped, type MappedText } from '../mappedText';
import { refersTo, shellStatements, type ShellStatement } from '../defaultGrubShell';
import { tokenize } from '../tokenize';
import type { CommandLine, DropInReplacement } from '../types';
import type { Span } from '../../core/span';

/** The variables 10_linux puts on a Linux kernel's line: GRUB_CMDLINE_LINUX on every entry, _DEFAULT after it on the default ones. */
export const KERNEL_VARIABLES = ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT'] as const;
/** 20_linux_xen puts these on the Xen hypervisor's line (GRUB_CMDLINE_XEN on every entry, _DEFAULT on the default ones). */
const XEN_VARIABLES = ['GRUB_CMDLINE_XEN', 'GRUB_CMDLINE_XEN_DEFAULT'] as const;

interface Assignment {
  variable: string;
  nameSpan: Span;
  value: MappedText;
  /** The value in the file, its quotes included. */
  valueSpan: Span;
  /** The value refers to the variable itself (`"$GRUB_CMDLINE_LINUX foo"`, not in single quotes): it adds to the earlier value. */
  extends: boolean;
}

/**
 * The command line of /etc/default/grub, a shell file that grub-mkconfig sources: the effective values of
 * GRUB_CMDLINE_LINUX and then GRUB_CMDLINE_LINUX_DEFAULT, with their shell quoting removed. An assignment
 * that a later one replaces (not one that extends it with `$GRUB_CMDLINE_LINUX`) is kept apart, shadowed;
 * so are the effective assignments of a variable that a drop-in sourced after the file replaces
 * (`replacedByDropIns`, see cmdline/dropIns.ts), as one line of their own.
 */
export function locateDefaultGrub(
  source: string,
  statements: readonly ShellStatement[] = shellStatements(source),
  replacedByDropIns?: ReadonlyMap<string, DropInReplacement>,
): CommandLine[] {
  const assignments = readAssignments(source, statements);
  const kept = replacedByDropIns ? KERNEL_VARIABLES.filter((variable) => !replacedByDropIns.has(variable)) : KERNEL_VARIABLES;
  const linux = effectiveOf(assignments, kept);
  const lines: CommandLine[] = [];
  if (linux.effective.length > 0) lines.push(commandLine(linux.effective, source.length));
  for (const { assignment, replacedBy } of linux.shadowed) {
    lines.push({ ...commandLine([assignment], source.length), shadowed: true, replacedBy: { nameSpan: replacedBy.nameSpan, valueSpan: replacedBy.valueSpan } });
  }
  for (const [variable, dropIn] of replacedByDropIns ?? []) {
    const own = effectiveOf(assignments, [variable]);
    for (const { assignment, replacedBy } of own.shadowed) {
      lines.push({ ...commandLine([assignment], source.length), shadowed: true, replacedBy: { nameSpan: replacedBy.nameSpan, valueSpan: replacedBy.valueSpan } });
    }
    if (own.effective.length > 0) lines.push({ ...commandLine(own.effective, source.length), shadowed: true, replacedByDropIn: dropIn });
  }
  const xen = effectiveOf(assignments, XEN_VARIABLES);
  if (xen.effective.length > 0) lines.push({ ...commandLine(xen.effective, source.length), hypervisor: 'xen' });
  return lines;
}

/**
 * Per variable, the assignments bash's final value comes from (the last one that does not refer to the
 * variable, and those after it) and the ones before, each with the next assignment that replaces it.
 */
function effectiveOf(assignments: readonly Assignment[], variables: readonly string[]): { effective: Assignment[]; shadowed: { assignment: Assignment; replacedBy: Assignment }[] } {
  const effective: Assignment[] = [];
  const shadowed: { assignment: Assignment; replacedBy: Assignment }[] = [];
  for (const variable of variables) {
    const own = assignments.filter((assignment) => assignment.variable === variable);
    const replaced: { assignment: Assignment; replacedBy: Assignment }[] = [];
    let replacedBy: Assignment | undefined;
    let from = own.length;
    for (let index = own.length - 1; index >= 0; index--) {
      const assignment = own[index]!;
      if (replacedBy) replaced.unshift({ assignment, replacedBy });
      else from = index;
      if (!assignment.extends) replacedBy = assignment;
    }
    shadowed.push(...replaced);
    effective.push(...own.slice(from));
  }
  return { effective, shadowed };
}

function commandLine(assignments: readonly Assignment[], end: number): CommandLine {
  const { params, initArgs } = tokenize(joinMapped(assignments.map((assignment) => assignment.value), end));
  const first = assignments[0]!;
  return {
    holder: first.variable,
    holderSpan: first.nameSpan,
    params,
    initArgs,
    regions: assignments.map((assignment) => assignment.valueSpan),
    strayLines: [],
  };
}

function readAssignments(source: string, statements: readonly ShellStatement[]): Assignment[] {
  const assignments: Assignment[] = [];
  for (const statement of statements) {
    // `A=1 command`: the assignment is for that command only, and is no setting of the file.
    if (statement.command) continue;
    for (const { name, word, append } of statement.assignments) {
      if (!/^GRUB_CMDLINE_(LINUX|XEN)(_DEFAULT)?$/.test(name)) continue;
      const prefix = name.length + (append ? 2 : 1);
      const value = sliceMapped(word.value, prefix);
      assignments.push({
        variable: name,
        nameSpan: { start: word.span.start, end: word.span.start + name.length },
        value,
        valueSpan: inside(source, { start: word.span.start + prefix, end: word.span.end }),
        extends: append || refersTo(value, name),
      });
    }
  }
  return assignments;
}

/** A quoted value's inside, where parameters are typed; an unquoted value as it is. */
function inside(source: string, span: Span): Span {
  const quote = source[span.start];
  if ((quote === '"' || quote === "'") && span.end - span.start >= 2 && source[span.end - 1] === quote) return { start: span.start + 1, end: span.end - 1 };
  if (quote === '"' || quote === "'") return { start: span.start + 1, end: span.end };
  return span;
}
