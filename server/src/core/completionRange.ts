import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';

/**
 * A completion's edit kept to the cursor's line. VS Code drops an item whose edit spans lines, and
 * editors count a lone carriage return as a line break while libvirt's XML parser, the shell reading
 * ksmtuned.conf and GRUB do not: a value holding one (`check='n\r'`) would otherwise give a range
 * over two lines. The part on the cursor's line is what gets replaced.
 */
export function completionOnCursorLine(document: TextDocument, position: Position, list: CompletionList): CompletionList {
  if (!list.items.some((item) => item.textEdit && spansLines(item.textEdit))) return list;
  const lineStart: Position = { line: position.line, character: 0 };
  const lineEnd: Position = { line: position.line, character: lineLength(document, position.line) };
  const clamp = (range: Range): Range => ({ start: later(range.start, lineStart), end: earlier(range.end, lineEnd) });
  return {
    ...list,
    items: list.items.map((item): CompletionItem => {
      const edit = item.textEdit;
      if (!edit || !spansLines(edit)) return item;
      return {
        ...item,
        textEdit: 'range' in edit ? { ...edit, range: clamp(edit.range) } : { ...edit, insert: clamp(edit.insert), replace: clamp(edit.replace) },
      };
    }),
  };
}

function spansLines(edit: NonNullable<CompletionItem['textEdit']>): boolean {
  const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
  return ranges.some((range) => range.start.line !== range.end.line);
}

function lineLength(document: TextDocument, line: number): number {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '').length;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function later(a: Position, b: Position): Position {
  return before(a, b) ? b : a;
}

function earlier(a: Position, b: Position): Position {
  return before(a, b) ? a : b;
}
