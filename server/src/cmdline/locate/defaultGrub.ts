import { joinMapped, sliceMapped, type MappedText } from '../mappedText';
import { readShellCommand } from '../shellWords';
import { tokenize } from '../tokenize';
import type { CommandLine } from '../types';
import type { Span } from '../../core/span';

/** GRUB_CMDLINE_LINUX goes on every entry, GRUB_CMDLINE_LINUX_DEFAULT after it on the default ones. */
const VARIABLES = ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT'] as const;

interface Assignment {
  variable: string;
  nameSpan: Span;
  value: MappedText;
  /** The value in the file, its quotes included. */
  valueSpan: Span;
  /** The value refers to the variable itself (`"$GRUB_CMDLINE_LINUX foo"`): it adds to the earlier value. */
  extends: boolean;
}

/**
 * The command line of /etc/default/grub, a shell file that grub-mkconfig sources: the effective values of
 * GRUB_CMDLINE_LINUX and then GRUB_CMDLINE_LINUX_DEFAULT, with their shell quoting removed. An assignment
 * that a later one replaces (not one that extends it with `$GRUB_CMDLINE_LINUX`) is kept apart, shadowed.
 */
export function locateDefaultGrub(source: string): CommandLine[] {
  const assignments = readAssignments(source);
  const effective: Assignment[] = [];
  const shadowed: Assignment[] = [];
  for (const variable of VARIABLES) {
    const own = assignments.filter((assignment) => assignment.variable === variable);
    let from = 0;
    own.forEach((assignment, index) => {
      if (!assignment.extends) from = index;
    });
    shadowed.push(...own.slice(0, from));
    effective.push(...own.slice(from));
  }
  const lines: CommandLine[] = [];
  if (effective.length > 0) lines.push(commandLine(effective, source.length, false));
  for (const assignment of shadowed) lines.push(commandLine([assignment], source.length, true));
  return lines;
}

function commandLine(assignments: readonly Assignment[], end: number, shadowed: boolean): CommandLine {
  const { params, initArgs } = tokenize(joinMapped(assignments.map((assignment) => assignment.value), end));
  const first = assignments[0]!;
  return {
    holder: first.variable,
    holderSpan: first.nameSpan,
    params,
    initArgs,
    regions: assignments.map((assignment) => assignment.valueSpan),
    strayLines: [],
    ...(shadowed ? { shadowed: true } : {}),
  };
}

function readAssignments(source: string): Assignment[] {
  const assignments: Assignment[] = [];
  for (let offset = 0; offset < source.length; ) {
    const command = readShellCommand(source, offset);
    offset = command.end;
    const words = command.words[0] && source.slice(command.words[0].span.start, command.words[0].span.end) === 'export' ? command.words.slice(1) : command.words;
    // Assignments lead a command (`A=1 B=2 command`); what follows them is no assignment.
    for (const word of words) {
      const text = source.slice(word.span.start, word.span.end);
      if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) break;
      const match = /^(GRUB_CMDLINE_LINUX(?:_DEFAULT)?)=/.exec(text);
      if (!match) continue;
      const variable = match[1]!;
      const value = sliceMapped(word.value, variable.length + 1);
      const reference = new RegExp(`\\$(\\{${variable}\\}|${variable}(?![A-Za-z0-9_]))`);
      assignments.push({
        variable,
        nameSpan: { start: word.span.start, end: word.span.start + variable.length },
        value,
        valueSpan: inside(source, { start: word.span.start + variable.length + 1, end: word.span.end }),
        extends: reference.test(value.text),
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
