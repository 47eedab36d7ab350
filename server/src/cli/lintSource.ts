import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind, Finding } from '../core/types';
import { allDiagnostics, serviceFor, type LanguageService, type ServiceOptions } from '../services';
import { UsageError } from './usage';

/** The language service of a kind, or a usage error for a kind that has none yet. */
export function requireService(kind: FileKind): LanguageService {
  const service = serviceFor(kind);
  if (!service) throw new UsageError(`--kind ${kind} is not supported yet`);
  return service;
}

export function sourceDocument(path: string, kind: FileKind, text: string, version = 1): TextDocument {
  return TextDocument.create(pathToFileURL(resolve(path)).href, kind === 'domain' ? 'xml' : kind, version, text);
}

/** The findings of one text, the service's cache left clean afterwards (a CLI run may cover thousands of files). */
export function lintText(path: string, kind: FileKind, text: string, version = 1, options: ServiceOptions = {}): Finding[] {
  const service = requireService(kind);
  const document = sourceDocument(path, kind, text, version);
  try {
    return service.diagnostics(document, options);
  } finally {
    service.forget(document.uri);
  }
}

/** lintText with the findings that take time (libvirt's schema verdict, when a schema is chosen) awaited and merged in. */
export async function lintTextFully(path: string, kind: FileKind, text: string, version = 1, options: ServiceOptions = {}): Promise<Finding[]> {
  const service = requireService(kind);
  const document = sourceDocument(path, kind, text, version);
  try {
    return await allDiagnostics(service, document, options);
  } finally {
    service.forget(document.uri);
  }
}
