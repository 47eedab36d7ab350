import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { buildKsmModel, type KsmModel } from './model';
import { parseKsmtunedConf } from './parser';
import type { KsmConf } from './types';

/** A ksmtuned.conf as every ksmtuned service sees it: parsed once per version. */
export interface KsmtunedDocument {
  textDocument: TextDocument;
  conf: KsmConf;
  model: KsmModel;
}

const cache = new DocumentCache<KsmtunedDocument>((textDocument) => {
  const conf = parseKsmtunedConf(textDocument.getText());
  return { textDocument, conf, model: buildKsmModel(conf) };
});

export function ksmtunedDocument(textDocument: TextDocument): KsmtunedDocument {
  return cache.get(textDocument);
}

export function forgetKsmtunedDocument(uri: string): void {
  cache.forget(uri);
}

/** Whether a path names a ksmtuned config: `ksmtuned.conf`, or a `.conf` file with ksmtuned in its name. */
export function isKsmtunedPath(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return /ksmtuned.*\.conf$/i.test(name);
}
