import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';

/** Hover for domain XML (being written). */
export function domainHover(_document: TextDocument, _position: Position): Hover | null {
  return null;
}
