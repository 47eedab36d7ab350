import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind, Finding } from '../core/types';
import { serviceFor, type LanguageService } from '../services';
import { UsageError } from './usage';

/** The language service of a kind, or a usage error for a kind that has none yet. */
export function requireService(kind: FileKind): LanguageService {
  const service = serviceFor(kind);
  if (!service) throw new UsageError(`--kind ${kind} is not supported yet (only domain is)`);
  return service;
}

export function sourceDocument(path: string, kind: FileKind, text: string, version = 1): TextDocument {
  return TextDocument.create(pathToFileURL(resolve(path)).href, kind === 'domain' ? 'xml' : kind, version, text);
}

/** The findings of one text, the service's cache left clean afterwards (a CLI run may cover thousands of files). */
export function lintText(path: string, kind: FileKind, text: string, version = 1): Finding[] {
  const service = requireService(kind);
  const document = sourceDocument(path, kind, text, version);
  try {
    return service.diagnostics(document);
  } finally {
    service.forget(document.uri);
  }
}
