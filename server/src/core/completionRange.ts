import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';

/** How the client can take a completion's edit. */
export interface CompletionEditOptions {
  /**
   * The client understands InsertReplaceEdit (LSP 3.16 `insertReplaceSupport`): it then lets the user
   * choose between inserting at the cursor and replacing the whole word, as VS Code does.
   */
  insertReplace?: boolean;
}

/**
 * Every kind's completion items made safe to accept, in one place. A kind gives each edit the range a
 * replace would take (the whole word or value around the cursor); here that range is split at the
 * cursor, so accepting an item never touches the text right of the cursor unless the user asks for a
 * replace: an InsertReplaceEdit (insert: start to cursor; replace: the whole range) where the client
 * supports it, else a range that ends at the cursor.
 *
 * Edits are also kept to the cursor's line. VS Code drops an item whose edit spans lines, and editors
 * count a lone carriage return as a line break while libvirt's XML parser, the shell reading
 * ksmtuned.conf and GRUB do not: a value holding one (`check='n\r'`) would otherwise give a range over
 * two lines.
 */
export function completionEdits(document: TextDocument, position: Position, list: CompletionList, options: CompletionEditOptions = {}): CompletionList {
  const lineStart: Position = { line: position.line, character: 0 };
  const lineEnd: Position = { line: position.line, character: lineLength(document, position.line) };
  const onLine = (range: Range): Range => ({ start: later(range.start, lineStart), end: earlier(range.end, lineEnd) });
  return {
    ...list,
    items: list.items.map((item): CompletionItem => {
      const edit = item.textEdit;
      if (!edit) return item;
      const replace = onLine('range' in edit ? edit.range : edit.replace);
      const start = earlier(replace.start, position);
      const insert: Range = { start, end: position };
      if (!before(position, replace.end)) return { ...item, textEdit: { newText: edit.newText, range: { start, end: replace.end } } };
      return {
        ...item,
        textEdit: options.insertReplace ? { newText: edit.newText, insert, replace: { start, end: replace.end } } : { newText: edit.newText, range: insert },
      };
    }),
  };
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
