import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { shellStatements, type ShellStatement } from './defaultGrubShell';
import { locateCommandLines } from './locate';
import { cmdlineShape, cmdlineShapeOfPath } from './shape';
import type { CmdlineShape, CommandLine } from './types';

/** A file holding kernel command lines, as every command line service sees it: read once per version. */
export interface CmdlineDocument {
  textDocument: TextDocument;
  text: string;
  shape: CmdlineShape;
  /** An /etc/default/grub's shell statements, read once for the locator and the rules (none for other shapes). */
  statements: readonly ShellStatement[];
  lines: CommandLine[];
}

const cache = new DocumentCache<CmdlineDocument>((textDocument) => {
  const text = textDocument.getText();
  const shape = shapeOf(textDocument, text);
  const statements = shape === 'default-grub' ? shellStatements(text) : [];
  return { textDocument, text, shape, statements, lines: locateCommandLines(text, shape, statements) };
});

export function cmdlineDocument(textDocument: TextDocument): CmdlineDocument {
  return cache.get(textDocument);
}

export function forgetCmdlineDocument(uri: string): void {
  cache.forget(uri);
}

/** The path of a document's uri (`file:` or `untitled:`), for telling the file's shape. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

function shapeOf(textDocument: TextDocument, text: string): CmdlineShape {
  const path = uriPath(textDocument.uri);
  if (textDocument.languageId === 'kernel-cmdline' && !cmdlineShapeOfPath(path)) return 'plain';
  return cmdlineShape(path, text);
}
