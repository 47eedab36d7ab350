import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, InsertTextMode, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { expandDefaults } from '../../server/src/domain/completion/snippetText';
import { serviceFor, type ServiceOptions } from '../../server/src/services';
import { withCursor } from '../helpers';

/** Completion through the domain service at the `|` of a marked text. */
export function complete(marked: string, options: ServiceOptions = {}): { items: CompletionItem[]; text: string; offset: number } {
  const { document, position, offset } = withCursor(marked);
  const items = serviceFor('domain')!.completion(document, position, options).items;
  return { items, text: document.getText(), offset };
}

export function labels(items: readonly CompletionItem[]): string[] {
  return items.map((item) => item.label);
}

export function item(items: readonly CompletionItem[], label: string, kind?: CompletionItem['kind']): CompletionItem {
  const found = items.find((candidate) => candidate.label === label && (kind === undefined || candidate.kind === kind));
  if (!found) throw new Error(`no item '${label}' among ${labels(items).join(', ')}`);
  return found;
}

/** How the user accepts an item whose edit is an InsertReplaceEdit (VS Code: `editor.suggest.insertMode`). */
export type AcceptMode = 'insert' | 'replace';

/** The range an item's edit takes in a mode (a plain edit has one range for both). */
export function editRange(completion: CompletionItem, mode: AcceptMode = 'insert'): Range {
  const edit = completion.textEdit;
  if (!edit) throw new Error('the item has no text edit');
  return 'range' in edit ? edit.range : mode === 'insert' ? edit.insert : edit.replace;
}

/** The text under an item's edit range. */
export function replaced(text: string, completion: CompletionItem, mode: AcceptMode = 'insert'): string {
  const range = editRange(completion, mode);
  const document = TextDocument.create('file:///replaced.xml', 'xml', 1, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

/**
 * Accepts an item as VS Code would, every placeholder keeping its default: with the insert text mode
 * `adjustIndentation`, each line after the first gets the indentation of the line the edit starts on.
 */
export function accept(text: string, completion: CompletionItem, mode: AcceptMode = 'insert'): string {
  const edit = completion.textEdit;
  if (!edit) throw new Error('the item has no text edit');
  const range = editRange(completion, mode);
  const document = TextDocument.create('file:///accept.xml', 'xml', 1, text);
  const expanded = completion.insertTextFormat === InsertTextFormat.Snippet ? expandDefaults(edit.newText) : edit.newText;
  const line = text.split(/\r\n|\r|\n/)[range.start.line] ?? '';
  const indentation = /^[ \t]*/.exec(line)![0];
  const newText = completion.insertTextMode === InsertTextMode.adjustIndentation ? expanded.replace(/\n/g, `\n${indentation}`) : expanded;
  return TextDocument.applyEdits(document, [{ range, newText }, ...(completion.additionalTextEdits ?? [])]);
}
