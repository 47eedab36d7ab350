import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionList,
  type Connection,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { FileKind } from '../core/types';
import { detectKind, fixesInRange, serviceFor, type LanguageService } from '../services';
import { VERSION } from '../version';
import { toCodeAction, toDiagnostic, wantsQuickFixes } from './convert';
import { guarded } from './guard';

const ALL_KINDS: readonly FileKind[] = ['domain', 'ksmtuned', 'cmdline'];
const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

/**
 * The LSP adapter: it keeps the open documents (full sync) and answers from the language service of
 * each document's kind. A document of no kind of virt-tune's (XML whose root is not <domain>) gets
 * nothing at all, so virt-tune can live beside other XML tools.
 */
export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** The documents whose last published list was not empty: they need an empty one to clear. */
  const withDiagnostics = new Set<string>();

  const serviceOf = (document: TextDocument): LanguageService | undefined => {
    const kind = detectKind(new URL(document.uri).pathname, document.getText());
    return kind ? serviceFor(kind) : undefined;
  };

  const publish = guarded(connection, 'diagnostics', undefined, (document: TextDocument) => {
    const service = serviceOf(document);
    if (!service) {
      if (withDiagnostics.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    const diagnostics = service.diagnostics(document).map(toDiagnostic);
    if (diagnostics.length > 0) withDiagnostics.add(document.uri);
    else withDiagnostics.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  });

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Full,
        completionProvider: { triggerCharacters: ['<', '/', "'", '"', '='] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'virt-tune', version: VERSION },
    }),
  );

  documents.onDidChangeContent((event) => publish(event.document));

  documents.onDidClose(
    guarded(connection, 'close', undefined, (event: { document: TextDocument }) => {
      const { uri } = event.document;
      withDiagnostics.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      for (const kind of ALL_KINDS) serviceFor(kind)?.forget(uri);
    }),
  );

  connection.onCompletion(
    guarded(connection, 'completion', EMPTY_COMPLETION, (params): CompletionList => {
      const document = documents.get(params.textDocument.uri);
      const service = document && serviceOf(document);
      return service ? service.completion(document, params.position) : EMPTY_COMPLETION;
    }),
  );

  connection.onHover(
    guarded(connection, 'hover', null, (params): Hover | null => {
      const document = documents.get(params.textDocument.uri);
      const service = document && serviceOf(document);
      return service ? service.hover(document, params.position) : null;
    }),
  );

  connection.onCodeAction(
    guarded(connection, 'code actions', [], (params): CodeAction[] => {
      const document = documents.get(params.textDocument.uri);
      const service = document && serviceOf(document);
      if (!service || !wantsQuickFixes(params.context.only)) return [];
      return fixesInRange(service.diagnostics(document), params.range).map(({ finding, fix }) =>
        toCodeAction(document.uri, finding, fix),
      );
    }),
  );

  documents.listen(connection);
  connection.listen();
}
