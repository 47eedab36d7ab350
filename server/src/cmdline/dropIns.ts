import { LineStarts } from '../core/lineStarts';
import type { GrubDropIns } from '../grubDropIns/types';
import { refersTo, shellStatements, unclosedQuote, variableReferences, type ShellStatement } from './defaultGrubShell';
import { KERNEL_VARIABLES, locateDefaultGrub } from './locate/defaultGrub';
import type { MappedText } from './mappedText';
import type { CommandLine, DropInReplacement } from './types';
import type { CmdlineDocument } from './document';

/** A file as grub-mkconfig sources it, when it holds assignments only: no command, no quote left open. */
interface PlainFile {
  text: string;
  statements: readonly ShellStatement[];
}

function plainFile(text: string | undefined, statements?: readonly ShellStatement[]): PlainFile | undefined {
  if (text === undefined) return undefined;
  const read = statements ?? shellStatements(text);
  for (const statement of read) {
    if (statement.command) return undefined;
    for (const word of statement.words) if (unclosedQuote(text, word)) return undefined;
  }
  return { text, statements: read };
}

/** Whether an assignment of another variable takes the variable's value: a copy that may bring it back later. */
function copied(file: PlainFile, variable: string): boolean {
  return file.statements.some((statement) => statement.assignments.some(({ name, word }) => name !== variable && refersTo(word.value, variable)));
}

/**
 * The first assignment of a file that replaces the variable's value (neither `+=` nor a reference to
 * the variable), `unknown` when the file appends with `+=`: dash, Debian's /bin/sh, takes
 * `NAME+=value` for a command it cannot find, and grub-mkconfig (`set -e`) stops there.
 */
function replacementIn(file: PlainFile, variable: string): ShellStatement['assignments'][number] | 'unknown' | undefined {
  for (const statement of file.statements) {
    for (const assignment of statement.assignments) {
      if (assignment.name !== variable) continue;
      if (assignment.append) return 'unknown';
      if (!refersTo(assignment.word.value, variable)) return assignment;
    }
  }
  return undefined;
}

/**
 * The kernel variables of a file of /etc/default/grub's kind whose value, as the file leaves it, a drop-in
 * sourced after it surely replaces, each with the drop-in's assignment that does. Only what is sure:
 * nothing when the file runs a command (an assignment may not run, or the command may set the variable);
 * the drop-ins are followed up to the first that runs a command, cannot be read or leaves a quote open;
 * and a variable whose value another variable takes (`GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX
 * quiet"`) before it is replaced keeps its parameters there, so it is left alone.
 */
function dropInReplacements(text: string, statements: readonly ShellStatement[], dropIns: GrubDropIns): Map<string, DropInReplacement> {
  const replaced = new Map<string, DropInReplacement>();
  const own = plainFile(text, statements);
  if (!own) return replaced;
  const pending = new Set<string>(KERNEL_VARIABLES.filter((variable) => !copied(own, variable)));
  for (const dropIn of dropIns.files) {
    if (pending.size === 0) break;
    const file = plainFile(dropIn.text);
    if (!file) break;
    for (const variable of [...pending]) {
      const found = copied(file, variable) ? 'unknown' : replacementIn(file, variable);
      if (found === undefined) continue;
      pending.delete(variable);
      if (found === 'unknown') continue;
      replaced.set(variable, { path: dropIn.path, line: new LineStarts(file.text).position(found.word.span.start).line });
    }
  }
  return replaced;
}

/**
 * The command lines of a document that reach the kernel once the drop-ins sourced after it are counted:
 * an assignment whose variable a drop-in replaces is kept apart, shadowed, with the drop-in that replaces it.
 */
export function bootingWithDropIns(document: CmdlineDocument, dropIns: GrubDropIns | undefined): readonly CommandLine[] {
  if (!dropIns || document.shape !== 'default-grub' || document.booting.length === 0) return document.booting;
  const replaced = dropInReplacements(document.text, document.statements, dropIns);
  return replaced.size === 0 ? document.booting : locateDefaultGrub(document.text, document.statements, replaced);
}

/**
 * The kernel parameters grub-mkconfig gives a default entry (GRUB_CMDLINE_LINUX, then _DEFAULT) after
 * sourcing /etc/default/grub and its drop-ins in order, as text; undefined unless every file is plain
 * assignments without `+=` (see dropInReplacements). `$NAME` of another variable is left as written.
 */
export function sourcedKernelParameters(texts: readonly (string | undefined)[]): string | undefined {
  const values = new Map<string, string>();
  for (const text of texts) {
    const file = plainFile(text);
    if (!file) return undefined;
    for (const statement of file.statements) {
      for (const { name, word, append } of statement.assignments) {
        if (!(KERNEL_VARIABLES as readonly string[]).includes(name)) continue;
        if (append) return undefined;
        values.set(name, expanded(word.value, name, values.get(name) ?? ''));
      }
    }
  }
  return KERNEL_VARIABLES.map((variable) => values.get(variable) ?? '').join(' ');
}

/** An assignment's value (the word after `NAME=`) with the variable's plain references (`$NAME`, `${NAME}`) replaced by its value so far. */
function expanded(word: MappedText, name: string, current: string): string {
  let value = '';
  let from = name.length + 1;
  for (const reference of variableReferences(word, name)) {
    if (!reference.plain) continue;
    value += word.text.slice(from, reference.index) + current;
    from = reference.index + reference.length;
  }
  return value + word.text.slice(from);
}
