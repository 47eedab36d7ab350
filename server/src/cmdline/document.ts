import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import type { Span } from '../core/span';
import { shellStatements, unclosedQuote, type ShellStatement } from './defaultGrubShell';
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
  /**
   * The lines that reach a kernel: none from an /etc/default/grub with a quote it never closes. The quote
   * takes the rest of the file into the value and bash fails at the end of it, so grub-mkconfig writes no
   * grub.cfg (VT312 says so); a later `GRUB_DEFAULT=0` is no kernel parameter. `lines` keeps them for
   * completion and hover, as the value is typed.
   */
  booting: readonly CommandLine[];
  /** An /etc/default/grub's quotes that are never closed, each at its opening quote (VT312 reports them). */
  unclosedQuotes: readonly Span[];
}

const cache = new DocumentCache<CmdlineDocument>((textDocument) => {
  const text = textDocument.getText();
  const shape = shapeOf(textDocument, text);
  const statements = shape === 'default-grub' ? shellStatements(text) : [];
  const lines = locateCommandLines(text, shape, statements);
  const unclosedQuotes = statements.flatMap((statement) => statement.words.flatMap((word) => unclosedQuote(text, word) ?? []));
  return { textDocument, text, shape, statements, lines, booting: unclosedQuotes.length > 0 ? [] : lines, unclosedQuotes };
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

