import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/types';
import { cmdlineDiagnostics } from '../../server/src/cmdline/diagnostics';
import { cmdlineDocument } from '../../server/src/cmdline/document';
import type { CommandLine, KernelParam } from '../../server/src/cmdline/types';

export const DEFAULT_GRUB = '/etc/default/grub';
export const GRUB_CFG = '/boot/grub2/grub.cfg';
export const GRUB_CONF = '/boot/grub/grub.conf';
export const BLS_ENTRY = '/boot/loader/entries/6.8.5-301.fc40.x86_64.conf';
export const KERNEL_CMDLINE = '/etc/kernel/cmdline';

let counter = 0;

/** A fresh document at a path (each gets its own uri: no cache is shared between tests). */
export function cmdlineTextDocument(text: string, path = KERNEL_CMDLINE, languageId = 'grub'): TextDocument {
  counter++;
  return TextDocument.create(`file://${path}?test=${counter}`, languageId, 1, text);
}

/** The command lines a file of that path holds. */
export function commandLines(text: string, path = KERNEL_CMDLINE): CommandLine[] {
  return cmdlineDocument(cmdlineTextDocument(text, path)).lines;
}

/** The findings of a text at a path, of one rule when a code is given. */
export function cmdlineFindings(text: string, path = KERNEL_CMDLINE, code?: string): Finding[] {
  const all = cmdlineDiagnostics(cmdlineTextDocument(text, path));
  return code ? all.filter((finding) => finding.rule === code) : all;
}

/** `GRUB_CMDLINE_LINUX="..."` in an otherwise ordinary /etc/default/grub. */
export function defaultGrub(cmdline: string): string {
  return `GRUB_TIMEOUT=5\nGRUB_DEFAULT=saved\nGRUB_CMDLINE_LINUX="${cmdline}"\nGRUB_DISABLE_RECOVERY="true"\n`;
}

/** What each parameter's name, value and whole text cover in the file: checks the spans exactly. */
export function spans(text: string, line: CommandLine): string[] {
  return line.params.map((param) => spanText(text, param));
}

export function spanText(text: string, param: KernelParam): string {
  const name = text.slice(param.nameSpan.start, param.nameSpan.end);
  const value = param.valueSpan ? text.slice(param.valueSpan.start, param.valueSpan.end) : undefined;
  const whole = text.slice(param.span.start, param.span.end);
  return value === undefined ? `${name} [${whole}]` : `${name} = ${value} [${whole}]`;
}

/** Text with `|` marking the cursor. */
export function atCursor(marked: string, path = KERNEL_CMDLINE): { document: TextDocument; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the text');
  const document = cmdlineTextDocument(marked.slice(0, offset) + marked.slice(offset + 1), path);
  return { document, position: document.positionAt(offset) };
}
