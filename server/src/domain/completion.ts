import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { CompletionList } from 'vscode-languageserver-types';

/** Completion for domain XML (being written). */
export function domainCompletion(_document: TextDocument, _position: Position): CompletionList {
  return { isIncomplete: false, items: [] };
}
